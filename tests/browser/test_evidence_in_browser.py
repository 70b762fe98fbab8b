"""The evidence library in a browser: upload with the progress bar, reviewing an alignment,
the analyses and search, and downloading the index."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parents[2] / "readiness" / "evidence" / "tests" / "corpus"


@pytest.fixture
def library(demo, tmp_path, settings):
    from readiness.evidence.ingest import ingest_path
    from readiness.evidence.tests.factories import write_folder

    settings.DATA_DIR = tmp_path / "data"
    review = demo["Anytown"]
    ingest_path(review, write_folder(tmp_path / "evidence"))
    return review


def test_a_contributor_uploads_files_and_sees_what_happened(
    page: Page, live_server, demo, tmp_path, settings
):
    settings.DATA_DIR = tmp_path / "data"
    review = demo["Anytown"]
    log_in(page, live_server.url, "dana.police")
    page.goto(f"{live_server.url}/reviews/{review.id}/evidence/upload/")
    assert_accessible(page)
    page.get_by_label("Evidence files").set_input_files(
        [str(CORPUS / "notes.md"), str(CORPUS / "empty.pdf")]
    )
    page.get_by_role("button", name="Add the files").click()
    expect(page.get_by_text("What happened")).to_be_visible(timeout=30_000)
    assert re.search(r"/evidence/upload/\d+/$", page.url), page.url
    expect(page.get_by_role("cell", name="The file is empty.")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/reviews/{review.id}/evidence/agencies/")
    expect(page.get_by_role("table", name="Anyshire Police (1)")).to_be_visible()


def test_a_reviewer_rejects_an_alignment_and_it_stays_rejected(page: Page, live_server, library):
    from readiness.evidence.models import EvidenceDocument

    document = EvidenceDocument.objects.get(review=library, agency__name="Anyshire Police")
    log_in(page, live_server.url, "tom.reviewer")
    page.goto(f"{live_server.url}/reviews/{library.id}/evidence/")
    assert_accessible(page)
    page.get_by_role("link", name=document.title).first.click()
    assert_accessible(page)
    first = document.alignments.order_by("-confidence").first()
    question = re.escape(first.line_of_enquiry.question)
    page.get_by_role("button", name=re.compile(rf"^Reject\W+{question}$")).click()
    expect(page.get_by_text(f"Rejected: {first.line_of_enquiry.question}")).to_be_visible()
    first.refresh_from_db()
    assert first.status == "rejected"
    page.goto(f"{live_server.url}/reviews/{library.id}/evidence/analyses/")
    expect(page.get_by_role("heading", name="Findings")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/reviews/{library.id}/evidence/search/?q=strategy")
    expect(page.locator("mark").first).to_be_visible()
    assert_accessible(page)


def test_the_lead_downloads_the_index_and_the_pack(page: Page, live_server, library):
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{library.id}/evidence/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Word").click()
    text = "\n".join(
        p.text for p in Document(io.BytesIO(Path(download.value.path()).read_bytes())).paragraphs
    )
    assert "Evidence index: Anytown" in text
    with page.expect_download() as download:
        page.get_by_role("link", name="evidence pack (zip)").click()
    names = zipfile.ZipFile(download.value.path()).namelist()
    assert names[0] == "00 Evidence index.html"


def test_a_damaged_file_is_refused_on_a_page_that_names_it(page: Page, live_server, library):
    from readiness.evidence.models import EvidenceDocument

    document = EvidenceDocument.objects.get(review=library, agency__name="Anyshire Police")
    stored = library_file(document)
    stored.write_bytes(stored.read_bytes() + b" altered")
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{library.id}/evidence/documents/{document.id}/original/")
    expect(page.get_by_role("heading", name="A stored file is damaged")).to_be_visible()
    expect(page.get_by_role("link", name=document.title)).to_be_visible()
    assert_accessible(page)


def library_file(document) -> Path:
    from readiness.evidence.storage import evidence_storage, name_for

    return Path(evidence_storage().path(name_for(document.content_hash)))
