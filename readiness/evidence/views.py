from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from readiness.frameworks.models import LineOfEnquiry
from readiness.lib.text import plural
from readiness.privacy import views as privacy
from readiness.privacy.services import export_for_index_format
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import CONTRIBUTE, GRADE, SEE_ALL_EVIDENCE, VIEW, may
from readiness.reviews.models import Membership, Review

from . import index_exports, storage
from .alignment import confirm_line, decide
from .audit import audit
from .corrections import FIELD_NAMES, correct_document, may_correct
from .domain.dating import SOURCE_LABELS
from .domain.doctype import AREA_LABELS, UNSURE_BELOW
from .domain.stale import age_in_words
from .forms import AddLineForm, CorrectionForm, DecisionForm, UploadForm
from .jobs import report_of, start_upload_job
from .models import Alignment, DocumentChange, EvidenceDocument, IngestJob, RejectedFile
from .queries import (
    analysis_json,
    evidence_by_line,
    new_documents,
    review_analysis,
    visible_documents,
)
from .removal import may_remove, may_restore
from .search import Results, search_page

# An original is always sent as a download, never shown in the page: it is untrusted.
DOWNLOAD_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "csv": "text/csv",
    "txt": "text/plain",
    "md": "text/plain",
    "html": "application/octet-stream",
    "eml": "message/rfc822",
}


