"""The countdown in a browser: a refused bank holiday, then the timetable, each checked by axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_the_lead_tries_a_bank_holiday_then_sees_the_timetable(page: Page, live_server, demo):
    review = demo["Northbridge"]
    log_in(page, live_server.url, "morgan.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    page.get_by_role("link", name="Countdown").click()
    expect(page.get_by_role("heading", name="Countdown to the inspection")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Day").fill("28")
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Show the timetable").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Monday 28 December 2026 is Boxing Day (substitute day)")
    assert_accessible(page)
    summary.get_by_role("link").click()
    expect(page.get_by_label("Day")).to_be_focused()

    page.get_by_label("Day").fill("23")
    page.get_by_role("button", name="Show the timetable").click()
    table = page.get_by_role("table", name="Timetable by working day")
    expect(table).to_contain_text("Day 10: inspectors arrive")
    expect(table).to_contain_text("Mon 11 Jan 2027")
    expect(page.get_by_text("Friday 25 December 2026 (Christmas Day)")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Word (DOCX)").click()
    assert download.value.suggested_filename == f"countdown-{review.id}-2026-12-23.docx"
