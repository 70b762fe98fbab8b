"""Evidence requests: a lead or reviewer asks a partner agency for evidence on lines of
enquiry by a date; the agency answers by uploading documents against it, or declines with a
reason. The lead or a reviewer may change an open request or withdraw it. Whether a request
is overdue is worked out from its due date, never stored."""

from django.conf import settings
from django.db import models

from readiness.evidence.models import EvidenceDocument
from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.models import Agency, Review


class EvidenceRequest(models.Model):
    OPEN, ANSWERED, DECLINED, WITHDRAWN = "open", "answered", "declined", "withdrawn"
    STATUSES = [(OPEN, "Open"), (ANSWERED, "Answered"), (DECLINED, "Declined"),
                (WITHDRAWN, "Withdrawn")]  # fmt: skip

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="evidence_requests")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="evidence_requests")
    lines_of_enquiry = models.ManyToManyField(LineOfEnquiry, related_name="+")
    message = models.TextField()
    due_date = models.DateField()
    status = models.CharField(max_length=10, choices=STATUSES, default=OPEN)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)
    documents = models.ManyToManyField(EvidenceDocument, blank=True, related_name="requests")
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdraw_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["review", "due_date", "id"]
        indexes = [models.Index(fields=["review", "status"], name="asks_review_status")]

    def __str__(self) -> str:
        return f"Request {self.id} to {self.agency_id}"
