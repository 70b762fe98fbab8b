"""A review read into `ReportData`: plain data for the report, the self-evaluation and the
check, in a fixed number of queries whatever the number of findings or items."""

from __future__ import annotations

from datetime import date

from django.db.models import Count
from django.utils import timezone

from readiness.actions.models import ActionItem, Finding
from readiness.assessment.queries import review_grid
from readiness.audits.report import audit_shares, cited_audits, fieldwork_activities
from readiness.evidence.index_exports import evidence_index
from readiness.evidence.models import EvidenceDocument
from readiness.frameworks.models import GradeDescriptor
from readiness.indicators.queries import definition, review_indicators
from readiness.interviews.report import report_quotes
from readiness.lib.branding import report_branding
from readiness.narratives.domain.approval import current as current_version
from readiness.narratives.models import Narrative
from readiness.reviews.models import Review
from readiness.thresholds.report import report_thresholds

from .domain.data import (
    Activity,
    EvidenceRow,
    FindingData,
    IndicatorData,
    ItemData,
    JudgementRow,
    MilestoneData,
    PhaseData,
    ReportData,
)
from .domain.document import Branding
from .models import ReviewActivity


def branding() -> Branding:
    brand = report_branding()
    return Branding(brand.organisation, brand.colour, brand.logo_png, brand.logo_alt)


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def _when(value: date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "undated"


def _judgements(review: Review) -> tuple[JudgementRow, ...]:
    grid = review_grid(review)
    descriptors: dict[tuple[str, int], list[str]] = {}
    for descriptor in (
        GradeDescriptor.objects.filter(line_of_enquiry__judgement__framework=review.framework)
        .select_related("line_of_enquiry__judgement", "grade")
        .order_by("line_of_enquiry__judgement__position", "line_of_enquiry__position")
    ):
        key = (descriptor.line_of_enquiry.judgement.key, descriptor.grade.rank)
        descriptors.setdefault(key, []).append(descriptor.text)
    return tuple(
        JudgementRow(
            key=row.judgement.key,
            title=row.judgement.title,
            kind=row.judgement.kind,
            grade=row.grade.label if row.grade else "",
            suggested=row.suggested.label if row.suggested else "",
            confidence=row.assessment.confidence,
            rationale=row.assessment.rationale,
            strengths=row.assessment.strengths,
            areas_for_improvement=row.assessment.areas_for_improvement,
            descriptors=tuple(descriptors.get((row.judgement.key, row.grade.rank), ()))
            if row.grade
            else (),
            published_key=row.judgement.published_key,
        )
        for row in grid.rows
    )


def _indicator_title(indicator_id: str) -> str:
    found = definition(indicator_id)
    return found.title if found else indicator_id


def _findings(review: Review) -> tuple[tuple[FindingData, ...], dict[int, int]]:
    """The newest copy of each finding (a carried-forward finding replaces its original),
    and a map from every finding's id to the id of its newest copy. A copy counts the case
    file audits cited by any finding it was carried from, each once."""
    rows = list(
        Finding.objects.filter(review=review)
        .select_related("phase", "origin_phase")
        .prefetch_related("judgements", "documents")
        .annotate(copies=Count("carried_into"))
    )
    newest: dict[int, int] = {f.id: f.id for f in rows}
    parents = {f.id: f.carried_forward_from_id for f in rows}
    for finding in rows:
        if finding.copies:
            continue
        step = finding.carried_forward_from_id
        while step is not None and step in newest:
            newest[step] = finding.id
            step = parents.get(step)
    cited = cited_audits(review)

    def audits(finding_id: int | None) -> set[int]:
        found: set[int] = set()
        while finding_id is not None:
            found |= cited.get(finding_id, frozenset())
            finding_id = parents.get(finding_id)
        return found

    data = tuple(
        FindingData(
            id=f.id,
            evaluation=f.evaluation,
            area=f.area,
            position=f.position,
            text=f.text,
            judgements=tuple(j.key for j in f.judgements.all()),
            documents=tuple(sorted(d.title for d in f.documents.all())),
            indicators=tuple(_indicator_title(i) for i in f.indicators),
            origin=f.origin_phase.name
            if f.origin_phase_id and f.origin_phase_id != f.phase_id
            else "",
            audits=len(audits(f.id)) if cited else 0,
        )
        for f in rows
        if not f.copies
    )
    return data, newest


def _items(review: Review, newest: dict[int, int]) -> tuple[ItemData, ...]:
    items = (
        ActionItem.objects.filter(review=review)
        .select_related("owner", "owner_agency")
        .prefetch_related("milestones", "updates", "judgements")
    )
    return tuple(
        ItemData(
            id=item.id,
            kind=item.kind,
            code=item.code,
            text=item.text,
            rationale=item.rationale,
            guidance=tuple(line.strip() for line in item.guidance.splitlines() if line.strip()),
            finding_id=newest.get(item.finding_id) if item.finding_id else None,
            judgements=tuple(j.key for j in item.judgements.all()),
            owner=_person(item.owner),
            agency=item.owner_agency.name if item.owner_agency else "",
            due=item.due_date,
            status=item.get_status_display(),
            is_open=item.is_open,
            milestones=tuple(
                MilestoneData(m.text, m.due_date, m.done_on) for m in item.milestones.all()
            ),
            latest_update=next((u.text[:120] for u in item.updates.all()), ""),
        )
        for item in items
    )


def _evidence(review: Review) -> tuple[EvidenceRow, ...]:
    index = evidence_index(review)
    return tuple(
        EvidenceRow(
            line=f"{line.number} {line.question}",
            judgement=line.judgement,
            title=entry.title,
            agency=entry.agency,
            when=_when(entry.document_date),
            shows=entry.shows,
        )
        for line in index.lines
        for entry in line.entries
    )


def _indicators(review: Review) -> tuple[IndicatorData, ...]:
    return tuple(
        IndicatorData(
            title=view.definition.title,
            latest=view.latest_words
            + (f" ({view.latest.period_label})" if view.latest is not None else ""),
            rag=view.rag.status,
            trend=view.trend.words,
            judgement_areas=view.definition.judgement_areas,
        )
        for view in review_indicators(review)
        if view.latest is not None
    )


def _narratives(review: Review) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for narrative in Narrative.objects.filter(review=review).prefetch_related("versions"):
        version = current_version(narrative.versions.all())
        if version is None:
            continue
        label = (f"{narrative.action_point}: " if narrative.action_point else "") + version.title
        for area in narrative.judgement_areas:
            found.setdefault(area, []).append(label)
    return {key: tuple(labels) for key, labels in found.items()}


def report_data(review: Review, today: date | None = None) -> ReportData:
    framework = review.framework
    documents = EvidenceDocument.objects.filter(review=review)
    findings, newest = _findings(review)
    return ReportData(
        area=review.area,
        review_name=review.name,
        framework=framework.name,
        framework_short=framework.short_name,
        generated=today or timezone.localdate(),
        notice=framework.notice_description,
        window=(review.window_starts, review.window_ends),
        phases=tuple(PhaseData(p.name, p.starts, p.ends) for p in review.phases.all()),
        agencies=tuple(a.name for a in review.agencies.all()),
        documents=documents.count(),
        document_agencies=documents.exclude(agency=None).values("agency").distinct().count(),
        activities=tuple(
            Activity(a.kind, a.count, a.description, a.people)
            for a in ReviewActivity.objects.filter(review=review)
        )
        + fieldwork_activities(review),
        judgements=_judgements(review),
        findings=findings,
        items=_items(review, newest),
        evidence=_evidence(review),
        indicators=_indicators(review),
        narratives=_narratives(review),
        audit_shares=audit_shares(review),
        quotes=report_quotes(review),
        thresholds=report_thresholds(review),
    )
