import base64
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.http import require_POST
from docx import Document
from docx.shared import Inches

from readiness.evidence.queries import visible_documents
from readiness.indicators.domain.charts import (
    accessible_svg,
    chart_description,
    chart_spec,
    data_table,
    png_chart,
)
from readiness.indicators.domain.charts import render as draw_chart
from readiness.indicators.queries import library, review_indicators
from readiness.lib.fonts import name_in_word
from readiness.lib.printing import html_to_pdf
from readiness.lib.text import printable
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import APPROVE, CONTRIBUTE, VIEW, may, refusal
from readiness.reviews.models import Agency

from . import services
from .briefs import service_briefs
from .domain import approval
from .forms import ImpactForm, NarrativeForm
from .models import Narrative, NarrativeVersion
from .services import action_point, check, check_context, current_values, save_version

# An embedded indicator's chart: title, series, unit, target, comparators, polarity.
Figure = tuple


def _new_key(review: object, title: str) -> str:
    """A key of its own: a second narrative with the same title must not become a new
    version of the first, and "new" is the address of the form."""
    base = slugify(title)[:70] or "narrative"
    key, number = base, 1
    while key == "new" or Narrative.objects.filter(review=review, key=key).exists():
        number += 1
        key = f"{base}-{number}"
    return key


def _latest(narrative: Narrative):
    """The newest version, approved or not: the one a new version starts from."""
    return narrative.versions.first()


def _current(narrative: Narrative):
    """The version that counts: the newest a lead approved (else the newest draft, shown
    as awaiting approval)."""
    versions = list(narrative.versions.all())
    return approval.current(versions) or (versions[0] if versions else None)


def _may_write(membership, narrative: Narrative | None) -> bool:
    if narrative is None:
        return may(membership.role, CONTRIBUTE)
    return approval.may_write(membership.role, membership.agency_id, narrative.agency_id)


