"""Asking the police for missing evidence, and the police answering by upload."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.clock("2026-11-26")]

CORPUS = Path(__file__).resolve().parents[2] / "readiness" / "evidence" / "tests" / "corpus"


def test_the_lead_asks_the_police_and_the_police_answer_by_upload(
    page: Page, live_server, demo, tmp_path, settings
):
    from readiness.asks.models import EvidenceRequest

    settings.DATA_DIR = tmp_path / "data"
    review = demo["Anytown"]
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    page.get_by_role("link", name="Requests", exact=True).click()
    expect(page.get_by_role("heading", name="Requests for evidence", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Ask an agency for evidence").click()
    assert_accessible(page)

    page.get_by_label("Agency you are asking").select_option(label="Anyshire Police")
    first = review.framework.judgements.order_by("position").first()
    line = first.lines_of_enquiry.order_by("position").first()
    page.get_by_text(first.title, exact=True).click()  # open the judgement's lines
    page.get_by_label(line.question).check()
    page.get_by_label("Needed by").fill("2026-12-10")
    page.get_by_label("What you are asking for").fill(
        "Your audit of strategy meetings held this year, please."
    )
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("heading", name="Request to Anyshire Police")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Open")).to_be_visible()
    assert_accessible(page)
    log_out(page)

    log_in(page, live_server.url, "dana.police")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    page.get_by_role("link", name="1 request for you").click()
    expect(page.get_by_role("heading", name="Requests for you", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Your audit of strategy meetings")).click()
    page.get_by_label("Evidence files").set_input_files([str(CORPUS / "notes.md")])
    page.get_by_role("button", name="Upload and answer").click()
    expect(page.get_by_text("Answered with 1 document")).to_be_visible(timeout=30_000)
    expect(page.locator(".govuk-tag", has_text="Answered")).to_be_visible()
    expect(page.get_by_text("Just added")).to_be_visible()
    assert_accessible(page)

    request = EvidenceRequest.objects.get()
    assert request.status == "answered"
    assert [d.agency.name for d in request.documents.all()] == ["Anyshire Police"]
    log_out(page)

    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/requests/")
    answered = page.get_by_role("table", name="Requests answered, declined or withdrawn")
    expect(answered.get_by_text("Answered", exact=True)).to_be_visible()
    assert_accessible(page)


def test_the_lead_mentions_the_police_in_a_comment_and_they_choose_their_e_mails(
    page: Page, live_server, demo
):
    from readiness.conversations.models import Comment

    review = demo["Anytown"]
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/A12/")
    page.get_by_label("Add a comment").fill("@Dana Merriweather can the police add <b>A12</b>?")
    page.get_by_role("button", name="Add the comment").click()
    expect(page.get_by_text("Comment added. 1 person was mentioned.")).to_be_visible()
    expect(page.get_by_text("can the police add <b>A12</b>?")).to_be_visible()
    assert_accessible(page)
    assert [u.username for u in Comment.objects.get().mentioned.all()] == ["dana.police"]
    log_out(page)

    log_in(page, live_server.url, "dana.police")
    page.get_by_role("link", name="Your notifications").click()
    assert_accessible(page)
    page.get_by_label("A weekly digest of what is waiting for you").uncheck()
    page.get_by_role("button", name="Save your choices").click()
    expect(page.get_by_label("A weekly digest of what is waiting for you")).not_to_be_checked()
    expect(page.get_by_label("Someone mentions you in a comment")).to_be_checked()
    assert_accessible(page)
