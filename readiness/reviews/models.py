"""A partnership's readiness review: who takes part, in which role, in which phases."""

from django.conf import settings
from django.db import models

from readiness.frameworks.models import Framework


class Review(models.Model):
    name = models.CharField(max_length=200)
    area = models.CharField(max_length=120, help_text="The local authority area inspected.")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="reviews")
    window_starts = models.DateField(null=True, blank=True)
    window_ends = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["area", "name"]

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    COUNCIL, POLICE, HEALTH, EDUCATION, PROBATION, VOLUNTARY, PARTNERSHIP, OTHER = (
        "council",
        "police",
        "health",
        "education",
        "probation",
        "voluntary",
        "partnership",
        "other",
    )
    SECTORS = [
        (COUNCIL, "Local authority"),
        (POLICE, "Police"),
        (HEALTH, "Health"),
        (EDUCATION, "Schools and education"),
        (PROBATION, "Probation"),
        (VOLUNTARY, "Voluntary sector"),
        (PARTNERSHIP, "Safeguarding partnership"),
        (OTHER, "Other"),
    ]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=20, choices=SECTORS, default=OTHER)

    class Meta:
        ordering = ["review", "name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(fields=["review", "name"], name="unique_agency_per_review"),
        ]

    def __str__(self) -> str:
        return self.name


class Phase(models.Model):
    """A part of the review, e.g. "Part 1: front door". Grades and findings made in an
    earlier phase carry forward into later ones, showing where they came from."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField()
    starts = models.DateField(null=True, blank=True)
    ends = models.DateField(null=True, blank=True)
    is_current = models.BooleanField(default=False)

    class Meta:
        ordering = ["review", "position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "position"], name="unique_phase_position"),
            models.UniqueConstraint(
                fields=["review"], condition=models.Q(is_current=True), name="one_current_phase"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    LEAD, REVIEWER, CONTRIBUTOR, VIEWER = "lead", "reviewer", "contributor", "viewer"
    ROLES = [
        (LEAD, "Review lead"),
        (REVIEWER, "Reviewer"),
        (CONTRIBUTOR, "Agency contributor"),
        (VIEWER, "Viewer"),
    ]

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=ROLES)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.RESTRICT, related_name="members"
    )

    class Meta:
        ordering = ["review", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["review", "user"], name="one_role_per_review"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) in {self.review}"


class Invitation(models.Model):
    """An invitation to join a review, sent by e-mail as a one-time link that expires. Only
    a hash of the link's token is stored, so the table cannot be used to join."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Membership.ROLES)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["review", "-created_at"]

    def __str__(self) -> str:
        return f"{self.email} to {self.review}"


class ReviewChange(models.Model):
    """One change to a review's settings or people: who, when, what, from and to."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    what = models.CharField(max_length=300)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)

    class Meta:
        ordering = ["review", "-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.what}: {self.before} → {self.after}"
