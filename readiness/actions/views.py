"""Findings and the action plan: thin views over services and the plain-data domain."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from readiness.evidence.queries import visible_documents
from readiness.indicators.queries import library
from readiness.lib.text import plural
from readiness.narratives.models import NarrativeVersion
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import EDIT_PLAN, VIEW
from readiness.reviews.models import Agency

from . import services
from .domain import lists
from .domain.numbering import FindingRef, grouped
from .domain.rules import may_add_progress, may_edit, progress_refusal
from .forms import FilterForm, FindingForm, ImportForm, ItemForm, MilestoneForm, ProgressForm
from .models import ActionItem, Finding

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EVALUATION_NAMES = dict(Finding.EVALUATIONS)


# Findings -----------------------------------------------------------------------------


@login_required
def findings(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    current = {
        f.id: f
        for f in services.current_findings(review)
        .select_related("phase", "origin_phase")
        .prefetch_related("judgements", "action_items")
    }
    refs = [FindingRef(f.id, f.evaluation, f.area, f.position) for f in current.values()]
    sections, number = [], 0
    for evaluation, areas in grouped(refs):
        rows = []
        for area, items in areas:
            paragraphs = []
            for ref in items:
                number += 1
                paragraphs.append((number, current[ref.id]))
            rows.append((area, paragraphs))
        sections.append((EVALUATION_NAMES.get(evaluation, evaluation), rows))
    if format == "json":
        return JsonResponse({"review": review.id, "findings": [
            {"paragraph": number, "evaluation": f.evaluation, "area": area, "text": f.text,
             "phase": f.phase.name if f.phase else None,
             "origin_phase": f.origin_phase.name if f.origin_phase else None,
             "judgements": [j.key for j in f.judgements.all()], "indicators": f.indicators,
             "raises": [a.code for a in f.action_items.all()]}
            for _, areas in sections for area, paragraphs in areas for number, f in paragraphs
        ]})  # fmt: skip
    phase = next((p for p in review.phases.all() if p.is_current), None)
    behind = sum(1 for f in current.values() if phase and f.phase_id != phase.id)
    return render(request, "actions/findings.html", {
        "review": review, "sections": sections, "may_edit": may_edit(membership.role),
        "current_phase": phase, "behind": behind,
    })  # fmt: skip


@login_required
def finding_edit(request: HttpRequest, review_id: int, finding_id: int | None = None):
    review, _ = get_review_for_user(request.user, review_id, EDIT_PLAN)
    finding = get_object_or_404(Finding, review=review, id=finding_id) if finding_id else None
    form = FindingForm(
        request.POST or None, instance=finding, review=review, indicators=list(library())
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if finding is None:
            saved.review, saved.written_by = review, request.user
            saved.phase = review.phases.filter(is_current=True).first()
        saved.save()
        form.save_m2m()
        messages.success(request, "Finding saved.")
        return redirect(reverse("actions:findings", args=[review.id]) + f"#finding-{saved.id}")
    return render(request, "actions/finding_edit.html", {
        "review": review, "finding": finding, "form": form,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@login_required
@require_POST
def carry_forward(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, EDIT_PLAN)
    try:
        carried = services.carry_forward_findings(review)
    except services.ItemProblems as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request, f"Carried {plural(len(carried), 'finding')} into the current phase."
        )
    return redirect("actions:findings", review_id=review.id)


# The action plan -----------------------------------------------------------------------


def _owners(review) -> list:
    return list(
        get_user_model()
        .objects.filter(memberships__review=review)
        .order_by("first_name", "last_name", "username")
    )


def _plan_rows(request: HttpRequest, review, membership):
    owners = _owners(review)
    agencies = list(Agency.objects.filter(review=review))
    form = FilterForm(request.GET or None, owners=owners, agencies=agencies)
    rows = services.item_rows(review)
    today = timezone.localdate()
    chosen = form.chosen(request.user.id) if form.is_valid() else lists.ItemFilter()
    selected = lists.select(rows, chosen, today, review.window_starts)
    counts = lists.counts(rows, today, review.window_starts, chosen.stale_weeks)
    return form, chosen, selected, counts, today


@login_required
def plan(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    form, chosen, selected, counts, today = _plan_rows(request, review, membership)
    if format == "json" and form.is_bound and not form.is_valid():
        # Not the whole plan under a 400: a program would take it for the filtered list.
        errors = {name: list(messages) for name, messages in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400)
    if format == "json":
        return JsonResponse({
            "review": review.id, "today": today.isoformat(),
            "window_starts": review.window_starts.isoformat() if review.window_starts else None,
            "items": [{
                "code": r.code, "kind": r.kind, "text": r.text, "status": r.status,
                "owner": r.owner_name, "agency": r.agency_name,
                "due_date": r.due_date.isoformat() if r.due_date else None,
                "overdue": lists.is_overdue(r, today),
                "due_before_window": lists.is_due_before_window(r, review.window_starts),
                "weeks_without_progress": lists.weeks_without_progress(r, today),
            } for r in selected],
        })  # fmt: skip
    table = [
        (r, lists.is_overdue(r, today), lists.weeks_without_progress(r, today)) for r in selected
    ]
    return render(request, "actions/plan.html", {
        "review": review, "form": form, "rows": table, "counts": counts, "chosen": chosen,
        "view_label": lists.VIEWS.get(chosen.view, ""), "may_edit": may_edit(membership.role),
        "today": today, "filtered": bool(request.GET),
    }, status=400 if form.is_bound and not form.is_valid() else 200)  # fmt: skip


def _item(review, code: str) -> ActionItem:
    return get_object_or_404(
        ActionItem.objects.select_related("owner", "owner_agency", "finding", "finding__phase"),
        review=review,
        code=code.upper(),
    )


def _may_progress(membership, user, item: ActionItem) -> bool:
    return may_add_progress(
        membership.role, membership.agency_id, user.id, item.owner_agency_id, item.owner_id
    )


def _item_page(request, review, membership, item, progress_form=None, milestone_form=None,
               status=200) -> HttpResponse:  # fmt: skip
    documents = visible_documents(review, membership)
    may_progress = _may_progress(membership, request.user, item)
    editor = may_edit(membership.role)
    if may_progress and progress_form is None:
        progress_form = ProgressForm(documents=documents, status=item.status)
    if editor and milestone_form is None:
        milestone_form = MilestoneForm()
    visible = set(documents.values_list("id", flat=True))
    updates = list(item.updates.select_related("written_by").prefetch_related("documents"))
    numbers = services.finding_numbers(review) if item.finding_id else {}
    return render(request, "actions/item.html", {
        "review": review, "item": item, "milestones": list(item.milestones.all()),
        "updates": updates, "visible": visible, "judgements": list(item.judgements.all()),
        "finding_number": numbers.get(item.finding_id),
        "narratives": _narratives_for(item),
        "guidance": [line for line in item.guidance.splitlines() if line.strip()],
        "may_edit": editor, "may_progress": may_progress,
        "progress_form": progress_form, "milestone_form": milestone_form,
        "overdue": item.is_open and item.due_date and item.due_date < timezone.localdate(),
        "today": timezone.localdate(),
    }, status=status)  # fmt: skip


def _narratives_for(item) -> list[dict]:
    """The narratives written for this item (a narrative names its action point by code)."""
    latest = (
        NarrativeVersion.objects.filter(
            narrative__review_id=item.review_id,
            narrative__action_point=item.code,
            awaiting_approval=False,  # a draft awaiting approval does not count yet
        )
        .order_by("narrative__key", "-number")
        .values("narrative__key", "title", "number")
    )
    seen: dict[str, dict] = {}
    for version in latest:
        seen.setdefault(version["narrative__key"], version)
    return [
        {"key": key, "title": version["title"], "version": version["number"]}
        for key, version in seen.items()
    ]


@login_required
def item(request: HttpRequest, review_id: int, code: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    return _item_page(request, review, membership, _item(review, code))


@login_required
@require_POST
def add_progress(request: HttpRequest, review_id: int, code: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    found = _item(review, code)
    if not _may_progress(membership, request.user, found):
        raise PermissionDenied(progress_refusal(membership.role))
    form = ProgressForm(request.POST, documents=visible_documents(review, membership))
    if form.is_valid():
        data = form.cleaned_data
        services.add_progress(found, request.user, data["text"], data["status"],
                              data["documents"], data["reference"])  # fmt: skip
        messages.success(request, f"Progress added to {found.code}.")
        return redirect("actions:item", review_id=review.id, code=found.code)
    return _item_page(request, review, membership, found, progress_form=form, status=400)


@login_required
@require_POST
def add_milestone(request: HttpRequest, review_id: int, code: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, EDIT_PLAN)
    found = _item(review, code)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_milestone(found, data["text"], data["due_date"], data["done_on"])
        except services.ItemProblems as problem:
            form.add_error("due_date", str(problem))
        else:
            messages.success(request, f"Milestone added to {found.code}.")
            return redirect("actions:item", review_id=review.id, code=found.code)
    return _item_page(request, review, membership, found, milestone_form=form, status=400)


@login_required
@require_POST
def milestone_done(request: HttpRequest, review_id: int, code: str, milestone_id: int):
    """Mark a milestone done today, or not done again."""
    review, _ = get_review_for_user(request.user, review_id, EDIT_PLAN)
    found = _item(review, code)
    milestone = get_object_or_404(found.milestones, id=milestone_id)
    milestone.done_on = None if milestone.done_on else timezone.localdate()
    milestone.save(update_fields=["done_on"])
    state = "done" if milestone.done_on else "not done"
    messages.success(request, f"Marked “{milestone.text}” {state}.")
    return redirect("actions:item", review_id=review.id, code=found.code)


@login_required
def milestone_edit(request: HttpRequest, review_id: int, code: str, milestone_id: int):
    """Change a milestone's text, due date or done date."""
    review, _ = get_review_for_user(request.user, review_id, EDIT_PLAN)
    found = _item(review, code)
    milestone = get_object_or_404(found.milestones, id=milestone_id)
    form = MilestoneForm(request.POST or None, instance=milestone)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The form is a ModelForm: validating it wrote its values onto the instance.
        milestone.refresh_from_db()
        try:
            changed = services.update_milestone(
                milestone, data["text"], data["due_date"], data["done_on"]
            )
        except services.ItemProblems as problem:
            form.add_error("due_date" if "due date" in str(problem) else "text", str(problem))
        else:
            if changed:
                messages.success(request, f"Milestone of {found.code} saved.")
            else:
                messages.info(request, "Nothing had changed.")
            return redirect("actions:item", review_id=review.id, code=found.code)
    return render(request, "actions/milestone_edit.html", {
        "review": review, "item": found, "milestone": milestone, "form": form,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@login_required
@require_POST
def milestone_remove(request: HttpRequest, review_id: int, code: str, milestone_id: int):
    """Remove a milestone: the first press asks to confirm, the second removes it."""
    review, _ = get_review_for_user(request.user, review_id, EDIT_PLAN)
    found = _item(review, code)
    milestone = get_object_or_404(found.milestones, id=milestone_id)
    if request.POST.get("confirm") != "yes":
        return render(request, "actions/milestone_remove.html", {
            "review": review, "item": found, "milestone": milestone,
        })  # fmt: skip
    services.remove_milestone(milestone)
    messages.success(request, f"Removed the milestone “{milestone.text}” from {found.code}.")
    return redirect("actions:item", review_id=review.id, code=found.code)


def _save_item(request, review, form, found=None):
    """The item saved through the service, or None with the service's problems on FORM."""
    data = dict(form.cleaned_data)
    try:
        if found is None:
            return services.create_item(review, data.pop("kind"), data.pop("text"),
                                        created_by=request.user, **data)  # fmt: skip
        return services.update_item(found, **data)
    except services.ItemProblems as problem:
        for message in problem.problems:
            field = "due_date" if "due date" in message else (
                "owner" if "owner" in message else "owner_agency" if "agency" in message
                else None)  # fmt: skip
            form.add_error(field, message)
    return None


@login_required
def item_edit(request: HttpRequest, review_id: int, code: str | None = None) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, EDIT_PLAN)
    found = _item(review, code) if code else None
    form = ItemForm(request.POST or None, instance=found, review=review,
                    numbers=services.finding_numbers(review))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        saved = _save_item(request, review, form, found)
        if saved is not None:
            messages.success(request, f"{saved.code} saved.")
            return redirect("actions:item", review_id=review.id, code=saved.code)
    return render(request, "actions/item_edit.html", {
        "review": review, "item": found, "form": form,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@login_required
def export_xlsx(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, VIEW)
    response = HttpResponse(services.export_plan(review), content_type=XLSX)
    name = slugify(review.name) or "review"
    response["Content-Disposition"] = f'attachment; filename="{name}-action-plan.xlsx"'
    return response


@login_required
def import_xlsx(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, EDIT_PLAN)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            created = services.import_plan(review, form.cleaned_data["file"].read(), request.user)
        except services.PlanImportError as error:
            problems = error.problems
        else:
            codes = ", ".join(i.code for i in created)
            messages.success(request, f"Imported {plural(len(created), 'item')}: {codes}.")
            return redirect("actions:plan", review_id=review.id)
    return render(request, "actions/import.html", {
        "review": review, "form": form, "problems": problems,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip
