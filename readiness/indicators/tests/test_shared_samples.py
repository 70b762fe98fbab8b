"""Every sample in ../shared/data/ (SSDA903, CIN census, Annex A) imports through the page's
service, with a quality report that accounts for every record it could not use or changed.

The samples are for development only and are not in the repository: without them these tests
are skipped, saying so."""

from pathlib import Path

import pytest
from django.urls import reverse

from readiness.indicators.domain.imports import files_from
from readiness.indicators.models import DataImport
from readiness.indicators.services import import_data
from readiness.lib.testing.shared import SKIP_REASON, shared_data

SHARED = shared_data()


def _samples() -> list[tuple[str, Path]]:
    if not SHARED.is_dir():
        return []
    found = [
        ("ssda903", SHARED / "ssda903_synthetic_five_years"),
        ("ssda903", SHARED / "ssda903_small_samples"),
        ("ssda903", SHARED / "ssda903_fake_one_year"),  # its CSVs and its DfE XML together
        ("ssda903", SHARED / "ssda903_fake_one_year" / "fake_903.xml"),
    ]
    found += [("cin", p) for p in sorted((SHARED / "cin_census_fake").glob("*.xml"))]
    found += [("annexa", p) for p in sorted((SHARED / "annex_a").glob("*.xlsx"))]
    return found


SAMPLES = _samples()

# (records read, left out, kept with a correction, values stored) for each sample, so that a
# change in any reader shows up as a changed count rather than passing unnoticed.
EXPECTED = {
    "ssda903_synthetic_five_years": (8165, 33, 44, 80),
    "ssda903_small_samples": (18, 22, 6, 32),
    "ssda903_fake_one_year": (10432, 70, 22, 16),
    "ssda903_fake_one_year/fake_903.xml": (970, 7, 4, 16),
    "cin_census_fake/CIN2rows.xml": (1, 0, 3, 4),
    "cin_census_fake/CIN_Census_2021.xml": (1, 0, 3, 4),
    "cin_census_fake/CIN_Census_2024.xml": (2, 0, 7, 4),
    "cin_census_fake/CIN_Census_2026.xml": (2, 0, 13, 4),
    "cin_census_fake/CIN_header_issues_100.xml": (1, 0, 4, 4),
    "cin_census_fake/CIN_la_issues_2887Q.xml": (1, 0, 3, 4),
    "cin_census_fake/fake_CIN_data.xml": (332, 0, 24, 4),
    "cin_census_fake/liiatools_cin-2022.xml": (1, 0, 2, 4),
    "annex_a/Annex_A_2024_Jan_synthetic.xlsx": (59, 0, 98, 0),
    "annex_a/Annex_A_synthetic_liiatools_v1.xlsx": (59, 0, 91, 0),
    "annex_a/ofsted_annex_a_template_aug2019_cscdp_2016-01-sample.xlsx": (0, 0, 4, 0),
}
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not SAMPLES, reason=f"{SKIP_REASON}: the samples are absent from {SHARED}"),
]


@pytest.mark.parametrize(
    "kind,path", SAMPLES or [("none", Path())], ids=[p.name for _, p in SAMPLES] or ["none"]
)
def test_each_sample_imports_with_a_quality_report(as_lead, review, kind, path):
    record = import_data(review, kind, files_from(path), file_name=path.name)
    stored = DataImport.objects.get()
    assert stored == record
    counts = (record.records_read, record.records_left_out, record.records_corrected,
              record.values_stored)  # fmt: skip
    assert counts == EXPECTED[path.relative_to(SHARED).as_posix()]
    quality = record.quality
    # Every issue is counted under its reason, and each is either left out or kept.
    assert sum(quality["counts_by_reason"].values()) == quality["issues_total"]
    assert record.records_left_out + record.records_corrected == quality["issues_total"]
    assert all(issue["reason"] for issue in quality["issues"])
    assert quality["issues_total"] > 0  # the samples are deliberately dirty
    page = as_lead.get(reverse("indicators:import", args=[review.id, record.id]))
    assert page.status_code == 200
    shown = min(quality["issues_total"], len(quality["issues"]))
    assert (
        page.content.decode().count('<td class="govuk-table__cell">Left out</td>')
        + (page.content.decode().count('<td class="govuk-table__cell">Kept</td>'))
        == shown
    )
    listed = as_lead.get(reverse("indicators:imports", args=[review.id]))
    assert list(listed.context["imports"]) == [record]
