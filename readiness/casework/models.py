"""Children a review may sample (by the council's own case id, never a name) and the samples
drawn from them, with their seed and reasons, so that a draw can be repeated and defended."""

from django.conf import settings
from django.db import models

from readiness.lib.jobs import Job
from readiness.reviews.models import Review

from .domain.caselist import LISTS


class Case(models.Model):
    """A child on one of the council's lists. A child on two lists is two rows."""

    LIST_CHOICES = list(LISTS.items())

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="cases")
    case_id = models.CharField(max_length=40, help_text="The council's own case id.")
    list_key = models.CharField(max_length=24, choices=LIST_CHOICES)
    team = models.CharField(max_length=80, blank=True)
    worker = models.CharField(max_length=80, blank=True, help_text="Social worker's code.")
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    started = models.DateField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "list_key", "case_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "case_id", "list_key"], name="one_case_per_list"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} ({self.get_list_key_display()})"


class Sample(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="samples")
    seed = models.BigIntegerField()
    sizes = models.JSONField(help_text="Children asked for, per list.")
    shortfalls = models.JSONField(default=dict, blank=True)
    as_of = models.DateField(help_text="The day plan lengths were counted to.")
    note = models.CharField(max_length=300, blank=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "-drawn_at", "-id"]

    def __str__(self) -> str:
        return f"Sample {self.id} (seed {self.seed})"


class SampledCase(models.Model):
    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="cases")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    stratum = models.CharField(max_length=24)
    reason = models.CharField(max_length=300)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["sample", "position"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "case"], name="one_draw_per_case"),
        ]


class FieldworkRevision(models.Model):
    """Goes up with every change to a review's case list or audits, so that figures computed
    from thousands of answers can be kept until something changes (audits/queries.py)."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveBigIntegerField(default=0)


def bump_revision(review_id: int) -> None:
    updated = FieldworkRevision.objects.filter(review_id=review_id).update(
        number=models.F("number") + 1
    )
    if not updated:
        FieldworkRevision.objects.get_or_create(review_id=review_id, defaults={"number": 1})


def revision(review_id: int) -> int:
    return (
        FieldworkRevision.objects.filter(review_id=review_id)
        .values_list("number", flat=True)
        .first()
        or 0
    )


class CaseImportJob(Job):
    """A case list uploaded on the page, read and stored by a worker (casework/jobs.py): two
    steps, every row checked, then the cases stored in one transaction with the job's
    counts, so a worker killed part-way leaves nothing or the whole list."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="case_imports")
    file_name = models.CharField(max_length=300)
    annex_a = models.BooleanField(default=False)
    replace = models.BooleanField(default=False)
    rows = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)  # every bad row, when the list was refused

    class Meta(Job.Meta):
        pass

    def __str__(self) -> str:
        return f"Case list import {self.id} to {self.review}"
