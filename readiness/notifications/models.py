"""Who wants which e-mails, and every e-mail sent, so that none is sent twice."""

from django.conf import settings
from django.db import models


class NotificationSettings(models.Model):
    """A person's choices; without a row, every kind is on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    requests = models.BooleanField(default=True)
    answers = models.BooleanField(default=True)
    mentions = models.BooleanField(default=True)
    due = models.BooleanField(default=True)
    digest = models.BooleanField(default=True)


class SentNotification(models.Model):
    """One e-mail sent to one person. Its key names what it was about ("request:12",
    "due:7:2027-01-15", "digest:3:2027-W02"); the unique constraint is what stops two runs
    of `readiness notify` at once from both sending it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10)
    key = models.CharField(max_length=80)
    subject = models.CharField(max_length=200)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="notification_sent_once"),
        ]
