"""Requests as a member may see them, read in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.domain.roles import CONTRIBUTE, SEE_ALL_EVIDENCE, may
from readiness.reviews.models import Membership, Review

from .domain.state import RequestRow, Summary, state_of, summarise
from .models import EvidenceRequest


def visible_requests(review: Review, membership: Membership | None) -> QuerySet[EvidenceRequest]:
    """Every request for those who see all evidence (and the command line, None); a
    contributor's own agency's otherwise."""
    requests = EvidenceRequest.objects.filter(review=review)
    if membership is None or may(membership.role, SEE_ALL_EVIDENCE):
        return requests
    return requests.filter(agency_id=membership.agency_id or -1)


def may_answer(membership: Membership, request: EvidenceRequest) -> bool:
    """The asked agency's contributors; the lead and reviewers may answer on its behalf."""
    if not may(membership.role, CONTRIBUTE):
        return False
    return may(membership.role, SEE_ALL_EVIDENCE) or membership.agency_id == request.agency_id


def with_details(requests: QuerySet[EvidenceRequest]) -> QuerySet[EvidenceRequest]:
    lines = LineOfEnquiry.objects.select_related("judgement").order_by(
        "judgement__position", "position"
    )
    return requests.select_related(
        "agency", "asked_by", "answered_by", "withdrawn_by"
    ).prefetch_related(Prefetch("lines_of_enquiry", queryset=lines))


def name_of(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def as_rows(requests: Iterable[EvidenceRequest], today: date) -> list[RequestRow]:
    """Requests fetched `with_details`, as plain rows."""
    return [
        RequestRow(
            r.id,
            r.agency.name,
            r.agency_id,
            tuple(line.key for line in r.lines_of_enquiry.all()),
            r.message,
            r.due_date,
            state_of(r.status, r.due_date, today),
            name_of(r.asked_by),
        )
        for r in requests
    ]


def open_requests_summary(
    review: Review, membership: Membership | None = None, today: date | None = None
) -> Summary:
    """The review's requests as plain data: counts by state and those still waiting for an
    answer, soonest due first. For the at-a-glance page and anything else that needs them;
    with a membership, only what that member may see. Three queries."""
    requests = with_details(visible_requests(review, membership))
    return summarise(as_rows(requests, today or timezone.localdate()))