@login_required
def index(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    rows = []
    narratives = (
        Narrative.objects.filter(review=review)
        .select_related("agency")
        .prefetch_related("versions__documents")
    )
    context = check_context(review)  # read once, not once per narrative
    waiting = {}
    for narrative in narratives:
        version = _current(narrative)
        waiting[narrative.id] = len(approval.awaiting(narrative.versions.all()))
        rows.append((narrative, version, check(version, context) if version else None))
    if format == "json":
        return JsonResponse({"review": review.id, "narratives": [
            {"key": n.key, "action_point": n.action_point, "title": v.title if v else "",
             "agency": n.agency.name if n.agency else None,
             "version": v.number if v else None,
             "approved": bool(v and not v.awaiting_approval), "awaiting_approval": waiting[n.id],
             "passed": r.passed if r else None,
             "findings": [f.code for f in r.findings] if r else []}
            for n, v, r in rows
        ]})  # fmt: skip
    return render(request, "narratives/index.html", {
        "review": review, "may_write": may(membership.role, CONTRIBUTE),
        "rows": [(n, v, r, waiting[n.id]) for n, v, r in rows],
    })  # fmt: skip


@login_required
def detail(request: HttpRequest, review_id: int, key: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    narrative = get_object_or_404(Narrative, review=review, key=key)
    versions = list(narrative.versions.select_related("written_by", "approved_by"))
    number = request.GET.get("version")
    default = approval.current(versions) or (versions[0] if versions else None)
    version = next((v for v in versions if str(v.number) == number), default)
    if version is None:
        return redirect("narratives:edit", review_id=review.id, key=key)
    return render(request, "narratives/detail.html", {
        **_body(review, membership, narrative, version, printing=False),
        "versions": versions, "result": check(version),
        "may_approve": may(membership.role, APPROVE),
        "current": approval.current(versions),
        "waiting": approval.awaiting(versions),
    })  # fmt: skip


def _body(review, membership, narrative, version, printing: bool) -> dict:
    """What `narratives/_body.html` draws, on the page and in the PDF alike."""
    live = current_values(review)
    visible = set(visible_documents(review, membership).values_list("id", flat=True))
    return {
        "review": review, "narrative": narrative, "version": version, "printing": printing,
        "figures": [_figure_context(f, printing) for f in _figures(review, version)],
        "embedded": [(i, live.get(i["indicator"])) for i in version.indicators],
        "documents": [(d, d.id in visible) for d in version.documents.select_related("agency")],
        "action": action_point(narrative),
        "may_write": _may_write(membership, narrative),
    }  # fmt: skip


def _figure_context(figure: Figure, printing: bool) -> dict:
    """A chart with its data table: inline SVG on a page; in print an image of the SVG with
    its point as alt text."""
    title, series, unit, target, comparators, polarity = figure
    spec = chart_spec(title, series, unit, target, comparators, polarity)
    rows = data_table(series, comparators, target, unit)
    context = {"title": title, "description": spec.description, "head": rows[0],
               "rows": rows[1:]}  # fmt: skip
    if printing:
        data = base64.b64encode(draw_chart(spec, "pdf")).decode()
        context["image"] = f"data:image/svg+xml;base64,{data}"
    else:
        # Built from our own numbers and labels, every text escaped by matplotlib and
        # accessible_svg; no user-supplied markup reaches it.
        context["svg"] = mark_safe(accessible_svg(spec, draw_chart(spec, "svg").decode()))  # noqa: S308
    return context


@login_required
@require_POST
def approve(request: HttpRequest, review_id: int, key: str, number: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, APPROVE)
    narrative = get_object_or_404(Narrative, review=review, key=key)
    version = get_object_or_404(narrative.versions, number=number)
    if services.approve(version, request.user):
        messages.success(request, f"Approved version {version.number}: it is now the current one.")
    else:
        messages.info(request, f"Version {version.number} was already approved.")
    return redirect("narratives:detail", review_id=review.id, key=narrative.key)


def _action_codes(review: object) -> set[str]:
    from readiness.actions.models import ActionItem

    return set(ActionItem.objects.filter(review=review).values_list("code", flat=True))


@login_required
def edit(request: HttpRequest, review_id: int, key: str | None = None) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, CONTRIBUTE)
    narrative = (
        get_object_or_404(Narrative.objects.select_related("agency"), review=review, key=key)
        if key
        else None
    )
    if not _may_write(membership, narrative):
        raise PermissionDenied(
            approval.write_refusal(
                membership.role, narrative.agency.name if narrative.agency else None
            )  # fmt: skip
        )
    writes_any = membership.role in approval.WRITERS
    latest = _latest(narrative) if narrative else None
    documents = (
        visible_documents(review, membership).select_related("agency").order_by("title", "id")
    )
    linked = list(latest.documents.all()) if latest else []
    visible_ids = set(documents.values_list("id", flat=True))
    # Documents this person cannot see stay linked: a contributor's new version must not
    # silently drop another agency's evidence.
    carried = [d for d in linked if d.id not in visible_ids]
    initial = {"action_point": narrative.action_point if narrative else "",
               "agency": narrative.agency_id if narrative else None}  # fmt: skip
    if latest:
        initial |= {"indicator_ids": [i["indicator"] for i in latest.indicators],
                    "evidence_text": "\n".join(latest.evidence),
                    "document_ids": [d.id for d in linked if d.id in visible_ids]}  # fmt: skip
    form = NarrativeForm(request.POST or None, instance=None, initial=initial,
                         indicators=list(library()), documents=documents,
                         action_codes=_action_codes(review),
                         agencies=Agency.objects.filter(review=review) if writes_any
                         else None)  # fmt: skip
    if latest and request.method != "POST":
        for name in ("title", "targeted_and_why", "what_we_did", "impact_for_children",
                     "whats_next"):  # fmt: skip
            form.initial[name] = getattr(latest, name)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agency = data["agency"] if writes_any else membership.agency
        with transaction.atomic():
            if narrative is None:
                narrative = Narrative.objects.create(
                    review=review, key=_new_key(review, data["title"]),
                    action_point=data["action_point"], agency=agency,
                )  # fmt: skip
            elif (narrative.action_point, narrative.agency) != (data["action_point"], agency):
                narrative.action_point, narrative.agency = data["action_point"], agency
                narrative.save(update_fields=["action_point", "agency"])
            version = save_version(
                narrative, request.user, title=data["title"],
                indicator_ids=data["indicator_ids"], evidence=form.evidence(),
                documents=list(data["document_ids"]) + carried,
                approved=approval.approved_on_save(membership.role),
                **{n: data[n] for n in ("targeted_and_why", "what_we_did",
                                        "impact_for_children", "whats_next")},
            )  # fmt: skip
        waits = " It counts once a review lead approves it." if version.awaiting_approval else ""
        messages.success(request, f"Saved version {version.number}.{waits}")
        # Show what was just written, even while the earlier version still counts.
        shown = f"?version={version.number}" if version.awaiting_approval else ""
        return redirect(reverse("narratives:detail", args=[review.id, narrative.key]) + shown)
    return render(request, "narratives/edit.html", {
        "review": review, "narrative": narrative, "form": form, "carried": carried,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


def _evidence(review, membership, version: NarrativeVersion) -> list[str]:
    """The Evidence section of an export: the linked library documents, then the other
    references. Another agency's document is named by its agency only, as on the page."""
    visible = set(visible_documents(review, membership).values_list("id", flat=True))
    lines = []
    for document in version.documents.select_related("agency").order_by("title", "id"):
        agency = document.agency.name if document.agency else ""
        if document.id in visible:
            lines.append(f"{document.title} ({agency})" if agency else document.title)
        else:
            lines.append(f"A document from {agency} (another agency's)" if agency
                         else "A document you cannot open")  # fmt: skip
    return lines + list(version.evidence)


def _figures(review, version: NarrativeVersion | None) -> list[Figure]:
    """Each embedded indicator that has figures, as the live series the charts draw."""
    figures: list[Figure] = []
    for item in version.indicators if version else []:
        for view in review_indicators(review, only=item["indicator"]):
            if view.series:
                figures.append(
                    (
                        view.definition.title,
                        list(view.series),
                        view.definition.unit,
                        view.target,
                        dict(view.comparators),
                        view.definition.polarity,
                    )
                )
    return figures  # fmt: skip


def _add_figure(document, figure: Figure) -> None:
    """A figure in Word: caption, the PNG chart with its point as alt text, the table."""
    title, series, unit, target, comparators, polarity = figure
    document.add_paragraph().add_run(title).bold = True
    png = png_chart(title, series, unit, target, comparators, polarity)
    if png:
        shape = document.add_picture(io.BytesIO(png), width=Inches(6))
        # Word reads alt text from docPr/@descr; python-docx has no API for it.
        shape._inline.docPr.set("descr", chart_description(series, unit, polarity, target,
                                                           comparators))  # fmt: skip
    rows = data_table(series, comparators, target, unit)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    for cell in table.rows[0].cells:  # the header row, bold so it reads as one
        for run in cell.paragraphs[0].runs:
            run.bold = True


@login_required
def export_docx(request: HttpRequest, review_id: int, key: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    narrative = get_object_or_404(Narrative, review=review, key=key)
    version = _current(narrative)
    document = Document()
    name_in_word(document)
    document.add_heading(printable(version.title if version else narrative.key), level=0)
    if version:
        for heading, text in (
            ("What we targeted and why", version.targeted_and_why),
            ("What we did", version.what_we_did),
            ("Impact for children", version.impact_for_children),
            ("What's next", version.whats_next),
        ):
            document.add_heading(heading, level=1)
            for paragraph in text.split("\n\n"):
                document.add_paragraph(printable(paragraph))
            if heading == "Impact for children":  # the data belongs with the impact
                for figure in _figures(review, version):
                    _add_figure(document, figure)
        evidence = _evidence(review, membership, version)
        if evidence:
            document.add_heading("Evidence", level=1)
            for item in evidence:
                document.add_paragraph(printable(item), style="List Bullet")
        document.add_paragraph(f"Version {version.number}, {version.written_at:%d %B %Y}.")
    buffer = io.BytesIO()
    document.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{narrative.key}.docx"'
    return response


@login_required
def briefs(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    form = ImpactForm(request.POST or None, indicators=list(library()))
    if request.method == "POST":
        if not may(membership.role, CONTRIBUTE):
            raise PermissionDenied(refusal(membership.role, CONTRIBUTE))
        if form.is_valid():
            impact = form.save(commit=False)
            impact.review, impact.added_by = review, request.user
            impact.save()
            messages.success(request, f"Added an impact for {impact.service}.")
            return redirect("narratives:briefs", review_id=review.id)
    return render(request, "narratives/briefs.html", {
        "review": review, "briefs": service_briefs(review), "form": form,
        "may_write": may(membership.role, CONTRIBUTE),
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@login_required
def brief_text(request: HttpRequest, review_id: int, service: str) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, VIEW)
    found = next((b for b in service_briefs(review) if slugify(b.service) == service), None)
    if found is None:
        raise Http404
    response = HttpResponse(found.markdown(), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{service}-interview-brief.md"'
    return response


@login_required
def export_pdf(request: HttpRequest, review_id: int, key: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    narrative = get_object_or_404(Narrative, review=review, key=key)
    version = _current(narrative)
    if version is None:
        return redirect("narratives:edit", review_id=review.id, key=key)
    page = render_to_string(
        "narratives/print.html", _body(review, membership, narrative, version, printing=True)
    )
    response = HttpResponse(html_to_pdf(page), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{narrative.key}.pdf"'
    return response
