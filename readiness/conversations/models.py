"""Comments under a judgement, an evidence document, a narrative or an action item, with
the people they mention. A comment names its object by kind and id rather than by a generic
relation, so that each kind's permission rule stays in one plain place (`services.py`)."""

from django.conf import settings
from django.db import models

from readiness.reviews.models import Review


class Comment(models.Model):
    JUDGEMENT, DOCUMENT, NARRATIVE, ACTION_ITEM = "judgement", "document", "narrative", "item"
    TARGETS = [
        (JUDGEMENT, "Judgement"),
        (DOCUMENT, "Evidence document"),
        (NARRATIVE, "Narrative"),
        (ACTION_ITEM, "Action item"),
    ]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    target = models.CharField(max_length=10, choices=TARGETS)
    target_id = models.PositiveBigIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    mentioned = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["review", "target", "target_id"], name="comment_object"),
        ]

    def __str__(self) -> str:
        return self.text[:60]
