"""Importing a table of figures in a browser, then reading the indicator and its chart."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from readiness.indicators.models import DataImport

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

TABLE = (
    "indicator,period_end,value,numerator,denominator,england,target\n"
    "lac_health_assessments,2025-03-31,64,64,100,88,90\n"
    "lac_health_assessments,2026-03-31,91,91,100,89,90\n"
    "nonsense,2026-03-31,1,,,,\n"
)


def test_a_reviewer_imports_figures_and_reads_the_chart(page: Page, live_server, demo, tmp_path):
    review = demo["Anytown"]
    path = tmp_path / "figures.csv"
    path.write_text(TABLE)
    log_in(page, live_server.url, "tom.reviewer")
    page.goto(f"{live_server.url}/reviews/{review.id}/data/")
    assert_accessible(page)
    page.get_by_label("What are you importing?").select_option("table")
    page.get_by_label("Files").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", name="Quality report")).to_be_visible()
    expect(page.get_by_role("cell", name="unknown indicator").first).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/reviews/{review.id}/indicators/")
    assert_accessible(page)
    page.get_by_role("link", name="whose health assessments were up to date").click()
    expect(page.get_by_role("img")).to_be_visible()
    expect(
        page.get_by_role("paragraph").filter(has_text="Rose from 64 of 100 children")
    ).to_be_visible()
    assert_accessible(page)


def test_the_import_shows_its_progress_then_the_quality_report(
    page: Page, live_server, demo, tmp_path
):
    review = demo["Anytown"]
    path = tmp_path / "figures.csv"
    path.write_text(TABLE)
    log_in(page, live_server.url, "tom.reviewer")
    page.goto(f"{live_server.url}/reviews/{review.id}/data/")
    held = []
    page.route("**/data/", lambda route: held.append(route) if route.request.method == "POST"
               else route.continue_())  # fmt: skip
    page.get_by_label("What are you importing?").select_option("table")
    page.get_by_label("Files").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    status = page.get_by_role("status")
    expect(status).to_contain_text("Upload")
    expect(page.get_by_role("button", name="Import")).to_be_disabled()
    expect(page.get_by_label("Import progress")).to_be_visible()
    assert_accessible(page)
    page.wait_for_timeout(50)
    assert len(held) == 1
    held[0].continue_()
    expect(page.get_by_role("heading", name="Quality report")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/reviews/{review.id}/data/\d+/$"))
    # The quality report opens with the import's summary.
    expect(page.get_by_text("Table of values: 2 values and 4 comparators read.")).to_be_visible()


def test_a_reviewer_sets_a_target_and_fixes_a_mistake(page: Page, live_server, demo):
    review = demo["Anytown"]
    log_in(page, live_server.url, "tom.reviewer")
    page.goto(f"{live_server.url}/reviews/{review.id}/indicators/lac_immunisations/")
    page.get_by_label("Period").select_option(label="2025-26")
    page.get_by_label("Our target").fill("101")
    page.get_by_role("button", name="Save the figures").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Our target must be a percentage between 0 and 100"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Our target must be a percentage between 0 and 100").click()
    expect(page.get_by_label("Our target")).to_be_focused()
    page.get_by_label("Our target").fill("95")
    page.get_by_label("England").fill("85.2")
    page.get_by_role("button", name="Save the figures").click()
    expect(page.get_by_text("Saved England, Our target for 2025-26.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^2025-26 85\.2 – – 95$"))).to_be_visible()
    expect(
        page.get_by_role("row", name=re.compile(r"England, 2025-26 – 85\.2 tom"))
    ).to_be_visible()
    assert_accessible(page)


def _choose(page: Page, path) -> None:
    page.get_by_label("What are you importing?").select_option("table")
    page.get_by_label("Files").set_input_files(str(path))


def test_without_javascript_the_form_posts_and_the_report_follows(
    browser, live_server, demo, tmp_path
):
    review = demo["Anytown"]
    path = tmp_path / "figures.csv"
    path.write_text(TABLE)
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        log_in(page, live_server.url, "tom.reviewer")
        page.goto(f"{live_server.url}/reviews/{review.id}/data/")
        expect(page.get_by_label("Import progress")).to_be_hidden()
        _choose(page, path)
        page.get_by_role("button", name="Import").click()
        expect(page.get_by_role("heading", name="Quality report")).to_be_visible()
        expect(page).to_have_url(re.compile(rf"/reviews/{review.id}/data/\d+/$"))
    finally:
        context.close()


def test_a_file_that_cannot_be_imported_shows_the_error_in_place(
    page: Page, live_server, demo, tmp_path
):
    review = demo["Anytown"]
    path = tmp_path / "wrong.csv"
    path.write_text("a,b\n1,2\n")
    (tmp_path / "figures.csv").write_text(TABLE)
    before = DataImport.objects.filter(review=review).count()
    log_in(page, live_server.url, "tom.reviewer")
    page.goto(f"{live_server.url}/reviews/{review.id}/data/")
    _choose(page, path)
    page.get_by_role("button", name="Import").press("Enter")  # by keyboard
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("no 'indicator' column")
    expect(summary).to_contain_text("Nothing was imported.")
    expect(page.locator(".govuk-error-summary")).to_be_focused()  # read out at once
    expect(page).to_have_title(re.compile(r"^Error: Data imports"))
    assert_accessible(page)
    # The page in place still shows progress on the next try, and that one is imported.
    page.get_by_label("Files").set_input_files(str(tmp_path / "figures.csv"))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", name="Quality report")).to_be_focused()
    assert DataImport.objects.filter(review=review).count() == before + 1  # sent once


def test_a_server_failure_leaves_the_form_with_a_clear_reason(
    page: Page, live_server, demo, tmp_path
):
    review = demo["Anytown"]
    path = tmp_path / "figures.csv"
    path.write_text(TABLE)
    log_in(page, live_server.url, "tom.reviewer")
    page.goto(f"{live_server.url}/reviews/{review.id}/data/")
    page.route("**/data/", lambda route: route.fulfill(status=500, body="boom")
               if route.request.method == "POST" else route.continue_())  # fmt: skip
    _choose(page, path)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status")).to_have_text(
        "The import failed: the server could not finish it (error 500). Reload the page to see "
        "in the list below whether it arrived before trying again."
    )
    expect(page.get_by_role("button", name="Import")).to_be_enabled()
    expect(page.get_by_label("Import progress")).to_be_hidden()
    expect(page.get_by_role("heading", name="Data imports")).to_be_visible()
    assert_accessible(page)


def test_the_progress_works_under_the_sites_own_content_security_policy(
    browser, live_server, demo, tmp_path
):
    review = demo["Anytown"]
    (tmp_path / "wrong.csv").write_text("a,b\n1,2\n")
    (tmp_path / "figures.csv").write_text(TABLE)
    context = browser.new_context()  # no bypass_csp: the policy the site sends applies
    context.set_default_timeout(10_000)
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    try:
        log_in(page, live_server.url, "tom.reviewer")
        page.goto(f"{live_server.url}/reviews/{review.id}/data/")
        _choose(page, tmp_path / "wrong.csv")
        page.get_by_role("button", name="Import").click()
        expect(page.locator(".govuk-error-summary")).to_be_focused()
        page.get_by_label("Files").set_input_files(str(tmp_path / "figures.csv"))
        page.get_by_role("button", name="Import").click()
        expect(page.get_by_role("heading", name="Quality report")).to_be_focused()
        assert refused == []
    finally:
        context.close()
