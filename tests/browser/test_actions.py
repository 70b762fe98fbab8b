"""The action plan in a browser: filter it, open an item, add progress by keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def expect_codes(page: Page, expected: list[str]) -> None:
    """The plan's rows, in order, by code. Waits for the page a click led to: reading the
    rows at once raced the navigation on a loaded machine and saw an empty table."""
    rows = page.locator("tbody th")
    expect(rows).to_have_text([re.compile(rf"^\s*{re.escape(code)}\b") for code in expected])


def test_a_contributor_filters_the_plan_and_adds_progress_by_keyboard(
    page: Page, live_server, demo
):
    review = demo["Anytown"]
    log_in(page, live_server.url, "sam.health")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    page.get_by_role("link", name="Action plan").click()
    expect(page.get_by_role("heading", name="Action plan", level=1)).to_be_visible()
    expect_codes(page, ["R1", "A9", "A10", "A11", "A12", "A13", "A14", "A15"])
    assert_accessible(page)

    page.get_by_label("Agency").select_option(label="Anyshire Integrated Care Board")
    page.get_by_label("Status").select_option(label="Open (not started or in progress)")
    page.get_by_role("button", name="Apply filters").click()
    expect_codes(page, ["A12", "A15"])
    assert_accessible(page)
    page.get_by_role("link", name="Overdue", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?view=overdue$"))
    expect_codes(page, ["A12", "A15"])
    page.get_by_role("link", name="My actions").click()
    expect(page).to_have_url(re.compile(r"\?mine=on$"))
    expect_codes(page, ["A12", "A15"])

    page.get_by_role("link", name="A12").click()
    expect(page.get_by_role("heading", name="A12", level=1)).to_be_visible()
    expect(page.get_by_text("Waiting for the dental figures", exact=False)).to_be_visible()
    assert_accessible(page)

    # Keyboard only: into the form, type, choose the status with the arrow keys, submit.
    page.get_by_label("What has happened").focus()
    page.keyboard.type("Dental figures for children placed out of area added; narrative done.")
    page.keyboard.press("Tab")  # Status now (currently "In progress")
    page.keyboard.press("ArrowDown")  # Done
    page.keyboard.press("Tab")  # Evidence documents: the picker's search box
    page.keyboard.type("no such document")  # narrows the list to nothing
    page.keyboard.press("Tab")  # the picker's "Show only the chosen"
    page.keyboard.press("Tab")  # Other evidence
    page.keyboard.type("ICB Quality Committee minutes, 14 May 2026")
    page.keyboard.press("Tab")  # Add the update
    page.keyboard.press("Enter")
    expect(page.get_by_text("Progress added to A12.")).to_be_visible()
    expect(page.locator("dl").get_by_text("Done", exact=True)).to_be_visible()
    expect(page.get_by_text("ICB Quality Committee minutes, 14 May 2026")).to_be_visible()
    assert_accessible(page)


def test_a_viewer_reads_an_item_without_forms(page: Page, live_server, demo):
    review = demo["Anytown"]
    log_in(page, live_server.url, "lee.viewer")
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/R1/")
    expect(page.get_by_role("heading", name="Action plan", level=2)).to_be_visible()
    expect(
        page.get_by_role("cell", name="Multi-agency audit of threshold decisions")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Add a progress update")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Findings").first.click()
    expect(page.get_by_text("From Part 1: front door").first).to_be_visible()
    assert_accessible(page)


def test_the_lead_s_forms_are_accessible(page: Page, live_server, demo):
    review = demo["Anytown"]
    log_in(page, live_server.url, "priya.lead")
    for path in ("findings/new/", "actions/new/", "actions/R1/edit/", "actions/import/"):
        page.goto(f"{live_server.url}/reviews/{review.id}/{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/import/")
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/A15/")
    page.get_by_role("button", name="Add the milestone").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)


def test_the_plan_and_an_item_print_without_the_page_around_them(page: Page, live_server, demo):
    review = demo["Anytown"]
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/")
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name="Action plan", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="R1")).to_be_visible()
    for hidden in (page.get_by_role("button", name="Apply filters"), page.get_by_label("Agency"),
                   page.get_by_role("navigation", name="Review"),
                   page.get_by_role("link", name="My actions")):  # fmt: skip
        expect(hidden).to_be_hidden()
    link = page.get_by_role("link", name="R1")
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == "none"  # no "(/reviews/…/actions/R1/)" after every code
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/R1/")
    expect(page.get_by_role("heading", name="R1", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Add a progress update")).to_be_hidden()
    expect(page.get_by_role("heading", name="Add a milestone")).to_be_hidden()
    expect(page.get_by_role("button", name="Mark done").first).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.get_by_role("heading", name="Add a milestone")).to_be_visible()
