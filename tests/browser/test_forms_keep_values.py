"""Every edit form, opened on an existing record and saved unchanged, keeps every value:
the dates above all (a date input shows only an ISO value, and an empty one saved wipes the
date). Each page is checked with axe as it goes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

# Every named control of the form with its value as the page shows it: the text, the ticked
# state, or the chosen options of a multiple select.
VALUES = """(form) => Array.from(form.elements)
  .filter((e) => e.name && e.name !== "csrfmiddlewaretoken" && e.type !== "submit")
  .map((e) => [e.name, (e.type === "checkbox" || e.type === "radio") ? `${e.value}:${e.checked}`
    : e.type === "select-multiple" ? Array.from(e.selectedOptions).map((o) => o.value).join(",")
    : e.value])"""


def form_values(page: Page, selector: str = "main form[method=post]:not([action])") -> list:
    return page.locator(selector).first.evaluate(VALUES)


def test_an_action_item_saved_unchanged_keeps_its_due_date(page: Page, live_server, demo):
    from readiness.actions.models import ActionItem

    review = demo["Anytown"]
    item = ActionItem.objects.get(review=review, code="A12")
    before = (item.due_date, item.owner_id, item.owner_agency_id, item.status, item.finding_id,
              set(item.judgements.values_list("id", flat=True)))  # fmt: skip
    assert item.due_date is not None
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/A12/edit/")
    expect(page.get_by_label("Due date")).to_have_value(item.due_date.isoformat())
    assert "---------" not in page.content()
    assert_accessible(page)
    shown = form_values(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("A12 saved.")).to_be_visible()
    item.refresh_from_db()
    after = (item.due_date, item.owner_id, item.owner_agency_id, item.status, item.finding_id,
             set(item.judgements.values_list("id", flat=True)))  # fmt: skip
    assert after == before
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/A12/edit/")
    assert form_values(page) == shown


def test_a_finding_saved_unchanged_keeps_every_field(page: Page, live_server, demo):
    from readiness.actions.models import Finding

    review = demo["Anytown"]
    finding = Finding.objects.filter(review=review, judgements__isnull=False).first()
    log_in(page, live_server.url, "priya.lead")
    url = f"{live_server.url}/reviews/{review.id}/findings/{finding.id}/edit/"
    page.goto(url)
    assert_accessible(page)
    shown = form_values(page)
    page.get_by_role("button", name="Save the finding").click()
    expect(page.get_by_text("Finding saved.")).to_be_visible()
    page.goto(url)
    assert form_values(page) == shown


def test_the_review_settings_saved_unchanged_keep_the_window_and_phases(
    page: Page, live_server, demo
):
    from datetime import date

    from readiness.reviews.models import Phase, ReviewChange

    review = demo["Anytown"]
    Phase.objects.filter(review=review, position=1).update(
        starts=date(2026, 9, 1), ends=date(2026, 12, 18)
    )
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    expect(page.get_by_label("Inspection expected from")).to_have_value(
        review.window_starts.isoformat()
    )
    expect(page.get_by_label("Phase 1 starts")).to_have_value("2026-09-01")
    assert_accessible(page)
    shown = form_values(page, "#settings-form")
    page.get_by_role("button", name="Save the settings").click()
    expect(page.get_by_text("Nothing had changed.")).to_be_visible()
    assert ReviewChange.objects.filter(review=review).count() == 0
    assert form_values(page, "#settings-form") == shown

    page.get_by_label("Inspection expected by").fill("2027-04-30")
    page.get_by_role("button", name="Save the settings").click()
    expect(page.get_by_text("Saved 1 change.")).to_be_visible()
    history = page.get_by_role("table").filter(has_text="Inspection expected by")
    expect(history).to_contain_text("30 April 2027")
    assert_accessible(page)


def test_a_narrative_saved_unchanged_keeps_its_text_figures_and_documents(
    page: Page, live_server, demo
):
    from readiness.demo.loader import load_figures_and_narratives
    from readiness.evidence.models import EvidenceDocument
    from readiness.narratives.models import Narrative
    from readiness.reviews.models import Agency

    review = demo["Anytown"]
    load_figures_and_narratives(review)
    health = Agency.objects.get(review=review, name="Anyshire Integrated Care Board")
    tracker = EvidenceDocument.objects.create(
        review=review, content_hash="a", title="LAC health assessment tracker April 2026",
        agency=health, file_type="xlsx", size_bytes=10, stored_name="a.xlsx",
    )  # fmt: skip
    narrative = Narrative.objects.get(review=review, key="lac-health-and-dental")
    first = narrative.versions.get()
    first.documents.add(tracker)
    log_in(page, live_server.url, "priya.lead")
    url = f"{live_server.url}/reviews/{review.id}/narratives/lac-health-and-dental/edit/"
    page.goto(url)
    assert_accessible(page)
    shown = form_values(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved version 2.")).to_be_visible()
    second = narrative.versions.get(number=2)
    fields = ("title", "targeted_and_why", "what_we_did", "impact_for_children", "whats_next",
              "evidence")  # fmt: skip
    assert [getattr(second, f) for f in fields] == [getattr(first, f) for f in fields]
    assert [i["indicator"] for i in second.indicators] == [i["indicator"] for i in first.indicators]
    assert list(second.documents.all()) == [tracker]
    page.goto(url)
    assert form_values(page) == shown


def test_the_new_review_form_keeps_its_dates_when_it_asks_again(page: Page, live_server, demo):
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/new/")
    page.get_by_label("Inspection expected from").fill("2027-01-11")
    page.get_by_label("Inspection expected by").fill("2027-03-26")
    page.get_by_role("button", name="Open the review").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Inspection expected from")).to_have_value("2027-01-11")
    expect(page.get_by_label("Inspection expected by")).to_have_value("2027-03-26")
    assert_accessible(page)


# Issue 11, last items: a request for evidence and a milestone, each changed, saved unchanged
# and then withdrawn or removed.


def test_a_request_saved_unchanged_keeps_every_value_and_is_then_withdrawn(
    page: Page, live_server, demo
):
    from datetime import timedelta

    from django.utils import timezone

    from readiness.asks.models import EvidenceRequest
    from readiness.asks.tests.factories import make_request
    from readiness.frameworks.models import LineOfEnquiry

    review = demo["Anytown"]
    police = review.agencies.get(name="Anyshire Police")
    lines = LineOfEnquiry.objects.filter(judgement__framework=review.framework).order_by(
        "judgement__position", "position"
    )
    keys = (lines[0].key, lines.last().key)  # two judgements' lines
    request = make_request(review, police, due=timezone.localdate() + timedelta(days=10),
                           keys=keys)  # fmt: skip
    before = (request.agency_id, request.due_date, request.message, set(keys))
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/requests/{request.id}/")
    page.get_by_role("link", name="Change this request").click()
    expect(page.get_by_label("Needed by")).to_have_value(request.due_date.isoformat())
    assert_accessible(page)
    shown = form_values(page)
    page.get_by_role("button", name="Save the request").click()
    expect(page.get_by_text("Nothing had changed.")).to_be_visible()
    request.refresh_from_db()
    after = (request.agency_id, request.due_date, request.message,
             set(request.lines_of_enquiry.values_list("key", flat=True)))  # fmt: skip
    assert after == before
    page.goto(f"{live_server.url}/reviews/{review.id}/requests/{request.id}/edit/")
    assert form_values(page) == shown

    page.get_by_role("link", name="Back to the request").click()
    assert_accessible(page)  # the open request's page, with its three forms
    page.get_by_label("Why it is withdrawn (optional)").fill("The board minutes show it.")
    page.get_by_role("button", name="Withdraw the request").click()
    expect(page.locator(".govuk-tag", has_text="Withdrawn")).to_be_visible()
    expect(page.get_by_text("The board minutes show it.")).to_be_visible()
    expect(page.get_by_role("button", name="Upload and answer")).to_have_count(0)
    assert_accessible(page)
    assert EvidenceRequest.objects.get(pk=request.pk).status == "withdrawn"


def test_a_milestone_saved_unchanged_keeps_its_dates_and_is_then_removed(
    page: Page, live_server, demo
):
    from readiness.actions.models import Milestone

    review = demo["Anytown"]
    milestone = Milestone.objects.get(item__review=review, item__code="R1",
                                      text__startswith="Threshold workshop")  # fmt: skip
    before = (milestone.text, milestone.due_date, milestone.done_on)
    assert milestone.due_date and milestone.done_on
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/R1/")
    page.get_by_role("link", name=f"Change milestone: {milestone.text}").click()
    expect(page.get_by_label("Due date")).to_have_value(milestone.due_date.isoformat())
    expect(page.get_by_label("Done on")).to_have_value(milestone.done_on.isoformat())
    assert_accessible(page)
    shown = form_values(page)
    page.get_by_role("button", name="Save the milestone").click()
    expect(page.get_by_text("Nothing had changed.")).to_be_visible()
    milestone.refresh_from_db()
    assert (milestone.text, milestone.due_date, milestone.done_on) == before
    page.get_by_role("link", name=f"Change milestone: {milestone.text}").click()
    assert form_values(page) == shown

    page.get_by_role("button", name="Remove this milestone").click()
    expect(page.get_by_role("heading", name="Remove this milestone from R1?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_text(f"Removed the milestone “{milestone.text}” from R1.")).to_be_visible()
    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_a_thresholds_case_saved_unchanged_keeps_every_field(page: Page, live_server, demo):
    # Issue 12: the case form before anyone answers, and after (text and level shown but
    # fixed, so only the title is sent).
    from django.contrib.auth import get_user_model

    from readiness.reviews.models import Agency
    from readiness.thresholds import services

    review = demo["Anytown"]
    lead = get_user_model().objects.get(username="priya.lead")
    check = services.create_check(review, "Spring check", lead)
    case = check.vignettes.order_by("position").last()
    before = (case.title, case.text, case.intended_level, case.position)
    url = f"{live_server.url}/reviews/{review.id}/thresholds/{check.id}/cases/{case.id}/"
    log_in(page, live_server.url, "priya.lead")
    for answered in (False, True):
        if answered:
            token = services.make_links(check, Agency.objects.filter(review=review).first(),
                                        "officer", 1, 14)[0]  # fmt: skip
            services.record(token, {v.id: "early_help" for v in check.vignettes.all()})
        page.goto(url)
        assert_accessible(page)
        shown = form_values(page)
        page.get_by_role("button", name="Save the case").click()
        expect(page.get_by_text(f"Case “{case.title}” saved.")).to_be_visible()
        case.refresh_from_db()
        assert (case.title, case.text, case.intended_level, case.position) == before
        page.goto(url)
        assert form_values(page) == shown
        page.goto(f"{live_server.url}/reviews/{review.id}/thresholds/{check.id}/")
        assert_accessible(page)  # the list of cases, with and without its buttons
