"""The report page: its check, a preview, downloads in three formats, the council's Word
template and what the review looked at (case files, interviews, focus groups)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from readiness.lib.jobs import job_storage
from readiness.privacy import views as privacy
from readiness.privacy.models import ExportConfirmation
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import GRADE, MANAGE, SEE_ALL_EVIDENCE, may

from .domain import html
from .domain.check import ReportCheckError
from .domain.word import TemplateError
from .forms import ActivityForm, PrepareForm, TemplateForm
from .jobs import KEPT, kept_name, start_report_build
from .models import ReportBuild, ReportTemplate, ReviewActivity
from .services import FORMATS, build_report, build_sef, report_document, save_template


def _page(request, review, membership, status=200, template_form=None, activity_form=None,
          prepare_form=None):  # fmt: skip
    built = report_document(review)
    stored = ReportTemplate.objects.filter(review=review).only("filename", "uploaded_at").first()
    return render(request, "reports/report.html", {
        "review": review,
        "problems": built.problems,
        "document": built.document,
        "preview": html.fragment(built.document),
        "activities": ReviewActivity.objects.filter(review=review),
        "stored_template": stored,
        "may_manage": may(membership.role, MANAGE),
        "may_grade": may(membership.role, GRADE),
        "template_form": template_form or TemplateForm(),
        "activity_form": activity_form or ActivityForm(),
        "prepare_form": prepare_form or PrepareForm(),
        "builds": ReportBuild.objects.filter(review=review).select_related("created_by")[:KEPT],
    }, status=status)  # fmt: skip


@login_required
def report(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    return _page(request, review, membership)


def _refused(request, review, problems: list[str]) -> HttpResponse:
    return render(request, "reports/refused.html", {"review": review, "problems": problems},
                  status=409)  # fmt: skip


@login_required
def download(request: HttpRequest, review_id: int, fmt: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    if fmt not in FORMATS:
        raise Http404
    stopped = privacy.gate(request, review, membership, ExportConfirmation.REPORT)
    if stopped:
        return stopped
    annex = request.GET.get("annex") != "no"  # "no": a copy for members, annex left out
    try:
        data = build_report(review, fmt, annex=annex)
    except ReportCheckError as error:
        return _refused(request, review, [str(p) for p in error.problems])
    except TemplateError as error:
        return _refused(request, review, [str(error)])
    content_type, suffix = FORMATS[fmt]
    response = HttpResponse(data, content_type=content_type)
    copy = "" if annex else "-for-members"
    name = f"{slugify(review.area)}-readiness-report{copy}.{suffix}"
    disposition = "inline" if fmt == "html" and request.GET.get("view") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


def _file_name(review, fmt: str, annex: bool) -> str:
    copy = "" if annex else "-for-members"
    return f"{slugify(review.area)}-readiness-report{copy}.{FORMATS[fmt][1]}"


@login_required
@require_POST
def prepare(request: HttpRequest, review_id: int) -> HttpResponse:
    """Build the report in the background and keep the file: for a report too long to wait
    for. The personal data check stops it here, as it stops a download. Those who write the
    report prepare it; a viewer downloads it, or a prepared copy."""
    review, membership = get_review_for_user(request.user, review_id, GRADE)
    form = PrepareForm(request.POST)
    if not form.is_valid():
        return _page(request, review, membership, status=400, prepare_form=form)
    back = reverse("reports:report", args=[review.id])
    stopped = privacy.gate(request, review, membership, ExportConfirmation.REPORT, back)
    if stopped:
        return stopped
    build = start_report_build(
        review,
        form.cleaned_data["fmt"],
        annex=not form.cleaned_data["members"],
        user=request.user,
    )
    return redirect("reports:build", review_id=review.id, build_id=build.id)


@login_required
def build(request: HttpRequest, review_id: int, build_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    job = get_object_or_404(ReportBuild.objects.select_related("created_by"), id=build_id,
                            review=review)  # fmt: skip
    return render(request, "reports/build.html", {
        "review": review, "job": job, "file_name": _file_name(review, job.fmt, job.annex),
    })  # fmt: skip


@login_required
def build_file(request: HttpRequest, review_id: int, build_id: int) -> HttpResponse:
    """The prepared file, through the same personal data check as any download of it."""
    review, membership = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    job = get_object_or_404(ReportBuild, id=build_id, review=review, status=ReportBuild.DONE)
    stopped = privacy.gate(request, review, membership, ExportConfirmation.REPORT)
    if stopped:
        return stopped
    storage, name = job_storage(), kept_name(job)
    if not storage.exists(name):
        raise Http404("The prepared file is no longer kept: prepare the report again.")
    return FileResponse(
        storage.open(name, "rb"),
        as_attachment=True,
        filename=_file_name(review, job.fmt, job.annex),
        content_type=FORMATS[job.fmt][0],
    )


@login_required
def sef(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    stopped = privacy.gate(request, review, membership, ExportConfirmation.REPORT)
    if stopped:
        return stopped
    try:
        data = build_sef(review)
    except ReportCheckError as error:
        return _refused(request, review, [str(p) for p in error.problems])
    except TemplateError as error:
        return _refused(request, review, [str(error)])
    response = HttpResponse(data, content_type=FORMATS["docx"][0])
    name = f"{slugify(review.area)}-self-evaluation-draft.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def upload_template(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, MANAGE)
    form = TemplateForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, review, membership, status=400, template_form=form)
    upload = form.cleaned_data["template"]
    save_template(review, upload.name, form.data_bytes, request.user)
    messages.success(request, f"The report now uses the template {upload.name}.")
    return redirect("reports:report", review_id=review.id)


@login_required
@require_POST
def remove_template(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    ReportTemplate.objects.filter(review=review).delete()
    messages.success(request, "The report is back to the standard layout.")
    return redirect("reports:report", review_id=review.id)


@login_required
@require_POST
def add_activity(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, GRADE)
    form = ActivityForm(request.POST)
    if not form.is_valid():
        return _page(request, review, membership, status=400, activity_form=form)
    activity = form.save(commit=False)
    activity.review, activity.added_by = review, request.user
    activity.save()
    messages.success(request, f"Recorded {activity}.")
    return redirect("reports:report", review_id=review.id)


@login_required
@require_POST
def remove_activity(request: HttpRequest, review_id: int, activity_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, GRADE)
    activity = get_object_or_404(ReviewActivity, review=review, id=activity_id)
    activity.delete()
    messages.success(request, f"Removed {activity}.")
    return redirect("reports:report", review_id=review.id)
