"""Anytown's synthetic SSDA903 return: reproducible, computed as the narratives say, imported
by the demo through the same service as the command line, with a quality report."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from readiness.demo.domain.ssda903_demo import anytown_return, main
from readiness.demo.loader import load_figures_and_narratives
from readiness.indicators.domain.lac_measures import all_measures
from readiness.indicators.domain.ssda903 import read_ssda903
from readiness.indicators.models import DataImport, IndicatorValue
from readiness.narratives.services import check

TODAY = date(2026, 5, 20)


def test_the_return_is_the_same_every_time():
    first, second = anytown_return(), anytown_return()
    assert first == second
    assert sorted(first) == [
        f"{year}-{table}.csv"
        for year in (2025, 2026)
        for table in ("episodes", "header", "missing", "oc2", "oc3")
    ]
    assert anytown_return(seed=1) != first


def test_its_figures_are_those_the_narratives_state():
    measures = all_measures(read_ssda903(anytown_return(), today=TODAY))
    figures = {
        year: {
            key: (m.numerator, m.denominator)
            for key, m in by_key.items()
            if key in ("oc2_cohort", "oc2_health_assessment", "oc2_dental_check")
        }
        for year, by_key in measures.items()
    }
    assert figures == {
        2025: {
            "oc2_cohort": (195, None),
            "oc2_health_assessment": (125, 195),
            "oc2_dental_check": (121, 195),
        },
        2026: {
            "oc2_cohort": (200, None),
            "oc2_health_assessment": (178, 200),
            "oc2_dental_check": (164, 200),
        },
    }
    assert measures[2026]["oc2_health_assessment"].value == 89.0
    assert measures[2026]["oc2_dental_check"].value == 82.0


def test_its_deliberate_mistakes_are_each_reported_once():
    report = read_ssda903(anytown_return(), today=TODAY).quality
    assert report.counts_by_reason() == {
        "code from another year": 1,
        "duplicated episode": 1,
        "unknown code for year": 1,
        "end before start": 1,
    }
    assert sorted((i.table, i.field, i.kept) for i in report.issues) == [
        ("episodes", "DECOM", False),
        ("header", "SEX", True),
        ("missing", "MIS_END", False),
        ("oc3", "ACCOM", True),
    ]


@pytest.mark.django_db
def test_the_demo_imports_it_and_its_narratives_still_pass(review, lead, as_lead):
    load_figures_and_narratives(review)  # the review's area is Anytown
    imports = list(DataImport.objects.order_by("id").values_list("kind", "records_left_out"))
    assert imports == [("table", 0), ("ssda903", 2)]
    record = DataImport.objects.get(kind="ssda903")
    assert record.file_name == "Anytown SSDA903 return 2024-25 and 2025-26 (synthetic)"
    health = IndicatorValue.objects.get(
        indicator="lac_health_assessments", period_end=date(2026, 3, 31)
    )
    assert (health.numerator, health.denominator, health.value, health.source) == (
        178.0,
        200.0,
        89.0,
        record,
    )
    from_records = set(
        IndicatorValue.objects.filter(source=record).values_list("indicator", flat=True)
    )
    assert {
        "placements_3_or_more",
        "placements_long_term",
        "missing_from_care",
        "care_leavers_eet_19_to_21",
        "lac_immunisations",
    } <= from_records
    verdicts = {n.key: check(n.versions.first()).passed for n in review.narratives.all()}
    assert [key for key, passed in verdicts.items() if not passed] == ["lac-health-meetings"]
    assert len(verdicts) == 6
    page = as_lead.get(reverse("indicators:import", args=[review.id, record.id]))
    assert page.context["record"].quality["counts_by_reason"]["duplicated episode"] == 1


@pytest.mark.django_db
def test_the_written_folder_imports_from_the_command_line(review, lead, tmp_path, capsys):
    assert main([str(tmp_path / "return")]) == 0
    call_command(
        "data", "import", str(tmp_path / "return"), "--kind", "ssda903",
        "--review", str(review.id), "--as", "lead",
    )  # fmt: skip
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("SSDA903 return for 2024/25, 2025/26: ")
    assert (
        IndicatorValue.objects.get(
            indicator="lac_dental_checks", period_end=date(2026, 3, 31)
        ).value
        == 82.0
    )


def test_the_script_says_how_to_use_it(capsys):
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "usage: python -m readiness.demo.domain.ssda903_demo FOLDER\n"
    )


def test_the_a12_narrative_quotes_the_returns_figures():
    from readiness.narratives.domain.demo_narratives import A12

    measures = all_measures(read_ssda903(anytown_return(), today=TODAY))[2026]
    health, dental = measures["oc2_health_assessment"], measures["oc2_dental_check"]
    immunisations = measures["oc2_immunisations"]
    assert (health.numerator, health.denominator, dental.numerator) == (178, 200, 164)
    assert immunisations.value == 91.0
    assert (
        "89% of the 200 children looked after for a year had an up-to-date health assessment "
        "(178 children)" in A12.impact_for_children
    )
    assert "82% had a dental check (164 children)" in A12.impact_for_children
    assert "91% of children in care are now up to date with immunisations" in (
        A12.impact_for_children
    )
