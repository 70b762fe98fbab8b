"""The facts behind the e-mails, read in a fixed number of queries whatever the number of
reviews, people and items."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Prefetch
from django.urls import reverse

from readiness.actions.models import ActionItem
from readiness.asks.domain.state import OVERDUE, state_of
from readiness.asks.models import EvidenceRequest
from readiness.conversations.models import Comment
from readiness.conversations.services import ABOUT, target_url
from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.domain.roles import CONTRIBUTOR, SEE_ALL_EVIDENCE, may
from readiness.reviews.models import Membership

from .domain.compose import (
    KINDS,
    AnswerFact,
    DigestFact,
    DueFact,
    MentionFact,
    Outgoing,
    Recipient,
    RequestFact,
    WithdrawnFact,
    answer_email,
    digest_email,
    due_email,
    mention_email,
    request_email,
    withdrawn_email,
)
from .models import NotificationSettings, SentNotification

# Mentions older than this are not e-mailed (nor put in a digest): a first run on an old
# database should not flood anyone.
MENTIONS_WITHIN_DAYS = 14
DIGEST_DUE_WITHIN_DAYS = 14
# The weekly digest goes on Mondays, with the week ahead.
DIGEST_WEEKDAY = 0


def link(path: str) -> str:
    return settings.READINESS_BASE_URL.rstrip("/") + path


def _recipient(user) -> Recipient:
    return Recipient(user.id, user.email or "", user.get_full_name() or user.get_username())


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def candidates(today: date) -> list[Outgoing]:
    """Every e-mail that would be due today if none had been sent before."""
    settings_url = link(reverse("notifications:settings"))
    memberships = list(Membership.objects.select_related("user", "review"))
    contributors = defaultdict(list)  # agency id -> users
    for m in memberships:
        if m.role == CONTRIBUTOR and m.agency_id:
            contributors[m.agency_id].append(m.user)

    lines = LineOfEnquiry.objects.order_by("judgement__position", "position")
    requests = list(
        EvidenceRequest.objects.filter(status=EvidenceRequest.OPEN)
        .select_related("review", "agency", "asked_by")
        .prefetch_related(Prefetch("lines_of_enquiry", queryset=lines))
    )
    request_facts = {
        r.id: RequestFact(
            r.id, r.review.name, r.agency.name, _name(r.asked_by), r.due_date, r.message,
            tuple(line.question for line in r.lines_of_enquiry.all()),
            link(reverse("asks:detail", args=[r.review_id, r.id])),
        )
        for r in requests
    }  # fmt: skip
    out: list[Outgoing] = []
    for r in requests:
        for user in contributors[r.agency_id]:
            out.append(request_email(_recipient(user), request_facts[r.id], settings_url))

    since = today - timedelta(days=MENTIONS_WITHIN_DAYS)
    members = {(m.review_id, m.user_id) for m in memberships}
    # A withdrawal is news only to those who were told of the request.
    withdrawn = list(
        EvidenceRequest.objects.filter(
            status=EvidenceRequest.WITHDRAWN, withdrawn_at__date__gte=since
        ).select_related("review", "agency", "withdrawn_by")
    )
    told = set(
        SentNotification.objects.filter(key__in=[f"request:{r.id}" for r in withdrawn]).values_list(
            "user_id", "key"
        )
    )
    for r in withdrawn:
        fact = WithdrawnFact(r.id, r.review.name, r.agency.name, _name(r.withdrawn_by),
                             r.withdraw_reason,
                             link(reverse("asks:detail", args=[r.review_id, r.id])))  # fmt: skip
        for user in contributors[r.agency_id]:
            if (user.id, f"request:{r.id}") in told:
                out.append(withdrawn_email(_recipient(user), fact, settings_url))

    answered = (
        EvidenceRequest.objects.filter(
            status__in=(EvidenceRequest.ANSWERED, EvidenceRequest.DECLINED)
        )
        .filter(answered_at__date__gte=since, asked_by__isnull=False)
        .select_related("review", "agency", "asked_by", "answered_by")
        .annotate(supplied=Count("documents"))
    )
    for r in answered:
        if (r.review_id, r.asked_by_id) not in members or r.answered_by_id == r.asked_by_id:
            continue
        fact = AnswerFact(r.id, r.review.name, r.agency.name, r.status, _name(r.answered_by),
                          r.supplied, r.decline_reason,
                          link(reverse("asks:detail", args=[r.review_id, r.id])))  # fmt: skip
        out.append(answer_email(_recipient(r.asked_by), fact, settings_url))

    mentioned = Comment.mentioned.through.objects.filter(
        comment__created_at__date__gte=since
    ).select_related("comment__author", "comment__review", "user")
    mention_facts: dict[tuple[int, int], list[MentionFact]] = defaultdict(list)
    for row in mentioned:
        comment = row.comment
        if comment.author_id == row.user_id:
            continue
        fact = MentionFact(comment.id, comment.review.name, _name(comment.author),
                           ABOUT[comment.target], comment.text,
                           link(target_url(comment)))  # fmt: skip
        mention_facts[(comment.review_id, row.user_id)].append(fact)
        out.append(mention_email(_recipient(row.user), fact, settings_url))

    horizon = today + timedelta(days=max(settings.READINESS_NOTIFY_DUE_WITHIN_DAYS,
                                         DIGEST_DUE_WITHIN_DAYS))  # fmt: skip
    items = list(
        ActionItem.objects.filter(
            status__in=ActionItem.OPEN_STATUSES, due_date__lte=horizon
        ).select_related("review", "owner")
    )
    due_by_person: dict[tuple[int, int], list[DueFact]] = defaultdict(list)
    for item in items:
        fact = DueFact(item.id, item.review.name, item.code, item.text, item.due_date,
                       link(reverse("actions:item", args=[item.review_id, item.code])))  # fmt: skip
        owners = (
            [item.owner]
            if item.owner and (item.review_id, item.owner_id) in members
            else contributors.get(item.owner_agency_id, [])
        )
        for user in owners:
            due_by_person[(item.review_id, user.id)].append(fact)
            # Overdue items are in the digest, but not reminded of one by one again.
            if 0 <= (item.due_date - today).days <= settings.READINESS_NOTIFY_DUE_WITHIN_DAYS:
                out.append(due_email(_recipient(user), fact, today, settings_url))

    if today.weekday() != DIGEST_WEEKDAY:
        return out
    for m in memberships:
        see_all = may(m.role, SEE_ALL_EVIDENCE)
        waiting = [
            r for r in requests
            if r.review_id == m.review_id and (r.agency_id == m.agency_id
                                               if m.role == CONTRIBUTOR else see_all)
        ]  # fmt: skip
        digest = DigestFact(
            m.review_id,
            m.review.name,
            tuple(request_facts[r.id] for r in waiting),
            tuple(due_by_person.get((m.review_id, m.user_id), ())),
            tuple(mention_facts.get((m.review_id, m.user_id), ())),
            link(reverse("reviews:detail", args=[m.review_id])),
            frozenset(r.id for r in waiting if state_of(r.status, r.due_date, today) == OVERDUE),
        )
        email = digest_email(_recipient(m.user), digest, today, settings_url)
        if email is not None:
            out.append(email)
    return out


def already_sent() -> set[tuple[int, str]]:
    return set(SentNotification.objects.values_list("user_id", "key"))


def turned_off() -> set[tuple[int, str]]:
    off = set()
    for row in NotificationSettings.objects.all():
        off |= {(row.user_id, kind) for kind in KINDS if not getattr(row, kind)}
    return off
