"""The thresholds check: the lead's pages, and the public answer page behind one-time links."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from readiness.lib.converters import posted_id
from readiness.lib.text import spreadsheet_cell
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import GRADE, SEE_ALL_EVIDENCE
from readiness.reviews.models import Agency

from . import services
from .domain.results import LEVELS, MIN_GROUP
from .forms import VignetteForm
from .models import ThresholdCheck, Vignette

# Answer pages need no account, so failed tries are limited per address: a guessed token is
# one of 2**192, but a flood should still stop quickly. Only failures count, so that staff
# answering from one office behind one address are never turned away.
RATE_LIMIT, RATE_WINDOW = 30, 600


@login_required
def index(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    if request.method == "POST":
        review, _ = get_review_for_user(request.user, review_id, GRADE)
        title = request.POST.get("title", "").strip()
        if title:
            check = services.create_check(review, title[:200], request.user)
            return redirect("thresholds:check", review_id=review.id, check_id=check.id)
        messages.error(request, "Give the check a title.")
    checks = ThresholdCheck.objects.filter(review=review).annotate(
        answers=Count("responses", distinct=True), links=Count("invitations", distinct=True)
    )
    return render(request, "thresholds/index.html", {
        "review": review, "checks": checks, "may_run": membership.role in ("lead", "reviewer"),
    })  # fmt: skip


def _check_for(request: HttpRequest, review_id: int, check_id: int, action: str = SEE_ALL_EVIDENCE):
    review, membership = get_review_for_user(request.user, review_id, action)
    check = ThresholdCheck.objects.filter(review=review, id=check_id).first()
    if check is None:
        raise Http404
    return review, membership, check


@login_required
def check(
    request: HttpRequest, review_id: int, check_id: int, format: str = "html"
) -> HttpResponse:
    review, membership, item = _check_for(request, review_id, check_id)
    result = services.check_results(item)
    if format == "json":

        def group(g):
            return {"label": g.label, "people": g.people, "answers": g.answers,
                    "agreed": g.agreed}  # fmt: skip

        return JsonResponse({
            "people": result.people, "counted": result.counted, "min_group": MIN_GROUP,
            "hidden_agencies": [{"agency": a, "people": n} for a, n in result.hidden_agencies],
            "by_agency": [group(g) for g in result.by_agency],
            "by_role": [group(g) for g in result.by_role],
            "by_vignette": [{"title": m.title, "intended": m.intended, "answers": m.answers,
                             "agreed": m.agreed, "commonest_other": m.commonest_other,
                             "direction": m.direction} for m in result.by_vignette],
        })  # fmt: skip
    links = (
        item.invitations.values("agency__name", "role")
        .annotate(made=Count("id"), used=Count("id", filter=Q(used_at__isnull=False)))
        .order_by("agency__name", "role")
    )
    return render(request, "thresholds/check.html", {
        "review": review, "check": item, "result": result, "levels": LEVELS,
        "vignettes": item.vignettes.all(), "links": links, "min_group": MIN_GROUP,
        "agencies": Agency.objects.filter(review=review),
        "may_run": membership.role in ("lead", "reviewer"),
        "answered": services.answered(item), "why_fixed": services.ANSWERED,
    })  # fmt: skip


@login_required
def vignette(
    request: HttpRequest, review_id: int, check_id: int, vignette_id: int | None = None
) -> HttpResponse:
    """Add a case to a check (VIGNETTE_ID None) or change one, for those who run checks."""
    review, _, item = _check_for(request, review_id, check_id, GRADE)
    case = (
        get_object_or_404(Vignette, threshold_check=item, id=vignette_id) if vignette_id else None
    )
    answered = services.answered(item)
    form = VignetteForm(request.POST or None, vignette=case, locked=answered)
    refused = answered and case is None  # nothing may be added once anyone has answered
    if request.method == "POST" and not refused and form.is_valid():
        data = form.cleaned_data
        try:
            if case is None:
                services.add_vignette(item, data["title"], data["text"], data["intended_level"],
                                      request.user)  # fmt: skip
                messages.success(request, f"Case “{data['title'].strip()}” added.")
            else:
                services.update_vignette(case, data["title"], data["text"],
                                         data["intended_level"], request.user)  # fmt: skip
                messages.success(request, f"Case “{case.title}” saved.")
        except services.ThresholdError as problem:
            form.add_error(None, str(problem))
        else:
            return redirect(reverse("thresholds:check", args=[review.id, item.id]) + "#cases")
    status = 200
    if request.method == "POST":
        status = 409 if refused else 400
    return render(request, "thresholds/vignette.html", {
        "review": review, "check": item, "case": case, "form": form, "answered": answered,
        "refused": refused, "why_fixed": services.ANSWERED,
    }, status=status)  # fmt: skip


def _case_for(
    request: HttpRequest, review_id: int, check_id: int, vignette_id: int
) -> HttpResponse:
    review, _, item = _check_for(request, review_id, check_id, GRADE)
    case = get_object_or_404(Vignette.objects.select_related("threshold_check"),
                             threshold_check=item, id=vignette_id)  # fmt: skip
    return review, item, case


@login_required
@require_POST
def move_vignette(
    request: HttpRequest, review_id: int, check_id: int, vignette_id: int
) -> HttpResponse:
    review, item, case = _case_for(request, review_id, check_id, vignette_id)
    services.move_vignette(case, request.POST.get("direction") == "up", request.user)
    return redirect(reverse("thresholds:check", args=[review.id, item.id]) + "#cases")


@login_required
@require_POST
def remove_vignette(
    request: HttpRequest, review_id: int, check_id: int, vignette_id: int
) -> HttpResponse:
    review, item, case = _case_for(request, review_id, check_id, vignette_id)
    try:
        services.remove_vignette(case, request.user)
    except services.ThresholdError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, f"Case “{case.title}” removed.")
    return redirect(reverse("thresholds:check", args=[review.id, item.id]) + "#cases")


@login_required
@require_POST
def make_links(request: HttpRequest, review_id: int, check_id: int) -> HttpResponse:
    review, _, item = _check_for(request, review_id, check_id, GRADE)
    agency = Agency.objects.filter(review=review, id=posted_id(request.POST.get("agency"))).first()
    try:
        if agency is None:
            raise services.ThresholdError("Choose the agency whose staff will answer.")
        count = int(request.POST.get("count") or 0)
        days = int(request.POST.get("days") or 0)
        tokens = services.make_links(item, agency, request.POST.get("role", ""), count, days)
    except (services.ThresholdError, ValueError) as problem:
        message = str(problem) if isinstance(problem, services.ThresholdError) else (
            "The number of links and the days they last are whole numbers.")  # fmt: skip
        messages.error(request, message)
        return redirect("thresholds:check", review_id=review.id, check_id=item.id)
    urls = [request.build_absolute_uri(reverse("thresholds:answer", args=[t])) for t in tokens]
    book = Workbook()
    sheet = book.active
    sheet.title = "Links"
    sheet.append(["Agency", "Role", "One-time link"])
    for url in urls:
        sheet.append([spreadsheet_cell(agency.name), spreadsheet_cell(request.POST["role"]), url])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    # The links exist only in this file: only their hashes are kept.
    response["Content-Disposition"] = f'attachment; filename="threshold-links-{item.id}.xlsx"'
    response["Cache-Control"] = "no-store"
    return response


def _failures_key(request: HttpRequest) -> str:
    return f"thresholds-answer-failures:{request.META.get('REMOTE_ADDR', '')}"


def _limited(request: HttpRequest) -> bool:
    return (cache.get(_failures_key(request)) or 0) >= RATE_LIMIT


def _failed(request: HttpRequest) -> None:
    key = _failures_key(request)
    cache.add(key, 0, RATE_WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, RATE_WINDOW)


def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The public page a one-time link opens: no account, no name asked."""
    if _limited(request):
        return render(request, "thresholds/closed.html",
                      {"reason": "Too many tries from this address. Try again in ten minutes."},
                      status=429)  # fmt: skip
    invitation, reason = services.invitation_for(token)
    if invitation is None:
        _failed(request)
        return render(request, "thresholds/closed.html", {"reason": reason}, status=404)
    vignettes = list(invitation.threshold_check.vignettes.all())
    error = ""
    if request.method == "POST":
        levels = {v.id: request.POST.get(f"v-{v.id}", "") for v in vignettes}
        try:
            services.record(token, levels)
        except services.ThresholdError as problem:
            error = str(problem)
        else:
            return render(request, "thresholds/thanks.html", {})
    return render(request, "thresholds/answer.html", {
        "rows": [(v, request.POST.get(f"v-{v.id}", "")) for v in vignettes], "levels": LEVELS,
        "error": error,
        "agency": invitation.agency.name,
    }, status=400 if error else 200)  # fmt: skip
