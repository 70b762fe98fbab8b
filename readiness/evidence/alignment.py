"""The review-side of alignment: builds the aligner from the review's framework and the
decisions people have made, and stores its suggestions without touching those decisions."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from readiness.frameworks.models import Framework, LineOfEnquiry
from readiness.reviews.models import Review

from .domain.align import Aligner, align_document
from .domain.types import DocumentAlignment, Feedback, LineText, PassageText
from .models import Alignment, EvidenceDocument, Passage

WORDS = re.compile(r"[a-z]{3,}")
STOP = {"and", "the", "for", "with", "who", "need", "how", "are", "what", "does", "that"}


def framework_spec_lines(framework: Framework) -> list[LineText]:
    return framework_line_texts(framework)[0]


def framework_line_texts(
    framework: Framework,
) -> tuple[list[LineText], dict[str, LineOfEnquiry]]:
    lines = (
        LineOfEnquiry.objects.filter(judgement__framework=framework)
        .select_related("judgement")
        .prefetch_related("descriptors")
        .order_by("judgement__position", "position")
    )
    texts, rows = [], {}
    for line in lines:
        texts.append(
            LineText(
                key=line.key,
                judgement_key=line.judgement.key,
                judgement_title=line.judgement.title,
                question=line.question,
                descriptors=tuple(d.text for d in line.descriptors.all()),
                typical_evidence=tuple(line.typical_evidence),
                area=line.judgement.published_key,
                judgement_kind=line.judgement.kind,
            )
        )
        rows[line.key] = line
    return texts, rows


def review_feedback(review: Review) -> list[Feedback]:
    """People's decisions, as text the aligner can learn from: the passages that
    justified each confirmed or rejected alignment."""
    decided = (
        Alignment.objects.filter(document__review=review)
        .exclude(status=Alignment.SUGGESTED)
        .select_related("line_of_enquiry")
    )
    feedback = []
    for alignment in decided:
        text = " ".join(str(reason) for reason in alignment.reasons)
        if text:
            feedback.append(
                Feedback(
                    text=text,
                    line_key=alignment.line_of_enquiry.key,
                    confirmed=alignment.status == Alignment.CONFIRMED,
                )
            )
    return feedback


class ReviewAligner:
    def __init__(self, review: Review):
        self.review = review
        self.lines, self.rows = framework_line_texts(review.framework)
        self.aligner = Aligner(self.lines, feedback=review_feedback(review))
        self._folder_words = [
            (set(WORDS.findall(f"{line.judgement_title} {line.question}".lower())) - STOP)
            for line in self.lines
        ]

    def align(self, passages: Sequence[PassageText]) -> list[DocumentAlignment]:
        if not passages or not self.lines:
            return []
        return align_document(self.aligner, passages)

    def folder_names_a_line(self, path: str) -> bool:
        """True when a folder on the path is named after a line of enquiry or judgement,
        e.g. 'Help and protection - front door'."""
        for folder in PurePosixPath(path).parts[:-1]:
            words = set(WORDS.findall(folder.lower())) - STOP
            if len(words) >= 2 and any(len(words & line) >= 2 for line in self._folder_words):
                return True
        return False

    def store(self, document: EvidenceDocument, alignments: Sequence[DocumentAlignment]) -> None:
        """Create or refresh the machine's suggestions; confirmed and rejected stay as
        people left them."""
        decided = set(
            Alignment.objects.filter(document=document)
            .exclude(status=Alignment.SUGGESTED)
            .values_list("line_of_enquiry__key", flat=True)
        )
        Alignment.objects.filter(document=document, status=Alignment.SUGGESTED).delete()
        Alignment.objects.bulk_create(
            Alignment(
                document=document,
                line_of_enquiry=self.rows[item.line_key],
                confidence=round(item.confidence, 4),
                below_threshold=item.suggested_only,
                reasons=list(item.reasons),
            )
            for item in alignments
            if item.line_key in self.rows and item.line_key not in decided
        )


def realign_review(
    review: Review,
    *,
    after: int = 0,
    on_document: Callable[[EvidenceDocument], None] | None = None,
) -> int:
    """Recompute every document's suggestions (those with an id above AFTER, in id order),
    learning from people's decisions. ON_DOCUMENT runs inside each document's transaction:
    a background job saves its place there."""
    aligner = ReviewAligner(review)
    documents = (
        EvidenceDocument.objects.filter(review=review, id__gt=after)
        .order_by("id")
        .prefetch_related("passages")
    )
    count = 0
    for document in documents:
        passages = [
            PassageText(p.position, p.page, p.paragraph, p.text) for p in document.passages.all()
        ]
        with transaction.atomic():
            aligner.store(document, aligner.align(passages))
            if on_document is not None:
                on_document(document)
        count += 1
    return count


def decide(alignment: Alignment, user: object, confirmed: bool) -> None:
    alignment.status = Alignment.CONFIRMED if confirmed else Alignment.REJECTED
    alignment.decided_by = user
    alignment.decided_at = timezone.now()
    alignment.save(update_fields=["status", "decided_by", "decided_at"])


def confirm_line(document: EvidenceDocument, line: LineOfEnquiry, user: object) -> Alignment:
    """A person adds an alignment the machine did not suggest."""
    alignment, _ = Alignment.objects.get_or_create(
        document=document,
        line_of_enquiry=line,
        defaults={"confidence": 0.0, "reasons": []},
    )
    decide(alignment, user, confirmed=True)
    return alignment


def passages_of(document: EvidenceDocument) -> list[Passage]:
    return list(document.passages.all())


def decide_many(alignments: QuerySet[Alignment], user: object, confirmed: bool) -> int:
    """A person's decision on several alignments at once (the bulk review); returns how
    many were decided."""
    return alignments.update(
        status=Alignment.CONFIRMED if confirmed else Alignment.REJECTED,
        decided_by=user,
        decided_at=timezone.now(),
    )
