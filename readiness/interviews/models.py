"""Interviews and focus groups: who (by role and agency), when, on which lines of enquiry; notes
against the question bank, split into passages aligned to lines of enquiry for a person to
confirm, and quotes marked for the report (by role, never by name)."""

from django.conf import settings
from django.db import models

from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.models import Agency, Review


class Interview(models.Model):
    INTERVIEW, FOCUS_GROUP = "interview", "focus_group"
    KINDS = [(INTERVIEW, "Interview"), (FOCUS_GROUP, "Focus group")]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="interviews")
    kind = models.CharField(max_length=12, choices=KINDS, default=INTERVIEW)
    title = models.CharField(max_length=200)
    when = models.DateTimeField()
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(max_length=120, blank=True, help_text="Who, by role (never a name).")
    lines = models.ManyToManyField(LineOfEnquiry, blank=True, related_name="+")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "when", "id"]

    def __str__(self) -> str:
        return self.title


class Participant(models.Model):
    """Someone in a focus group, by role and agency only."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(max_length=120)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["interview", "id"]


class Note(models.Model):
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="notes")
    position = models.PositiveSmallIntegerField()
    question = models.TextField()
    text = models.TextField(blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["interview", "position"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "position"], name="one_note_per_question"),
        ]


class NotePassage(models.Model):
    SUGGESTED, CONFIRMED, REJECTED = "suggested", "confirmed", "rejected"
    STATUSES = [(SUGGESTED, "Suggested"), (CONFIRMED, "Confirmed"), (REJECTED, "Rejected")]

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    line = models.ForeignKey(
        LineOfEnquiry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.FloatField(default=0)
    status = models.CharField(max_length=10, choices=STATUSES, default=SUGGESTED)
    is_quote = models.BooleanField(default=False)

    class Meta:
        ordering = ["note", "position"]
