from django.conf import settings
from django.db import models
from django.utils import timezone

from readiness.reviews.models import Review


class ExportConfirmation(models.Model):
    """A lead looked at the personal details found in an export and let it leave. It holds
    for exactly those hits (their fingerprint): a new hit needs a new confirmation."""

    EVIDENCE_INDEX, EVIDENCE_PACK, REPORT = "evidence-index", "evidence-pack", "report"
    EXPORTS = [
        (EVIDENCE_INDEX, "the evidence index"),
        (EVIDENCE_PACK, "the evidence pack"),
        (REPORT, "the readiness report and self-evaluation"),
    ]
    WEB, COMMAND_LINE = "web", "command line"

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="export_confirmations"
    )
    export = models.CharField(max_length=20, choices=EXPORTS)
    fingerprint = models.CharField(max_length=64)
    hits = models.PositiveIntegerField()
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    confirmed_at = models.DateTimeField(default=timezone.now)
    via = models.CharField(max_length=20, default=WEB)

    class Meta:
        ordering = ["-confirmed_at"]
        indexes = [models.Index(fields=["review", "export", "fingerprint"])]
