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


def test_a_contributor_links_evidence_and_an_action_point(page: Page, live_server, demo):
    from readiness.demo.loader import load_figures_and_narratives
    from readiness.evidence.models import EvidenceDocument
    from readiness.reviews.models import Agency

    review = demo["Anytown"]
    load_figures_and_narratives(review)
    health = Agency.objects.get(review=review, name="Anyshire Integrated Care Board")
    police = Agency.objects.get(review=review, name="Anyshire Police")
    tracker = EvidenceDocument.objects.create(
        review=review, content_hash="a", title="LAC health assessment tracker April 2026",
        agency=health, file_type="xlsx", size_bytes=10, stored_name="a.xlsx",
    )  # fmt: skip
    EvidenceDocument.objects.create(
        review=review, content_hash="b", title="Police custody return", agency=police,
        file_type="pdf", size_bytes=10, stored_name="b.pdf",
    )  # fmt: skip
    log_in(page, live_server.url, "sam.health")
    page.goto(f"{live_server.url}/reviews/{review.id}/narratives/lac-health-and-dental/edit/")
    expect(page.get_by_label("Police custody return")).to_have_count(0)
    page.get_by_label("LAC health assessment tracker April 2026").check()
    page.get_by_label("Action point").fill("A99")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("There is no action point A99")
    assert_accessible(page)
    expect(page.get_by_label("LAC health assessment tracker April 2026")).to_be_checked()
    page.get_by_label("Action point").fill("a12")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved version 2.")).to_be_visible()
    link = page.get_by_role("link", name="LAC health assessment tracker April 2026")
    expect(link).to_have_attribute("href", f"/reviews/{review.id}/evidence/documents/{tracker.id}/")
    expect(page.get_by_role("heading", name="Action point")).to_be_visible()
    expect(page.get_by_role("link", name="A12", exact=True)).to_have_attribute(
        "href", f"/reviews/{review.id}/actions/A12/"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Version 1").click()
    expect(page.get_by_role("link", name="LAC health assessment tracker April 2026")).to_have_count(
        0
    )
