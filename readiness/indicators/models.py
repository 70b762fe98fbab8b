"""Indicator values a review holds, where they came from, and the imports that made them.

Definitions (title, unit, polarity, source) are data shipped in `indicators/data/`; rows
here refer to them by id, so a changed definition never needs a migration."""

from django.conf import settings
from django.db import models

from readiness.lib.jobs import Job
from readiness.reviews.models import Review


class DataImport(models.Model):
    SSDA903, CIN, ANNEX_A, TABLE = "ssda903", "cin", "annexa", "table"
    KINDS = [
        (SSDA903, "SSDA903 return"),
        (CIN, "Children in need census"),
        (ANNEX_A, "Annex A workbook"),
        (TABLE, "Table of values (CSV or Excel)"),
    ]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="data_imports")
    kind = models.CharField(max_length=10, choices=KINDS)
    file_name = models.CharField(max_length=300)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    records_read = models.PositiveIntegerField(default=0)
    records_left_out = models.PositiveIntegerField(default=0)
    records_corrected = models.PositiveIntegerField(default=0)
    values_stored = models.PositiveIntegerField(default=0)
    summary = models.TextField(blank=True)
    quality = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name}"


class ImportJob(Job):
    """Files uploaded on the data imports page, imported by a worker (indicators/jobs.py).

    The files wait under the data directory. Reading them is the slow part and stores
    nothing; the values, the quality report and this job's link to the `DataImport` are
    stored in one transaction, so a worker killed part-way leaves nothing behind and the
    next worker's run ends as one clean run would."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="import_jobs")
    kind = models.CharField(max_length=10, choices=DataImport.KINDS)
    # The files as the council named them, in order: [[stored file name, name], …].
    uploads = models.JSONField(default=list)
    data_import = models.OneToOneField(
        DataImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="job"
    )

    class Meta(Job.Meta):
        pass

    def __str__(self) -> str:
        return f"Import {self.id} to {self.review}"


class IndicatorValue(models.Model):
    """One indicator for one period. A later import of the same period replaces it; the
    import it came from is kept, so a narrative can say how current its figures are."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="indicator_values")
    indicator = models.CharField(max_length=80)
    period_end = models.DateField()
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    source = models.ForeignKey(
        DataImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="values"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["review", "indicator", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "indicator", "period_end"], name="one_value_per_period"
            ),
        ]


class Comparator(models.Model):
    ENGLAND, REGION, NEIGHBOURS, TARGET = "england", "region", "statistical_neighbours", "target"
    KINDS = [
        (ENGLAND, "England"),
        (REGION, "Region"),
        (NEIGHBOURS, "Statistical neighbours"),
        (TARGET, "Our target"),
    ]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comparators")
    indicator = models.CharField(max_length=80)
    kind = models.CharField(max_length=30, choices=KINDS)
    period_end = models.DateField()
    value = models.FloatField()
    source = models.ForeignKey(
        DataImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["review", "indicator", "kind", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "indicator", "kind", "period_end"], name="one_comparator"
            ),
        ]


class ComparatorChange(models.Model):
    """One change to a comparator or target: what it was, what it became, who, when and how.
    A corrected benchmark replaces the figure used for rating, so its history lives here."""

    FORM, IMPORT = "form", "import"
    VIA = [(FORM, "Entered on the indicator's page"), (IMPORT, "Imported")]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="+")
    indicator = models.CharField(max_length=80)
    kind = models.CharField(max_length=30, choices=Comparator.KINDS)
    period_end = models.DateField()
    old_value = models.FloatField(null=True, blank=True)
    new_value = models.FloatField(null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    via = models.CharField(max_length=10, choices=VIA, default=FORM)
    source = models.ForeignKey(
        DataImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["review", "indicator", "-changed_at", "-id"]
