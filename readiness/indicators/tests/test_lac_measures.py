"""Looked-after children indicators: exact numbers on a return built by hand.

The expected answers were worked out on paper from the definitions in docs/ssda903.md
(DfE "Children looked after in England including adoptions"), child by child, as the
comments say. A change that moves one of them has changed a definition: change the page,
the DfE reference and this test together, or not at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from readiness.indicators.domain import lac_measures as m
from readiness.indicators.domain.ssda903 import read_ssda903
from readiness.indicators.tests import factories_903 as f
from readiness.lib.testing.shared import needs_shared_data, shared_data

DATA = shared_data()
TODAY = date(2026, 6, 1)
YEAR = 2022  # 1 April 2021 to 31 March 2022

DOBS = {
    "A": "01/01/2010", "B": "01/01/2012", "C": "01/01/2008", "D": "01/01/2012",
    "E": "01/01/2015", "F": "01/01/2011", "G": "01/01/2011", "M": "01/01/2014",
    "N": "01/01/2014", "O": "01/01/2014", "H": "01/06/2002", "I": "01/06/2004",
    "J": "01/06/2001", "K": "01/06/2002", "L": "01/06/2001",
}  # fmt: skip
EPISODES = [
    # A: in care since 2020, two moves of carer in the year: 3 placements; in OC2 cohort.
    f.episode("A", "01/01/2020", "01/06/2021"),
    f.episode("A", "01/06/2021", "01/09/2021", rne="P"),
    f.episode("A", "01/09/2021", rne="P"),
    # B: since 2019, a change of legal status only: 1 placement, same placement 3 years.
    f.episode("B", "01/01/2019", "01/06/2021"),
    f.episode("B", "01/06/2021", rne="L", ls="C1"),
    # C: came into care in the year.
    f.episode("C", "01/06/2021"),
    # D: short breaks (V3): not counted as looked after.
    f.episode("D", "01/01/2020", ls="V3"),
    # E: 3 placements but left care before 31 March.
    f.episode("E", "01/04/2021", "01/05/2021"),
    f.episode("E", "01/05/2021", "01/07/2021", rne="P"),
    f.episode("E", "01/07/2021", "01/02/2022", rne="P", rec="E13"),
    # F: since 2019, placed for adoption (A4) in 2020: adoptive + previous placement > 2 years.
    f.episode("F", "15/03/2019", "01/08/2020"),
    f.episode("F", "01/08/2020", rne="P", place="A4"),
    # G: since 2019, moved in 2020 to another foster carer: under 2 years there.
    f.episode("G", "01/01/2019", "01/08/2020"),
    f.episode("G", "01/08/2020", rne="P", place="U3"),
    # M: came into care on 1 April 2021 exactly: looked after for 12 months at 31 March.
    f.episode("M", "01/04/2021"),
    # N: a day later: not 12 months.
    f.episode("N", "02/04/2021"),
    # O: left care on 31 March: not looked after at 31 March.
    f.episode("O", "01/01/2020", "31/03/2022", rec="E13"),
]
OC2_ROWS = [
    f.oc2("A", DOBS["A"], health=1, teeth=1, sdq="12"),
    f.oc2("B", DOBS["B"], health=0, teeth=1),
    f.oc2("F", DOBS["F"], health=1, teeth=0, sdq="20"),
    # G has no OC2 record: in the denominators, in no numerator.
    f.oc2("M", DOBS["M"], health=1, teeth=0),
    f.oc2("C", DOBS["C"], health=1, teeth=1),  # not in the cohort: not counted
]
OC3_ROWS = [
    f.oc3("H", DOBS["H"], "YES", "F1", "B1"),  # 19: in touch, suitable, EET
    f.oc3("I", DOBS["I"], "NO", "G5", "S2"),  # 17
    f.oc3("J", DOBS["J"], "YES", "G4", "R2"),  # 20: in touch only
    f.oc3("K", DOBS["K"], "DIED", "0", "0"),  # left out
    f.oc3("L", DOBS["L"], "REFU", "F3", "01"),  # 20: F3 is EET before 2022/23; 01 no code
]
MISSING_ROWS = [
    f.missing("A", DOBS["A"], "01/05/2021", "03/05/2021"),
    f.missing("A", DOBS["A"], "01/07/2021", "02/07/2021"),
    f.missing("E", DOBS["E"], "01/06/2021", "02/06/2021"),
    f.missing("C", DOBS["C"], "01/08/2021", "02/08/2021", kind="A"),  # away, not missing
    f.missing("D", DOBS["D"], "01/08/2021", "02/08/2021"),  # short breaks only
    f.missing("B", DOBS["B"], "01/02/2021", "02/02/2021"),  # the year before
]


@pytest.fixture(scope="module")
def ret():
    header = [f.child(child, dob) for child, dob in DOBS.items()]
    files = f.files(header, EPISODES, OC2_ROWS, OC3_ROWS, MISSING_ROWS)
    result = read_ssda903(files, collection_year=YEAR, today=TODAY)
    assert result.quality.counts_by_reason() == {"unknown code for year": 1}  # L's ACCOM
    return result


def test_looked_after_at_31_march(ret):
    measure = m.looked_after_at_31_march(ret, YEAR)
    assert measure.numerator_ids == ("A", "B", "C", "F", "G", "M", "N")
    assert measure.value == 7 and measure.denominator is None


def test_oc2_cohort_boundaries(ret):
    # DfE: looked after continuously for at least 12 months at 31 March, not short breaks.
    assert m.oc2_cohort(ret, YEAR) == {"A", "B", "F", "G", "M"}


def test_health_assessments_follow_the_dfe_definition(ret):
    # Drift test (DfE council-level figure): HEALTH_CHECK=1 among the OC2 cohort.
    measure = m.health_assessments(ret, YEAR)
    assert (measure.numerator, measure.denominator, measure.value) == (3, 5, 60.0)
    assert measure.numerator_ids == ("A", "F", "M")
    assert measure.note == "1 in the cohort without an OC2 record"


def test_dental_immunisations_sdq_substance(ret):
    assert m.dental_checks(ret, YEAR).numerator_ids == ("A", "B")
    assert m.immunisations(ret, YEAR).value == 80.0  # all with a record: 4 of 5
    sdq = m.sdq_completed(ret, YEAR)  # aged 5-16: A 12, B 10, F 11, G 11, M 8
    assert (sdq.numerator, sdq.denominator) == (2, 5)
    assert m.substance_misuse(ret, YEAR).numerator == 0
    assert m.development_assessments(ret, YEAR).denominator == 0


def test_three_or_more_placements_follows_the_dfe_definition(ret):
    # Drift test (DfE council-level figure): of the 7 looked after at 31 March, only A had
    # 3 placements in the year; B's change of legal status is not a move; E left care.
    measure = m.three_or_more_placements(ret, YEAR)
    assert (measure.numerator, measure.denominator, measure.value) == (1, 7, 14.3)
    assert measure.numerator_ids == ("A",)


def test_long_term_stability(ret):
    # Under 16, looked after 2.5 years (since 1 October 2019 or before): B, F, G.
    # Same placement 2 years: B; placed for adoption, with the placement before, 2 years: F.
    measure = m.long_term_stability(ret, YEAR)
    assert measure.denominator_ids == ("B", "F", "G")
    assert measure.numerator_ids == ("B", "F")
    assert measure.value == 66.7


def test_missing(ret):
    # Looked after at some time in the year (not short breaks): A B C E F G M N O.
    went = m.went_missing(ret, YEAR)
    assert (went.numerator_ids, went.denominator) == (("A", "E"), 9)
    assert went.value == 22.2 and went.note == "3 incidents"
    per_child = m.missing_incidents_per_child(ret, YEAR)
    assert (per_child.numerator, per_child.denominator, per_child.value) == (3, 2, 1.5)
    assert m.went_missing(ret, YEAR, kind="A").numerator_ids == ("C",)


def test_care_leavers(ret):
    assert m.care_leavers(ret, YEAR, "19-21") == {"H", "J", "L"}
    assert m.care_leavers_in_touch(ret, YEAR).numerator_ids == ("H", "J")
    assert m.care_leavers_suitable_accommodation(ret, YEAR).numerator_ids == ("H",)
    assert m.care_leavers_eet(ret, YEAR).numerator_ids == ("H", "L")
    assert m.care_leavers_in_touch(ret, YEAR, "17-18").denominator_ids == ("I",)


def test_activity_codes_by_year():
    # F3 (training or employment) was replaced by F4/F5 in 2022/23.
    header = [f.child("L", DOBS["L"])]
    for year, eet in ((2022, ("L",)), (2023, ())):
        files = f.files(header, [], oc3_rows=[f.oc3("L", "01/06/2002", "YES", "F3", "B1")])
        ret = read_ssda903(files, collection_year=year, today=TODAY)
        assert m.care_leavers_eet(ret, year).numerator_ids == eet


@needs_shared_data("ssda903_synthetic_five_years")
def test_five_years_give_every_indicator_each_year():
    ret = read_ssda903(DATA / "ssda903_synthetic_five_years", today=TODAY)
    measures = m.all_measures(ret)
    assert sorted(measures) == [2018, 2019, 2020, 2021, 2022]
    for year, by_key in measures.items():
        assert set(by_key) == set(m.ALL)
        cla = by_key["cla_31_march"].numerator
        assert cla > 0
        assert by_key["placements_3_or_more"].denominator == cla
        assert 0 < by_key["oc2_cohort"].numerator <= cla, year
    assert measures[2018]["cla_31_march"].numerator == 362
    # Later years see earlier ones' episodes, so long-term stability has a history.
    assert measures[2020]["placements_long_term"].denominator > 0
