"""The CIN census reader and its measures, on tiny hand-built files and the shared samples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from readiness.indicators.domain.cin import CinFileError, read_census
from readiness.indicators.domain.cin_measures import (
    all_measures,
    assessments_within_45_days,
    census_year,
    combine,
    long_protection_plans,
    re_referrals,
    repeat_protection_plans,
)
from readiness.lib.testing.shared import needs_shared_data, shared_data

SAMPLES = shared_data("cin_census_fake")
YEAR_END = date(2024, 3, 31)


def message(children: str, reference: str = "2024-03-31", collection: str = "CIN") -> bytes:
    return f"""<Message><Header><CollectionDetails><Collection>{collection}</Collection>
    <Year>2024</Year><ReferenceDate>{reference}</ReferenceDate></CollectionDetails>
    <Source><LEA>999</LEA></Source></Header><Children>{children}</Children></Message>""".encode()


def child(child_id: str, *details: str, sex: str = "<Sex>F</Sex>") -> str:
    return f"""<Child><ChildIdentifiers><LAchildID>{child_id}</LAchildID>
    <PersonBirthDate>2015-01-01</PersonBirthDate>{sex}</ChildIdentifiers>
    <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
    {"".join(details)}</Child>"""


def referral(day: str, inner: str = "") -> str:
    return f"""<CINdetails><CINreferralDate>{day}</CINreferralDate>
    <ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>{inner}</CINdetails>"""


def plan(start: str, end: str = "", previous: int = 0) -> str:
    ending = f"<CPPendDate>{end}</CPPendDate>" if end else ""
    return f"""<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate>{ending}
    <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
    <NumberOfPreviousCPP>{previous}</NumberOfPreviousCPP></ChildProtectionPlans>"""


def assessment(start: str, authorised: str = "") -> str:
    done = f"<AssessmentAuthorisationDate>{authorised}</AssessmentAuthorisationDate>"
    return f"""<Assessments><AssessmentActualStartDate>{start}</AssessmentActualStartDate>
    {done if authorised else ""}</Assessments>"""


TINY = message(
    child(
        "A",
        referral("2023-01-10", plan("2021-01-01", "2022-12-01")),
        referral("2023-06-01", plan("2023-06-05") + assessment("2023-12-15", "2024-02-21")),
        referral("2024-02-01"),
    )
    + child(
        "B",
        referral("2022-05-01"),
        referral("2023-05-02", plan("2021-04-01", "2023-04-01")),
        referral("2023-05-02"),  # the same referral twice: counted once
        referral("2023-05-03", assessment("2023-12-15", "2024-02-22")),
    )
    + child("C", referral("2023-04-01", plan("2023-05-01", "2024-03-31", previous=2)))
    + child(
        "C2",
        referral("2023-04-01", assessment("2023-05-01", "2023-05-01")),
        sex="<GenderCurrent>1</GenderCurrent>",
    )
    + child(
        "D",
        referral("2022-07-01", plan("2022-01-10", "2023-12-31")),
        referral("2023-07-01", plan("2023-09-01", "2023-08-01")),
        referral("2023-06-10", assessment("2023-06-10", "2023-06-01")),
    )
    + child(
        "E",
        referral("2023-10-01", plan("2023-10-01") + assessment("2024-03-01", "2024-04-02")),
        referral("2021-10-01", assessment("2021-10-02")),
    )
)


def test_census_year() -> None:
    assert census_year(YEAR_END) == (date(2023, 4, 1), date(2024, 3, 31))
    assert census_year(date(2024, 2, 29)) == (date(2023, 3, 1), date(2024, 2, 29))


def test_reads_the_tiny_census() -> None:
    census = read_census(TINY)
    assert census.reference_date == YEAR_END
    assert census.la_code == "999"
    assert [c.child_id for c in census.children] == ["A", "B", "C", "C2", "D", "E"]
    assert census.children_read == 6
    assert [c.sex for c in census.children[2:4]] == ["F", "M"]
    first = census.children[0].episodes[1]
    assert first.protection_plans[0].start == date(2023, 6, 5)
    assert first.assessments[0].authorised == date(2024, 2, 21)


def test_re_referrals() -> None:
    result = re_referrals(read_census(TINY).children, YEAR_END)
    # In year: A 2023-06-01 (yes) and 2024-02-01 (yes); B 2023-05-02 (no: 12 months and a day
    # after 2022-05-01) and 2023-05-03 (yes); C and C2 2023-04-01 (first); D 2023-06-10 and
    # 2023-07-01 (yes: exactly 12 months after 2022-07-01, and after 2023-06-10); E 2023-10-01.
    assert (result.numerator, result.denominator) == (5, 9)
    assert result.value == 55.6
    assert result.numerator_child_ids == ("A", "B", "D")
    assert result.denominator_child_ids == ("A", "B", "C", "C2", "D", "E")
    assert [(i.child_id, i.reason) for i in result.excluded] == [("B", "duplicate")]


def test_repeat_protection_plans() -> None:
    result = repeat_protection_plans(read_census(TINY).children, YEAR_END)
    # Starting in year: A (earlier plan in the data), C (two previous plans recorded),
    # D 2023-09-01 (earlier plan in the data), E (first).
    assert (result.numerator, result.denominator, result.value) == (3, 4, 75.0)
    assert result.numerator_child_ids == ("A", "C", "D")


def test_long_protection_plans() -> None:
    result = long_protection_plans(read_census(TINY).children, YEAR_END)
    # Ending in year: B (exactly two years: counts), C and D (shorter); D's plan that ends
    # before it starts is left out, with its reason.
    assert (result.numerator, result.denominator, result.value) == (1, 3, 33.3)
    assert result.numerator_child_ids == ("B",)
    assert [(i.child_id, i.reason) for i in result.excluded] == [("D", "end before start")]


def test_assessments_within_45_working_days() -> None:
    result = assessments_within_45_days(read_census(TINY).children, YEAR_END)
    # From Friday 15 December 2023, with 25 and 26 December and 1 January off, working day 45
    # is Wednesday 21 February 2024 (A: in time) and 22 February is day 46 (B: late). C2 was
    # done the same day. D's is authorised before it started; E's falls in the next year.
    assert (result.numerator, result.denominator, result.value) == (2, 3, 66.7)
    assert result.numerator_child_ids == ("A", "C2")
    assert [(i.child_id, i.reason) for i in result.excluded] == [("D", "end before start")]


def test_all_measures_and_empty_years() -> None:
    measures = all_measures(read_census(TINY))
    assert set(measures) == {
        "cin_re_referrals_12_months",
        "cin_cpp_second_or_subsequent",
        "cin_cpp_ended_two_years_or_more",
        "cin_assessments_within_45_working_days",
    }
    empty = all_measures(read_census(TINY), date(2015, 3, 31))
    assert all(m.denominator == 0 and m.value is None for m in empty.values())


def test_combine_sees_referrals_from_an_earlier_census() -> None:
    earlier = read_census(message(child("X", referral("2022-12-01")), "2023-03-31"))
    later = read_census(message(child("X", referral("2023-06-01"))))
    alone = re_referrals(later.children, YEAR_END)
    both = re_referrals(combine([later, earlier]), YEAR_END)
    assert (alone.numerator, alone.denominator) == (0, 1)
    assert (both.numerator, both.denominator) == (1, 1)


def test_bad_records_are_reported_not_dropped() -> None:
    xml = message(
        child("A", referral("2023-13-01"), "<Mystery>x</Mystery>")
        + "<Child><ChildIdentifiers><UPN>A1</UPN></ChildIdentifiers></Child>"
        + child("B", referral("2023-05-01", "<ReferralNFA>maybe</ReferralNFA>"), sex="<Sex>7</Sex>")
        + child("B", referral("2023-06-01")),
        reference="2024-03-28",
    )
    census = read_census(xml)
    assert [c.child_id for c in census.children] == ["A", "B", "B"]
    assert census.children[0].episodes[0].referral_date is None
    found = {(i.row_number, i.child_id, i.reason, i.kept) for i in census.report.issues}
    assert found == {
        (None, None, "header", True),
        (1, "A", "invalid date", True),
        (1, "A", "missing referral date", True),
        (1, "A", "unknown element", True),
        (2, None, "missing child id", False),
        (3, "B", "repeated element", True),
        (3, "B", "invalid code", True),
        (4, "B", "duplicate child", True),
    }


@pytest.mark.parametrize(
    ("data", "message_part"),
    [
        (b"not xml at all", "not readable XML"),
        (b"<Return><Header/></Return>", "not a CIN census"),
        (message("", collection="SSDA903"), "collection 'SSDA903'"),
    ],
)
def test_wrong_kind_of_file(data: bytes, message_part: str) -> None:
    with pytest.raises(CinFileError, match=message_part):
        read_census(data)


needs_samples = needs_shared_data("cin_census_fake")


@needs_samples
def test_every_sample_imports() -> None:
    expected = {
        "CIN2rows.xml": 1,
        "CIN_Census_2021.xml": 1,
        "CIN_Census_2024.xml": 2,
        "CIN_Census_2026.xml": 2,
        "CIN_header_issues_100.xml": 1,
        "CIN_la_issues_2887Q.xml": 1,
        "fake_CIN_data.xml": 332,
        "liiatools_cin-2022.xml": 1,
    }
    for name, count in expected.items():
        census = read_census(SAMPLES / name)
        assert len(census.children) == census.children_read == count, name
        all_measures(census)


@needs_samples
def test_sample_details() -> None:
    header = read_census(SAMPLES / "CIN_header_issues_100.xml")
    assert header.report.counts_by_reason()["header"] == 1
    layout_2026 = read_census(SAMPLES / "CIN_Census_2026.xml")
    pre = layout_2026.children[0].episodes[0].pre_proceedings[0]
    assert pre["PPStartDate"] == date(2026, 9, 9) and pre["ReviewMeetingsCount"] == 3
    stray = read_census(SAMPLES / "CIN_Census_2021.xml").report.issues
    assert any(i.reason == "stray text" and i.value == "PersonBirthDate" for i in stray)
    fake = read_census(SAMPLES / "fake_CIN_data.xml")
    result = re_referrals(fake.children, date(2022, 3, 31))
    assert (result.numerator, result.denominator) == (3, 54)
    assert len(fake.children) == 332
    duplicate_plan = all_measures(read_census(SAMPLES / "CIN2rows.xml"), date(2023, 3, 31))
    assert duplicate_plan["cin_cpp_ended_two_years_or_more"].denominator == 1


def test_every_measure_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "cin-and-annex-a.md").read_text()
    for key in all_measures(read_census(TINY)):
        assert f"**`{key}`**" in doc, key
