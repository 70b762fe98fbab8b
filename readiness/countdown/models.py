"""The call, once it has come: the day the DCS was told of the inspection."""

from django.conf import settings
from django.db import models

from readiness.reviews.models import Review


class Call(models.Model):
    """Recorded by the lead; the at-a-glance page then counts down from it. Until then the
    countdown page answers "what if the call came on …?"."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="call")
    called_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.review}: called on {self.called_on.isoformat()}"
