from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEvent(models.Model):
    """Who did what, when and from where: reading case-level material, downloads and exports,
    changes of grade, role and item, signing in. Kept for READINESS_AUDIT_RETENTION_DAYS."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as written, so the record outlives the account.
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=60, db_index=True)
    # No database constraint: an event may be written while its review is being deleted,
    # and the record of what happened outlives the review.
    review = models.ForeignKey(
        "reviews.Review",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    what = models.CharField(max_length=500, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    via = models.CharField(max_length=20, default="web")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["review", "-at"])]
