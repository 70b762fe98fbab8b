from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import CONTRIBUTE, GRADE, SEE_ALL_EVIDENCE, VIEW, may

from . import index_exports
from .alignment import confirm_line, decide
from .audit import audit
from .corrections import FIELD_NAMES, correct_document, may_correct
from .domain.dating import SOURCE_LABELS
from .domain.doctype import AREA_LABELS, UNSURE_BELOW
from .forms import AddLineForm, CorrectionForm, DecisionForm, UploadForm
from .ingest import ingest_uploads, stored_path
from .models import Alignment, DocumentChange, EvidenceDocument, RejectedFile
from .queries import analysis_json, evidence_by_line, review_analysis, visible_documents
from .search import search as search_passages

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
            "document_count": visible_documents(review, membership).count(),
            "may_upload": may(membership.role, CONTRIBUTE),
            "sees_all": may(membership.role, SEE_ALL_EVIDENCE),
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
        return JsonResponse(
            {
                "review": review.id,
                "documents": [
                    _document_json(d)
                    for d in documents.prefetch_related("alignments__line_of_enquiry")
                ],
            }
        )
    groups: dict[str, list] = {}
    for document in documents:
        groups.setdefault(document.agency.name if document.agency else "No agency", []).append(
            document
        )
    return render(
        request,
        "evidence/by_agency.html",
        {"review": review, "groups": sorted(groups.items())},
    )


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


def _document_for(request: HttpRequest, review_id: int, document_id: int, action: str = VIEW):
    review, membership = get_review_for_user(request.user, review_id, action)
    document = visible_documents(review, membership).filter(id=document_id).first()
    if document is None:
        raise Http404
    return review, membership, document


@login_required
def document(request: HttpRequest, review_id: int, document_id: int) -> HttpResponse:
    review, membership, item = _document_for(request, review_id, document_id)
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
    review, membership, item = _document_for(request, review_id, document_id)
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
def original(request: HttpRequest, review_id: int, document_id: int) -> FileResponse:
    """The file as the agency supplied it, for those who may see the document."""
    review, _, item = _document_for(request, review_id, document_id)
    path = stored_path(item.content_hash)
    if not path.exists():
        raise Http404
    audit.info(
        "evidence document downloaded",
        extra={"user": request.user.pk, "review": review.id, "document": item.id},
    )
    source = item.sources.order_by("id").first()
    name = PurePosixPath(source.path).name if source else f"document-{item.id}.{item.file_type}"
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=DOWNLOAD_TYPES.get(item.file_type, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def decide_alignment(
    request: HttpRequest, review_id: int, document_id: int, alignment_id: int
) -> HttpResponse:
    review, _, item = _document_for(request, review_id, document_id, GRADE)
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
    review, _, item = _document_for(request, review_id, document_id, GRADE)
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
    report = None
    if request.method == "POST" and form.is_valid():
        agency = own_agency or form.cleaned_data.get("agency")
        uploads = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        report = ingest_uploads(review, uploads, user=request.user, agency=agency)
        messages.success(request, f"Checked {report.seen} files: {report.added} added.")
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(
        request,
        "evidence/upload.html",
        {
            "review": review,
            "form": form,
            "report": report,
            "own_agency": own_agency,
            "max_mb": settings.EVIDENCE_UPLOAD_MAX_BYTES // 1_048_576,
        },
        status=status,
    )


@login_required
def analyses(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
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
        },
    )


@login_required
def search(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    query = request.GET.get("q", "").strip()[:200]
    hits, documents = [], {}
    if query:
        visible = visible_documents(review, membership)
        allowed = (
            None
            if may(membership.role, SEE_ALL_EVIDENCE)
            else list(visible.values_list("id", flat=True))
        )
        hits = search_passages(review.id, query, document_ids=allowed)
        documents = visible.in_bulk([h.document_id for h in hits])
    return render(
        request,
        "evidence/search.html",
        {"review": review, "query": query, "hits": hits, "documents": documents},
    )


@login_required
def index_export(request: HttpRequest, review_id: int, format: str) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
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
    content = writer(index_exports.evidence_index(review))
    response = HttpResponse(content, content_type=content_type)
    name = slugify(f"{review.area} evidence index")
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response
