import pytest
from django.core.management import CommandError, call_command

from readiness.indicators.models import DataImport, IndicatorValue
from readiness.lib.testing.shared import needs_shared_data, shared_data

pytestmark = pytest.mark.django_db
SHARED = shared_data()


def test_it_imports_a_table(review, lead, tmp_path, capsys):
    path = tmp_path / "figures.csv"
    path.write_text("indicator,period_end,value\nlac_attainment_8,2026-08-31,21.4\n")
    call_command(
        "data", "import", str(path), "--kind", "table", "--review", str(review.id), "--as", "lead"
    )
    assert IndicatorValue.objects.get().value == 21.4
    assert capsys.readouterr().out.splitlines()[0] == (
        "Table of values: 1 values and 0 comparators read."
    )


def test_a_wrong_kind_is_refused_and_nothing_stored(review, lead, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("indicator,period_end,value\nlac_attainment_8,2026-08-31,21.4\n")
    with pytest.raises(CommandError) as caught:
        call_command(
            "data",
            "import",
            str(path),
            "--kind",
            "ssda903",
            "--review",
            str(review.id),
            "--as",
            "lead",
        )
    assert str(caught.value).endswith("Nothing was imported.")
    assert not DataImport.objects.exists()


def test_a_viewer_cannot_import(review, viewer, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("indicator,period_end,value\n")
    with pytest.raises(CommandError):
        call_command(
            "data",
            "import",
            str(path),
            "--kind",
            "table",
            "--review",
            str(review.id),
            "--as",
            "viewer",
        )


@needs_shared_data("ssda903_synthetic_five_years")
def test_the_five_synthetic_years_import_with_a_quality_report(review, lead):
    call_command(
        "data",
        "import",
        str(SHARED / "ssda903_synthetic_five_years"),
        "--kind",
        "ssda903",
        "--review",
        str(review.id),
        "--as",
        "lead",
    )
    record = DataImport.objects.get()
    assert record.records_left_out > 0
    assert record.quality["counts_by_reason"]["overlapping episodes"] == 33
    years = sorted(
        IndicatorValue.objects.filter(indicator="lac_health_assessments").values_list(
            "period_end__year", flat=True
        )
    )
    assert years == [2018, 2019, 2020, 2021, 2022]


def test_indicators_lists_latest_rating_and_trend(review, lead, tmp_path, capsys):
    path = tmp_path / "figures.csv"
    path.write_text(
        "indicator,period_end,value,numerator,denominator,england\n"
        "lac_dental_checks,2025-03-31,62,121,195,80\n"
        "lac_dental_checks,2026-03-31,82,164,200,80\n"
    )
    call_command(
        "data", "import", str(path), "--kind", "table", "--review", str(review.id), "--as", "lead"
    )
    capsys.readouterr()
    call_command("indicators", "--review", str(review.id))
    first, second = capsys.readouterr().out.splitlines()
    assert first == "lac_dental_checks\t2025-26: 82\tgreen"
    assert second.startswith("  Rose from 121 of 195 children")
