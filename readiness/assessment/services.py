"""Change an assessment and record its history, atomically."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from readiness.evidence.audit import audit
from readiness.frameworks.models import GradeLevel, Judgement
from readiness.reviews.models import Phase, Review

from .domain.changes import TRACKED_FIELDS, diff
from .models import AssessmentChange, EvidenceLink, JudgementAssessment


class AssessmentError(ValueError):
    """A change that cannot be made; the message says why and names the problem."""


def find_judgement(review: Review, key: str) -> Judgement:
    judgement = Judgement.objects.filter(framework=review.framework, key=key).first()
    if judgement is None:
        raise AssessmentError(
            f"'{key}' is not a judgement of {review.framework.short_name}, "
            f"the framework of the review '{review.name}'."
        )
    return judgement


def find_grade(review: Review, key: str) -> GradeLevel | None:
    """The grade with this key on the review's scale; '' clears the grade."""
    if key == "":
        return None
    grade = GradeLevel.objects.filter(framework=review.framework, key=key).first()
    if grade is None:
        keys = ", ".join(
            GradeLevel.objects.filter(framework=review.framework).values_list("key", flat=True)
        )
        raise AssessmentError(
            f"'{key}' is not a grade of {review.framework.short_name} (grades: {keys})."
        )
    return grade


def _as_text(assessment: JudgementAssessment) -> dict[str, str]:
    return {
        "grade": assessment.grade.label if assessment.grade else "",
        "rationale": assessment.rationale,
        "strengths": assessment.strengths,
        "areas_for_improvement": assessment.areas_for_improvement,
        "confidence": assessment.confidence,
    }


@transaction.atomic
def update_assessment(
    review: Review,
    judgement: Judgement,
    user: AbstractBaseUser | None,
    *,
    via: str = "web",
    **values: object,
) -> list[tuple[str, str, str]]:
    """Apply `values` (grade as a GradeLevel or None, and text fields) and log each change.

    Returns the changes made; an unchanged submission records nothing."""
    if judgement.framework_id != review.framework_id:
        raise AssessmentError("That judgement belongs to another framework.")
    unknown = set(values) - set(TRACKED_FIELDS)
    if unknown:
        raise AssessmentError(f"Cannot set {', '.join(sorted(unknown))}.")
    grade = values.get("grade")
    if isinstance(grade, GradeLevel) and grade.framework_id != review.framework_id:
        raise AssessmentError("That grade belongs to another framework.")
    assessment, _ = JudgementAssessment.objects.select_for_update().get_or_create(
        review=review, judgement=judgement
    )
    before = _as_text(assessment)
    for name, value in values.items():
        setattr(assessment, name, value)
    changes = diff(before, _as_text(assessment))
    if not changes:
        return []
    phase = Phase.objects.filter(review=review, is_current=True).first()
    if any(name == "grade" for name, _, _ in changes):
        assessment.phase = phase
    assessment.updated_by = user
    assessment.save()
    AssessmentChange.objects.bulk_create(
        AssessmentChange(
            assessment=assessment,
            field=name,
            old_value=old,
            new_value=new,
            changed_by=user,
            phase=phase,
            via=via,
        )
        for name, old, new in changes
    )
    for name, old, new in changes:
        if name == "grade":  # the audit log keeps grade changes (issue 14)
            audit.info(
                "grade changed",
                extra={"user": user.pk if user is not None else None, "review": review.id,
                       "judgement": judgement.title, "from": old or "none",
                       "to": new or "none", "via": {"cli": "command line"}.get(via, via)},
            )  # fmt: skip
    return changes


def add_evidence_link(
    review: Review, judgement: Judgement, user: AbstractBaseUser | None, reference: str, shows: str
) -> EvidenceLink:
    assessment, _ = JudgementAssessment.objects.get_or_create(review=review, judgement=judgement)
    return EvidenceLink.objects.create(
        assessment=assessment, reference=reference, shows=shows, added_by=user
    )
