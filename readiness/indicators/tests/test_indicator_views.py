import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from readiness.indicators.models import Comparator, DataImport, ImportJob, IndicatorValue

pytestmark = pytest.mark.django_db

TABLE = (
    "indicator,period_end,value,numerator,denominator,england,target\n"
    "lac_health_assessments,2025-03-31,80,80,100,88,90\n"
    "lac_health_assessments,2026-03-31,91,91,100,89,90\n"
    "no_such_indicator,2026-03-31,5,,,,\n"
    "lac_dental_checks,31/13/2026,5,,,,\n"
)


def upload(client, review, text=TABLE, kind="table", name="figures.csv"):
    file = SimpleUploadedFile(name, text.encode())
    return client.post(
        reverse("indicators:imports", args=[review.id]), {"kind": kind, "files": [file]}
    )


def test_a_table_import_stores_values_and_reports_the_rest(as_lead, review):
    response = upload(as_lead, review)
    record = DataImport.objects.get()
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:import-job", args=[review.id, job.id])
    followed = as_lead.get(response["Location"])
    assert followed["Location"] == reverse("indicators:import", args=[review.id, record.id])
    assert (job.status, job.done, job.total, job.data_import) == ("done", 2, 2, record)
    assert list(IndicatorValue.objects.values_list("indicator", "value")) == [
        ("lac_health_assessments", 80.0),
        ("lac_health_assessments", 91.0),
    ]
    assert sorted(Comparator.objects.values_list("kind", "value")) == [
        ("england", 88.0),
        ("england", 89.0),
        ("target", 90.0),
        ("target", 90.0),
    ]
    assert record.quality["counts_by_reason"] == {
        "unknown indicator": 1,
        "not a date (write YYYY-MM-DD or DD/MM/YYYY)": 1,
    }


def test_the_indicators_page_rates_and_describes_the_trend(as_contributor, as_lead, review):
    upload(as_lead, review)
    response = as_contributor.get(reverse("indicators:index", args=[review.id]))
    view, sparkline = next(
        (v, s) for v, s in response.context["with_data"]
        if v.definition.id == "lac_health_assessments"
    )  # fmt: skip
    assert view.rag.status == "green"
    assert sparkline.count("<polyline") == 1 and 'aria-hidden="true"' in sparkline
    assert response.content.decode().count('class="indicator-sparkline"') == len(
        response.context["with_data"]
    )
    assert view.trend.words.startswith("Rose from 80 of 100")
    data = as_contributor.get(reverse("indicators:index-json", args=[review.id])).json()
    row = next(i for i in data["indicators"] if i["id"] == "lac_health_assessments")
    assert [p["value"] for p in row["series"]] == [80.0, 91.0]


def test_the_detail_page_draws_the_chart_with_a_table(as_lead, review):
    upload(as_lead, review)
    response = as_lead.get(reverse("indicators:detail", args=[review.id, "lac_health_assessments"]))
    assert response.status_code == 200
    assert b'role="img"' in response.content
    assert [row[0] for row in response.context["table_rows"]] == ["2024-25", "2025-26"]


def test_an_unknown_indicator_is_404(as_lead, review):
    url = reverse("indicators:detail", args=[review.id, "nothing-here"])
    assert as_lead.get(url).status_code == 404


def test_a_file_that_cannot_be_imported_changes_nothing(as_lead, review):
    response = upload(as_lead, review, text="a,b\n1,2\n")
    job = ImportJob.objects.get()
    page = as_lead.get(response["Location"])
    assert page.status_code == 200
    reason = (
        "figures.csv: no 'indicator' column (the table needs indicator, period_end and value; "
        "numerator, denominator, england, region, statistical_neighbours and target are "
        "optional). Nothing was imported."
    )
    assert (job.status, job.failure) == ("failed", reason)
    shown = reason.replace("'", "&#x27;")
    assert f'<p class="govuk-body" id="job-failure">{shown}</p>' in page.content.decode()
    assert page.content.decode().count("<title>Error: Data imports") == 1
    assert page.context["form"]["kind"].value() == "table"  # ready to try again
    assert not DataImport.objects.exists()
    assert not IndicatorValue.objects.exists()


def test_a_viewer_cannot_import(as_viewer, review):
    assert upload(as_viewer, review).status_code == 403
    assert not DataImport.objects.exists()


def test_the_quality_report_is_not_for_contributors(as_lead, as_contributor, review):
    upload(as_lead, review)
    record = DataImport.objects.get()
    url = reverse("indicators:import", args=[review.id, record.id])
    assert as_lead.get(url).status_code == 200
    assert as_contributor.get(url).status_code == 403
    assert as_lead.get(url + "?format=json").json()["records_read"] == 4


def test_outsiders_get_404(as_outsider, review):
    for url in (
        reverse("indicators:index", args=[review.id]),
        reverse("indicators:imports", args=[review.id]),
        reverse("indicators:detail", args=[review.id, "lac_health_assessments"]),
    ):
        assert as_outsider.get(url).status_code == 404


def test_the_imports_page_has_a_progress_bar_and_a_live_status(as_lead, as_viewer, review):
    page = as_lead.get(reverse("indicators:imports", args=[review.id])).content.decode()
    assert '<progress id="import-progress" max="100" value="0">0%</progress>' in page
    assert '<p class="govuk-body" id="import-status" role="status" aria-live="polite"></p>' in page
    assert 'src="/static/js/import-progress.js"' in page
    assert (
        "import-progress.js"
        not in as_viewer.get(reverse("indicators:imports", args=[review.id])).content.decode()
    )