@login_required
def by_line(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    judgements = evidence_by_line(review, membership)
    if format == "json":
        return JsonResponse(
            {
                "review": review.id,
                "lines_of_enquiry": [
                    {
                        "judgement": judgement.key,
                        "line": summary.line.key,
                        "question": summary.line.question,
                        "confirmed": summary.confirmed,
                        "suggested": summary.suggested,
                        "weak": summary.weak,
                        "documents": [
                            {
                                "id": row.id,
                                "title": row.title,
                                "agency": row.agency,
                                "type": row.kind_label,
                                "focus": row.focus,
                                "confidence": row.confidence,
                                "status": row.status,
                                "below_threshold": row.below_threshold,
                                "shows": row.shows,
                            }
                            for row in summary.rows
                        ],
                    }
                    for judgement, summaries in judgements
                    for summary in summaries
                ],
            }
        )
    return render(
        request,
        "evidence/by_line.html",
        {
            "review": review,
            "judgements": judgements,
            "document_url": _document_url_prefix(review.id),
            "document_count": visible_documents(review, membership).count(),
            "may_upload": may(membership.role, CONTRIBUTE),
            "sees_all": may(membership.role, SEE_ALL_EVIDENCE),
            "may_restore": may_restore(membership),
        },
    )


@login_required
def by_agency(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    documents = (
        visible_documents(review, membership)
        .select_related("agency")
        .order_by("agency__name", "title")
    )
    if format == "json":
        return JsonResponse(_documents_page(request, review, documents))
    groups: dict[str, list] = {}
    # Only what the rows show: every document of a large library is on this page, and the
    # full rows (their JSON fields decoded) cost more than drawing them (bench/load_test.py).
    for document in documents.only(*BY_AGENCY_FIELDS):
        groups.setdefault(document.agency.name if document.agency else "No agency", []).append(
            document
        )
    return render(
        request,
        "evidence/by_agency.html",
        {
            "review": review,
            "groups": sorted(groups.items()),
            "document_url": _document_url_prefix(review.id),
        },
    )


BY_AGENCY_FIELDS = (
    "id", "title", "status", "covering", "kind_label", "kind_score", "corrected", "focus",
    "document_date", "agency__name",
)  # fmt: skip
JSON_PAGE_SIZE = 100


def _documents_page(request: HttpRequest, review: Review, documents: QuerySet) -> dict:
    """One page of the documents with their alignments: a large library in one answer is
    thousands of alignments, read, built and sent on every call."""
    count = documents.count()
    pages = max(1, -(-count // JSON_PAGE_SIZE))
    page = min(_page_number(request.GET.get("page")), pages)
    chosen = documents[(page - 1) * JSON_PAGE_SIZE : page * JSON_PAGE_SIZE].prefetch_related(
        Prefetch(
            "alignments",
            Alignment.objects.select_related("line_of_enquiry").order_by("-confidence", "id"),
        )
    )
    here = reverse("evidence:documents-json", args=[review.id])
    return {
        "review": review.id,
        "count": count,
        "page": page,
        "pages": pages,
        "next": f"{here}?page={page + 1}" if page < pages else None,
        "documents": [_document_json(d) for d in chosen],
    }


def _document_url_prefix(review_id: int) -> str:
    """The address of a document of this review without its id: a list of hundreds of
    documents builds each link by joining, not by resolving the URL pattern each time."""
    return reverse("evidence:document", args=[review_id, 1]).removesuffix("1/")


def _document_json(document: EvidenceDocument) -> dict:
    return {
        "id": document.id,
        "title": document.title,
        "agency": document.agency.name if document.agency else None,
        "date": document.document_date.isoformat() if document.document_date else None,
        "date_source": document.date_source,
        "date_note": document.date_note,
        "file_type": document.file_type,
        "pages": document.page_count,
        "status": document.status,
        "type": document.kind,
        "type_label": document.kind_label,
        "type_confidence": document.kind_score,
        "type_unsure": bool(document.kind) and document.kind_score < UNSURE_BELOW,
        "focus": document.focus,
        "focus_confidence": document.focus_score,
        "focus_words": document.focus_words,
        "areas": [{"area": area, "probability": p} for area, p in document.areas],
        "covering": document.covering,
        "corrected": document.corrected,
        "alignments": [
            {
                "line": a.line_of_enquiry.key,
                "confidence": a.confidence,
                "status": a.status,
                "below_threshold": a.below_threshold,
                "reasons": a.reasons,
            }
            for a in document.alignments.all()
        ],
    }


def _labelled(change: DocumentChange) -> DocumentChange:
    change.label = FIELD_NAMES.get(change.field, change.field).capitalize()
    return change


def document_for(request: HttpRequest, review_id: int, document_id: int, action: str = VIEW):
    review, membership = get_review_for_user(request.user, review_id, action)
    document = visible_documents(review, membership).filter(id=document_id).first()
    if document is None:
        raise Http404
    return review, membership, document


@login_required
def document(request: HttpRequest, review_id: int, document_id: int) -> HttpResponse:
    review, membership, item = document_for(request, review_id, document_id)
    # Partners' documents can name children and families: every reading is recorded.
    audit.info(
        "evidence document viewed",
        extra={"user": request.user.pk, "review": review.id, "document": item.id},
    )
    alignments = item.alignments.select_related("line_of_enquiry__judgement", "decided_by")
    if request.GET.get("format") == "json":
        return JsonResponse(_document_json(item))
    lines = LineOfEnquiry.objects.filter(judgement__framework=review.framework).select_related(
        "judgement"
    )
    return render(
        request,
        "evidence/document.html",
        {
            "review": review,
            "document": item,
            "alignments": alignments,
            "sources": item.sources.select_related("agency"),
            "passages": item.passages.all()[:60],
            "may_decide": may(membership.role, GRADE),
            "may_correct": may_correct(membership, item),
            "may_remove": may_remove(membership, item),
            "add_form": AddLineForm(lines=lines),
            "unsure_below": UNSURE_BELOW,
            "areas": [
                {"label": AREA_LABELS.get(area, area), "probability": p} for area, p in item.areas
            ],
            "date_source": SOURCE_LABELS.get(item.date_source, ""),
            "changes": [_labelled(change) for change in item.changes.select_related("changed_by")],
        },
    )


@login_required
def correct(request: HttpRequest, review_id: int, document_id: int) -> HttpResponse:
    """Correct the title, date, type, focus or agency the machine read."""
    review, membership, item = document_for(request, review_id, document_id)
    if not may_correct(membership, item):
        raise PermissionDenied(
            "Only the review's lead and reviewers, and contributors from the agency that "
            "supplied it, can correct a document's details."
        )
    if request.method == "POST":
        form = CorrectionForm(request.POST, review=review)
        if not any(name in request.POST for name in form.fields):
            return HttpResponse("Nothing was sent: no detail was changed.", status=400)
        if form.is_valid():
            changed = correct_document(item, request.user, form.present())
            if changed:
                names = ", ".join(FIELD_NAMES[f] for f in changed)
                messages.success(request, f"Saved: the {names} will not be changed by a re-run.")
            else:
                messages.info(request, "Nothing was changed.")
            return redirect("evidence:document", review_id=review.id, document_id=item.id)
        status = 400
    else:
        form = CorrectionForm(
            review=review,
            initial={
                "title": item.title,
                "document_date": item.document_date,
                "kind": item.kind,
                "focus": item.focus,
                "agency": item.agency_id,
            },
        )
        status = 200
    return render(
        request,
        "evidence/correct.html",
        {"review": review, "document": item, "form": form},
        status=status,
    )


@login_required
def original(request: HttpRequest, review_id: int, document_id: int) -> HttpResponse:
    """The file as the agency supplied it, for those who may see the document, once its
    bytes are checked against the hash taken when it arrived."""
    review, _, item = document_for(request, review_id, document_id)
    try:
        handle = storage.open_verified(item.content_hash)
    except FileNotFoundError:
        raise Http404 from None
    except storage.DamagedFile:
        return damaged_file(request, review, [item])
    audit.info(
        "evidence document downloaded",
        extra={"user": request.user.pk, "review": review.id, "document": item.id},
    )
    source = item.sources.order_by("id").first()
    name = PurePosixPath(source.path).name if source else f"document-{item.id}.{item.file_type}"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=DOWNLOAD_TYPES.get(item.file_type, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def damaged_file(
    request: HttpRequest, review: Review, documents: list[EvidenceDocument]
) -> HttpResponse:
    """Refuse to send a stored file that no longer matches its hash (already logged)."""
    return render(
        request,
        "evidence/damaged.html",
        {"review": review, "documents": documents},
        status=500,
    )


@login_required
@require_POST
def decide_alignment(
    request: HttpRequest, review_id: int, document_id: int, alignment_id: int
) -> HttpResponse:
    review, _, item = document_for(request, review_id, document_id, GRADE)
    alignment = get_object_or_404(Alignment, id=alignment_id, document=item)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose confirm or reject.")
    else:
        decide(alignment, request.user, form.cleaned_data["decision"] == "confirm")
        messages.success(
            request,
            f"{'Confirmed' if alignment.status == Alignment.CONFIRMED else 'Rejected'}: "
            f"{alignment.line_of_enquiry.question}",
        )
    return redirect("evidence:document", review_id=review.id, document_id=item.id)


@login_required
@require_POST
def add_alignment(request: HttpRequest, review_id: int, document_id: int) -> HttpResponse:
    review, _, item = document_for(request, review_id, document_id, GRADE)
    lines = LineOfEnquiry.objects.filter(judgement__framework=review.framework).select_related(
        "judgement"
    )
    form = AddLineForm(request.POST, lines=lines)
    if form.is_valid():
        line = lines.get(key=form.cleaned_data["line"])
        confirm_line(item, line, request.user)
        messages.success(request, f"Confirmed: {line.question}")
    else:
        messages.error(request, "Choose a line of enquiry of this review's framework.")
    return redirect("evidence:document", review_id=review.id, document_id=item.id)


@login_required
def upload(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, CONTRIBUTE)
    own_agency = None if may(membership.role, SEE_ALL_EVIDENCE) else membership.agency
    if not may(membership.role, SEE_ALL_EVIDENCE) and own_agency is None:
        raise PermissionDenied("You are not linked to an agency: ask the review lead.")
    form = UploadForm(
        request.POST or None, request.FILES or None, review=review, fixed_agency=own_agency
    )
    if request.method == "POST" and form.is_valid():
        agency = own_agency or form.cleaned_data.get("agency")
        job = start_upload_job(review, form.cleaned_data["files"], user=request.user, agency=agency)
        return redirect("evidence:upload-job", review.id, job.id)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "evidence/upload.html",
        {
            "review": review,
            "form": form,
            "recent": _visible_jobs(review, membership, request.user)[:RECENT_UPLOADS],
            "own_agency": own_agency,
            "max_mb": settings.EVIDENCE_UPLOAD_MAX_BYTES // 1_048_576,
        },
        status=status,
    )


RECENT_UPLOADS = 10


def _visible_jobs(review: Review, membership: Membership, user: object) -> QuerySet:
    """A contributor's own uploads; everyone's for those who see all the evidence."""
    jobs = IngestJob.objects.filter(review=review).select_related("created_by", "agency")
    if not may(membership.role, SEE_ALL_EVIDENCE):
        jobs = jobs.filter(created_by=user)
    return jobs


@login_required
def upload_job(request: HttpRequest, review_id: int, job_id: int) -> HttpResponse:
    """What became of an upload, as far as the worker has got: reload to see more. A
    contributor sees their own uploads; the lead and reviewers, everyone's."""
    review, membership = get_review_for_user(request.user, review_id, CONTRIBUTE)
    job = get_object_or_404(_visible_jobs(review, membership, request.user), id=job_id)
    report = report_of(job)
    return render(
        request,
        "evidence/upload_job.html",
        {
            "review": review,
            "job": job,
            "report": report,
            "added": new_documents(report.added_ids) if job.status == IngestJob.DONE else [],
            "kept_note": (
                f"The {plural(job.done, 'file')} checked before it stopped "
                f"{'is' if job.done == 1 else 'are'} kept."
                if job.done
                else ""
            ),
        },
    )


@login_required
def analyses(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    result = review_analysis(review)
    if format == "json":
        return JsonResponse(analysis_json(review, result))
    rejected = RejectedFile.objects.filter(review=review).select_related("agency")
    return render(
        request,
        "evidence/analyses.html",
        {
            "review": review,
            "analysis": result,
            "rejected": rejected,
            "stale_months": settings.EVIDENCE_STALE_DOCUMENT_MONTHS,
            "stale_limit": age_in_words(settings.EVIDENCE_STALE_DOCUMENT_MONTHS),
            "may_ask": may(membership.role, GRADE),
        },
    )


SEARCH_PAGE_SIZE = 20


@login_required
def search(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    query = request.GET.get("q", "").strip()[:200]
    page = _page_number(request.GET.get("page"))
    results, documents = Results([], 0), {}
    if query:
        visible = visible_documents(review, membership)
        # A contributor's agency is filtered inside the search, before ranking and paging.
        agency_id = None if may(membership.role, SEE_ALL_EVIDENCE) else (membership.agency_id or -1)
        results = search_page(
            review.id,
            query,
            agency_id=agency_id,
            limit=SEARCH_PAGE_SIZE,
            offset=(page - 1) * SEARCH_PAGE_SIZE,
        )
        documents = visible.in_bulk([h.document_id for h in results.hits])
    pages = max(1, -(-results.total // SEARCH_PAGE_SIZE))
    return render(
        request,
        "evidence/search.html",
        {
            "review": review,
            "query": query,
            "hits": results.hits,
            "total": results.total,
            "documents": documents,
            "page": page,
            "pages": pages,
            "first": (page - 1) * SEARCH_PAGE_SIZE + 1,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if page < pages else None,
        },
    )


def _page_number(text: str | None) -> int:
    """?page=N, forgiving: anything that is not a sensible page number is page 1."""
    if text and text.isdigit() and len(text) <= 6:
        return max(1, int(text))
    return 1


@login_required
def index_export(request: HttpRequest, review_id: int, format: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    writers = {
        "docx": (
            index_exports.to_docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "xlsx": (
            index_exports.to_xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "html": (index_exports.to_html, "text/html; charset=utf-8"),
        "pdf": (index_exports.to_pdf, "application/pdf"),
        "zip": (index_exports.to_zip, "application/zip"),
    }
    if format not in writers:
        raise Http404
    writer, content_type = writers[format]
    stopped = privacy.gate(request, review, membership, export_for_index_format(format))
    if stopped:
        return stopped
    try:
        content = writer(index_exports.evidence_index(review))
    except storage.DamagedFile as error:
        damaged = EvidenceDocument.objects.filter(review=review, content_hash=error.expected)
        return damaged_file(request, review, list(damaged))
    response = HttpResponse(content, content_type=content_type)
    name = slugify(f"{review.area} evidence index")
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response


# Reviewing a line's or a judgement's evidence at scale --------------------------------
