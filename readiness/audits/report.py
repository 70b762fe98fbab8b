"""What the readiness report takes from the audits recorded here: the approach's counts of
case files, interviews and focus groups, what the audits say for each judgement (the audit
dashboard's own figures), and which audits each finding cites (by number, never case id)."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from readiness.interviews.models import Interview, Note
from readiness.reports.domain.data import Activity, AuditShare
from readiness.reviews.models import Review

from .models import AuditCitation, CaseAudit
from .queries import dashboard
from .services import grade_order


def fieldwork_activities(review: Review) -> tuple[Activity, ...]:
    """Submitted case file audits (a moderated case counts once), and interviews and focus
    groups with notes, as the report's activities."""
    counts = CaseAudit.objects.filter(
        review=review, moderates__isnull=True, status=CaseAudit.SUBMITTED
    ).aggregate(
        cases=Count("id"),
        moderated=Count("id", filter=Q(moderation__status=CaseAudit.SUBMITTED)),
    )
    found: list[Activity] = []
    if counts["cases"]:
        moderated = counts["moderated"]
        description = "audited in Readiness" + (
            f", {moderated} moderated blind by a second auditor" if moderated else ""
        )
        found.append(Activity("case_file", counts["cases"], description))
    # Interviews and focus groups count once their notes are written.
    held = list(
        Interview.objects.filter(review=review)
        .filter(Exists(Note.objects.filter(interview=OuterRef("pk")).exclude(text="")))
        .annotate(people=Count("participants"))
        .values_list("kind", "people")
    )
    interviews = sum(1 for kind, _ in held if kind == Interview.INTERVIEW)
    groups = [people for kind, people in held if kind == Interview.FOCUS_GROUP]
    if interviews:
        found.append(Activity("interview", interviews, "notes kept in Readiness"))
    if groups:
        found.append(Activity("focus_group", len(groups), "notes kept in Readiness", sum(groups)))
    return tuple(found)


def audit_shares(review: Review) -> tuple[AuditShare, ...]:
    """The share of audited cases good or better for each judgement its audits speak to,
    beside the self-assessment's grade: the dashboard's counting (kept in its cache), so the
    report and the dashboard cannot differ. Judgements no audited case speaks to are left out."""
    if not CaseAudit.objects.filter(review=review, moderates__isnull=True).exists():
        return ()  # nothing to count: spare the dashboard's queries
    shares = dashboard(review, grade_order(review)).shares
    return tuple(
        AuditShare(s.judgement, s.cases, s.good_or_better, s.self_grade) for s in shares if s.cases
    )


def cited_audits(review: Review) -> dict[int, frozenset[int]]:
    """Finding id → the ids of the case file audits it cites."""
    found: dict[int, set[int]] = {}
    for finding, audit in AuditCitation.objects.filter(finding__review=review).values_list(
        "finding_id", "audit_id"
    ):
        found.setdefault(finding, set()).add(audit)
    return {finding: frozenset(audits) for finding, audits in found.items()}
