"""The e-mails Readiness sends, as plain data: what each says, to whom, under which key, and
which of them are still to go. No Django here: `queries.py` gathers the facts, `services.py`
sends what `still_to_send` returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

REQUESTS, ANSWERS, MENTIONS, DUE, DIGEST = "requests", "answers", "mentions", "due", "digest"
KINDS = {
    REQUESTS: "New and withdrawn requests for evidence for your agency",
    ANSWERS: "Answers to the requests for evidence you made",
    MENTIONS: "Someone mentions you in a comment",
    DUE: "Action items you own falling due",
    DIGEST: "A weekly digest of what is waiting for you",
}


def long_date(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class Recipient:
    id: int
    email: str
    name: str


@dataclass(frozen=True)
class Outgoing:
    recipient: Recipient
    kind: str
    key: str
    subject: str
    body: str


@dataclass(frozen=True)
class RequestFact:
    id: int
    review: str
    agency: str
    asked_by: str
    due_date: date
    message: str
    lines: tuple[str, ...]  # the questions
    url: str


@dataclass(frozen=True)
class WithdrawnFact:
    id: int
    review: str
    agency: str
    by: str
    reason: str
    url: str


@dataclass(frozen=True)
class AnswerFact:
    id: int
    review: str
    agency: str
    status: str  # "answered" or "declined"
    by: str
    documents: int
    reason: str
    url: str


@dataclass(frozen=True)
class MentionFact:
    comment_id: int
    review: str
    author: str
    about: str  # the object's title
    text: str
    url: str


@dataclass(frozen=True)
class DueFact:
    item_id: int
    review: str
    code: str
    text: str
    due_date: date
    url: str


@dataclass(frozen=True)
class DigestFact:
    review_id: int
    review: str
    requests: tuple[RequestFact, ...] = ()
    due: tuple[DueFact, ...] = ()
    mentions: tuple[MentionFact, ...] = ()
    url: str = ""
    overdue_requests: frozenset[int] = field(default_factory=frozenset)


def _signed(body: list[str], settings_url: str) -> str:
    return "\n".join([*body, "", f"Choose which e-mails you get: {settings_url}"]) + "\n"


def request_email(to: Recipient, r: RequestFact, settings_url: str) -> Outgoing:
    body = [
        f"{r.asked_by or 'The review'} asks {r.agency} for evidence for {r.review}, by "
        f"{long_date(r.due_date)}.",
        "",
        r.message,
        "",
        "Lines of enquiry:",
        *(f"- {q}" for q in r.lines),
        "",
        f"Answer by uploading the evidence, or decline with a reason: {r.url}",
    ]
    return Outgoing(to, REQUESTS, f"request:{r.id}",
                    f"Evidence requested from {r.agency} by {r.due_date:%-d %B %Y}",
                    _signed(body, settings_url))  # fmt: skip


def withdrawn_email(to: Recipient, w: WithdrawnFact, settings_url: str) -> Outgoing:
    """Told to those who were sent the request, under the same choice as the request."""
    body = [
        f"{w.by or 'The review'} withdrew the request to {w.agency} for evidence for "
        f"{w.review}: nothing more is needed for it.",
        *(["", "The reason given:", "", w.reason] if w.reason else []),
        "",
        f"See the request: {w.url}",
    ]
    return Outgoing(to, REQUESTS, f"withdrawn:{w.id}",
                    f"Request for evidence from {w.agency} withdrawn",
                    _signed(body, settings_url))  # fmt: skip


def answer_email(to: Recipient, a: AnswerFact, settings_url: str) -> Outgoing:
    if a.status == "declined":
        subject = f"{a.agency} declined your request for evidence"
        said = [f"{a.by or a.agency} declined it, saying:", "", a.reason]
    else:
        subject = f"{a.agency} answered your request for evidence"
        said = [f"{a.by or a.agency} answered it with {plural(a.documents, 'document')}."]
    body = [f"Your request to {a.agency} for evidence for {a.review}:", "", *said, "",
            f"See the request and what was supplied: {a.url}"]  # fmt: skip
    # The state is in the key: a declined request answered later is worth a second e-mail.
    return Outgoing(to, ANSWERS, f"answer:{a.id}:{a.status}", subject,
                    _signed(body, settings_url))  # fmt: skip


def mention_email(to: Recipient, m: MentionFact, settings_url: str) -> Outgoing:
    body = [
        f"{m.author or 'Someone'} mentioned you in a comment on {m.about} ({m.review}):",
        "",
        m.text,
        "",
        f"Reply or read the rest: {m.url}",
    ]
    return Outgoing(to, MENTIONS, f"mention:{m.comment_id}",
                    f"{m.author or 'Someone'} mentioned you on {m.about}"[:200],
                    _signed(body, settings_url))  # fmt: skip


def due_email(to: Recipient, d: DueFact, today: date, settings_url: str) -> Outgoing:
    days = (d.due_date - today).days
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    body = [
        f"{d.code} in {d.review} is due {when}, {long_date(d.due_date)}:",
        "",
        d.text,
        "",
        f"Add a progress update: {d.url}",
    ]
    # The due date is in the key: an item given a new date is worth a new reminder.
    return Outgoing(to, DUE, f"due:{d.item_id}:{d.due_date.isoformat()}",
                    f"{d.code} is due {when}", _signed(body, settings_url))  # fmt: skip


def week_key(today: date) -> str:
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def digest_email(to: Recipient, g: DigestFact, today: date, settings_url: str) -> Outgoing | None:
    """The week's digest for one review, or None when nothing is waiting for this person."""
    if not (g.requests or g.due or g.mentions):
        return None
    body = [f"What is waiting for you in {g.review}, week beginning "
            f"{long_date(today.fromordinal(today.toordinal() - today.weekday()))}:"]  # fmt: skip
    if g.requests:
        body += ["", f"Requests for evidence ({len(g.requests)}):"]
        for r in g.requests:
            late = " (overdue)" if r.id in g.overdue_requests else ""
            body.append(f"- {r.agency}, by {r.due_date:%-d %B %Y}{late}: {r.url}")
    if g.due:
        body += ["", f"Action items overdue or due soon ({len(g.due)}):"]
        for d in sorted(g.due, key=lambda d: (d.due_date, d.code)):
            late = " (overdue)" if d.due_date < today else ""
            body.append(f"- {d.code}, due {d.due_date:%-d %B %Y}{late}: {d.url}")
    if g.mentions:
        body += ["", f"Comments that mention you ({len(g.mentions)}):"]
        body += [f"- {m.author} on {m.about}: {m.url}" for m in g.mentions]
    if g.url:
        body += ["", f"The review: {g.url}"]
    parts = [plural(len(g.requests), "request"), f"{plural(len(g.due), 'item')} due",
             plural(len(g.mentions), "mention")]  # fmt: skip
    return Outgoing(to, DIGEST, f"digest:{g.review_id}:{week_key(today)}",
                    f"This week in {g.review}: {', '.join(parts)}"[:200],
                    _signed(body, settings_url))  # fmt: skip


@dataclass
class Plan:
    to_send: list[Outgoing] = field(default_factory=list)
    no_address: set[int] = field(default_factory=set)  # people with no e-mail address
    turned_off: int = 0
    already_sent: int = 0


def still_to_send(
    candidates: Iterable[Outgoing],
    sent: set[tuple[int, str]],
    turned_off: set[tuple[int, str]],
) -> Plan:
    """The candidates not sent before (by person and key), of a kind the person has not
    turned off, to an address; each once even when two facts lead to the same e-mail."""
    plan = Plan()
    seen: set[tuple[int, str]] = set()
    for out in candidates:
        who = out.recipient.id
        if (who, out.key) in sent:
            plan.already_sent += 1
        elif (who, out.kind) in turned_off:
            plan.turned_off += 1
        elif not out.recipient.email:
            plan.no_address.add(who)
        elif (who, out.key) not in seen:
            seen.add((who, out.key))
            plan.to_send.append(out)
    return plan
