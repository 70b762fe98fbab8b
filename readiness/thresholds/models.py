"""The thresholds check (the founding review's R1): invented cases sent to staff of every
agency through one-time links, answered without an account."""

from django.conf import settings
from django.db import models

from readiness.reviews.models import Agency, Review

from .domain.results import LEVELS


class ThresholdCheck(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="threshold_checks")
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Vignette(models.Model):
    LEVEL_CHOICES = list(LEVELS.items())

    threshold_check = models.ForeignKey(
        ThresholdCheck, on_delete=models.CASCADE, related_name="vignettes"
    )
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=120)
    text = models.TextField()
    intended_level = models.CharField(max_length=20, choices=LEVEL_CHOICES)

    class Meta:
        ordering = ["threshold_check", "position"]


class Invitation(models.Model):
    """A one-time link. Only the token's hash is kept; the link is shown once, when made."""

    threshold_check = models.ForeignKey(
        ThresholdCheck, on_delete=models.CASCADE, related_name="invitations"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["threshold_check", "id"]


class ThresholdResponse(models.Model):
    """One person's answers, by agency and role only: deliberately not linked to the
    invitation it came through."""

    threshold_check = models.ForeignKey(
        ThresholdCheck, on_delete=models.CASCADE, related_name="responses"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=80)
    submitted_on = models.DateField()

    class Meta:
        ordering = ["threshold_check", "id"]


class ThresholdAnswer(models.Model):
    response = models.ForeignKey(
        ThresholdResponse, on_delete=models.CASCADE, related_name="answers"
    )
    vignette = models.ForeignKey(Vignette, on_delete=models.CASCADE, related_name="answers")
    level = models.CharField(max_length=20, choices=Vignette.LEVEL_CHOICES)

    class Meta:
        ordering = ["response", "vignette"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "vignette"], name="one_answer_per_vignette"
            ),
        ]
