"""Interviews and focus groups: for the review's lead and reviewers; every view of notes is
logged, since staff may speak about children."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from readiness.casework.access import get_review_for_casework, log_view
from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.models import Agency

from . import services
from .models import Interview, NotePassage
from .report import credit


@login_required
def index(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_casework(request.user, review_id)
    interviews = (
        Interview.objects.filter(review=review)
        .select_related("agency")
        .prefetch_related("lines", "participants")
    )
    return render(request, "interviews/index.html", {"review": review, "interviews": interviews})


def _when(request: HttpRequest) -> datetime:
    try:
        day = datetime.strptime(request.POST.get("when", ""), "%Y-%m-%d %H:%M")
    except ValueError:
        raise services.InterviewError("Say when, like 2026-12-03 10:30.") from None
    return timezone.make_aware(day)


@login_required
def new(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_casework(request.user, review_id)
    agencies = list(Agency.objects.filter(review=review))
    lines = LineOfEnquiry.objects.filter(judgement__framework=review.framework).order_by(
        "judgement__position", "position"
    )
    error = ""
    if request.method == "POST":
        by_name = {a.name.lower(): a for a in agencies}
        try:
            agency = next((a for a in agencies if str(a.id) == request.POST.get("agency")), None)
            participants = []
            for row in request.POST.get("participants", "").splitlines():
                role, _, name = row.partition(",")
                participants.append((role, by_name.get(name.strip().lower())))
            kind = request.POST.get("kind", Interview.INTERVIEW)
            if kind not in dict(Interview.KINDS):
                raise services.InterviewError("Choose an interview or a focus group.")
            interview = services.schedule(
                review, kind, request.POST.get("title", ""), _when(request), agency,
                request.POST.get("role", ""), request.POST.getlist("lines"), request.user,
                participants,
            )  # fmt: skip
        except services.InterviewError as problem:
            error = str(problem)
        else:
            return redirect("interviews:interview", review_id=review.id, interview_id=interview.id)
    return render(request, "interviews/new.html", {
        "review": review, "agencies": agencies, "lines": lines, "error": error,
        "posted": request.POST, "chosen": request.POST.getlist("lines"),
    }, status=400 if error else 200)  # fmt: skip


def _interview_for(request: HttpRequest, review_id: int, interview_id: int):
    review, _ = get_review_for_casework(request.user, review_id)
    interview = (
        Interview.objects.filter(review=review, id=interview_id).select_related("agency").first()
    )
    if interview is None:
        raise Http404
    return review, interview


@login_required
def interview(request: HttpRequest, review_id: int, interview_id: int) -> HttpResponse:
    review, item = _interview_for(request, review_id, interview_id)
    log_view(request.user, review, "interview notes viewed", interview=item.id)
    if request.method == "POST":
        texts = {
            note.position: request.POST[f"note-{note.position}"]
            for note in item.notes.all()
            if f"note-{note.position}" in request.POST
        }
        changed = services.write_notes(item, texts, request.user)
        messages.success(request, f"Saved: {changed} note{'' if changed == 1 else 's'} changed.")
        return redirect("interviews:interview", review_id=review.id, interview_id=item.id)
    notes = item.notes.prefetch_related("passages__line")
    lines = LineOfEnquiry.objects.filter(judgement__framework=review.framework).order_by(
        "judgement__position", "position"
    )
    return render(request, "interviews/interview.html", {
        "review": review, "interview": item, "notes": notes, "all_lines": lines,
        "participants": item.participants.select_related("agency"),
    })  # fmt: skip


@login_required
@require_POST
def passage(request: HttpRequest, review_id: int, passage_id: int) -> HttpResponse:
    review, _ = get_review_for_casework(request.user, review_id)
    item = (
        NotePassage.objects.filter(note__interview__review=review, id=passage_id)
        .select_related("note__interview__review__framework")
        .first()
    )
    if item is None:
        raise Http404
    try:
        if "quote" in request.POST:
            services.mark_quote(item, request.POST["quote"] == "yes")
        else:
            services.decide(item, request.POST.get("status", ""), request.POST.get("line") or None)
    except services.InterviewError as problem:
        messages.error(request, str(problem))
    return redirect(
        "interviews:interview", review_id=review.id, interview_id=item.note.interview_id
    )


@login_required
def quotes(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    """Quotes marked for the report, credited by role and agency."""
    review, _ = get_review_for_casework(request.user, review_id)
    log_view(request.user, review, "interview quotes viewed")
    rows = [
        {
            "text": p.text,
            "by": credit(p.note.interview),
            "line": p.line.question if p.line else "",
            "interview": p.note.interview,
        }
        for p in NotePassage.objects.filter(note__interview__review=review, is_quote=True)
        .select_related("note__interview__agency", "line")
        .order_by("note__interview__when", "note__position", "position")
    ]
    if format == "json":
        return JsonResponse({"quotes": [{"text": r["text"], "by": r["by"], "line": r["line"]}
                                        for r in rows]})  # fmt: skip
    return render(request, "interviews/quotes.html", {"review": review, "rows": rows})
