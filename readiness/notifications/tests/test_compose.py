from datetime import date

from readiness.notifications.domain.compose import (
    DigestFact,
    DueFact,
    Outgoing,
    Recipient,
    RequestFact,
    digest_email,
    due_email,
    request_email,
    still_to_send,
    week_key,
)

ANN = Recipient(1, "ann@example.org", "Ann Able")
BOB = Recipient(2, "", "Bob Bare")
TODAY = date(2026, 11, 26)
REQUEST = RequestFact(5, "Anytown review", "Anyshire Police", "Priya Shah", date(2026, 12, 4),
                      "Your audit, please.", ("How well do partners share information?",),
                      "http://x/reviews/1/requests/5/")  # fmt: skip


def _out(who, kind, key):
    return Outgoing(who, kind, key, "s", "b")


def test_a_request_e_mail_says_who_asks_what_by_when_and_where_to_answer():
    out = request_email(ANN, REQUEST, "http://x/notifications/")
    assert (out.kind, out.key) == ("requests", "request:5")
    assert out.subject == "Evidence requested from Anyshire Police by 4 December 2026"
    assert out.body == (
        "Priya Shah asks Anyshire Police for evidence for Anytown review, by Friday 4 December "
        "2026.\n\nYour audit, please.\n\nLines of enquiry:\n- How well do partners share "
        "information?\n\nAnswer by uploading the evidence, or decline with a reason: "
        "http://x/reviews/1/requests/5/\n\nChoose which e-mails you get: http://x/notifications/\n"
    )


def test_a_reminder_says_when_in_words_and_keys_on_the_due_date():
    fact = DueFact(7, "Anytown review", "A9", "Audit", date(2026, 11, 27), "http://x/a9")
    out = due_email(ANN, fact, TODAY, "u")
    assert (out.subject, out.key) == ("A9 is due tomorrow", "due:7:2026-11-27")
    later = DueFact(7, "Anytown review", "A9", "Audit", date(2026, 11, 29), "http://x/a9")
    assert due_email(ANN, later, TODAY, "u").subject == "A9 is due in 3 days"


def test_a_digest_with_nothing_waiting_is_not_sent():
    assert digest_email(ANN, DigestFact(1, "Anytown review"), TODAY, "u") is None


def test_a_digest_counts_what_waits_and_keys_on_the_week():
    digest = DigestFact(1, "Anytown review", (REQUEST,), overdue_requests=frozenset({5}))
    out = digest_email(ANN, digest, TODAY, "u")
    assert out.key == "digest:1:2026-W48"
    assert out.subject == "This week in Anytown review: 1 request, 0 items due, 0 mentions"
    assert "- Anyshire Police, by 4 December 2026 (overdue): http://x/reviews/1/requests/5/" in (
        out.body
    )
    assert out.body.startswith("What is waiting for you in Anytown review, week beginning "
                               "Monday 23 November 2026:")  # fmt: skip


def test_week_keys_follow_the_iso_calendar_across_new_year():
    assert week_key(date(2027, 1, 1)) == "2026-W53"


def test_only_what_is_new_enabled_and_addressed_is_sent_each_once():
    plan = still_to_send(
        [
            _out(ANN, "requests", "request:1"),
            _out(ANN, "requests", "request:1"),  # the same e-mail reached twice
            _out(ANN, "mentions", "mention:4"),  # sent before
            _out(ANN, "digest", "digest:1:2026-W48"),  # turned off
            _out(BOB, "requests", "request:1"),  # no address
        ],
        sent={(1, "mention:4")},
        turned_off={(1, "digest")},
    )
    assert [(o.recipient.id, o.key) for o in plan.to_send] == [(1, "request:1")]
    assert (plan.already_sent, plan.turned_off, plan.no_address) == (1, 1, {2})
