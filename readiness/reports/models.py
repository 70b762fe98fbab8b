"""What the review looked at besides documents: case files read, interviews held, focus
groups run. The report's approach counts them; the evidence library counts documents."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from readiness.lib.jobs import Job
from readiness.reviews.models import Review


class ReviewActivity(models.Model):
    CASE_FILE, INTERVIEW, FOCUS_GROUP = "case_file", "interview", "focus_group"
    KINDS = [
        (CASE_FILE, "Case files reviewed"),
        (INTERVIEW, "Interviews held"),
        (FOCUS_GROUP, "Focus groups run"),
    ]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=12, choices=KINDS)
    count = models.PositiveIntegerField(validators=[MinValueValidator(1), MaxValueValidator(10000)])
    description = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who or what, e.g. social workers about those cases.",
    )
    people = models.PositiveIntegerField(
        null=True, blank=True, help_text="How many people took part (focus groups)."
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "kind", "id"]
        verbose_name_plural = "review activities"

    NOUNS = {CASE_FILE: "case file", INTERVIEW: "interview", FOCUS_GROUP: "focus group"}

    def __str__(self) -> str:
        noun = self.NOUNS.get(self.kind, self.kind)
        return f"{self.count} {noun}{'' if self.count == 1 else 's'}"


class ReportTemplate(models.Model):
    """A council's own Word template for the review's report: checked when uploaded (type
    by content, size, the styles the report needs) and stored as bytes."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="report_template")
    filename = models.CharField(max_length=200)
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now=True)


class ReportBuild(Job):
    """The report prepared by a worker (reports/jobs.py) and kept as a file under the data
    directory, for a report that takes too long to build while the browser waits. Its steps:
    reading and checking the review, drawing the format, storing the file. Building again
    writes the same file in place, so a worker killed part-way leaves one clean run's file."""

    FORMATS = [("pdf", "PDF"), ("docx", "Word document"), ("html", "Web page")]
    STEPS = 3

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="report_builds")
    fmt = models.CharField("format", max_length=4, choices=FORMATS)
    annex = models.BooleanField(default=True)  # False: a copy for members, annex left out
    size = models.PositiveIntegerField(default=0)

    class Meta(Job.Meta):
        pass

    def __str__(self) -> str:
        return f"Report {self.id} of {self.review}"
