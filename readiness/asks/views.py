"""Requests for evidence: the list ("requests for you" for a contributor), asking, changing
and withdrawing, and a request's page where the agency answers by upload or declines."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from readiness.evidence.audit import audit
from readiness.evidence.queries import visible_documents
from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import GRADE, SEE_ALL_EVIDENCE, VIEW, may

from . import services
from .domain.state import (
    LABELS,
    TAGS,
    AskError,
    check_answerable,
    check_changeable,
    state_of,
    summarise,
)
from .exports import requests_xlsx
from .forms import AnswerForm, DeclineForm, RequestForm, WithdrawForm, initial_for
from .models import EvidenceRequest
from .queries import as_rows, may_answer, name_of, visible_requests, with_details

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _decorate(request: EvidenceRequest, today) -> EvidenceRequest:
    request.state = state_of(request.status, request.due_date, today)
    request.state_label = LABELS[request.state]
    request.state_tag = TAGS[request.state]
    request.asked_by_name = name_of(request.asked_by) or "someone no longer here"
    request.answered_by_name = name_of(request.answered_by) or "someone no longer here"
    request.withdrawn_by_name = name_of(request.withdrawn_by) or "someone no longer here"
    return request


def _request_json(r: EvidenceRequest) -> dict:
    return {
        "id": r.id,
        "agency": r.agency.name,
        "lines_of_enquiry": [line.key for line in r.lines_of_enquiry.all()],
        "message": r.message,
        "due_date": r.due_date.isoformat(),
        "state": r.state,
        "asked_by": name_of(r.asked_by),
        "asked_at": r.asked_at.isoformat(),
        "answered_by": name_of(r.answered_by),
        "decline_reason": r.decline_reason,
        "withdrawn_by": name_of(r.withdrawn_by),
        "withdraw_reason": r.withdraw_reason,
    }


@login_required
def index(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    today = timezone.localdate()
    requests = [
        _decorate(r, today)
        for r in with_details(visible_requests(review, membership)).order_by(
            "due_date", "agency__name", "id"
        )
    ]
    rows = as_rows(requests, today)
    summary = summarise(rows)
    if format == "xlsx":
        response = HttpResponse(requests_xlsx(rows), content_type=XLSX)
        name = slugify(review.name) or "review"
        response["Content-Disposition"] = f'attachment; filename="{name}-requests.xlsx"'
        return response
    if format == "json":
        return JsonResponse(
            {
                "review": review.id,
                "summary": {k: v for k, v in summary.as_dict().items() if k != "waiting"},
                "requests": [_request_json(r) for r in requests],
            }
        )
    for_you = not may(membership.role, SEE_ALL_EVIDENCE)
    waiting = [r for r in requests if r.state in ("open", "overdue")]
    done = [r for r in requests if r.state not in ("open", "overdue")]
    return render(
        request,
        "asks/index.html",
        {
            "review": review,
            "membership": membership,
            "for_you": for_you,
            "waiting": waiting,
            "done": done,
            "summary": summary,
            "may_ask": may(membership.role, GRADE),
        },
    )


@login_required
def new(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, GRADE)
    initial = {}
    if request.method == "GET":
        # Asked from a line of enquiry or an agency: start with it chosen.
        lines = request.GET.getlist("line")
        if lines:
            initial["lines"] = list(
                LineOfEnquiry.objects.filter(
                    judgement__framework_id=review.framework_id, key__in=lines
                ).values_list("id", flat=True)
            )
        if request.GET.get("agency", "").isdigit():
            initial["agency"] = int(request.GET["agency"])
    form = RequestForm(
        request.POST if request.method == "POST" else None, review=review, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            asked = services.ask(review, request.user, **form.request_fields())
        except AskError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Asked {asked.agency.name} for evidence by {asked.due_date:%-d %B %Y}. Its "
                "contributors see the request on their requests page and by e-mail.",
            )
            return redirect("asks:detail", review_id=review.id, request_id=asked.id)
    return render(
        request,
        "asks/new.html",
        {"review": review, "form": form, "judgements": _by_judgement(form)},
        status=400 if form.errors else 200,
    )


def _by_judgement(form: RequestForm) -> list:
    """The lines' checkboxes grouped under their judgements, as the form shows them, each
    judgement with whether any of its lines is ticked (its section then starts open)."""
    by_judgement: dict = {}
    for choice in form["lines"]:
        by_judgement.setdefault(choice.data["value"].instance.judgement, []).append(choice)
    return [
        (judgement, choices, any(c.data["selected"] for c in choices))
        for judgement, choices in by_judgement.items()
    ]


def _request_for(http_request: HttpRequest, review_id: int, request_id: int):
    review, membership = get_review_for_user(http_request.user, review_id, VIEW)
    item = with_details(visible_requests(review, membership)).filter(id=request_id).first()
    if item is None:
        raise Http404
    return review, membership, item


def _detail(http_request, review, membership, item, *, answer_form=None, decline_form=None,
            withdraw_form=None, report=None, new_ids=(), refusal="",
            status=200) -> HttpResponse:  # fmt: skip
    today = timezone.localdate()
    _decorate(item, today)
    documents = list(item.documents.select_related("agency").order_by("title"))
    # Partners' documents can name children and families: every reading is recorded.
    audit.info(
        "evidence request viewed",
        extra={"user": http_request.user.pk, "review": review.id, "request": item.id},
    )
    answerable = may_answer(membership, item) and item.status != EvidenceRequest.WITHDRAWN
    changeable = may(membership.role, GRADE) and item.status == EvidenceRequest.OPEN
    return render(
        http_request,
        "asks/detail.html",
        {
            "review": review,
            "item": item,
            "documents": documents,
            "new_documents": [d for d in documents if d.id in set(new_ids)],
            "may_answer": answerable,
            "answer_form": answer_form or (AnswerForm(request=item) if answerable else None),
            "decline_form": decline_form or (DeclineForm() if answerable else None),
            "may_change": changeable,
            "withdraw_form": withdraw_form
            or (WithdrawForm(prefix="withdraw") if changeable else None),
            "refusal": refusal,
            "report": report,
            "max_mb": settings.EVIDENCE_UPLOAD_MAX_BYTES // 1_048_576,
        },
        status=status,
    )


@login_required
def detail(request: HttpRequest, review_id: int, request_id: int) -> HttpResponse:
    review, membership, item = _request_for(request, review_id, request_id)
    if request.GET.get("format") == "json":
        audit.info(
            "evidence request viewed",
            extra={"user": request.user.pk, "review": review.id, "request": item.id},
        )
        _decorate(item, timezone.localdate())
        data = _request_json(item)
        data["documents"] = [
            {"id": d.id, "title": d.title}
            for d in visible_documents(review, membership).filter(requests=item).order_by("title")
        ]
        return JsonResponse(data)
    return _detail(request, review, membership, item)


@login_required
@require_POST
def answer(request: HttpRequest, review_id: int, request_id: int) -> HttpResponse:
    review, membership, item = _request_for(request, review_id, request_id)
    if not may_answer(membership, item):
        raise PermissionDenied(
            f"Only {item.agency.name}'s contributors, the lead and reviewers can answer this "
            "request."
        )
    try:
        check_answerable(item.status)
    except AskError as error:
        return _detail(request, review, membership, item, refusal=str(error), status=400)
    form = AnswerForm(request.POST, request.FILES, request=item)
    if not form.is_valid():
        return _detail(request, review, membership, item, answer_form=form, status=400)
    report, ids = services.answer(item, request.user, form.cleaned_data["files"])
    n = len(ids)
    if n:
        messages.success(
            request,
            f"Answered with {n} document{'' if n == 1 else 's'}: the request is marked answered.",
        )
    else:
        messages.info(request, "No file could be used, so the request is still open.")
    item.refresh_from_db()
    return _detail(request, review, membership, item, report=report, new_ids=ids)


@login_required
@require_POST
def decline(request: HttpRequest, review_id: int, request_id: int) -> HttpResponse:
    review, membership, item = _request_for(request, review_id, request_id)
    if not may_answer(membership, item):
        raise PermissionDenied(
            f"Only {item.agency.name}'s contributors, the lead and reviewers can decline this "
            "request."
        )
    try:
        check_answerable(item.status, "declined")
    except AskError as error:
        return _detail(request, review, membership, item, refusal=str(error), status=400)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.decline(item, request.user, form.cleaned_data["reason"])
        except AskError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, "Declined: the person who asked can see your reason.")
            return redirect("asks:detail", review_id=review.id, request_id=item.id)
    return _detail(request, review, membership, item, decline_form=form, status=400)


def _may_change(membership) -> None:
    """Whoever may ask may change or withdraw; the asked agency's contributors may not (an
    agency cannot set aside what it was asked for)."""
    if not may(membership.role, GRADE):
        raise PermissionDenied(
            "Only the review lead and reviewers can change or withdraw a request for evidence."
        )


@login_required
def edit(request: HttpRequest, review_id: int, request_id: int) -> HttpResponse:
    review, membership, item = _request_for(request, review_id, request_id)
    _may_change(membership)
    try:
        check_changeable(item.status, "changed")
    except AskError as error:
        return _detail(request, review, membership, item, refusal=str(error), status=400)
    form = RequestForm(
        request.POST if request.method == "POST" else None, review=review,
        initial=initial_for(item),
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.change(item, request.user, **form.request_fields())
        except AskError as error:
            form.add_error(None, str(error))
        else:
            if changed:
                messages.success(request, f"Request changed: {', '.join(changed)}.")
            else:
                messages.info(request, "Nothing had changed.")
            return redirect("asks:detail", review_id=review.id, request_id=item.id)
    return render(
        request,
        "asks/edit.html",
        {"review": review, "item": item, "form": form, "judgements": _by_judgement(form)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, review_id: int, request_id: int) -> HttpResponse:
    review, membership, item = _request_for(request, review_id, request_id)
    _may_change(membership)
    form = WithdrawForm(request.POST, prefix="withdraw")
    if not form.is_valid():
        return _detail(request, review, membership, item, withdraw_form=form, status=400)
    try:
        services.withdraw(item, request.user, form.cleaned_data["reason"])
    except AskError as error:
        return _detail(request, review, membership, item, refusal=str(error), status=400)
    messages.success(
        request,
        f"Withdrawn: the request no longer waits for {item.agency.name}, who can see that it "
        "was withdrawn.",
    )
    return redirect("asks:detail", review_id=review.id, request_id=item.id)
