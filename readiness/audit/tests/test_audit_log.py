"""The audit log: what is recorded (who, when, what, from where), the lead's page and CSV,
who may see them, and pruning after the retention period."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from readiness.actions.services import create_item
from readiness.assessment.services import find_grade, find_judgement, update_assessment
from readiness.audit.models import AuditEvent
from readiness.audit.services import prune
from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import EvidenceDocument
from readiness.lib.testing.factories import MembershipFactory, UserFactory
from readiness.reviews.models import Membership

pytestmark = pytest.mark.django_db

STRATEGY = (
    "Strategy meetings: timeliness report, March 2026\n\n"
    "Strategy meetings were held within one working day for 94% of children in 2025-26.\n"
)


@pytest.fixture
def document(review, lead, police, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "in" / "Anyshire Police"
    folder.mkdir(parents=True)
    (folder / "strategy.txt").write_text(STRATEGY)
    ingest_path(review, tmp_path / "in", user=lead)
    AuditEvent.objects.all().delete()  # what setting up recorded is not under test
    return EvidenceDocument.objects.get(review=review)


def log_url(review) -> str:
    return reverse("audit:log", args=[review.id])


def rows(review) -> list[tuple]:
    return list(
        AuditEvent.objects.filter(review=review)
        .order_by("id")
        .values_list("username", "action", "what", "address", "via")
    )


def test_reading_and_downloading_a_document_is_recorded_with_the_address(
    as_reviewer, review, document
):
    as_reviewer.get(reverse("evidence:document", args=[review.id, document.id]))
    as_reviewer.get(
        reverse("evidence:original", args=[review.id, document.id]), REMOTE_ADDR="192.0.2.44"
    )
    what = f"“{document.title}” (document {document.id})"
    assert rows(review) == [
        ("reviewer", "evidence document viewed", what, "127.0.0.1", "web"),
        ("reviewer", "evidence document downloaded", what, "192.0.2.44", "web"),
    ]


def test_behind_the_proxy_the_address_is_the_one_the_proxy_added(
    as_reviewer, review, document, settings
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    as_reviewer.get(
        reverse("evidence:document", args=[review.id, document.id]),
        HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7",  # the first is the client's claim
    )
    assert rows(review)[0][3] == "203.0.113.7"


def test_grades_roles_and_items_are_recorded(review, lead, clock):
    AuditEvent.objects.all().delete()  # the fixtures' memberships
    update_assessment(
        review,
        find_judgement(review, "help_and_protection"),
        lead,
        via="cli",
        grade=find_grade(review, "good"),
    )
    newcomer = UserFactory(username="nadia.new")
    MembershipFactory(review=review, user=newcomer, role="viewer")
    create_item(review, "recommendation", "Record the child's views at every visit.")
    recorded = rows(review)
    assert recorded[0][:3] == (
        "lead",
        "grade changed",
        "judgement: The experiences and progress of children who need help and protection; "
        "from: none; to: Good",
    )
    assert recorded[0][4] == "command line"
    assert recorded[1] == ("", "member added", "nadia.new as Viewer", None, "command line")
    assert recorded[2] == (
        "",
        "item added",
        "R1: Record the child's views at every visit.",
        None,
        "command line",
    )


def test_signing_in_and_failing_to_are_recorded(review, lead):
    lead.set_password("a long pass phrase 77")
    lead.save()
    AuditEvent.objects.all().delete()  # the fixtures' memberships
    client = Client()
    client.post(reverse("login"), {"username": "lead", "password": "wrong"})
    client.post(reverse("login"), {"username": "lead", "password": "a long pass phrase 77"})
    events = list(
        AuditEvent.objects.order_by("id").values_list("username", "action", "review", "address")
    )
    assert events == [
        ("lead", "sign-in failed", None, "127.0.0.1"),
        ("lead", "signed in", None, "127.0.0.1"),
    ]
    page = Client()
    page.force_login(lead)
    shown = page.get(log_url(review)).context["events"]
    assert [e.action for e in shown][-2:] == ["signed in", "sign-in failed"]


def test_the_lead_sees_the_log_newest_first(as_lead, review, document):
    as_lead.get(reverse("evidence:document", args=[review.id, document.id]))
    as_lead.get(reverse("evidence:original", args=[review.id, document.id]))
    response = as_lead.get(log_url(review))
    assert response.status_code == 200
    assert [e.action for e in response.context["events"]] == [
        "evidence document downloaded",
        "evidence document viewed",
    ]
    assert response.context["actions"] == [
        "evidence document downloaded",
        "evidence document viewed",
    ]
    filtered = as_lead.get(log_url(review) + "?action=evidence+document+viewed")
    assert [e.action for e in filtered.context["events"]] == ["evidence document viewed"]


def test_the_csv_has_every_event(as_lead, review, document):
    as_lead.get(reverse("evidence:document", args=[review.id, document.id]))
    response = as_lead.get(reverse("audit:csv", args=[review.id]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    table = list(csv.reader(io.StringIO(response.content.decode())))
    assert table[0] == ["When", "Who", "What happened", "What", "From", "Through"]
    assert [row[1:] for row in table[1:]] == [
        [
            "lead",
            "evidence document viewed",
            f"“{document.title}” (document {document.id})",
            "127.0.0.1",
            "web",
        ]
    ]


def test_only_the_lead_sees_the_log(as_reviewer, as_contributor, as_viewer, as_outsider, review):
    for client in (as_reviewer, as_contributor, as_viewer):
        assert client.get(log_url(review)).status_code == 403
        assert client.get(reverse("audit:csv", args=[review.id])).status_code == 403
    assert as_outsider.get(log_url(review)).status_code == 404
    assert as_outsider.get(reverse("audit:csv", args=[review.id])).status_code == 404


def test_another_reviews_events_are_not_shown(as_lead, review, outsider):
    AuditEvent.objects.all().delete()
    AuditEvent.objects.create(username="outsider", action="signed in", user=outsider)
    other = Membership.objects.get(user=outsider).review
    AuditEvent.objects.create(username="outsider", action="exported", review=other)
    assert as_lead.get(log_url(review)).context["events"] == []


@pytest.mark.parametrize("events", [1, 3])
def test_the_log_page_reads_a_fixed_number_of_queries(
    as_lead, review, lead, events, django_assert_num_queries
):
    AuditEvent.objects.all().delete()
    for number in range(events):
        AuditEvent.objects.create(
            user=lead, username="lead", action="exported", review=review, what=f"pack {number}"
        )
    # session, user, membership; count, page, actions
    with django_assert_num_queries(6):
        response = as_lead.get(log_url(review))
    assert len(response.context["events"]) == events


def test_events_older_than_the_retention_period_are_pruned(settings, capsys):
    settings.AUDIT_RETENTION_DAYS = 30
    now = timezone.now()
    for age in (31, 30.5, 29, 1):
        AuditEvent.objects.create(action="signed in", at=now - timedelta(days=age))
    assert prune(now) == 2
    assert AuditEvent.objects.count() == 2
    call_command("audit-log", "prune")
    assert capsys.readouterr().out == "Deleted 0 audit events older than 30 days.\n"
