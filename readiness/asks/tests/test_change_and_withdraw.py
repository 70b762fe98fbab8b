"""Changing and withdrawing a request: who may, what a withdrawn request still shows, and
where it stops counting as open."""

import io
from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from readiness.asks.models import EvidenceRequest
from readiness.asks.queries import open_requests_summary
from readiness.audit.models import AuditEvent
from readiness.countdown.queries import waiting_requests
from readiness.evidence.models import EvidenceDocument
from readiness.evidence.tests.factories import CARE_LEAVERS
from readiness.frameworks.models import LineOfEnquiry
from readiness.lib.testing.factories import AgencyFactory, MembershipFactory, UserFactory
from readiness.notifications.services import send_due

from .factories import make_request

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


@pytest.fixture
def health(review):
    return AgencyFactory(review=review, name="Anyshire Health", sector="health")


@pytest.fixture
def lines(review):
    return list(
        LineOfEnquiry.objects.filter(judgement__framework=review.framework).order_by(
            "judgement__position", "position"
        )[:3]
    )


@pytest.fixture
def asked(review, police, lead, lines):
    return make_request(review, police, due=date(2026, 12, 4), asked_by=lead,
                        keys=(lines[0].key,))  # fmt: skip


def _url(name, request):
    return reverse(name, args=[request.review_id, request.id])


def _saved(request):
    request.refresh_from_db()
    return (request.agency.name, sorted(request.lines_of_enquiry.values_list("key", flat=True)),
            request.due_date, request.message, request.status)  # fmt: skip


def test_the_edit_form_starts_with_the_request_as_it_is(as_lead, asked, police, lines):
    response = as_lead.get(_url("asks:edit", asked))
    assert response.status_code == 200
    form = response.context["form"]
    assert (form["agency"].value(), form["lines"].value(), form["message"].value()) == (
        police.id, [lines[0].id], "Your latest audit of strategy meetings, please."
    )  # fmt: skip
    page = response.content.decode()
    assert 'type="date" name="due_date" value="2026-12-04"' in page
    assert "Change the request to Anyshire Police" in page


def test_the_lead_changes_every_part_of_a_request(as_lead, lead, asked, health, lines):
    response = as_lead.post(_url("asks:edit", asked), {
        "agency": health.id, "lines": [lines[1].id, lines[2].id], "due_date": "2026-12-11",
        "message": "Your health assessment audit, please.",
    })  # fmt: skip
    assert response.status_code == 302
    assert response.url == _url("asks:detail", asked)
    assert _saved(asked) == (
        "Anyshire Health", sorted([lines[1].key, lines[2].key]), date(2026, 12, 11),
        "Your health assessment audit, please.", "open",
    )  # fmt: skip
    page = as_lead.get(response.url).content.decode()
    assert "Request changed: agency, lines of enquiry, needed by, message." in page
    event = AuditEvent.objects.get(action="evidence request changed")
    assert (event.user, event.review_id, event.what) == (
        lead, asked.review_id,
        f"request: {asked.id}; changed: agency, lines of enquiry, needed by, message",
    )  # fmt: skip


def test_an_overdue_request_saved_unchanged_keeps_its_date(as_reviewer, review, police, lines):
    late = make_request(review, police, due=date(2026, 11, 20), keys=(lines[0].key,))
    before = _saved(late)
    form = as_reviewer.get(_url("asks:edit", late)).context["form"]
    data = {name: form[name].value() for name in ("agency", "lines", "due_date", "message")}
    data["due_date"] = form["due_date"].value().isoformat()
    response = as_reviewer.post(_url("asks:edit", late), data)
    assert response.status_code == 302
    assert _saved(late) == before
    assert "Nothing had changed." in as_reviewer.get(response.url).content.decode()
    assert not AuditEvent.objects.filter(action="evidence request changed").exists()
    moved = as_reviewer.post(_url("asks:edit", late), {**data, "due_date": "2026-11-21"})
    assert moved.status_code == 400
    assert moved.context["form"].non_field_errors() == [
        "The date you need the evidence by cannot be in the past."
    ]
    assert _saved(late) == before


def test_the_lead_withdraws_a_request_with_a_reason(as_lead, lead, asked):
    url = _url("asks:withdraw", asked)
    response = as_lead.post(url, {"withdraw-reason": "  We found it in the board minutes. "})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert (asked.status, asked.withdrawn_by, asked.withdraw_reason) == (
        "withdrawn", lead, "We found it in the board minutes."
    )  # fmt: skip
    assert asked.withdrawn_at is not None
    page = as_lead.get(_url("asks:detail", asked)).content.decode()
    assert "Withdrawn: the request no longer waits for Anyshire Police" in page
    assert '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>' in page
    assert "We found it in the board minutes." in page
    for gone in ("Upload and answer", "Decline the request", "Withdraw the request",
                 "Change this request"):  # fmt: skip
        assert gone not in page
    event = AuditEvent.objects.get(action="evidence request withdrawn")
    assert (event.user, event.what) == (lead, f"request: {asked.id}")


def test_a_request_withdrawn_without_a_reason_says_so(as_reviewer, as_contributor, asked):
    assert as_reviewer.post(_url("asks:withdraw", asked), {}).status_code == 302
    page = as_contributor.get(_url("asks:detail", asked)).content.decode()
    assert "No reason given." in page
    assert "Withdrawn by" in page


