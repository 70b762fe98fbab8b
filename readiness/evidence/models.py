"""The evidence library: documents a partnership supplies, their passages, and how they
align to the framework's lines of enquiry."""

from django.conf import settings
from django.db import models

from readiness.frameworks.models import LineOfEnquiry
from readiness.lib.jobs import Job
from readiness.reviews.models import Agency, Review


class EveryRow(models.Manager):
    """Removed documents (and their alignments) too: restoring, the audit trail, ingest."""


class CurrentDocuments(models.Manager):
    """Documents not removed: what every list, analysis, search and export reads."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(removed_at__isnull=True)


class EvidenceDocument(models.Model):
    """One document, whatever the number of places it was supplied from (its sources).

    A removed document keeps its row, passages and alignments (the audit trail) so that a
    lead can restore it; `objects` never returns it, `with_removed` does."""

    OK, NEEDS_OCR = "ok", "needs_ocr"
    STATUSES = [(OK, "Text extracted"), (NEEDS_OCR, "No text: needs OCR")]
    OUTCOMES, PROCESS = "outcomes", "process"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="documents")
    content_hash = models.CharField(max_length=64)
    title = models.CharField(max_length=300)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    document_date = models.DateField(null=True, blank=True)
    # Where the date came from (domain/dating.py: title, text, sent, metadata, person) and
    # what was set aside on the way (a metadata default, say), shown on the document's page.
    date_source = models.CharField(max_length=10, blank=True)
    date_note = models.CharField(max_length=300, blank=True)
    file_type = models.CharField(max_length=10)
    size_bytes = models.PositiveBigIntegerField()
    page_count = models.PositiveIntegerField(default=0)
    text_chars = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=12, choices=STATUSES, default=OK)
    warnings = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=40, blank=True)
    kind_label = models.CharField(max_length=80, blank=True)
    kind_score = models.FloatField(default=0)
    focus = models.CharField(max_length=10, blank=True)
    focus_score = models.FloatField(default=0)
    focus_words = models.JSONField(default=list, blank=True)
    # ILACS judgement areas the document speaks to, as [[area, probability], ...].
    areas = models.JSONField(default=list, blank=True)
    # Why the file is covering material (a covering e-mail, a contents list, an agenda, a
    # blank template), or "": covering material never counts as evidence by itself.
    covering = models.CharField(max_length=200, blank=True)
    # Fields a person corrected (title, document_date, kind, focus, agency): a later run of
    # the machine never overwrites them.
    corrected = models.JSONField(default=list, blank=True)
    ordered_by_line = models.BooleanField(
        default=False, help_text="Supplied in a folder named after a line of enquiry."
    )
    fingerprint = models.CharField(max_length=16, blank=True, help_text="SimHash of the text.")
    near_duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    near_duplicate_similarity = models.FloatField(null=True, blank=True)
    stored_name = models.CharField(max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CurrentDocuments()
    with_removed = EveryRow()

    class Meta:
        ordering = ["review", "title", "id"]
        # Following a link (an alignment's document, a change's document) still finds a
        # removed document; only queries through `objects` leave it out.
        base_manager_name = "with_removed"
        constraints = [
            models.UniqueConstraint(fields=["review", "content_hash"], name="one_copy_per_review"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_shown(self) -> str:
        return kind_shown(self.kind_label, self.kind_score, "kind" in self.corrected)


def kind_shown(label: str, score: float, corrected: bool) -> str:
    """The type as pages and exports show it: a guess below UNSURE_BELOW says "unsure"."""
    from .domain.doctype import UNSURE_BELOW

    if label and not corrected and score < UNSURE_BELOW:
        return f"{label} (unsure)"
    return label


class DocumentSource(models.Model):
    """Where a document came from: the same file sent twice is one document, two sources."""

    document = models.ForeignKey(EvidenceDocument, on_delete=models.CASCADE, related_name="sources")
    path = models.CharField(max_length=500)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "path"]
        constraints = [
            models.UniqueConstraint(fields=["document", "path"], name="one_source_per_path"),
        ]


class RejectedFile(models.Model):
    """A file that could not be used, with the reason. Kept so the partnership can fix it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="rejected_files")
    path = models.CharField(max_length=500)
    content_hash = models.CharField(max_length=64)
    reason = models.TextField()
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL)
    seen_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["review", "path"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "path", "content_hash"], name="one_rejection_per_file"
            ),
        ]


class Passage(models.Model):
    document = models.ForeignKey(
        EvidenceDocument, on_delete=models.CASCADE, related_name="passages"
    )
    position = models.PositiveIntegerField()
    page = models.PositiveIntegerField()
    paragraph = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="unique_passage"),
        ]

    @property
    def reference(self) -> str:
        return f"p.{self.page} ¶{self.paragraph}"


class CurrentAlignments(models.Manager):
    """Alignments of documents not removed."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(document__removed_at__isnull=True)


class Alignment(models.Model):
    """A document supports a line of enquiry. The machine suggests; people decide, and a
    person's decision is never overwritten."""

    SUGGESTED, CONFIRMED, REJECTED = "suggested", "confirmed", "rejected"
    STATUSES = [(SUGGESTED, "Suggested"), (CONFIRMED, "Confirmed"), (REJECTED, "Rejected")]

    document = models.ForeignKey(
        EvidenceDocument, on_delete=models.CASCADE, related_name="alignments"
    )
    line_of_enquiry = models.ForeignKey(
        LineOfEnquiry, on_delete=models.CASCADE, related_name="alignments"
    )
    confidence = models.FloatField()
    below_threshold = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = CurrentAlignments()
    with_removed = EveryRow()

    class Meta:
        ordering = ["document", "-confidence"]
        base_manager_name = "with_removed"
        constraints = [
            models.UniqueConstraint(
                fields=["document", "line_of_enquiry"], name="one_alignment_per_line"
            ),
        ]


class DocumentChange(models.Model):
    """A person's correction of what the machine read from a document, kept as history."""

    document = models.ForeignKey(EvidenceDocument, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=20)
    before = models.CharField(max_length=300, blank=True)
    after = models.CharField(max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "-changed_at", "-id"]


class IngestJob(Job):
    """Files uploaded through the web, ingested by a worker (evidence/jobs.py).

    The files wait in a folder of their own under the data directory; the job records what
    happened to each as it goes, in the same transaction as the file's own rows, so a worker
    killed part-way and a new one starting again end where one clean run would."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="ingest_jobs")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL)
    # The uploads as the partnership named them, in order: [[stored file name, name], …].
    uploads = models.JSONField(default=list)
    report = models.JSONField(default=dict)  # the IngestReport so far, as plain data

    class Meta(Job.Meta):
        pass

    def __str__(self) -> str:
        return f"Upload {self.id} to {self.review}"


class RealignJob(Job):
    """Every document of a review aligned again to the lines of enquiry, by a worker
    (evidence/jobs.py), after a change of framework wording or of the model, or to learn
    from people's decisions. Each document's suggestions and the job's place are saved in
    one transaction, so a worker killed part-way leaves it to go on from the next document."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="realign_jobs")
    last_document_id = models.PositiveBigIntegerField(default=0)  # where a new run goes on

    class Meta(Job.Meta):
        pass

    def __str__(self) -> str:
        return f"Realignment {self.id} of {self.review}"
