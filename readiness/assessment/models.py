"""The self-assessment: a person's grade for each judgement of a review, and its history."""

from django.conf import settings
from django.db import models

from readiness.frameworks.models import GradeLevel, Judgement
from readiness.lib.limits import ARGUMENT, bounded_text
from readiness.reviews.models import Phase, Review


class JudgementAssessment(models.Model):
    HIGH, MEDIUM, LOW = "high", "medium", "low"
    CONFIDENCE = [(HIGH, "High"), (MEDIUM, "Medium"), (LOW, "Low")]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="assessments")
    judgement = models.ForeignKey(Judgement, on_delete=models.CASCADE, related_name="+")
    grade = models.ForeignKey(
        GradeLevel, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rationale = bounded_text(ARGUMENT, blank=True)
    strengths = bounded_text(ARGUMENT, blank=True)
    areas_for_improvement = bounded_text(ARGUMENT, blank=True)
    confidence = models.CharField(max_length=10, choices=CONFIDENCE, blank=True)
    phase = models.ForeignKey(
        Phase,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The phase in which the grade was last set.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "judgement"], name="one_assessment"),
        ]

    def __str__(self) -> str:
        return f"{self.judgement} in {self.review}"


class AssessmentChange(models.Model):
    """One changed field: who, when, from, to. Never edited or deleted."""

    assessment = models.ForeignKey(
        JudgementAssessment, on_delete=models.CASCADE, related_name="changes"
    )
    field = models.CharField(max_length=40)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    phase = models.ForeignKey(
        Phase, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via = models.CharField(max_length=10, default="web")  # web, cli, import, demo

    FIELD_LABELS = {
        "grade": "Grade",
        "rationale": "Rationale",
        "strengths": "Strengths",
        "areas_for_improvement": "Areas for improvement",
        "confidence": "Confidence",
    }

    class Meta:
        ordering = ["-changed_at", "-id"]

    @property
    def field_label(self) -> str:
        return self.FIELD_LABELS.get(self.field, self.field)


class EvidenceLink(models.Model):
    """Evidence a grade rests on. Until the evidence library arrives a link is a reference
    (a title, a location); the library will add a document to point at."""

    assessment = models.ForeignKey(
        JudgementAssessment, on_delete=models.CASCADE, related_name="evidence_links"
    )
    reference = models.CharField(max_length=300)
    shows = models.CharField(max_length=300, blank=True, help_text="What it is meant to show.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
