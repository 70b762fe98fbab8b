"""What the readiness report's approach counts from the fieldwork recorded here."""

from __future__ import annotations

from django.db.models import Count, Q

from readiness.reports.domain.data import Activity
from readiness.reviews.models import Review

from .models import CaseAudit


def fieldwork_activities(review: Review) -> tuple[Activity, ...]:
    """Submitted case file audits (a moderated case counts once) as one activity."""
    counts = CaseAudit.objects.filter(
        review=review, moderates__isnull=True, status=CaseAudit.SUBMITTED
    ).aggregate(
        cases=Count("id"),
        moderated=Count("id", filter=Q(moderation__status=CaseAudit.SUBMITTED)),
    )
    if not counts["cases"]:
        return ()
    moderated = counts["moderated"]
    description = "audited in Readiness" + (
        f", {moderated} moderated blind by a second auditor" if moderated else ""
    )
    return (Activity("case_file", counts["cases"], description),)
