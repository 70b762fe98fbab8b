"""Every write to an audit goes through here, from the pages, the command line and the demo."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from readiness.casework.models import Case, Sample, bump_revision
from readiness.frameworks.models import GradeLevel
from readiness.reviews.models import Agency, Phase, Review

from .domain.tool import GRADE, YES_NO_ANSWERS, AuditToolSpec, Section
from .models import AuditAnswer, CaseAudit, ChildAction, ModerationDecision
from .tools import tool as find_tool


class AuditError(ValueError):
    pass


def grade_order(review: Review) -> list[str]:
    return list(
        GradeLevel.objects.filter(framework=review.framework)
        .order_by("rank")
        .values_list("key", flat=True)
    )


def allowed_answers(question_scale: str, grades: list[str]) -> list[str]:
    return grades if question_scale == GRADE else list(YES_NO_ANSWERS)


def tool_for(audit: CaseAudit) -> AuditToolSpec:
    spec = find_tool(audit.tool_id)
    if spec is None:
        raise AuditError(f"The audit tool '{audit.tool_id}' is no longer installed.")
    return spec


@transaction.atomic
def start_audit(
    review: Review, case: Case, tool_id: str, auditor: AbstractBaseUser | None,
    audited_on: date, sample: Sample | None = None,
) -> CaseAudit:  # fmt: skip
    spec = find_tool(tool_id)
    if spec is None or spec.framework != review.framework.slug:
        raise AuditError(f"'{tool_id}' is not an audit tool for {review.framework.short_name}.")
    if case.review_id != review.id:
        raise AuditError("That case is not on this review's case list.")
    phase = Phase.objects.filter(review=review, is_current=True).first()
    bump_revision(review.id)
    return CaseAudit.objects.create(
        review=review, case=case, sample=sample, phase=phase, tool_id=tool_id, auditor=auditor,
        audited_on=audited_on,
    )  # fmt: skip


@transaction.atomic
def start_moderation(first: CaseAudit, auditor: AbstractBaseUser, audited_on: date) -> CaseAudit:
    if first.moderates_id is not None:
        raise AuditError("A moderation cannot itself be moderated: moderate the first audit.")
    if CaseAudit.objects.filter(moderates=first).exists():
        raise AuditError("This audit already has a second auditor.")
    if first.auditor_id == auditor.pk:
        raise AuditError("The second auditor must be someone other than the first.")
    bump_revision(first.review_id)
    return CaseAudit.objects.create(
        review=first.review, case=first.case, sample=first.sample, phase=first.phase,
        tool_id=first.tool_id, auditor=auditor, moderates=first, audited_on=audited_on,
    )  # fmt: skip


@transaction.atomic
def save_answers(
    audit: CaseAudit,
    sections: list[Section],
    answers: dict[str, tuple[str, str]],
    user: AbstractBaseUser | None,
    agency: Agency | None = None,
) -> int:
    """Store ANSWERS (question id → (answer, evidence note)) for questions in SECTIONS, the
    sections this person may write. An empty answer clears the question. Returns how many
    answers changed; AuditError (and nothing stored) on an answer the scale does not have."""
    if audit.status == CaseAudit.SUBMITTED:
        raise AuditError("This audit has been submitted and can no longer be changed.")
    grades = grade_order(audit.review)
    questions = {q.id: (s, q) for s in sections for q in s.questions}
    existing = {a.question_id: a for a in audit.answers.all()}
    changed = 0
    for question_id, (answer, evidence) in answers.items():
        if question_id not in questions:
            raise AuditError(f"You cannot answer question '{question_id}' of this audit.")
        section, question = questions[question_id]
        current = existing.get(question_id)
        if not answer:
            if current is not None:
                current.delete()
                changed += 1
            continue
        if answer not in allowed_answers(question.scale, grades):
            raise AuditError(f"“{answer}” is not an answer to question '{question_id}'.")
        if current is None:
            AuditAnswer.objects.create(
                audit=audit, section_id=section.id, question_id=question_id, answer=answer,
                evidence=evidence, answered_by=user, agency=agency,
            )  # fmt: skip
            changed += 1
        elif (current.answer, current.evidence) != (answer, evidence):
            current.answer, current.evidence, current.answered_by = answer, evidence, user
            current.save()
            changed += 1
    if changed:
        bump_revision(audit.review_id)
    return changed


def submit(audit: CaseAudit) -> None:
    if not audit.answers.exists():
        raise AuditError("Answer at least one question before submitting the audit.")
    audit.status = CaseAudit.SUBMITTED
    audit.submitted_at = timezone.now()
    audit.save(update_fields=["status", "submitted_at"])
    bump_revision(audit.review_id)


@transaction.atomic
def settle(
    first: CaseAudit, question_id: str, answer: str, reason: str, moderator: AbstractBaseUser | None
) -> ModerationDecision:
    second = CaseAudit.objects.filter(moderates=first).first()
    if (
        second is None
        or first.status != CaseAudit.SUBMITTED
        or second.status != CaseAudit.SUBMITTED
    ):
        raise AuditError("A grade is settled once both auditors have submitted.")
    spec = tool_for(first)
    question = spec.question(question_id)
    if question is None:
        raise AuditError(f"There is no question '{question_id}' in this audit tool.")
    if answer not in allowed_answers(question.scale, grade_order(first.review)):
        raise AuditError(f"“{answer}” is not an answer to question '{question_id}'.")
    if not reason.strip():
        raise AuditError("Say why this grade was settled.")
    decision, _ = ModerationDecision.objects.update_or_create(
        audit=first, question_id=question_id,
        defaults={"answer": answer, "reason": reason.strip(), "moderator": moderator},
    )  # fmt: skip
    bump_revision(first.review_id)
    return decision


def raise_action(
    audit: CaseAudit, text: str, urgent: bool, team_manager: str, user: AbstractBaseUser | None
) -> ChildAction:
    if not text.strip():
        raise AuditError("Say what needs to happen for the child.")
    if urgent and not team_manager.strip():
        raise AuditError("An action that needs to happen now needs the team manager it goes to.")
    return ChildAction.objects.create(
        audit=audit, text=text.strip(), urgent=urgent, team_manager=team_manager.strip(),
        raised_by=user,
    )  # fmt: skip


def complete_action(action: ChildAction, note: str, user: AbstractBaseUser | None) -> None:
    if not note.strip():
        raise AuditError("Say what was done.")
    action.done_note, action.done_by, action.done_at = note.strip(), user, timezone.now()
    action.save(update_fields=["done_note", "done_by", "done_at"])
