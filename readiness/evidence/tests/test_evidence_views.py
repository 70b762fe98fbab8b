import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import Alignment, EvidenceDocument
from readiness.evidence.tests.factories import CARE_LEAVERS, write_folder
from readiness.lib.testing.factories import AgencyFactory
from readiness.lib.testing.files import pdf_tag_problems, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(review, lead, police, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    AgencyFactory(review=review, name="Anytown Borough Council")
    ingest_path(review, write_folder(tmp_path / "evidence"), user=lead)
    return review


def police_document(review):
    return EvidenceDocument.objects.get(review=review, agency__name="Anyshire Police")


def council_document(review):
    return EvidenceDocument.objects.filter(
        review=review, agency__name="Anytown Borough Council"
    ).first()


def test_by_line_shows_every_document_to_the_lead(as_lead, library):
    response = as_lead.get(reverse("evidence:by-line", args=[library.id]))
    assert response.status_code == 200
    assert response.context["document_count"] == 3


def test_a_contributor_sees_only_their_agencys_documents(as_contributor, library):
    response = as_contributor.get(reverse("evidence:by-line", args=[library.id]))
    assert response.context["document_count"] == 1
    data = as_contributor.get(reverse("evidence:documents-json", args=[library.id])).json()
    assert [d["agency"] for d in data["documents"]] == ["Anyshire Police"]
    other = council_document(library)
    url = reverse("evidence:document", args=[library.id, other.id])
    assert as_contributor.get(url).status_code == 404


def test_an_outsider_gets_404_everywhere(as_outsider, library):
    document = police_document(library)
    for url in (
        reverse("evidence:by-line", args=[library.id]),
        reverse("evidence:by-agency", args=[library.id]),
        reverse("evidence:document", args=[library.id, document.id]),
        reverse("evidence:analyses", args=[library.id]),
        reverse("evidence:search", args=[library.id]) + "?q=strategy",
        reverse("evidence:index", args=[library.id, "docx"]),
        reverse("evidence:upload", args=[library.id]),
    ):
        assert as_outsider.get(url).status_code == 404, url


@pytest.mark.parametrize("documents", [1, 3])
def test_by_line_query_count_is_constant(
    as_lead, lead, review, tmp_path, settings, documents, django_assert_num_queries
):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(documents):
        (folder / f"offer {number}.md").write_text(f"{CARE_LEAVERS}\nVersion {number}.")
    ingest_path(review, folder, user=lead)
    with django_assert_num_queries(8):
        as_lead.get(reverse("evidence:by-line", args=[review.id]))


def test_document_json_carries_type_and_alignments(as_lead, library):
    document = police_document(library)
    data = as_lead.get(
        reverse("evidence:document", args=[library.id, document.id]) + "?format=json"
    ).json()
    assert data["title"] == document.title
    assert data["type"] == document.kind
    assert {a["line"] for a in data["alignments"]} == set(
        document.alignments.values_list("line_of_enquiry__key", flat=True)
    )


def test_a_reviewer_confirms_and_rejects(as_reviewer, library, reviewer):
    document = police_document(library)
    alignment = document.alignments.first()
    url = reverse("evidence:decide", args=[library.id, document.id, alignment.id])
    assert as_reviewer.post(url, {"decision": "reject"}).status_code == 302
    alignment.refresh_from_db()
    assert (alignment.status, alignment.decided_by) == (Alignment.REJECTED, reviewer)


def test_a_viewer_and_a_contributor_cannot_decide(as_viewer, as_contributor, library):
    document = police_document(library)
    alignment = document.alignments.first()
    url = reverse("evidence:decide", args=[library.id, document.id, alignment.id])
    assert as_viewer.post(url, {"decision": "confirm"}).status_code == 403
    assert as_contributor.post(url, {"decision": "confirm"}).status_code == 403
    alignment.refresh_from_db()
    assert alignment.status == Alignment.SUGGESTED


def test_a_reviewer_adds_a_line_the_machine_missed(as_reviewer, library):
    document = police_document(library)
    url = reverse("evidence:add-alignment", args=[library.id, document.id])
    as_reviewer.post(url, {"line": _line_key(library, "impact_of_leaders")})
    added = document.alignments.get(
        line_of_enquiry__judgement__key="impact_of_leaders", status=Alignment.CONFIRMED
    )
    assert added.confidence == 0.0


def _line_key(review, judgement_key):
    from readiness.frameworks.models import LineOfEnquiry

    return (
        LineOfEnquiry.objects.filter(
            judgement__framework=review.framework, judgement__key=judgement_key
        )
        .first()
        .key
    )


def test_a_contributor_uploads_for_their_own_agency(as_contributor, review, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    upload = SimpleUploadedFile("offer.md", CARE_LEAVERS.encode())
    response = as_contributor.post(
        reverse("evidence:upload", args=[review.id]), {"files": [upload]}, follow=True
    )
    assert response.status_code == 200
    assert response.context["report"].added == 1
    assert EvidenceDocument.objects.get().agency.name == "Anyshire Police"


def test_upload_reports_a_bad_file_and_keeps_the_good_one(as_lead, review, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    files = [
        SimpleUploadedFile("offer.md", CARE_LEAVERS.encode()),
        SimpleUploadedFile("scan.pdf", b""),
    ]
    response = as_lead.post(
        reverse("evidence:upload", args=[review.id]), {"files": files}, follow=True
    )
    assert response.context["report"].rejected == [("scan.pdf", "The file is empty.")]
    assert EvidenceDocument.objects.count() == 1


def test_a_viewer_cannot_upload(as_viewer, review):
    assert as_viewer.get(reverse("evidence:upload", args=[review.id])).status_code == 403


def test_analyses_for_the_lead_not_the_contributor(as_lead, as_contributor, library):
    response = as_lead.get(reverse("evidence:analyses", args=[library.id]))
    assert response.status_code == 200
    kinds = {f.kind for f in response.context["analysis"].findings}
    assert "gap" in kinds
    assert as_contributor.get(reverse("evidence:analyses", args=[library.id])).status_code == 403
    data = as_lead.get(reverse("evidence:analyses-json", args=[library.id])).json()
    assert {f["kind"] for f in data["findings"]} == kinds


def test_search_highlights_matches_and_escapes_text(as_lead, library):
    response = as_lead.get(reverse("evidence:search", args=[library.id]) + "?q=strategy")
    hits = response.context["hits"]
    assert len(hits) >= 1
    assert "<mark>" in str(hits[0].highlighted()).lower()


def test_search_for_a_contributor_is_limited_to_their_agency(as_contributor, library):
    response = as_contributor.get(reverse("evidence:search", args=[library.id]) + "?q=pathway")
    assert response.context["hits"] == []


def test_the_index_reads_back_in_every_format(as_lead, library):
    docx = as_lead.get(reverse("evidence:index", args=[library.id, "docx"]))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Evidence index: Anytown" in text
    xlsx = as_lead.get(reverse("evidence:index", args=[library.id, "xlsx"]))
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Number", "Judgement", "Line of enquiry", "Document")
    html = as_lead.get(reverse("evidence:index", args=[library.id, "html"]))
    assert html.content.startswith(b"<!DOCTYPE html>")
    pdf = as_lead.get(reverse("evidence:index", args=[library.id, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert "Evidence index: Anytown" in pdf_text(pdf.content)
    assert pdf_tag_problems(pdf.content) == []
    pack = as_lead.get(reverse("evidence:index", args=[library.id, "zip"]))
    names = zipfile.ZipFile(io.BytesIO(pack.content)).namelist()
    assert names[0] == "00 Evidence index.html"
    assert any(name.endswith(".md") for name in names)


def test_the_contributor_cannot_export_the_index(as_contributor, library):
    url = reverse("evidence:index", args=[library.id, "zip"])
    assert as_contributor.get(url).status_code == 403


def test_the_judgement_page_lists_aligned_documents(as_lead, library):
    url = reverse("assessment:judgement", args=[library.id, "care_leavers"])
    library_rows = as_lead.get(url).context["library"]
    assert [row["document__title"] for row in library_rows][:1] == [
        EvidenceDocument.objects.get(title__icontains="care leavers").title
    ]


def test_by_line_json(as_lead, library):
    data = json.loads(as_lead.get(reverse("evidence:by-line-json", args=[library.id])).content)
    assert data["review"] == library.id
    assert len(data["lines_of_enquiry"]) == 20


def test_a_zip_upload_is_opened_and_foldered_by_agency(as_lead, review, police, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Anyshire Police/offer.md", CARE_LEAVERS)
        archive.writestr("__MACOSX/._offer.md", "junk")
    upload = SimpleUploadedFile("evidence.zip", buffer.getvalue())
    response = as_lead.post(
        reverse("evidence:upload", args=[review.id]), {"files": [upload]}, follow=True
    )
    assert response.context["report"].added == 1
    document = EvidenceDocument.objects.get()
    assert document.agency == police
    assert list(document.sources.values_list("path", flat=True)) == [
        "evidence.zip/Anyshire Police/offer.md"
    ]


def test_reading_a_document_is_logged(as_lead, lead, library, caplog):
    document = police_document(library)
    with caplog.at_level("INFO", logger="readiness.audit"):
        as_lead.get(reverse("evidence:document", args=[library.id, document.id]))
    record = caplog.records[-1]
    assert (record.message, record.user, record.document) == (
        "evidence document viewed",
        lead.pk,
        document.id,
    )


def test_narratives_lead_their_judgements_in_the_index(as_lead, library, lead):
    from readiness.narratives.models import Narrative, NarrativeVersion

    narrative = Narrative.objects.create(
        review=library, key="leavers", action_point="A16", judgement_areas=["care_leavers"]
    )
    NarrativeVersion.objects.create(
        narrative=narrative,
        number=1,
        title="Care leavers in work",
        targeted_and_why="a",
        what_we_did="b",
        impact_for_children="c",
        whats_next="d",
    )
    html = as_lead.get(reverse("evidence:index", args=[library.id, "html"])).content.decode()
    section = html.split("<h2>The experiences and progress of care leavers</h2>")[1]
    assert section.startswith(
        "<p>Narratives:</p><ul><li>A16: Care leavers in work (narrative, version 1)</li></ul>"
    )
