"""Grading a judgement with the keyboard alone, and what viewers and composites show."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from readiness.frameworks.models import Judgement

from .conftest import assert_accessible, log_in, log_out

pytestmark = pytest.mark.browser


def focused(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e.id || e.getAttribute('name') || e.textContent.trim(); }"
    )


def test_reviewer_grades_with_the_keyboard(page: Page, live_server, demo) -> None:
    base = live_server.url
    review = demo["Anytown"]
    key = "impact_of_leaders"
    title = Judgement.objects.get(framework=review.framework, key=key).title
    new_grade = "Requires improvement to be good"

    log_in(page, base, "tom.reviewer")
    page.goto(f"{base}/reviews/{review.id}/judgements/{key}/")
    grade = page.get_by_role("group", name="Grade", exact=True)
    expect(grade.get_by_label("Good", exact=True)).to_be_checked()

    # Choose the grade: focus its radio and press Space, as a keyboard user does.
    grade.get_by_label(new_grade).focus()
    page.keyboard.press("Space")
    expect(grade.get_by_label(new_grade)).to_be_checked()
    # Tab leaves the radio group for the rationale.
    page.keyboard.press("Tab")
    assert focused(page) == "id_rationale"
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Workforce plan not yet shown to reduce agency staffing.")
    # Strengths, areas for improvement, the confidence radios (one tab stop), then Save.
    for _ in range(4):
        page.keyboard.press("Tab")
    assert focused(page) == "Save the assessment"
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    assert navigation.value.status == 200, page.locator(".govuk-error-summary").all_inner_texts()

    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text(f"Saved {title}.")
    expect(page.locator(".govuk-summary-list__row", has_text="Grade").first).to_contain_text(
        new_grade
    )
    history = page.locator("table.govuk-table tbody tr")
    change = history.filter(has_text="tom.reviewer").filter(
        has=page.locator("td:nth-child(3)", has_text="Grade")
    )
    expect(change).to_have_count(1)
    cells = change.locator("td").all_inner_texts()
    assert cells[1:] == ["tom.reviewer", "Grade", "Good", new_grade], cells
    assert_accessible(page)  # the page with the success banner

    page.goto(f"{base}/reviews/{review.id}/grid/")
    row = page.locator("tbody tr", has=page.get_by_role("link", name=title, exact=True))
    expect(row.locator("td").first).to_have_text(new_grade)


def test_viewer_sees_no_form(page: Page, live_server, demo) -> None:
    review = demo["Anytown"]
    log_in(page, live_server.url, "lee.viewer")
    response = page.goto(f"{live_server.url}/reviews/{review.id}/judgements/impact_of_leaders/")
    assert response.status == 200
    expect(page.get_by_role("heading", name="Assessment", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Save the assessment")).to_have_count(0)
    # Only the comment box under the assessment: a viewer may comment, never grade.
    expect(page.locator("form textarea")).to_have_count(1)
    expect(page.locator("#comments form textarea")).to_have_count(1)
    log_out(page)


def test_composite_shows_its_suggestion(page: Page, live_server, demo) -> None:
    review = demo["Northbridge"]
    log_in(page, live_server.url, "ravi.reviewer")
    page.goto(
        f"{live_server.url}/reviews/{review.id}/judgements/safeguarding_quality_of_provision/"
    )
    suggestion = page.locator(".govuk-summary-list__row", has_text="Suggested from components")
    expect(suggestion).to_contain_text("→ suggested")
