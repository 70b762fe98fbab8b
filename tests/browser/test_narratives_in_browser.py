"""Writing a narrative in a browser and reading its check."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_a_contributor_refreshes_a_narrative_and_reads_its_check(page: Page, live_server, demo):
    from readiness.demo.loader import load_figures_and_narratives

    review = demo["Anytown"]
    load_figures_and_narratives(review)
    log_in(page, live_server.url, "sam.health")
    page.goto(f"{live_server.url}/reviews/{review.id}/narratives/")
    assert_accessible(page)
    expect(page.get_by_role("row").filter(has_text="Needs work")).to_have_count(1)
    page.get_by_role("link", name="Looked after children health assessment improvement").click()
    expect(page.get_by_text("Narrative check: needs work")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Write a new version").click()
    assert_accessible(page)
    page.get_by_label("Impact for children, with data").fill(
        "89% of children in care now have their health assessment on time, up from 64%; "
        "children told us they no longer miss school for appointments."
    )
    page.get_by_label("What we did").fill(
        "Notifications reach the health team within two working days; a clinic runs monthly."
    )
    page.get_by_label("What we targeted and why").fill(
        "Children waited too long for health assessments: only 64% were on time."
    )
    page.get_by_label("Title").fill("Health assessments for children in care: what changed")
    page.get_by_label("What's next").fill("Reach 92% and close the gap for children placed away.")
    page.get_by_label("Children looked after for 12 months whose health assessments").check()
    page.get_by_label("Evidence it signposts").fill("LAC health assessment timeliness data")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved version 2.")).to_be_visible()
    expect(page.get_by_text("Narrative check: passes")).to_be_visible()
    assert_accessible(page)
