"""`readiness notify`: what is due goes once, to those who want it, with --dry-run."""

from datetime import UTC, date, datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from readiness.actions.models import ActionItem
from readiness.asks.services import decline
from readiness.asks.tests.factories import make_request
from readiness.conversations.models import Comment
from readiness.lib.testing.factories import ActionItemFactory, MembershipFactory, UserFactory
from readiness.notifications.models import NotificationSettings, SentNotification
from readiness.notifications.queries import candidates

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]  # a Thursday


@pytest.fixture
def people(lead, contributor, viewer):
    for user, address in ((lead, "lead@anytown.example"), (contributor, "dana@police.example"),
                          (viewer, "")):  # fmt: skip
        user.email = address
        user.save()


def notify(*args):
    out = StringIO()
    call_command("notify", *args, stdout=out)
    return out.getvalue()


def _sent():
    return sorted((m.to[0], m.subject) for m in mail.outbox)


def test_a_new_request_goes_to_the_agency_s_contributors_once(review, police, lead, people):
    make_request(review, police, due=date(2026, 12, 4), asked_by=lead)
    assert notify() == "Sent 1 e-mail: 1 request.\n"
    assert _sent() == [
        ("dana@police.example", "Readiness: Evidence requested from Anyshire Police by "
         "4 December 2026"),
    ]  # fmt: skip
    assert "Choose which e-mails you get: http://127.0.0.1:8000/notifications/" in (
        mail.outbox[0].body
    )
    mail.outbox.clear()
    assert notify() == "Sent 0 e-mails.\n"
    assert mail.outbox == []
    assert SentNotification.objects.count() == 1


@pytest.mark.clock("2026-11-30")  # a Monday
def test_the_weekly_digest_goes_on_monday_once_to_each_with_something_waiting(
    review, police, people, lead, contributor
):
    make_request(review, police, due=date(2026, 11, 27), asked_by=lead)
    item = ActionItemFactory(review=review, owner=contributor, due_date=date(2026, 12, 9))
    late = ActionItemFactory(review=review, owner=contributor, due_date=date(2026, 12, 1))
    # Due before the review began, as an imported plan's item can be: past due on Monday.
    ActionItem.objects.filter(pk=late.pk).update(due_date=date(2026, 11, 2))
    assert notify() == (
        "Sent 3 e-mails: 1 request, 2 weekly digests.\n"
        "1 person with something due has no e-mail address.\n"  # the viewer
    )
    digests = {m.to[0]: m for m in mail.outbox if "This week" in m.subject}
    assert digests["dana@police.example"].subject == (
        "Readiness: This week in Anytown test review: 1 request, 2 items due, 0 mentions"
    )
    body = digests["dana@police.example"].body
    assert "- Anyshire Police, by 27 November 2026 (overdue): " in body
    assert f"- {late.code}, due 2 November 2026 (overdue): " in body
    assert body.index(late.code + ",") < body.index(f"- {item.code}, due 9 December 2026: ")
    assert digests["lead@anytown.example"].subject.endswith("1 request, 0 items due, 0 mentions")
    assert (
        sorted(SentNotification.objects.filter(kind="digest").values_list("key", flat=True))
        == [f"digest:{review.id}:2026-W49"] * 2
    )
    mail.outbox.clear()
    assert notify().startswith("Sent 0 e-mails.")


def test_the_person_who_asked_hears_of_the_answer_and_of_a_decline(
    review, police, lead, contributor, people
):
    request = make_request(review, police, due=date(2026, 12, 4), asked_by=lead)
    notify()
    mail.outbox.clear()
    decline(request, contributor, "We hold no audit for this year.")
    assert notify() == "Sent 1 e-mail: 1 answer.\n"
    assert (mail.outbox[0].to, mail.outbox[0].subject) == (
        ["lead@anytown.example"],
        "Readiness: Anyshire Police declined your request for evidence",
    )
    assert "declined it, saying:\n\nWe hold no audit for this year.\n" in mail.outbox[0].body
    request.status = "answered"
    request.save()
    mail.outbox.clear()
    assert notify() == "Sent 1 e-mail: 1 answer.\n"
    assert mail.outbox[0].subject == "Readiness: Anyshire Police answered your request for evidence"
    assert "answered it with 0 documents." in mail.outbox[0].body


