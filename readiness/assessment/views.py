from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from readiness.evidence.queries import evidence_for_judgement
from readiness.frameworks.models import GradeDescriptor, GradeLevel, Judgement, LineOfEnquiry
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import GRADE, may
from readiness.reviews.models import Review

from . import exports
from .domain.risks import find_risks
from .forms import AssessmentForm, EvidenceLinkForm
from .models import AssessmentChange, JudgementAssessment
from .queries import review_grid, review_summary
from .services import add_evidence_link, update_assessment


@login_required
def grid(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id)
    review_data = review_grid(review)
    if format == "json":
        return JsonResponse(
            exports.to_json_data(review_data, review_summary(review)),
            json_dumps_params={"indent": 2, "ensure_ascii": False},
        )
    sections = [
        (name, [row for row in review_data.rows if row.judgement.strand_key == key])
        for key, name in review_data.strands
    ]
    return render(
        request,
        "assessment/grid.html",
        {
            "review": review,
            "grid": review_data,
            "sections": sections,
            "may_grade": may(membership.role, GRADE),
        },
    )


@login_required
def export(request: HttpRequest, review_id: int, format: str) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id)
    data = review_grid(review)
    name = slugify(f"{review.area} {review.name} judgements")
    if format == "xlsx":
        content = exports.to_xlsx(data, title=review.name)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif format == "csv":
        content, kind = exports.to_csv(data), "text/csv; charset=utf-8"
    elif format == "json":
        content, kind = exports.to_json(data, review_summary(review)), "application/json"
    else:
        raise Http404
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response


def _judgement_or_404(review: Review, key: str) -> Judgement:
    judgement = Judgement.objects.filter(framework=review.framework, key=key).first()
    if judgement is None:
        raise Http404
    return judgement


@login_required
def judgement(request: HttpRequest, review_id: int, key: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id)
    target = _judgement_or_404(review, key)
    grades = list(GradeLevel.objects.filter(framework=review.framework).order_by("rank"))
    assessment = (
        JudgementAssessment.objects.filter(review=review, judgement=target)
        .select_related("grade", "phase", "updated_by")
        .first()
    )
    may_grade = may(membership.role, GRADE)
    initial = {}
    if assessment:
        initial = {
            "grade": assessment.grade.key if assessment.grade else "",
            "rationale": assessment.rationale,
            "strengths": assessment.strengths,
            "areas_for_improvement": assessment.areas_for_improvement,
            "confidence": assessment.confidence,
        }
    # Bound on every POST, even an empty one: a blank POST is refused, never saved.
    form = AssessmentForm(
        request.POST if request.method == "POST" else None, initial=initial, grades=grades
    )
    if request.method == "POST":
        if not may_grade:
            raise PermissionDenied(
                f"As {membership.get_role_display().lower()} you cannot grade judgements."
            )
        if form.is_valid():
            changes = update_assessment(review, target, request.user, **form.cleaned_data)
            if changes:
                messages.success(request, f"Saved {target.title}.")
            else:
                messages.info(request, "Nothing had changed.")
            return redirect("assessment:judgement", review_id=review.id, key=target.key)
    full_grid = review_grid(review)
    row = full_grid.row(target.key)
    components = [
        {
            "judgement": full_grid.row(key).judgement,
            "grade": full_grid.row(key).grade,
            "limiting": limiting,
        }
        for key, limiting in row.judgement.components
    ]
    guide_rows = []
    if row.guide:
        guide_rows = [
            {"label": g.label, "percent": round(100 * row.guide.probabilities.get(g.rank, 0.0))}
            for g in full_grid.scale
        ]
    lines = LineOfEnquiry.objects.filter(judgement=target).prefetch_related(
        Prefetch("descriptors", GradeDescriptor.objects.select_related("grade"))
    )
    history = (
        AssessmentChange.objects.filter(assessment=assessment).select_related(
            "changed_by", "phase"
        )[:200]
        if assessment
        else []
    )
    return render(
        request,
        "assessment/judgement.html",
        {
            "review": review,
            "judgement": target,
            "row": row,
            "components": components,
            "guide_rows": guide_rows,
            "grades": grades,
            "lines": lines,
            "form": form,
            "link_form": EvidenceLinkForm(),
            "links": assessment.evidence_links.select_related("added_by") if assessment else [],
            "library": evidence_for_judgement(review, membership, target.id),
            "history": history,
            "may_grade": may_grade,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def add_link(request: HttpRequest, review_id: int, key: str) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, GRADE)
    target = _judgement_or_404(review, key)
    form = EvidenceLinkForm(request.POST)
    if form.is_valid():
        add_evidence_link(
            review, target, request.user, form.cleaned_data["reference"], form.cleaned_data["shows"]
        )
        messages.success(request, "Linked the evidence.")
    else:
        messages.error(request, "Enter the evidence's title and where to find it.")
    return redirect("assessment:judgement", review_id=review.id, key=target.key)


@login_required
def risks(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id)
    found = find_risks(review_grid(review))
    if format == "json":
        return JsonResponse(
            {
                "review": review_summary(review),
                "risks": [
                    {
                        "level": r.level,
                        "judgement_id": r.judgement_key,
                        "judgement": r.judgement_title,
                        "strand": r.strand,
                        "reason": r.reason,
                    }
                    for r in found
                ],
            }
        )
    return render(request, "assessment/risks.html", {"review": review, "risks": found})
