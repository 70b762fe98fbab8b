"""Fieldwork in a browser: the audit form saved unchanged keeps every value, and the
fieldwork pages (including the public thresholds page) have no WCAG 2.2 AA violations."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def audited(review):
    from readiness.audits import services
    from readiness.casework import services as casework
    from readiness.casework.domain.caselist import CaseRow
    from readiness.reviews.models import Membership

    lead = Membership.objects.get(review=review, role="lead").user
    casework.import_cases(review, [CaseRow("AT100001", "child_protection", "North", "SW01", 7,
                                           date(2025, 1, 1))])  # fmt: skip
    sample = casework.draw(review, {"child_protection": 1}, 1, date(2026, 11, 20), lead)
    audit = services.start_audit(review, sample.cases.get().case, "social-care-ilacs-2026",
                                 lead, date(2026, 11, 20), sample)  # fmt: skip
    tool = services.tool_for(audit)
    services.save_answers(audit, list(tool.sections), {
        "voice_heard": ("good", "The child's words are quoted."),
        "seen_alone": ("not_applicable", ""),
        "supervision": ("inadequate", "None for 4 months."),
    }, lead)  # fmt: skip
    audit.strengths, audit.worries = "Warm worker.", "Drift."
    audit.save()
    return audit


def test_the_audit_form_saved_unchanged_keeps_every_value(page: Page, live_server, demo):
    review = demo["Anytown"]
    audit = audited(review)
    before = sorted(audit.answers.values_list("question_id", "answer", "evidence"))
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    page.get_by_role("link", name="Fieldwork").click()
    expect(page.get_by_role("heading", name="Case file audits", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="AT100001").click()
    expect(page.get_by_role("heading", name="Audit of case AT100001")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    audit.refresh_from_db()
    assert sorted(audit.answers.values_list("question_id", "answer", "evidence")) == before
    assert (audit.strengths, audit.worries, audit.status) == ("Warm worker.", "Drift.", "draft")


def test_the_fieldwork_pages_are_accessible(page: Page, live_server, demo):
    from readiness.thresholds import services as thresholds

    review = demo["Anytown"]
    audited(review)
    check = thresholds.create_check(review, "Autumn check", None)
    token = thresholds.make_links(check, review.agencies.first(), "officer", 1, 14)[0]
    page.goto(f"{live_server.url}/thresholds/answer/{token}/")
    expect(page.get_by_role("heading", name="Which level of need?")).to_be_visible()
    assert_accessible(page)
    log_in(page, live_server.url, "priya.lead")
    for path in ("cases/", "cases/samples/draw/", "cases/import/", "audits/new/",
                 "audits/dashboard/", "audits/agreement/", "thresholds/",
                 f"thresholds/{check.id}/", "interviews/", "interviews/new/"):  # fmt: skip
        response = page.goto(f"{live_server.url}/reviews/{review.id}/{path}")
        assert response.status == 200, path
        assert_accessible(page)
