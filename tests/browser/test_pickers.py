"""Searchable pickers: with the script, a search box narrows a list of checkboxes kept in
step with the select the form sends; without it, the plain select still works."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def _documents(review):
    from readiness.evidence.models import EvidenceDocument
    from readiness.reviews.models import Agency

    health = Agency.objects.get(review=review, name="Anyshire Integrated Care Board")
    for number, title in enumerate(
        ["LAC health assessment tracker April 2026", "Dental pathway plan 2026",
         "ICB Quality Committee minutes May 2026", "Immunisation catch-up audit"]
    ):  # fmt: skip
        EvidenceDocument.objects.create(
            review=review, content_hash=str(number), title=title, agency=health,
            file_type="pdf", size_bytes=10, stored_name=f"{number}.pdf",
        )  # fmt: skip


def test_a_contributor_finds_and_ticks_documents_by_keyboard(page: Page, live_server, demo):
    from readiness.demo.loader import load_figures_and_narratives
    from readiness.narratives.models import NarrativeVersion

    review = demo["Anytown"]
    load_figures_and_narratives(review)
    _documents(review)
    log_in(page, live_server.url, "sam.health")
    page.goto(f"{live_server.url}/reviews/{review.id}/narratives/lac-health-and-dental/edit/")
    search = page.get_by_label("Documents from the evidence library")
    expect(search).to_have_attribute("type", "search")
    expect(page.get_by_text("0 documents chosen; showing 4 of 4.")).to_be_visible()
    assert_accessible(page)
    search.focus()
    page.keyboard.type("dental")
    expect(page.get_by_text("0 documents chosen; showing 1 of 4.")).to_be_visible()
    page.keyboard.press("Tab")  # "Show only the chosen"
    page.keyboard.press("Tab")  # the one document left in the list
    page.keyboard.press("Space")
    expect(page.get_by_label("Dental pathway plan 2026")).to_be_checked()
    expect(page.get_by_text("1 document chosen; showing 1 of 4.")).to_be_visible()
    # Save stays in reach at the bottom of the window, however long the form.
    save = page.get_by_role("button", name="Save")
    expect(save).to_be_in_viewport()
    assert_accessible(page)
    save.click()
    expect(
        page.get_by_text("Saved version 2. It counts once a review lead approves it.")
    ).to_be_visible()
    version = NarrativeVersion.objects.get(narrative__key="lac-health-and-dental", number=2)
    assert list(version.documents.values_list("title", flat=True)) == ["Dental pathway plan 2026"]
    expect(page.get_by_text("Version 2 is awaiting a review lead's approval")).to_be_visible()


def test_without_the_script_the_plain_select_works(browser: Browser, live_server, demo):
    from readiness.demo.loader import load_figures_and_narratives
    from readiness.narratives.models import NarrativeVersion

    review = demo["Anytown"]
    load_figures_and_narratives(review)
    _documents(review)
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/narratives/lac-health-and-dental/edit/")
    documents = page.get_by_label("Documents from the evidence library")
    expect(documents).to_have_attribute("multiple", "")
    expect(page.get_by_text("Hold Ctrl (or Cmd) to choose more than one.").first).to_be_visible()
    icb = " (Anyshire Integrated Care Board)"
    documents.select_option(
        label=["Dental pathway plan 2026" + icb, "Immunisation catch-up audit" + icb]
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved version 2.")).to_be_visible()
    version = NarrativeVersion.objects.get(narrative__key="lac-health-and-dental", number=2)
    assert sorted(version.documents.values_list("title", flat=True)) == [
        "Dental pathway plan 2026", "Immunisation catch-up audit",
    ]  # fmt: skip
    context.close()


def test_a_progress_update_picks_evidence_from_a_search(page: Page, live_server, demo):
    from readiness.actions.models import ProgressUpdate

    review = demo["Anytown"]
    _documents(review)
    log_in(page, live_server.url, "sam.health")
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/A12/")
    page.get_by_label("What has happened").fill("Dental figures for children placed away added.")
    page.get_by_label("Evidence documents").fill("quality committee")
    page.get_by_label("ICB Quality Committee minutes May 2026").check()
    assert "---------" not in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Add the update").click()
    expect(page.get_by_text("Progress added to A12.")).to_be_visible()
    update = ProgressUpdate.objects.filter(item__code="A12").latest("id")
    assert list(update.documents.values_list("title", flat=True)) == [
        "ICB Quality Committee minutes May 2026"
    ]
