"""Case lists and samples. Every page here shows children's case-level material, so each
one is for the review's lead and reviewers only, and every view is logged."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from . import services
from .access import get_review_for_casework, log_view
from .domain.caselist import LISTS
from .domain.sample_xlsx import SampleRow, sample_workbook
from .domain.sampling import age_band
from .forms import CaseListForm, DrawForm
from .jobs import start_case_import
from .models import Case, CaseImportJob, Sample


@login_required
def case_list(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_casework(request.user, review_id)
    log_view(request.user, review, "case list viewed")
    counts = (
        Case.objects.filter(review=review)
        .values("list_key")
        .annotate(children=Count("id"), teams=Count("team", distinct=True))
        .order_by("list_key")
    )
    rows = [
        {"label": LISTS[c["list_key"]], "children": c["children"], "teams": c["teams"]}
        for c in sorted(counts, key=lambda c: list(LISTS).index(c["list_key"]))
    ]
    samples = Sample.objects.filter(review=review).annotate(drawn=Count("cases"))
    return render(request, "casework/cases.html", {
        "review": review, "rows": rows, "total": sum(r["children"] for r in rows),
        "samples": samples,
    })  # fmt: skip


@login_required
def import_cases(request: HttpRequest, review_id: int) -> HttpResponse:
    """The upload: the file is kept and read by a worker; its page follows."""
    review, _ = get_review_for_casework(request.user, review_id)
    form = CaseListForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_case_import(
            review, form.cleaned_data["file"], annex_a=form.cleaned_data["annex_a"],
            replace=form.cleaned_data["replace"], user=request.user,
        )  # fmt: skip
        return redirect("casework:import-job", review_id=review.id, job_id=job.id)
    return render(request, "casework/import.html", {
        "review": review, "form": form, "problems": [],
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@login_required
def import_job(request: HttpRequest, review_id: int, job_id: int) -> HttpResponse:
    """How far a case list's import has got; refused, the form again with every problem."""
    review, _ = get_review_for_casework(request.user, review_id)
    job = get_object_or_404(CaseImportJob, id=job_id, review=review)
    if job.status == CaseImportJob.FAILED:
        form = CaseListForm(initial={"annex_a": job.annex_a, "replace": job.replace})
        return render(request, "casework/import.html", {
            "review": review, "form": form, "problems": job.problems, "job": job,
        })  # fmt: skip
    return render(request, "casework/import_job.html", {"review": review, "job": job})


@login_required
def draw(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_casework(request.user, review_id)
    form = DrawForm(request.POST or None, initial={"as_of": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sample = services.draw(
            review, data["sizes"], data["seed"], data["as_of"], request.user, data["note"]
        )
        messages.success(request, f"Drew sample {sample.id} with seed {sample.seed}.")
        return redirect("casework:sample", review_id=review.id, sample_id=sample.id)
    sizes = [form[f"size_{key}"] for key in LISTS]
    return render(request, "casework/draw.html", {
        "review": review, "form": form, "sizes": sizes,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


def _sample_for(request: HttpRequest, review_id: int, sample_id: int):
    review, _ = get_review_for_casework(request.user, review_id)
    sample = Sample.objects.filter(review=review, id=sample_id).select_related("drawn_by").first()
    if sample is None:
        raise Http404
    return review, sample


def _rows(sample: Sample) -> list[SampleRow]:
    return [
        SampleRow(
            s.position,
            s.case.case_id,
            LISTS[s.stratum],
            s.case.team,
            s.case.worker,
            s.case.age,
            s.reason,
        )  # fmt: skip
        for s in sample.cases.select_related("case")
    ]


@login_required
def sample(
    request: HttpRequest, review_id: int, sample_id: int, format: str = "html"
) -> HttpResponse:
    review, item = _sample_for(request, review_id, sample_id)
    log_view(request.user, review, "sample viewed", sample=item.id)
    rows = _rows(item)
    if format == "json":
        return JsonResponse({
            "sample": item.id, "seed": item.seed, "sizes": item.sizes,
            "shortfalls": item.shortfalls, "as_of": item.as_of.isoformat(),
            "cases": [{"position": r.position, "case_id": r.case_id, "list": r.list_label,
                       "team": r.team, "worker": r.worker, "age_band": age_band(r.age),
                       "reason": r.reason} for r in rows],
        })  # fmt: skip
    shortfalls = [(LISTS[k], n) for k, n in item.shortfalls.items()]
    sizes = [(LISTS[k], n) for k, n in item.sizes.items()]
    return render(request, "casework/sample.html", {
        "review": review, "sample": item, "rows": rows, "sizes": sizes, "shortfalls": shortfalls,
    })  # fmt: skip


@login_required
def sample_xlsx(request: HttpRequest, review_id: int, sample_id: int) -> HttpResponse:
    review, item = _sample_for(request, review_id, sample_id)
    log_view(request.user, review, "sample exported", sample=item.id)
    facts = [
        ("Seed", str(item.seed)),
        ("Sizes", ", ".join(f"{LISTS[k]}: {n}" for k, n in item.sizes.items())),
        ("Plan lengths counted to", item.as_of.isoformat()),
        ("Why", item.note),
    ]
    data = sample_workbook(f"{review.name}: sample {item.id}", facts, _rows(item))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="sample-{item.id}.xlsx"'
    return response