def test_a_mention_goes_to_the_person_mentioned_not_the_author(review, lead, contributor, people):
    comment = Comment.objects.create(review=review, target="judgement", target_id=1,
                                     author=lead, text="@contributor see this")  # fmt: skip
    comment.mentioned.set([contributor, lead])
    notify()
    mentions = [m for m in mail.outbox if "mentioned you" in m.subject]
    assert [(m.to, m.subject) for m in mentions] == [
        (["dana@police.example"], f"Readiness: {lead.get_full_name()} mentioned you on a judgement")
    ]
    assert reverse("conversations:show", args=[review.id, comment.id]) in mentions[0].body


def test_an_item_falling_due_reminds_its_owner(review, police, contributor, people):
    ActionItemFactory(review=review, text="Audit strategy meetings", owner=contributor,
                      owner_agency=police, due_date=date(2026, 11, 29))  # fmt: skip
    ActionItemFactory(review=review, text="Later", owner=contributor, owner_agency=police,
                      due_date=date(2026, 12, 30))  # fmt: skip
    notify()
    due = [m.subject for m in mail.outbox if "is due" in m.subject]
    assert len(due) == 1 and due[0].endswith("is due in 3 days")


def test_the_reminder_window_is_configurable(review, police, contributor, people, settings):
    settings.READINESS_NOTIFY_DUE_WITHIN_DAYS = 2
    ActionItemFactory(review=review, owner=contributor, due_date=date(2026, 11, 29))
    notify()
    assert [m for m in mail.outbox if "is due" in m.subject] == []


def test_an_item_without_an_owner_reminds_its_agency_s_contributors(review, police, people):
    ActionItemFactory(review=review, owner_agency=police, due_date=date(2026, 11, 26))
    notify()
    due = [(m.to, m.subject.split(" is due ")[1]) for m in mail.outbox if "is due" in m.subject]
    assert due == [(["dana@police.example"], "today")]


def test_a_dry_run_lists_and_neither_sends_nor_records(review, police, lead, people):
    make_request(review, police, due=date(2026, 12, 4), asked_by=lead)
    output = notify("--dry-run")
    assert output.splitlines() == [
        "Would send 1 e-mail: 1 request.",
        "  to dana@police.example [requests] Evidence requested from Anyshire Police by "
        "4 December 2026",
    ]
    assert mail.outbox == []
    assert SentNotification.objects.count() == 0


def test_a_person_who_turned_a_kind_off_does_not_get_it(review, police, lead, contributor,
                                                        people):  # fmt: skip
    NotificationSettings.objects.create(user=contributor, requests=False)
    make_request(review, police, due=date(2026, 12, 4), asked_by=lead)
    assert notify() == "Sent 0 e-mails.\n"
    NotificationSettings.objects.filter(user=contributor).update(requests=True)
    assert notify() == "Sent 1 e-mail: 1 request.\n"


def test_someone_without_an_address_is_counted(review, police, viewer, people):
    other = UserFactory(email="")
    MembershipFactory(review=review, user=other, role="contributor", agency=police)
    make_request(review, police, due=date(2026, 12, 4))
    assert "1 person with something due has no e-mail address." in notify()


def test_a_failed_send_is_not_recorded_and_goes_next_time(review, police, lead, people,
                                                          settings):  # fmt: skip
    make_request(review, police, due=date(2026, 12, 4), asked_by=lead)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.EMAIL_USE_TLS = False
    err = StringIO()
    with pytest.raises(SystemExit):
        call_command("notify", stdout=StringIO(), stderr=err)
    assert err.getvalue().startswith("Not sent to ")
    assert SentNotification.objects.count() == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notify() == "Sent 1 e-mail: 1 request.\n"


@pytest.mark.parametrize("n", [1, 3])
def test_gathering_takes_the_same_queries_for_one_or_three_of_each(
    review, police, lead, people, n, django_assert_num_queries
):
    for i in range(n):
        user = UserFactory(email=f"p{i}@police.example")
        MembershipFactory(review=review, user=user, role="contributor", agency=police)
        make_request(review, police, due=date(2026, 12, 4), asked_by=lead)
        gone = make_request(review, police, due=date(2026, 12, 4), status="withdrawn")
        gone.withdrawn_at = datetime(2026, 11, 25, 12, tzinfo=UTC)
        gone.save()
        ActionItemFactory(review=review, owner=user, due_date=date(2026, 11, 28))
        comment = Comment.objects.create(review=review, target="item", target_id=1,
                                         author=lead, text="@x")  # fmt: skip
        comment.mentioned.set([user])
    with django_assert_num_queries(8):  # 6, and 2 for withdrawn requests
        out = candidates(date(2026, 11, 26))
    assert sum(o.kind == "requests" for o in out) == n * (n + 1)
