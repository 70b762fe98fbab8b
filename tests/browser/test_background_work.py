"""The pages of background work in a browser: preparing the report and downloading it, an
import and a realignment under way, and a prepared report that failed; each passes axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_the_lead_prepares_the_report_and_watches_work_under_way(
    page: Page, live_server, demo, tmp_path, settings
):
    from readiness.evidence.models import RealignJob
    from readiness.indicators.models import ImportJob
    from readiness.reports.models import ReportBuild

    settings.DATA_DIR = tmp_path / "data"
    review = demo["Anytown"]
    base = f"{live_server.url}/reviews/{review.id}"
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{base}/report/")
    page.get_by_label("Format").select_option("html")
    page.get_by_label("A copy for members, without the evidence annex").check()
    page.get_by_role("button", name="Prepare the report").click()
    expect(page.get_by_role("heading", name="Report: Web page, a copy for members")).to_be_visible()
    link = page.get_by_role("link", name="Download anytown-readiness-report-for-members.html")
    expect(link).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "anytown-readiness-report-for-members.html"

    failed = ReportBuild.objects.create(
        review=review, fmt="pdf", total=3, done=1, status=ReportBuild.FAILED,
        failure="The report check found problems to put right first: A13 has no text.",
    )  # fmt: skip
    page.goto(f"{base}/report/prepared/{failed.id}/")
    expect(page.get_by_role("alert")).to_contain_text("A13 has no text.")
    expect(page).to_have_title(re.compile(r"^Error: Report prepared"))
    assert_accessible(page)

    running = ImportJob.objects.create(
        review=review, kind="ssda903", status=ImportJob.RUNNING, total=6, done=2,
        uploads=[["0001", "header.csv"], ["0002", "episodes.csv"]],
    )  # fmt: skip
    page.goto(f"{base}/data/jobs/{running.id}/")
    expect(page.get_by_label("Progress")).to_have_attribute("value", "2")
    assert_accessible(page)
    page.goto(f"{base}/data/")
    expect(page.get_by_role("link", name=re.compile(r"^SSDA903 return, "))).to_be_visible()
    assert_accessible(page)

    from readiness.casework.models import CaseImportJob

    waiting = CaseImportJob.objects.create(review=review, file_name="cases.csv", total=2)
    page.goto(f"{base}/cases/import/{waiting.id}/")
    expect(page.get_by_text("Waiting for a worker")).to_be_visible()
    assert_accessible(page)
    refused = CaseImportJob.objects.create(
        review=review, file_name="cases.csv", status=CaseImportJob.FAILED, total=2,
        failure="Nothing was imported: 1 problem in the file.",
        problems=["Column “Surname” looks like a name: leave it out."],
    )  # fmt: skip
    page.goto(f"{base}/cases/import/{refused.id}/")
    expect(page.get_by_role("alert")).to_contain_text("looks like a name")
    assert_accessible(page)

    page.goto(f"{base}/evidence/realign/")
    expect(page.get_by_role("button", name="Align the evidence again")).to_be_visible()
    assert_accessible(page)
    realigning = RealignJob.objects.create(
        review=review, status=RealignJob.RUNNING, total=40, done=12
    )
    page.goto(f"{base}/evidence/realign/{realigning.id}/")
    expect(page.get_by_text("12 of 40").first).to_be_visible()
    assert_accessible(page)
