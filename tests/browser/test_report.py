"""The readiness report in a browser: the lead records the review's interviews, runs the
check, reads the preview and downloads the Word and PDF reports; a bad template is refused."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from docx import Document
from playwright.sync_api import Page, expect

from readiness.lib.testing.files import pdf_text

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_the_lead_checks_and_downloads_the_report(page: Page, live_server, demo, tmp_path):
    from readiness.reports.demo import load_activities

    review = demo["Anytown"]
    load_activities(review)
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    page.get_by_role("link", name="Report", exact=True).click()
    expect(page.get_by_role("heading", name="Readiness report", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("What was done").select_option("focus_group")
    page.get_by_label("How many").fill("1")
    page.get_by_label("Who or what (optional)").fill("foster carers")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_text("Recorded 1 focus group.")).to_be_visible()
    expect(page.get_by_text("conducted 3 focus groups")).to_be_visible()

    page.get_by_role("button", name="Run the check again").click()
    expect(page.get_by_role("heading", name="Report check: passes")).to_be_visible()
    preview = page.get_by_role("region", name="Preview")
    preview.get_by_role("link", name="Summary and way forward", exact=True).click()
    assert page.url.endswith("#sec-summary")
    expect(preview.get_by_text("Make sure partners take part in revising the thresholds").first
           ).to_be_visible()  # fmt: skip
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Word document (.docx)").click()
    assert download.value.suggested_filename == "anytown-readiness-report.docx"
    word = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Annex C: action plan"
    assert "R1\tMake sure partners take part" in "\n".join(p.text for p in word.paragraphs)

    # Printing takes a few seconds, more on a busy machine.
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("link", name="PDF", exact=True).click(timeout=90_000)
    assert download.value.suggested_filename == "anytown-readiness-report.pdf"
    pdf = pypdfium2.PdfDocument(Path(download.value.path()).read_bytes())
    assert [b.get_title() for b in pdf.get_toc() if b.level == 0][-1] == "Annex C: action plan"

    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("link", name="PDF for members, without the evidence annex").click(
            timeout=90_000
        )
    assert download.value.suggested_filename == "anytown-readiness-report-for-members.pdf"
    members = Path(download.value.path()).read_bytes()
    assert "Left out of this copy, printed for members" in " ".join(pdf_text(members).split())

    with page.expect_download() as download:
        page.get_by_role("link", name="Self-evaluation draft (.docx)").click()
    assert download.value.suggested_filename == "anytown-self-evaluation-draft.docx"

    with page.expect_download() as download:
        page.get_by_role("link", name="Web page (.html)").click()
    standalone = tmp_path / "report.html"
    download.value.save_as(standalone)
    page.goto(standalone.as_uri())
    expect(page.get_by_role("heading", name="Readiness review: Anytown")).to_be_visible()
    page.get_by_role("link", name="Annex C: action plan").click()
    assert page.url.endswith("#annex-c")
    assert_accessible(page)  # the downloaded page on its own
    page.go_back()
    page.goto(f"{live_server.url}/reviews/{review.id}/report/")

    # A template that is not a Word document is refused, with the reason, and not kept.
    bad = tmp_path / "council.docx"
    bad.write_bytes(b"%PDF-1.7 not really Word")
    page.get_by_label("Word template (.docx)").set_input_files(str(bad))
    page.get_by_role("button", name="Upload the template").click()
    expect(page.get_by_role("alert")).to_contain_text("The template is not a Word document")
    expect(page.get_by_text("The Word report uses the standard layout")).to_be_visible()
    assert_accessible(page)