def test_the_asked_agency_cannot_change_or_withdraw(as_contributor, as_viewer, asked, health,
                                                    lines):  # fmt: skip
    before = _saved(asked)
    data = {"agency": health.id, "lines": [lines[1].id], "due_date": "2026-12-11",
            "message": "Changed"}  # fmt: skip
    for client in (as_contributor, as_viewer):
        assert client.get(_url("asks:edit", asked)).status_code == 403
        refused = client.post(_url("asks:edit", asked), data)
        assert refused.status_code == 403
        assert client.post(_url("asks:withdraw", asked), {}).status_code == 403
    assert "Only the review lead and reviewers can change or withdraw" in (refused.content.decode())
    assert _saved(asked) == before
    page = as_contributor.get(_url("asks:detail", asked)).content.decode()
    assert "Change this request" not in page
    assert "Withdraw the request" not in page


def test_another_agency_and_an_outsider_cannot_find_it(as_contributor, as_outsider, review,
                                                       health):  # fmt: skip
    theirs = make_request(review, health, due=date(2026, 12, 4))
    for client in (as_contributor, as_outsider):
        assert client.get(_url("asks:edit", theirs)).status_code == 404
        assert client.post(_url("asks:withdraw", theirs), {}).status_code == 404
    assert _saved(theirs)[-1] == "open"


@pytest.mark.parametrize(
    "status,message",
    [
        ("answered", "This request has been answered: it can no longer be"),
        ("declined", "This request has been declined: it can no longer be"),
        ("withdrawn", "This request was withdrawn: it can no longer be"),
    ],
)
def test_a_settled_request_cannot_be_changed_or_withdrawn(as_lead, review, police, status,
                                                          message):  # fmt: skip
    settled = make_request(review, police, due=date(2026, 12, 4), status=status)
    response = as_lead.get(_url("asks:edit", settled))
    assert response.status_code == 400
    assert response.context["refusal"] == f"{message} changed."
    withdrawn = as_lead.post(_url("asks:withdraw", settled), {"withdraw-reason": "x"})
    assert withdrawn.status_code == 400
    assert withdrawn.context["refusal"] == f"{message} withdrawn."
    settled.refresh_from_db()
    assert (settled.status, settled.withdraw_reason) == (status, "")


def test_a_withdrawn_request_cannot_be_answered_or_declined(as_contributor, review, police,
                                                             tmp_path, settings):  # fmt: skip
    settings.DATA_DIR = tmp_path / "data"
    request = make_request(review, police, due=date(2026, 12, 4), status="withdrawn")
    upload = SimpleUploadedFile("offer.md", CARE_LEAVERS.encode())
    answered = as_contributor.post(_url("asks:answer", request), {"files": [upload]})
    assert answered.status_code == 400
    assert answered.context["refusal"] == (
        "This request was withdrawn: it can no longer be answered."
    )
    assert "This request was withdrawn: it can no longer be answered." in (
        answered.content.decode()
    )
    assert EvidenceDocument.objects.count() == 0
    declined = as_contributor.post(_url("asks:decline", request), {"reason": "None held"})
    assert declined.status_code == 400
    assert declined.context["refusal"] == (
        "This request was withdrawn: it can no longer be declined."
    )
    request.refresh_from_db()
    assert (request.status, request.decline_reason) == ("withdrawn", "")


def test_a_withdrawn_request_no_longer_waits_anywhere(as_contributor, contributor, review,
                                                      police, asked):  # fmt: skip
    still_open = make_request(review, police, due=date(2026, 12, 20))
    EvidenceRequest.objects.filter(id=asked.id).update(status="withdrawn")
    requests_page = as_contributor.get(reverse("asks:index", args=[review.id]))
    assert [r.id for r in requests_page.context["waiting"]] == [still_open.id]
    assert [(r.id, r.state) for r in requests_page.context["done"]] == [(asked.id, "withdrawn")]
    assert "1 open, 0 overdue, 0 answered, 0 declined, 1 withdrawn." in (
        requests_page.content.decode()
    )
    summary = open_requests_summary(review, contributor.memberships.get())
    assert (summary.open, summary.withdrawn, len(summary.rows)) == (1, 1, 1)
    assert [r.id for r in waiting_requests(review, None)] == [still_open.id]  # the countdown
    glance = as_contributor.get(reverse("reviews:detail", args=[review.id])).content.decode()
    assert "1 request for you</a>." in glance


def test_the_exports_show_the_withdrawn_state(as_lead, lead, review, asked):
    as_lead.post(_url("asks:withdraw", asked), {"withdraw-reason": "Not needed"})
    data = as_lead.get(reverse("asks:index-json", args=[review.id])).json()
    assert data["summary"]["withdrawn"] == 1
    assert [(r["state"], r["withdrawn_by"], r["withdraw_reason"]) for r in data["requests"]] == [
        ("withdrawn", lead.get_full_name(), "Not needed")
    ]
    response = as_lead.get(reverse("asks:index-xlsx", args=[review.id]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[3].value for row in sheet.iter_rows(min_row=2)] == ["Withdrawn"]


def test_those_told_of_a_request_hear_it_was_withdrawn(as_lead, review, police, lead,
                                                       contributor, settings):  # fmt: skip
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contributor.email = "dana@police.example"
    contributor.save()
    told = make_request(review, police, due=date(2026, 12, 4), asked_by=lead)
    send_due(date(2026, 11, 26))
    never_told = make_request(review, police, due=date(2026, 12, 4), asked_by=lead)
    late_comer = UserFactory(email="sam@police.example")
    MembershipFactory(review=review, user=late_comer, role="contributor", agency=police)
    for request in (told, never_told):
        as_lead.post(_url("asks:withdraw", request), {"withdraw-reason": "Found it"})
    mail.outbox.clear()
    report = send_due(date(2026, 11, 26))
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["dana@police.example"], "Readiness: Request for evidence from Anyshire Police withdrawn")
    ]
    assert "The reason given:\n\nFound it\n" in mail.outbox[0].body
    assert [o.key for o in report.sent] == [f"withdrawn:{told.id}"]
