"""List pages answer in a fixed number of queries; another agency's documents stay hidden."""

import io
import subprocess

import pytest
from django.urls import reverse
from docx import Document

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


def _linked(review, lead, police):
    council = AgencyFactory(review=review, name="Anytown Borough Council")
    for title, agency in (("Strategy meeting about child J", council), ("Police return", police)):
        EvidenceDocument.objects.create(
            review=review, content_hash=title, title=title, agency=agency, file_type="pdf",
            size_bytes=10, stored_name=f"{title}.pdf",
        )  # fmt: skip
    narrative = Narrative.objects.create(review=review, key="dental")
    save_version(narrative, lead, title="Dental", indicator_ids=[], evidence=["Minutes, May"],
                 documents=EvidenceDocument.objects.all(), **SECTIONS)  # fmt: skip


def _docx_evidence(client, review):
    response = client.get(reverse("narratives:docx", args=[review.id, "dental"]))
    paragraphs = Document(io.BytesIO(response.content)).paragraphs
    return [p.text for p in paragraphs if p.style.name == "List Bullet"]


def _pdf_text(client, review, tmp_path):
    path = tmp_path / "n.pdf"
    path.write_bytes(client.get(reverse("narratives:pdf", args=[review.id, "dental"])).content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout  # fmt: skip
    return " ".join(text.split())


def test_the_exports_list_the_linked_documents_each_reader_may_know_of(
    as_lead, as_contributor, review, lead, contributor, police, tmp_path
):
    _linked(review, lead, police)
    assert _docx_evidence(as_lead, review) == [
        "Police return (Anyshire Police)",
        "Strategy meeting about child J (Anytown Borough Council)",
        "Minutes, May",
    ]
    assert _docx_evidence(as_contributor, review) == [
        "Police return (Anyshire Police)",
        "A document from Anytown Borough Council (another agency's)",
        "Minutes, May",
    ]
    lead_pdf = _pdf_text(as_lead, review, tmp_path)
    assert "Strategy meeting about child J Anytown Borough Council" in lead_pdf
    contributor_pdf = _pdf_text(as_contributor, review, tmp_path)
    assert "Strategy meeting about child J" not in contributor_pdf
    assert (
        "A document from Anytown Borough Council (another agency's: you cannot open it)"
        in contributor_pdf
    )
    assert "Police return Anyshire Police" in contributor_pdf
