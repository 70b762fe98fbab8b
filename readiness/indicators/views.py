from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe

from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import CONTRIBUTE, GRADE, SEE_ALL_EVIDENCE, VIEW, may, refusal
from readiness.reviews.models import Membership, Review

from .domain.charts import chart_spec, data_table, sparkline_svg, svg_chart
from .domain.periods import latest_ended, period_ends
from .forms import COMPARATOR_FIELDS, REMOVE, ComparatorForm, ImportForm
from .jobs import start_import_job
from .models import Comparator, ComparatorChange, DataImport, ImportJob
from .queries import period_label, review_indicators
from .services import set_comparators


def _as_json(view: object) -> dict:
    item = view.definition
    return {
        "id": item.id,
        "title": item.title,
        "unit": item.unit,
        "polarity": item.polarity,
        "source": item.source,
        "series": [
            {"period": p.period_label, "numerator": p.numerator, "denominator": p.denominator,
             "value": p.value}
            for p in view.series
        ],
        "target": view.target,
        "comparators": view.comparators,
        "rag": view.rag.status,
        "rag_reason": view.rag.reason,
        "trend": view.trend.words,
    }  # fmt: skip


@login_required
def index(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    views = review_indicators(review)
    if format == "json":
        return JsonResponse({"review": review.id, "indicators": [_as_json(v) for v in views]})
    return render(
        request,
        "indicators/index.html",
        {
            "review": review,
            "with_data": [(v, _sparkline(v)) for v in views if v.series],
            "without_data": [v for v in views if not v.series],
            "may_import": may(membership.role, CONTRIBUTE),
        },
    )


def _sparkline(view) -> str:
    """The small trend chart of an indicator with figures, from its chart specification."""
    spec = chart_spec(view.definition.short_title, list(view.series), view.definition.unit,
                      view.target, view.comparators, view.definition.polarity)  # fmt: skip
    # Our own numbers only: no text of anyone's reaches the sparkline.
    return mark_safe(sparkline_svg(spec))  # noqa: S308


def _periods(item: object, held: list) -> list[tuple[str, str]]:
    """Every period the form offers: recent and coming ones, and any already held."""
    days = set(period_ends(item.period, timezone.localdate())) | set(held)
    return [(d.isoformat(), period_label(item, d)) for d in sorted(days, reverse=True)]


def _benchmarks_by_period(review: object, item: object) -> list[tuple[str, list]]:
    rows: dict[object, dict[str, float]] = {}
    for comparator in Comparator.objects.filter(review=review, indicator=item.id):
        rows.setdefault(comparator.period_end, {})[comparator.kind] = comparator.value
    return [
        (period_label(item, day), [rows[day].get(kind) for kind in COMPARATOR_FIELDS])
        for day in sorted(rows, reverse=True)
    ]


@login_required
def detail(request: HttpRequest, review_id: int, indicator_id: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    views = review_indicators(review, only=indicator_id)
    if not views:
        raise Http404
    view = views[0]
    item = view.definition
    may_set = may(membership.role, GRADE)
    if request.method == "POST" and not may_set:
        raise PermissionDenied(refusal(membership.role, GRADE))
    held = sorted(set(view.period_ends) | set(
        Comparator.objects.filter(review=review, indicator=item.id)
        .values_list("period_end", flat=True)
    ))  # fmt: skip
    default = view.period_ends[-1] if view.period_ends else latest_ended(
        item.period, timezone.localdate())  # fmt: skip
    form = ComparatorForm(
        request.POST or None, periods=_periods(item, held), unit=item.unit,
        initial={"period_end": default.isoformat()},
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        period_end = date.fromisoformat(form.cleaned_data["period_end"])
        changed = set_comparators(
            review, item.id, period_end, form.cleaned_data["figures"], request.user
        )
        label = period_label(item, period_end)
        if changed:
            figures = form.cleaned_data["figures"]
            saved = [
                v for k, v in COMPARATOR_FIELDS.items() if k in changed and figures[k] != REMOVE
            ]
            gone = [
                v for k, v in COMPARATOR_FIELDS.items() if k in changed and figures[k] == REMOVE
            ]
            said = ([f"Saved {', '.join(saved)}"] if saved else []) + (
                [f"{'removed' if saved else 'Removed'} {', '.join(gone)}"] if gone else []
            )
            messages.success(request, f"{'; '.join(said)} for {label}.")
        else:
            messages.info(request, f"Nothing changed: those figures were already held for {label}.")
        return redirect("indicators:detail", review_id=review.id, indicator_id=item.id)
    chart = svg_chart(
        item.short_title, list(view.series), item.unit, target=view.target,
        comparators=view.comparators, polarity=item.polarity, counted=item.counted,
        series_label=review.area,
    ) if view.series else ""  # fmt: skip
    table = data_table(list(view.series), view.comparators, view.target, item.unit)
    return render(
        request,
        "indicators/detail.html",
        {
            "review": review,
            "view": view,
            "item": item,
            # The chart is built from our own numbers and labels, every text escaped by
            # svg_chart; no user-supplied markup reaches it.
            "chart": mark_safe(chart),  # noqa: S308
            "table_head": table[0] if table else [],
            "table_rows": table[1:],
            "form": form if may_set else None,
            "comparator_names": list(COMPARATOR_FIELDS.values()),
            "benchmarks": _benchmarks_by_period(review, item),
            "changes": [
                (change, period_label(item, change.period_end))
                for change in ComparatorChange.objects.filter(
                    review=review, indicator=item.id
                ).select_related("changed_by")[:50]
            ],
        },
        status=400 if request.method == "POST" else 200,
    )


def _imports_page(request, review, membership, form, status=200, job=None) -> HttpResponse:
    return render(
        request,
        "indicators/imports.html",
        {
            "review": review,
            "form": form,
            "imports": DataImport.objects.filter(review=review).select_related("imported_by"),
            "jobs": _visible_jobs(review, membership, request.user).filter(
                status__in=(ImportJob.QUEUED, ImportJob.RUNNING)
            ),
            "may_import": may(membership.role, CONTRIBUTE),
            "may_see_reports": may(membership.role, SEE_ALL_EVIDENCE),
            "job": job,
        },
        status=status,
    )


@login_required
def imports(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may(membership.role, CONTRIBUTE):
            raise PermissionDenied(refusal(membership.role, CONTRIBUTE))
        if form.is_valid():
            job = start_import_job(
                review, form.cleaned_data["kind"], form.cleaned_data["files"], user=request.user
            )
            return redirect("indicators:import-job", review_id=review.id, job_id=job.id)
        return _imports_page(request, review, membership, form, status=400)
    return _imports_page(request, review, membership, form)


def _visible_jobs(review: Review, membership: Membership, user: object) -> QuerySet:
    """A contributor's own imports; everyone's for those who see the quality reports."""
    jobs = ImportJob.objects.filter(review=review).select_related("created_by", "data_import")
    if not may(membership.role, SEE_ALL_EVIDENCE):
        jobs = jobs.filter(created_by=user)
    return jobs


@login_required
def import_job(request: HttpRequest, review_id: int, job_id: int) -> HttpResponse:
    """An import being read in the background, as far as the worker has got. Once stored,
    those who may read the quality report go on to it; a failed import shows its reason
    above the form, to try again."""
    review, membership = get_review_for_user(request.user, review_id, CONTRIBUTE)
    job = get_object_or_404(_visible_jobs(review, membership, request.user), id=job_id)
    if job.status == ImportJob.DONE and job.data_import and may(membership.role, SEE_ALL_EVIDENCE):
        return redirect("indicators:import", review_id=review.id, import_id=job.data_import.id)
    if job.status == ImportJob.FAILED:
        form = ImportForm(initial={"kind": job.kind})
        return _imports_page(request, review, membership, form, job=job)
    return render(request, "indicators/import_job.html", {"review": review, "job": job})


@login_required
def import_detail(request: HttpRequest, review_id: int, import_id: int) -> HttpResponse:
    # Quality reports name pseudonymised children: for those who see everything.
    review, _ = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    record = get_object_or_404(DataImport, id=import_id, review=review)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "id": record.id,
                "kind": record.kind,
                "summary": record.summary,
                "records_read": record.records_read,
                "records_left_out": record.records_left_out,
                "records_corrected": record.records_corrected,
                "values_stored": record.values_stored,
                "quality": record.quality,
            }
        )
    return render(request, "indicators/import.html", {"review": review, "record": record})
