"""The lead's audit log of a review: the page and its CSV."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from readiness.lib.text import spreadsheet_cell
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import MANAGE
from readiness.reviews.models import Membership, Review

from .models import AuditEvent
from .services import retention_days

PER_PAGE = 100
SIGN_IN_ACTIONS = ("signed in", "signed out", "sign-in failed")


def events_for(review: Review) -> QuerySet[AuditEvent]:
    """The review's events, and the sign-ins of its members (signing in belongs to no review)."""
    members = Membership.objects.filter(review=review).values("user_id")
    usernames = Membership.objects.filter(review=review).values("user__username")
    return AuditEvent.objects.filter(
        Q(review=review)
        | Q(review__isnull=True, action__in=SIGN_IN_ACTIONS, user_id__in=members)
        | Q(review__isnull=True, action="sign-in failed", username__in=usernames)
    ).order_by("-at", "-id")


@login_required
def log(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    events = events_for(review)
    action = request.GET.get("action", "")
    if action:
        events = events.filter(action=action)
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    actions = events_for(review).order_by("action").values_list("action", flat=True).distinct()
    return render(request, "audit/log.html", {
        "review": review,
        "page": page,
        "events": list(page.object_list),
        "actions": list(actions),
        "chosen": action,
        "retention_days": retention_days(),
    })  # fmt: skip


@login_required
def log_csv(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(f"{review.area} audit log {timezone.localdate():%Y-%m-%d}")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(["When", "Who", "What happened", "What", "From", "Through"])
    for event in events_for(review).iterator(chunk_size=2000):
        writer.writerow([
            timezone.localtime(event.at).isoformat(timespec="seconds"),
            spreadsheet_cell(event.username),
            event.action,
            spreadsheet_cell(event.what),
            event.address or "",
            event.via,
        ])  # fmt: skip
    return response
