"""Importing a table of figures in a browser, then reading the indicator and its chart."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

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
