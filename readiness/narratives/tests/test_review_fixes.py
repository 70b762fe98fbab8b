"""List pages answer in a fixed number of queries; another agency's documents stay hidden."""

import pytest
from django.urls import reverse

from readiness.evidence.models import EvidenceDocument
from readiness.indicators.models import DataImport, IndicatorValue
from readiness.lib.testing.factories import AgencyFactory
from readiness.narratives.models import Narrative
from readiness.narratives.services import save_version

pytestmark = pytest.mark.django_db

SECTIONS = {
    "targeted_and_why": "Too few children in care had their teeth checked.",
    "what_we_did": "A fast slot with a community dental service.",
    "impact_for_children": "82% of children in care now have a dental check each year.",
    "whats_next": "Reach 85% and keep it there.",
}


def narratives(review, lead, count):
    document = EvidenceDocument.objects.create(
        review=review, content_hash="x", title="Dental pathway plan", file_type="pdf",
        size_bytes=10, stored_name="x.pdf",
    )  # fmt: skip
    DataImport.objects.create(review=review, kind=DataImport.TABLE, file_name="f.csv")
    IndicatorValue.objects.create(
        review=review, indicator="lac_dental_checks", period_end="2026-03-31", value=82
    )
    for number in range(count):
        narrative = Narrative.objects.create(review=review, key=f"n{number}")
        for _ in range(2):
            save_version(
                narrative, lead, title=f"Narrative {number}", indicator_ids=["lac_dental_checks"],
                evidence=[], documents=[document], **SECTIONS,
            )  # fmt: skip


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("format", ["html", "json"])
def test_the_narratives_list_takes_a_fixed_number_of_queries(
    as_lead, review, lead, count, format, django_assert_num_queries
):
    narratives(review, lead, count)
    name = "narratives:index" if format == "html" else "narratives:index-json"
    with django_assert_num_queries(8):
        response = as_lead.get(reverse(name, args=[review.id]))
    assert response.status_code == 200


def test_a_contributor_is_not_told_the_title_of_another_agencys_document(
    as_contributor, as_lead, review, lead, contributor
):
    council = AgencyFactory(review=review, name="Anytown Borough Council")
    secret = EvidenceDocument.objects.create(
        review=review, content_hash="s", title="Strategy meeting about child J", agency=council,
        file_type="pdf", size_bytes=10, stored_name="s.pdf",
    )  # fmt: skip
    narrative = Narrative.objects.create(review=review, key="dental")
    save_version(narrative, lead, title="Dental", indicator_ids=[], evidence=[],
                 documents=[secret], **SECTIONS)  # fmt: skip
    url = reverse("narratives:detail", args=[review.id, "dental"])
    html = as_contributor.get(url).content.decode()
    assert "Strategy meeting about child J" not in html
    assert (
        '<li>A document from Anytown Borough Council <span class="govuk-body-s">'
        "(another agency's: you cannot open it)</span></li>"
    ) in html
    secret_url = reverse("evidence:document", args=[review.id, secret.id])
    assert (
        f'<a class="govuk-link" href="{secret_url}">Strategy meeting about child J</a>'
        in as_lead.get(url).content.decode()
    )
