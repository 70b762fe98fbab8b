"""Case file audits: a child's case graded against an audit tool, moderated blind by a second
auditor, with actions for the child that cannot be lost."""

from django.conf import settings
from django.db import models

from readiness.casework.models import Case, Sample
from readiness.reviews.models import Agency, Phase, Review


class CaseAudit(models.Model):
    DRAFT, SUBMITTED = "draft", "submitted"
    STATUSES = [(DRAFT, "In progress"), (SUBMITTED, "Submitted")]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="case_audits")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="audits")
    sample = models.ForeignKey(
        Sample, null=True, blank=True, on_delete=models.SET_NULL, related_name="audits"
    )
    phase = models.ForeignKey(
        Phase, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tool_id = models.CharField(max_length=63)
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A second auditor's blind grading of the same case (moderation) points at the first.
    moderates = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="moderation"
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=DRAFT)
    audited_on = models.DateField()
    strengths = models.TextField(blank=True)
    worries = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["review", "audited_on", "id"]

    def __str__(self) -> str:
        return f"Audit {self.id} of {self.case.case_id}"


class AuditAnswer(models.Model):
    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="answers")
    section_id = models.CharField(max_length=63)
    question_id = models.CharField(max_length=63)
    # A grade key of the framework's scale, or yes / no / not_applicable.
    answer = models.CharField(max_length=63)
    evidence = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["audit", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "question_id"], name="one_answer_per_question"
            ),
        ]


class ChildAction(models.Model):
    """Something that must happen for the child. An urgent one is flagged to the team manager
    and stays on the review's list of urgent actions until someone records it done: it cannot
    be deleted, so it cannot be lost."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.PROTECT, related_name="actions")
    text = models.TextField()
    urgent = models.BooleanField(default=False)
    team_manager = models.CharField(max_length=120, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField(auto_now_add=True)
    done_note = models.TextField(blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["audit", "id"]


class ModerationDecision(models.Model):
    """A moderator's settled grade for one question where the two auditors differed."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="decisions")
    question_id = models.CharField(max_length=63)
    answer = models.CharField(max_length=63)
    reason = models.TextField()
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["audit", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "question_id"], name="one_decision_per_question"
            ),
        ]


class AuditCitation(models.Model):
    """A finding of the readiness report that cites a case file audit as its evidence."""

    finding = models.ForeignKey(
        "actions.Finding", on_delete=models.CASCADE, related_name="audit_citations"
    )
    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="citations")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["finding", "audit"]
        constraints = [
            models.UniqueConstraint(fields=["finding", "audit"], name="one_citation_per_audit"),
        ]
