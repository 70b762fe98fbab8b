"""The countdown page, its JSON twin and its exports. Every member of the review sees the
timetable (it is the partnership's); a contributor sees other agencies' stale evidence only
as a count per agency, as in the evidence library."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from readiness.evidence.domain.stale import age_in_words
from readiness.lib.text import plural
from readiness.narratives.domain.check import STALE_AFTER_DAYS as NARRATIVE_STALE_AFTER_DAYS
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import MANAGE, SEE_ALL_EVIDENCE, VIEW, may

from . import exports
from .domain.timetable import (
    COUNT_WORDS,
    CountdownError,
    Task,
    call_today,
    count_by_kind,
    england_and_wales,
    long_date,
)
from .forms import PARTS, CallDateForm
from .models import Call
from .queries import countdown, notice_of


def _links(review_id: int, membership) -> Callable[[Task], str | None]:
    """The page of each item, where the reader may open it."""
    see_all = may(membership.role, SEE_ALL_EVIDENCE)

    def link(task: Task) -> str | None:
        if task.kind == "narrative":
            return reverse("narratives:detail", args=[review_id, task.ref])
        if task.kind == "request":
            return reverse("asks:detail", args=[review_id, int(task.ref)])
        if task.kind == "brief":
            return reverse("narratives:briefs", args=[review_id])
        if task.kind == "evidence" and task.ref and (see_all or membership.agency_id):
            return reverse("evidence:document", args=[review_id, int(task.ref)])
        if task.kind in ("action_overdue", "action_open"):
            try:
                return reverse("actions:item", args=[review_id, task.ref])
            except NoReverseMatch:  # the action pages are not installed
                return None
        return None

    return link


def _today_call() -> tuple[date, str]:
    today = timezone.localdate()
    return call_today(today, england_and_wales(today))


def _called_param(request: HttpRequest) -> tuple[date, str]:
    """?called=YYYY-MM-DD for the JSON twin and the exports; today without it."""
    text = request.GET.get("called", "")
    if not text:
        return _today_call()
    try:
        called = date.fromisoformat(text)
    except ValueError:
        raise CountdownError(f"'{text}' is not a date: give it as YYYY-MM-DD.") from None
    return called, ""


@login_required
def index(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    asked = any(part in request.GET for part in PARTS)
    form = CallDateForm(request.GET if asked else None)
    context = {
        "review": review,
        "form": form,
        "may_see_all": may(membership.role, SEE_ALL_EVIDENCE),
        # The limits the rows apply, stated from the same settings, never retyped.
        "evidence_limit": age_in_words(settings.EVIDENCE_STALE_DOCUMENT_MONTHS),
        "narrative_limit": age_in_words(round(NARRATIVE_STALE_AFTER_DAYS * 12 / 365)),
    }
    status = 200
    try:
        context["notice"] = notice_of(review)
    except CountdownError as error:
        context["no_countdown"] = str(error)
        return render(request, "countdown/index.html", context)
    if asked and not form.is_valid():
        status = 400
    else:
        called, note = (form.called, "") if asked else _today_call()
        timetable = countdown(review, called, membership)
        link = _links(review.id, membership)
        context.update(
            timetable=timetable,
            today_note=note,
            days=[(day, [(task, link(task)) for task in day.tasks]) for day in timetable.days],
            counts=[
                plural(n, *COUNT_WORDS[k]) for k, n in count_by_kind(timetable.tasks).items() if n
            ],  # fmt: skip
            called_iso=called.isoformat(),
            start_words=long_date(timetable.start),
        )
    return render(request, "countdown/index.html", context, status=status)


@login_required
def as_json(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    try:
        called, note = _called_param(request)
        timetable = countdown(review, called, membership)
    except CountdownError as error:
        return JsonResponse({"error": str(error)}, status=400)
    link = _links(review.id, membership)
    data = {"review": review.id, **timetable.as_dict()}
    for day_data, day in zip(data["days"], timetable.days, strict=True):
        for task_data, task in zip(day_data["tasks"], day.tasks, strict=True):
            task_data["link"] = link(task)
    if note:
        data["today"] = note
    return JsonResponse(data)


@login_required
def export(request: HttpRequest, review_id: int, format: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    if format not in ("xlsx", "docx"):
        raise Http404
    try:
        called, _ = _called_param(request)
        timetable = countdown(review, called, membership)
    except CountdownError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    relative = _links(review.id, membership)

    def link(task: Task) -> str | None:
        url = relative(task)
        return request.build_absolute_uri(url) if url else None

    title = f"Countdown: {review.name}, call on {long_date(called)}"
    if format == "xlsx":
        body, content_type = exports.to_xlsx(timetable, link, title), exports.XLSX_TYPE
    else:
        body, content_type = exports.to_docx(timetable, link, title), exports.DOCX_TYPE
    response = HttpResponse(body, content_type=content_type)
    name = f"countdown-{review.id}-{called.isoformat()}.{format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def record_call(request: HttpRequest, review_id: int) -> HttpResponse:
    """The lead records the day the call came (or clears it: a rehearsal, a mistake)."""
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    if request.POST.get("clear"):
        Call.objects.filter(review=review).delete()
        messages.success(request, "Cleared the date of the call.")
        return redirect("reviews:detail", review_id=review.id)
    form = CallDateForm(request.POST)
    if form.is_valid():
        Call.objects.update_or_create(
            review=review, defaults={"called_on": form.called, "recorded_by": request.user}
        )
        messages.success(request, f"The call came on {long_date(form.called)}: counting down.")
    else:
        messages.error(request, form.date_error or "Enter the date of the call.")
    return redirect("reviews:detail", review_id=review.id)
