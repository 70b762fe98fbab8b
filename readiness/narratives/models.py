"""Short outcome-focused narratives, kept as versions so one can be refreshed during the
notice period with its history intact."""

from django.conf import settings
from django.db import models

from readiness.lib.limits import ITEM, PARAGRAPH, bounded_text
from readiness.reviews.models import Agency, Review


class Narrative(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="narratives")
    key = models.SlugField(max_length=80)
    action_point = models.CharField(max_length=10, blank=True, help_text="For example A12.")
    judgement_areas = models.JSONField(default=list, blank=True)
    # The agency whose narrative it is: its contributors may write new versions. None for
    # the partnership's own, which only the lead and reviewers write.
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="narratives"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "action_point", "key"]
        constraints = [
            models.UniqueConstraint(fields=["review", "key"], name="unique_narrative_key"),
        ]

    def __str__(self) -> str:
        return self.key


class NarrativeVersion(models.Model):
    narrative = models.ForeignKey(Narrative, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    targeted_and_why = bounded_text(PARAGRAPH, "What we targeted and why")
    what_we_did = bounded_text(PARAGRAPH, "What we did")
    impact_for_children = bounded_text(PARAGRAPH, "Impact for children, with data")
    whats_next = bounded_text(PARAGRAPH, "What's next")
    # [{"indicator": id, "period": label shown, "value": value shown}]: what the reader saw.
    indicators = models.JSONField(default=list, blank=True)
    # Documents from the review's evidence library this version signposts; each version
    # keeps its own set, so an earlier version still shows what it linked.
    documents = models.ManyToManyField(
        "evidence.EvidenceDocument", blank=True, related_name="narrative_versions"
    )
    evidence = models.JSONField(default=list, blank=True)  # other references, as written
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)
    # A version written by someone who may not approve (an agency contributor, a reviewer)
    # waits for a lead's approval before it counts as the narrative's current one.
    awaiting_approval = models.BooleanField(default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["narrative", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["narrative", "number"], name="unique_version"),
        ]


class ServiceImpact(models.Model):
    """One impact a service can point to in an interview: "what difference has it made?"
    (the founding review's A15), backed by data, an example or children's own words."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="impacts")
    service = models.CharField(max_length=120)
    text = bounded_text(ITEM, "The impact for children")
    indicator = models.CharField(max_length=80, blank=True)
    example = bounded_text(ITEM, "An example", blank=True)
    feedback_quote = bounded_text(ITEM, "What children or families said", blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "service", "id"]
