"""What the readiness report's approach counts from the fieldwork recorded here."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from readiness.interviews.models import Interview, Note
from readiness.reports.domain.data import Activity
from readiness.reviews.models import Review

from .models import CaseAudit


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
