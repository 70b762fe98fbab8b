"""The shipped indicator library loads, points at real measures, and is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readiness.indicators.domain import cin_measures, lac_measures, library
from readiness.indicators.domain.library import LibraryError, load_library

DOC = Path(__file__).resolve().parents[3] / "docs" / "indicators.md"
DEFINITIONS = load_library()

GOOD = """\
indicators:
  - id: sample
    title: A sample
    short_title: Sample
    unit: percent
    polarity: higher_is_better
    period: financial_year
    numerator: Some children
    denominator: All children
    counted: children
    source: ssda903
    measure_key: oc2_health_assessment
    published_definition: DfE "Children looked after in England"
    judgement_areas: [children_in_care]
    founding_review_proxy: false
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(text)
    return path


def test_the_library_loads_with_unique_ids():
    ids = [d.id for d in DEFINITIONS]
    assert len(ids) == len(set(ids)) >= 25


@pytest.mark.parametrize("definition", DEFINITIONS, ids=lambda d: d.id)
def test_every_measure_key_exists_in_its_registry(definition):
    registry = {"ssda903": lac_measures.ALL, "cin": cin_measures.MEASURES}.get(definition.source)
    if registry is None:
        assert definition.measure_key is None
    else:
        assert definition.measure_key in registry
        assert callable(registry[definition.measure_key])


def test_the_founding_review_proxies_are_shipped_and_marked():
    proxies = {d.id for d in DEFINITIONS if d.founding_review_proxy}
    assert proxies == {
        "teenage_conceptions_under_18",
        "sexual_abuse_medicals_in_police_station",
        "lac_health_assessments",
        "lac_dental_checks",
        "lac_attainment_8",
        "lac_english_maths_grade_4",
    }
    medicals = library.by_id(DEFINITIONS)["sexual_abuse_medicals_in_police_station"]
    assert (medicals.unit, medicals.polarity, medicals.source) == (
        "count",
        "lower_is_better",
        "entered",
    )
    conceptions = library.by_id(DEFINITIONS)["teenage_conceptions_under_18"]
    assert (conceptions.unit, conceptions.period) == ("rate_per_1000", "calendar_year")


def test_todays_inspection_measures_are_shipped():
    keys = {d.measure_key for d in DEFINITIONS}
    assert set(cin_measures.MEASURES) <= keys
    for key in ("placements_3_or_more", "placements_long_term", "missing_children"):
        assert key in keys
    for band in ("19-21", "17-18"):
        for kind in ("in_touch", "suitable_accommodation", "eet"):
            assert f"care_leavers_{kind}_{band}" in keys
    ids = {d.id for d in DEFINITIONS}
    for entered in ("cla_rate_per_10000", "social_worker_turnover", "social_worker_caseload",
                    "agency_worker_rate"):  # fmt: skip
        assert entered in ids


def test_every_indicator_informs_an_ilacs_judgement():
    for definition in DEFINITIONS:
        assert set(definition.judgement_areas) <= library.JUDGEMENT_AREAS


def test_a_good_file_loads(tmp_path):
    [definition] = load_library(_write(tmp_path, GOOD))
    assert definition.measure_key == "oc2_health_assessment"
    assert definition.judgement_areas == ("children_in_care",)
    with pytest.raises(AttributeError):
        definition.id = "other"  # frozen


def test_every_problem_is_reported_at_once_with_its_line(tmp_path):
    bad = (
        GOOD.replace("unit: percent", "unit: percentage")
        .replace("polarity: higher_is_better", "polarity: up")
        .replace("measure_key: oc2_health_assessment", "measure_key: oc2_health")
    )
    second = GOOD.split("indicators:\n", 1)[1]
    with pytest.raises(LibraryError) as caught:
        load_library(_write(tmp_path, bad + second))
    problems = caught.value.problems
    assert "indicators.yaml:2: sample: unknown unit 'percentage'" in problems[0]
    assert any("unknown polarity 'up'" in p for p in problems)
    assert any("measure_key 'oc2_health' is not in lac_measures.ALL" in p for p in problems)
    assert "indicators.yaml:16: sample: duplicate id (first at line 2)" in problems


def test_measure_keys_must_match_the_source(tmp_path):
    cin_key_for_903 = GOOD.replace("oc2_health_assessment", "cin_re_referrals_12_months")
    with pytest.raises(LibraryError, match="not in lac_measures.ALL"):
        load_library(_write(tmp_path, cin_key_for_903))
    entered_with_key = GOOD.replace("source: ssda903", "source: entered")
    with pytest.raises(LibraryError, match="set measure_key null"):
        load_library(_write(tmp_path, entered_with_key))
    computed_without = GOOD.replace("measure_key: oc2_health_assessment", "measure_key: null")
    with pytest.raises(LibraryError, match="measure_key is required"):
        load_library(_write(tmp_path, computed_without))


def test_duplicate_and_unknown_keys_are_caught(tmp_path):
    text = GOOD.replace("    counted: children\n", "    counted: children\n    unit: count\n")
    text += "    colour: red\n"
    with pytest.raises(LibraryError) as caught:
        load_library(_write(tmp_path, text))
    assert any("key `unit` given twice (line 11)" in p for p in caught.value.problems)
    assert any("unknown key `colour`" in p for p in caught.value.problems)


def test_a_count_has_no_denominator(tmp_path):
    text = GOOD.replace("unit: percent", "unit: count")
    with pytest.raises(LibraryError, match="a count has no denominator"):
        load_library(_write(tmp_path, text))


def test_not_a_library(tmp_path):
    with pytest.raises(LibraryError, match="`indicators` list"):
        load_library(_write(tmp_path, "- just a list\n"))


# --- documentation, in the manner of datasette's documentation tests -----------------------


@pytest.mark.parametrize("definition", DEFINITIONS, ids=lambda d: d.id)
def test_the_doc_lists_every_indicator(definition):
    assert f"| `{definition.id}` |" in DOC.read_text()


def test_the_doc_table_is_generated_from_the_yaml():
    text = DOC.read_text()
    assert library.render_doc(text, DEFINITIONS) == text, (
        "docs/indicators.md is out of date: python -m readiness.indicators.domain.library"
    )


@pytest.mark.parametrize("module", ["library", "assessment", "charts"])
def test_the_domain_modules_know_nothing_of_django(module):
    source = (Path(library.__file__).parent / f"{module}.py").read_text()
    assert not re.search(r"^\s*(from|import) django", source, re.M)
