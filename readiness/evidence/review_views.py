"""Reviewing evidence at scale: every document on a line of enquiry or a judgement, paged and
filtered, confirmed or rejected in bulk, and removing and restoring a document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.lib.back import safe_next
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import GRADE, MANAGE, SEE_ALL_EVIDENCE, VIEW, may

from .alignment import decide_many
from .forms import DecisionForm, ReviewFilterForm
from .models import Alignment, EvidenceDocument
from .queries import (
    ReviewFilter,
    alignments_to_review,
    review_row,
    visible_documents,
)
from .removal import may_remove, remove_document, restore_document
from .views import document_for

PER_PAGE = 50  # documents on a page of a line's or a judgement's evidence


def _review_filter(form: ReviewFilterForm) -> ReviewFilter:
    if not form.is_valid():
        return ReviewFilter()
    data = form.cleaned_data
    return ReviewFilter(
        agency_id=data["agency"],
        kind=data["kind"],
        focus=data["focus"],
        unreviewed=data["unreviewed"],
    )


def _evidence_review(
    request: HttpRequest, review, membership, *, heading: str, caption: str, lines: list
) -> HttpResponse:
    """The one page behind a line's and a judgement's evidence: every document (paged),
    filters, and, for those who grade, one form to confirm or reject the ticked ones."""
    sees_all = may(membership.role, SEE_ALL_EVIDENCE)
    agencies = list(review.agencies.all()) if sees_all else []
    form = ReviewFilterForm(request.GET or None, agencies=agencies)
    chosen = _review_filter(form)
    found = alignments_to_review(review, membership, [line.id for line in lines], chosen)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    rows = [review_row(item) for item in page.object_list]
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "review": review.id,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "count": page.paginator.count,
                "documents": [
                    {
                        "alignment": row.alignment_id,
                        "document": row.document_id,
                        "title": row.title,
                        "agency": row.agency,
                        "type": row.kind_label,
                        "focus": row.focus,
                        "line": row.line_question,
                        "status": row.status,
                        "confidence": row.confidence,
                        "confidence_words": row.word,
                        "shows": row.shows,
                    }
                    for row in rows
                ],
            }
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "evidence/review.html",
        {
            "review": review,
            "heading": heading,
            "caption": caption,
            "lines": lines,
            "form": form,
            "sees_all": sees_all,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "filtered": chosen != ReviewFilter(),
            "may_decide": may(membership.role, GRADE),
            # Whoever may grade may ask an agency for what is missing (readiness.asks).
            "may_ask": may(membership.role, GRADE),
            "ask_query": urlencode([("line", line.key) for line in lines]),
            "here": request.get_full_path(),
        },
    )


@login_required
def line_evidence(request: HttpRequest, review_id: int, line_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    line = get_object_or_404(
        LineOfEnquiry.objects.select_related("judgement"),
        id=line_id,
        judgement__framework=review.framework,
    )
    return _evidence_review(
        request,
        review,
        membership,
        heading=line.question,
        caption=line.judgement.title,
        lines=[line],
    )


@login_required
def judgement_evidence(request: HttpRequest, review_id: int, key: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    judgement = get_object_or_404(Judgement, framework=review.framework, key=key)
    lines = list(judgement.lines_of_enquiry.order_by("position"))
    return _evidence_review(
        request,
        review,
        membership,
        heading=f"Evidence for {judgement.title}",
        caption=review.name,
        lines=lines,
    )


def _back(request: HttpRequest, review_id: int) -> str:
    return safe_next(request, reverse("evidence:by-line", args=[review_id]))


@login_required
@require_POST
def decide_many_view(request: HttpRequest, review_id: int) -> HttpResponse:
    """Confirm or reject every ticked document in one form (works without script)."""
    review, membership = get_review_for_user(request.user, review_id, GRADE)
    form = DecisionForm(request.POST)
    try:
        ids = [int(value) for value in request.POST.getlist("alignment")]
    except ValueError:
        ids = []
    if not form.is_valid():
        messages.error(request, "Choose confirm or reject.")
    elif not ids:
        messages.error(request, "Tick at least one document, then confirm or reject.")
    else:
        chosen = Alignment.objects.filter(
            id__in=ids, document__in=visible_documents(review, membership)
        )
        confirmed = form.cleaned_data["decision"] == "confirm"
        count = decide_many(chosen, request.user, confirmed)
        verb = "Confirmed" if confirmed else "Rejected"
        messages.success(request, f"{verb} {count} document{'' if count == 1 else 's'}.")
    return redirect(_back(request, review.id))


@login_required
@require_POST
def remove(request: HttpRequest, review_id: int, document_id: int) -> HttpResponse:
    review, membership, item = document_for(request, review_id, document_id)
    if not may_remove(membership, item):
        raise PermissionDenied(
            "Only the review's lead, and contributors from the agency that supplied it, "
            "can remove a document."
        )
    remove_document(item, request.user)
    messages.success(
        request,
        f"Removed “{item.title}”. It is kept in the audit trail and the review lead can "
        "restore it.",
    )
    return redirect("evidence:by-line", review_id=review.id)


@login_required
def removed(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    documents = (
        EvidenceDocument.with_removed.filter(review=review, removed_at__isnull=False)
        .select_related("agency", "removed_by")
        .order_by("-removed_at", "id")
    )
    return render(request, "evidence/removed.html", {"review": review, "documents": documents})


@login_required
@require_POST
def restore(request: HttpRequest, review_id: int, document_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, MANAGE)
    item = get_object_or_404(
        EvidenceDocument.with_removed, id=document_id, review=review, removed_at__isnull=False
    )
    restore_document(item, request.user)
    messages.success(request, f"Restored “{item.title}” to the library.")
    return redirect("evidence:document", review_id=review.id, document_id=item.id)
