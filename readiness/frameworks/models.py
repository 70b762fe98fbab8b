"""Inspection frameworks as stored rows: filled from validated framework files only."""

from django.conf import settings
from django.db import models


class Framework(models.Model):
    """A version of an inspection framework. Built-in ones are shared; a partnership's own
    framework belongs to the person who loaded it and the reviews that use it."""

    slug = models.SlugField(max_length=63)
    name = models.CharField(max_length=300)
    short_name = models.CharField(max_length=120)
    inspectorate = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    in_force_from = models.DateField(null=True, blank=True)
    in_force_to = models.DateField(null=True, blank=True)
    notice_description = models.TextField(blank=True)
    notice_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    on_site_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    headline_guide = models.CharField(max_length=40, blank=True)
    counting = models.JSONField(default=dict, blank=True)
    attribution = models.TextField(blank=True)
    source_text = models.TextField(help_text="The framework file as loaded.")
    is_builtin = models.BooleanField(default=False)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_builtin", "short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=models.Q(is_builtin=True), name="unique_builtin_slug"
            ),
            models.UniqueConstraint(
                fields=["slug", "loaded_by"],
                condition=models.Q(is_builtin=False),
                name="unique_own_slug_per_user",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name


class GradeLevel(models.Model):
    """One point of a framework's scale; rank 1 is the best. Compare ranks, never labels."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="grades")
    key = models.SlugField(max_length=63)
    label = models.CharField(max_length=100)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["framework", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "rank"], name="unique_grade_rank"),
            models.UniqueConstraint(fields=["framework", "key"], name="unique_grade_key"),
        ]

    def __str__(self) -> str:
        return self.label


class Judgement(models.Model):
    HEADLINE, COMPOSITE, SINGLE = "headline", "composite", "single"
    KINDS = [(HEADLINE, "Headline"), (COMPOSITE, "Composite"), (SINGLE, "Single")]

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="judgements")
    key = models.SlugField(max_length=63)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=KINDS)
    strand_key = models.CharField(max_length=63, blank=True)
    strand_name = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    published_key = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField()
    components = models.ManyToManyField(
        "self", symmetrical=False, through="JudgementComponent", related_name="composites"
    )

    class Meta:
        ordering = ["framework", "position"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "key"], name="unique_judgement_key"),
        ]

    def __str__(self) -> str:
        return self.title


class JudgementComponent(models.Model):
    composite = models.ForeignKey(Judgement, on_delete=models.CASCADE, related_name="+")
    component = models.ForeignKey(Judgement, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    limiting = models.BooleanField(
        default=False, help_text="An inadequate grade here caps the composite at inadequate."
    )

    class Meta:
        ordering = ["composite", "position"]
        constraints = [
            models.UniqueConstraint(fields=["composite", "component"], name="unique_component"),
        ]


class LineOfEnquiry(models.Model):
    judgement = models.ForeignKey(
        Judgement, on_delete=models.CASCADE, related_name="lines_of_enquiry"
    )
    key = models.SlugField(max_length=63)
    question = models.TextField()
    typical_evidence = models.JSONField(default=list, blank=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["judgement", "position"]
        verbose_name_plural = "lines of enquiry"

    def __str__(self) -> str:
        return self.question


class GradeDescriptor(models.Model):
    line_of_enquiry = models.ForeignKey(
        LineOfEnquiry, on_delete=models.CASCADE, related_name="descriptors"
    )
    grade = models.ForeignKey(GradeLevel, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()

    class Meta:
        ordering = ["line_of_enquiry", "grade__rank"]
        constraints = [
            models.UniqueConstraint(fields=["line_of_enquiry", "grade"], name="unique_descriptor"),
        ]
