"""Gather readiness at a glance from each capability's own reading of the review, in a
fixed number of queries whatever the size of the review."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, Q

from readiness.actions.domain.lists import is_overdue
from readiness.actions.services import item_rows, person_name
from readiness.assessment.queries import review_grid
from readiness.countdown.domain.timetable import CountdownError, Timetable
from readiness.countdown.models import Call
from readiness.countdown.queries import countdown
from readiness.evidence.models import Alignment, EvidenceDocument
from readiness.evidence.queries import document_ages, review_analysis, visible_documents
from readiness.frameworks.models import LineOfEnquiry
from readiness.indicators.domain.assessment import point_value
from readiness.indicators.queries import review_indicators
from readiness.narratives.models import Narrative, NarrativeVersion
from readiness.narratives.services import check, check_context
from readiness.reviews.domain.roles import LEAD, SEE_ALL_EVIDENCE, may
from readiness.reviews.models import Membership, Review

from .domain.glance import (
    ActionLine,
    CountdownLine,
    Glance,
    IndicatorLine,
    JudgementLine,
    NarrativeLine,
    my_work,
    next_steps,
)


def _evidence_counts(review: Review, membership: Membership) -> dict[str, dict[str, int]]:
    """judgement key → confirmed, strong suggestions and undecided suggestions, over the
    documents this member may see (one query)."""
    counted = (
        Alignment.objects.filter(document__in=visible_documents(review, membership))
        .values("line_of_enquiry__judgement__key")
        .annotate(
            confirmed=Count("id", filter=Q(status=Alignment.CONFIRMED)),
            suggested=Count(
                "id",
                filter=Q(status=Alignment.SUGGESTED, below_threshold=False, document__covering=""),
            ),
            unreviewed=Count("id", filter=Q(status=Alignment.SUGGESTED)),
        )
        .order_by()
    )
    return {row["line_of_enquiry__judgement__key"]: row for row in counted}


def _judgements(review: Review, membership: Membership, analysis) -> list[JudgementLine]:
    grid = review_grid(review)
    counts = _evidence_counts(review, membership)
    lines = list(
        LineOfEnquiry.objects.filter(judgement__framework=review.framework)
        .order_by("judgement__position", "position")
        .values_list("id", "key", "judgement__key")
    )
    judgement_of = {key: judgement for _, key, judgement in lines}
    line_id = {key: pk for pk, key, _ in lines}
    findings: dict[str, dict[str, int]] = {}
    first_gap: dict[str, int] = {}
    for finding in analysis.findings if analysis else ():
        judgement = judgement_of.get(finding.line_key or "")
        if judgement is None:
            continue
        found = findings.setdefault(judgement, {})
        found[finding.kind] = found.get(finding.kind, 0) + 1
        if finding.kind == "gap":
            first_gap.setdefault(judgement, line_id[finding.line_key])
    out = []
    for row in grid.rows:
        key = row.judgement.key
        count = counts.get(key, {})
        found = findings.get(key, {})
        out.append(
            JudgementLine(
                key=key,
                title=row.judgement.title,
                kind=row.judgement.kind,
                grade=row.grade.label if row.grade else "",
                confidence=row.assessment.confidence,
                confirmed=count.get("confirmed", 0),
                suggested=count.get("suggested", 0),
                unreviewed=count.get("unreviewed", 0),
                gaps=found.get("gap", 0),
                weak=found.get("weak", 0),
                surfeits=found.get("surfeit", 0),
                stale=found.get("stale", 0),
                first_gap_line=first_gap.get(key),
            )
        )
    return out


def _indicators(review: Review) -> list[IndicatorLine]:
    out = []
    for view in review_indicators(review):
        if view.rag.status not in ("red", "amber"):
            continue
        out.append(
            IndicatorLine(
                id=view.definition.id,
                name=view.definition.short_title or view.definition.title,
                status=view.rag.status,
                reason=view.rag.reason,
                latest=view.latest_words,
                trend=view.trend.words,
                values=tuple(point_value(p, view.definition.unit) for p in view.series),
            )
        )
    # Red before amber, each in the library's order.
    return sorted(out, key=lambda line: line.status != "red")


def _narratives(review: Review) -> list[NarrativeLine]:
    # The check only counts a version's documents: their ids, not their rows.
    versions = NarrativeVersion.objects.select_related("written_by").prefetch_related(
        Prefetch("documents", queryset=EvidenceDocument.objects.only("id").order_by())
    )
    narratives = Narrative.objects.filter(review=review).prefetch_related(
        Prefetch("versions", queryset=versions)
    )
    context = check_context(review)
    out = []
    for narrative in narratives:
        version = next(iter(narrative.versions.all()), None)
        if version is None:
            continue
        result = check(version, context)
        if result.passed:
            continue
        out.append(
            NarrativeLine(
                key=narrative.key,
                title=version.title,
                owner=person_name(version.written_by),
                owner_id=version.written_by_id,
                problems=tuple(f.message for f in result.findings if f.severity == "fail"),
            )
        )
    return out


def _actions(review: Review, today: date) -> list[ActionLine]:
    out = []
    for row in item_rows(review):
        if not row.is_open:
            continue
        overdue = (today - row.due_date).days if is_overdue(row, today) else 0
        out.append(
            ActionLine(
                code=row.code,
                text=row.text,
                owner=row.owner_name,
                owner_id=row.owner_id,
                agency=row.agency_name,
                due=row.due_date,
                overdue_days=overdue,
            )
        )
    return sorted(out, key=lambda item: (-item.overdue_days, item.due or date.max, item.code))


def _countdown(timetable: Timetable, today: date) -> CountdownLine:
    ahead = [day for day in timetable.days if day.date >= today]
    days_left = (timetable.notice_days - ahead[0].number) if ahead else 0
    return CountdownLine(
        called=timetable.called,
        start=timetable.start,
        working_days_left=max(days_left, 0),
        due_now=sum(1 for task in timetable.tasks if task.due <= today),
        tasks=len(timetable.tasks),
    )


def glance(review: Review, membership: Membership, today: date) -> Glance:
    """Readiness at a glance as `membership` may see it, on `today`."""
    sees_all = may(membership.role, SEE_ALL_EVIDENCE)
    call = Call.objects.filter(review=review).first()
    # Read once for the analyses and the countdown alike.
    ages = document_ages(review) if sees_all or call is not None else None
    analysis = review_analysis(review, ages=ages) if sees_all else None
    judgements = _judgements(review, membership, analysis)
    indicators = _indicators(review)
    narratives = _narratives(review)
    actions = _actions(review, today)
    notes = []
    line = None
    if call is not None:
        try:
            line = _countdown(countdown(review, call.called_on, membership, ages=ages), today)
        except CountdownError as error:
            notes.append(str(error))
    lead = (
        Membership.objects.filter(review=review, role=LEAD)
        .select_related("user")
        .order_by("id")
        .first()
    )
    stale = len(analysis.stale) if analysis else 0
    steps = next_steps(
        judgements,
        indicators,
        narratives,
        actions,
        line,
        lead=(person_name(lead.user), lead.user_id) if lead else ("the review lead", None),
        stale_documents=stale,
    )
    return Glance(
        judgements=tuple(judgements),
        indicators=tuple(indicators),
        narratives=tuple(narratives),
        actions=tuple(actions),
        countdown=line,
        steps=tuple(steps),
        mine=tuple(my_work(steps, actions, membership.user_id)),
        sees_all_evidence=sees_all,
        graded=sum(1 for j in judgements if j.grade),
        open_actions=len(actions),
        overdue_actions=sum(1 for a in actions if a.overdue_days),
        stale_documents=stale,
        notes=tuple(notes),
    )
