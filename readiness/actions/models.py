"""Findings (the numbered paragraphs of a readiness report), and the recommendations and
action points they raise, with their plans and progress.

A code (R1, A9) is issued once by the system and never changes or comes back: the founding
review's report called one recommendation R1 in its body and R7 in its summary."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from readiness.evidence.models import EvidenceDocument
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.lib.limits import ITEM, PARAGRAPH, bounded_text
from readiness.reviews.models import Agency, Phase, Review


class Finding(models.Model):
    PERFORMANCE, ROBUSTNESS, READINESS = "performance", "robustness", "readiness"
    EVALUATIONS = [
        (PERFORMANCE, "How well services perform against the grade descriptors"),
        (ROBUSTNESS, "How robust policy and practice are"),
        (READINESS, "How ready the partnership is for inspection"),
    ]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    evaluation = models.CharField(max_length=12, choices=EVALUATIONS, default=PERFORMANCE)
    area = models.CharField(max_length=200, help_text="Report section.")
    position = models.PositiveIntegerField(default=0, help_text="Order within the area.")
    text = bounded_text(PARAGRAPH)
    phase = models.ForeignKey(
        Phase, null=True, blank=True, on_delete=models.SET_NULL, related_name="findings"
    )
    # Where a carried-forward finding first came from, so its origin can be shown.
    carried_forward_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_into"
    )
    origin_phase = models.ForeignKey(
        Phase, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    judgements = models.ManyToManyField(Judgement, blank=True, related_name="+")
    lines_of_enquiry = models.ManyToManyField(LineOfEnquiry, blank=True, related_name="+")
    documents = models.ManyToManyField(EvidenceDocument, blank=True, related_name="findings")
    indicators = models.JSONField(default=list, blank=True)  # indicator ids from the library
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["review", "evaluation", "area", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class CodeSequence(models.Model):
    """The last number issued per prefix in a review; numbers are never reused, even after
    a deletion, so an old printout's "A9" never means something else."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="+")
    prefix = models.CharField(max_length=4)
    last_number = models.PositiveIntegerField(default=0)
    # Every number issued, including those asked for out of order by an import or the demo
    # and those whose item has since been deleted: none is ever issued again.
    issued = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "prefix"], name="unique_code_sequence"),
        ]


class ActionItem(models.Model):
    RECOMMENDATION, ACTION_POINT = "recommendation", "action_point"
    KINDS = [(RECOMMENDATION, "Recommendation"), (ACTION_POINT, "Action point")]
    PREFIXES = {RECOMMENDATION: "R", ACTION_POINT: "A"}

    NOT_STARTED, IN_PROGRESS, DONE, DROPPED = "not_started", "in_progress", "done", "dropped"
    STATUSES = [
        (NOT_STARTED, "Not started"),
        (IN_PROGRESS, "In progress"),
        (DONE, "Done"),
        (DROPPED, "Dropped"),
    ]
    OPEN_STATUSES = (NOT_STARTED, IN_PROGRESS)

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="action_items")
    kind = models.CharField(max_length=16, choices=KINDS)
    code = models.CharField(max_length=12, editable=False)
    text = bounded_text(ITEM)
    rationale = bounded_text(PARAGRAPH, blank=True)
    guidance = bounded_text(
        PARAGRAPH, blank=True, help_text="Advice under the item, one point a line."
    )
    finding = models.ForeignKey(
        Finding, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items"
    )
    judgements = models.ManyToManyField(Judgement, blank=True, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items"
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=STATUSES, default=NOT_STARTED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["review", "kind", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "code"], name="unique_action_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:50]}"

    def save(self, *args, **kwargs) -> None:
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values_list("code", flat=True).first()
            if stored is not None and stored != self.code:
                raise ValidationError(f"The code {stored} was issued and cannot change.")
        elif not self.code:
            raise ValidationError("Issue a code through actions.services.create_item.")
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class Milestone(models.Model):
    """A step in a recommendation's action plan."""

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=300)
    due_date = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["item", "position", "id"]


class ProgressUpdate(models.Model):
    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates")
    text = bounded_text(PARAGRAPH)
    status = models.CharField(max_length=12, choices=ActionItem.STATUSES)
    documents = models.ManyToManyField(EvidenceDocument, blank=True, related_name="+")
    evidence_reference = models.CharField(max_length=300, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "-written_at", "-id"]
