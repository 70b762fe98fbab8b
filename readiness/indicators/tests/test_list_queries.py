"""The indicators and imports lists answer in a fixed number of queries; a contributor who
imports lands where they may look."""

import pytest
from django.urls import reverse

from readiness.indicators.models import Comparator, DataImport, ImportJob, IndicatorValue

from .test_indicator_views import upload

pytestmark = pytest.mark.django_db

INDICATORS = ["lac_health_assessments", "lac_dental_checks", "lac_immunisations"]


@pytest.mark.parametrize("count", [1, 3])
def test_the_indicators_list_takes_a_fixed_number_of_queries(
    as_lead, review, lead, count, django_assert_num_queries
):
    for indicator in INDICATORS[:count]:
        for end in ("2025-03-31", "2026-03-31"):
            IndicatorValue.objects.create(review=review, indicator=indicator, period_end=end,
                                          value=80, numerator=80, denominator=100)  # fmt: skip
            Comparator.objects.create(review=review, indicator=indicator, period_end=end,
                                      kind=Comparator.TARGET, value=90)  # fmt: skip
    with django_assert_num_queries(5):
        response = as_lead.get(reverse("indicators:index", args=[review.id]))
    assert len(response.context["with_data"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_imports_list_takes_a_fixed_number_of_queries(
    as_lead, review, lead, count, django_assert_num_queries
):
    for number in range(count):
        DataImport.objects.create(review=review, kind=DataImport.TABLE,
                                  file_name=f"f{number}.csv", imported_by=lead)  # fmt: skip
        ImportJob.objects.create(review=review, kind=DataImport.TABLE, created_by=lead)
    with django_assert_num_queries(5):
        response = as_lead.get(reverse("indicators:imports", args=[review.id]))
    assert response.content.decode().count("f0.csv") == 1
    assert len(response.context["imports"]) == count
    assert response.content.decode().count("Table of values (CSV or Excel), ") == count


def test_a_contributor_who_imports_lands_on_the_import_s_page_not_a_refusal(
    as_contributor, as_lead, review, contributor, lead
):
    response = upload(as_contributor, review)
    record = DataImport.objects.get()
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:import-job", args=[review.id, job.id])
    page = as_contributor.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    report = reverse("indicators:import", args=[review.id, record.id])
    assert report not in html  # the quality report names children
    assert f'<p class="govuk-body govuk-!-font-weight-bold" id="job-done">{record.summary} ' in html
    assert reverse("indicators:index", args=[review.id]) in html
    imports = reverse("indicators:imports", args=[review.id])
    assert (
        "Table of values (CSV or Excel): figures.csv"
        in as_contributor.get(imports).content.decode()
    )
    assert report in as_lead.get(imports).content.decode()


def test_a_file_that_is_not_a_census_says_so_in_a_sentence(as_lead, review, lead):
    upload(as_lead, review, text="not xml at all", kind="cin", name="census.xml")
    assert ImportJob.objects.get().failure == (
        "census.xml: not readable XML: syntax error: line 1, column 0. Nothing was imported."
    )
    assert not DataImport.objects.exists()
