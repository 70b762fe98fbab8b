"""Readiness at a glance and the evidence review at scale, in a browser, checked by axe:
the lead answers "how ready are we and what next?" from one page, records the call, and
confirms a line of enquiry's evidence in one pass with the keyboard; the contributor and the
viewer see the same page without dead ends."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.clock("2026-11-26")]


@pytest.fixture
def anytown(demo, tmp_path, settings):
    """The demo's Anytown with its figures and narratives, and a small evidence set (the
    demo's own takes minutes to read)."""
    from readiness.demo.loader import load_figures_and_narratives
    from readiness.evidence.ingest import ingest_path
    from readiness.evidence.tests.factories import write_folder

    settings.DATA_DIR = tmp_path / "data"
    review = demo["Anytown"]
    load_figures_and_narratives(review)
    ingest_path(review, write_folder(tmp_path / "evidence"))
    return review


def test_the_glance_for_the_lead_the_contributor_and_the_viewer(page: Page, live_server, anytown):
    review = anytown
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    expect(page.get_by_role("heading", name=re.compile("readiness at a glance"))).to_be_visible()
    expect(page.get_by_role("heading", name="What to do next")).to_be_visible()
    expect(page.locator("svg.readiness-sparkline").first).to_be_visible()
    assert_accessible(page)

    page.get_by_text("Has the call come? Record it to start the countdown").click()
    page.get_by_label("Day").fill("23")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Record the call").click()
    expect(
        page.get_by_role("heading", name="The call came on Monday 23 November 2026")
    ).to_be_visible()
    assert_accessible(page)
    first = page.locator("ol.glance-steps li a").first
    expect(first).to_have_text(re.compile(r"^Do the \d+ tasks? due on the countdown$"))
    first.click()
    expect(page.get_by_role("heading", name="Countdown to the inspection")).to_be_visible()

    for username in ("dana.police", "lee.viewer"):
        log_out(page)
        log_in(page, live_server.url, username)
        page.goto(f"{live_server.url}/reviews/{review.id}/")
        expect(page.get_by_role("heading", name="My work")).to_be_visible()
        expect(page.get_by_role("button", name="Record the call")).to_have_count(0)
        assert_accessible(page)


def test_the_lead_confirms_a_lines_evidence_in_one_pass_with_the_keyboard(
    page: Page, live_server, anytown
):
    from django.db.models import Count

    from readiness.evidence.models import Alignment

    review = anytown
    line = (
        Alignment.objects.filter(document__review=review, status=Alignment.SUGGESTED)
        .values("line_of_enquiry")
        .annotate(n=Count("id"))
        .filter(n__gte=2)
        .order_by("line_of_enquiry")
        .values_list("line_of_enquiry", flat=True)
        .first()
    )
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/evidence/lines/{line}/?unreviewed=on")
    assert_accessible(page)
    boxes = page.locator("input[name=alignment]")
    chosen = [int(boxes.nth(i).get_attribute("value")) for i in range(2)]
    boxes.nth(0).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the first document's link
    page.keyboard.press("Tab")  # the second box
    page.keyboard.press("Space")
    expect(boxes.nth(1)).to_be_checked()
    page.get_by_role("button", name="Confirm ticked documents").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Confirmed 2 documents.")).to_be_visible()
    assert_accessible(page)
    assert sorted(Alignment.objects.filter(id__in=chosen).values_list("status", flat=True)) == [
        "confirmed",
        "confirmed",
    ]
