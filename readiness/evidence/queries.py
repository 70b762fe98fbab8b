"""Read the evidence library as plain data, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.domain.roles import SEE_ALL_EVIDENCE, may
from readiness.reviews.models import Membership, Review

from .domain.align.document import THRESHOLD as ALIGNMENT_THRESHOLD
from .domain.analyses import AgencyFacts, Analysis, DocumentFacts, LineFacts, analyse
from .domain.confidence import confidence_title, confidence_word
from .domain.stale import DocumentAge, measured_to, stale_documents, stated_review_date
from .models import Alignment, EvidenceDocument, Passage, kind_shown

SHOWN_PER_LINE = 10


# What a row of a line's evidence shows of an alignment and its document (by_line and the
# evidence review read the same).
ALIGNMENT_ROW_FIELDS = (
    "confidence", "status", "below_threshold", "reasons", "document_id", "document__title",
    "document__agency__name", "document__kind_label", "document__kind_score",
    "document__corrected", "document__covering", "document__focus", "document__document_date",
)  # fmt: skip


def visible_documents(review: Review, membership: Membership) -> QuerySet[EvidenceDocument]:
    """Everything for those who see all evidence; a contributor's own agency's otherwise."""
    documents = EvidenceDocument.objects.filter(review=review)
    if may(membership.role, SEE_ALL_EVIDENCE):
        return documents
    return documents.filter(agency_id=membership.agency_id or -1)


@dataclass(frozen=True)
class DocumentRow:
    id: int
    title: str
    agency: str
    kind_label: str
    focus: str
    document_date: object
    confidence: float
    status: str
    below_threshold: bool
    shows: str
    covering: bool = False


@dataclass
class LineSummary:
    line: LineOfEnquiry
    confirmed: int = 0
    suggested: int = 0
    weak: int = 0
    rows: list[DocumentRow] | None = None

    @property
    def total(self) -> int:
        return self.confirmed + self.suggested + self.weak


def evidence_by_line(review: Review, membership: Membership) -> list[tuple[object, list]]:
    """[(judgement, [LineSummary…])…] with the strongest documents per line."""
    lines = list(
        LineOfEnquiry.objects.filter(judgement__framework=review.framework)
        .select_related("judgement")
        .order_by("judgement__position", "position")
    )
    # One join to the documents, no default ordering (which would join the review too and
    # sort every alignment for nothing): these two queries are most of the page's cost.
    alignments = (
        Alignment.objects.filter(document__review=review)
        .exclude(status=Alignment.REJECTED)
        .order_by()
    )
    if not may(membership.role, SEE_ALL_EVIDENCE):
        alignments = alignments.filter(document__agency_id=membership.agency_id or -1)
    by_line: dict[int, LineSummary] = {line.id: LineSummary(line, rows=[]) for line in lines}
    # Counts and the strongest few per line are worked out by the database, so the page
    # costs the same two queries at 50 documents or 5,000.
    counts = alignments.values("line_of_enquiry_id").annotate(
        confirmed=Count("id", filter=Q(status=Alignment.CONFIRMED)),
        weak=Count("id", filter=Q(status=Alignment.SUGGESTED, below_threshold=True)),
        suggested=Count("id", filter=Q(status=Alignment.SUGGESTED, below_threshold=False)),
    )
    for item in counts:
        summary = by_line.get(item["line_of_enquiry_id"])
        if summary is not None:
            summary.confirmed, summary.weak = item["confirmed"], item["weak"]
            summary.suggested = item["suggested"]
    # The ranking reads only narrow columns of every alignment; the details (reasons, the
    # document's title and type) are read for the few shown, not for every alignment.
    shown = (
        alignments.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("line_of_enquiry_id")],
                order_by=[F("status").asc(), F("confidence").desc(), F("id").asc()],
            )
        )
        .filter(rank__lte=SHOWN_PER_LINE)
        .values_list("id", "rank")
    )
    ranks = dict(shown)
    strongest = sorted(
        Alignment.objects.filter(id__in=list(ranks)).values(
            "id", "line_of_enquiry_id", *ALIGNMENT_ROW_FIELDS
        ),
        key=lambda item: (item["line_of_enquiry_id"], ranks[item["id"]]),
    )
    for item in strongest:
        summary = by_line.get(item["line_of_enquiry_id"])
        if summary is not None:
            summary.rows.append(_row(item))
    grouped: dict[int, tuple[object, list]] = {}
    for line in lines:
        grouped.setdefault(line.judgement_id, (line.judgement, []))[1].append(by_line[line.id])
    return list(grouped.values())


def _row(item: dict) -> DocumentRow:
    reasons = item["reasons"] or []
    return DocumentRow(
        id=item["document_id"],
        title=item["document__title"],
        agency=item["document__agency__name"] or "No agency",
        kind_label=kind_shown(
            item["document__kind_label"],
            item["document__kind_score"],
            "kind" in (item["document__corrected"] or []),
        ),
        covering=bool(item["document__covering"]),
        focus=item["document__focus"],
        document_date=item["document__document_date"],
        confidence=item["confidence"],
        status=item["status"],
        below_threshold=item["below_threshold"],
        shows=str(reasons[0]) if reasons else "",
    )


def analysis_facts(review: Review) -> tuple[list, list, list]:
    lines = [
        LineFacts(
            key=line.key,
            judgement_key=line.judgement.key,
            judgement_title=line.judgement.title,
            question=line.question,
        )
        for line in LineOfEnquiry.objects.filter(judgement__framework=review.framework)
        .select_related("judgement")
        .order_by("judgement__position", "position")
    ]
    agencies = [AgencyFacts(name=a.name) for a in review.agencies.all()]
    alignments: dict[int, list] = defaultdict(list)
    for item in Alignment.objects.filter(document__review=review).values_list(
        "document_id", "line_of_enquiry__key", "confidence", "status"
    ):
        alignments[item[0]].append((item[1], item[2], item[3]))
    documents = [
        DocumentFacts(
            id=d["id"],
            title=d["title"],
            agency=d["agency__name"] or "",
            kind=d["kind"],
            focus=d["focus"],
            date=d["document_date"],
            ordered_by_line=d["ordered_by_line"],
            alignments=tuple(alignments.get(d["id"], ())),
            covering=d["covering"],
        )
        for d in EvidenceDocument.objects.filter(review=review).values(
            "id",
            "title",
            "agency__name",
            "kind",
            "focus",
            "document_date",
            "ordered_by_line",
            "covering",
        )
    ]
    return lines, agencies, documents


def evidence_for_judgement(
    review: Review, membership: Membership, judgement_id: int, limit: int = 30
) -> list[dict]:
    """Documents confirmed or strongly suggested for the judgement's lines of enquiry,
    for the self-assessment page, grouped by line (each line's question once) and with the
    machine's confidence in words."""
    found = list(
        Alignment.objects.filter(
            document__in=visible_documents(review, membership),
            line_of_enquiry__judgement_id=judgement_id,
        )
        .exclude(status=Alignment.REJECTED)
        .exclude(status=Alignment.SUGGESTED, below_threshold=True)
        .values(
            "document_id",
            "document__title",
            "document__agency__name",
            "status",
            "confidence",
            "below_threshold",
            "line_of_enquiry__question",
            "line_of_enquiry__position",
        )
        .order_by("status", "-confidence", "id")[:limit]
    )
    # The strongest `limit`, shown under their lines in the framework's order.
    found.sort(key=lambda item: item["line_of_enquiry__position"])
    for item in found:
        item["word"] = confidence_word(item["confidence"], item["below_threshold"])
        item["number"] = confidence_title(item["confidence"])
    return found


def review_analysis(
    review: Review, as_of: date | None = None, ages: list[DocumentAge] | None = None
) -> Analysis:
    """Gaps, surfeits, stale evidence and coverage, with the same idea of "strong" as the
    aligner's threshold. Ages are measured from `as_of` when given, else from the review's
    inspection window (its opening), else from today. `ages`: `document_ages(review)` when
    the caller has read them already (the at-a-glance page shares them with the countdown)."""
    from django.conf import settings

    reference = as_of or evidence_reference_date(review)
    lines, agencies, documents = analysis_facts(review)
    return analyse(
        lines,
        agencies,
        documents,
        reference,
        stale_after_days=settings.EVIDENCE_STALE_AFTER_DAYS,
        strong=ALIGNMENT_THRESHOLD,
        stale_documents=stale_documents(
            document_ages(review) if ages is None else ages,
            reference,
            when=measured_to(
                reference,
                window=as_of is None and review.window_starts is not None,
                today=as_of is None and review.window_starts is None,
            ),
            older_than_months=settings.EVIDENCE_STALE_DOCUMENT_MONTHS,
        ),
    )


def evidence_reference_date(review: Review) -> date:
    """The day the evidence's ages are measured from: when inspectors will read it, the
    opening of the review's inspection window; today only for a review with no window."""
    from django.utils import timezone

    return review.window_starts or timezone.localdate()


# A document states its review date in its opening (the title block or the table under it).
REVIEW_DATE_PASSAGES = 8


def document_ages(review: Review) -> list[DocumentAge]:
    """Each document's date, stated review date and near-duplicate, in two queries."""
    stated: dict[int, tuple] = {}
    for document_id, text in (
        Passage.objects.filter(
            document__review=review, position__lt=REVIEW_DATE_PASSAGES, text__icontains="review"
        )
        .order_by("document_id", "position")
        .values_list("document_id", "text")
    ):
        if document_id not in stated:
            found = stated_review_date(text)
            if found is not None:
                stated[document_id] = found
    return [
        DocumentAge(
            id=d["id"],
            title=d["title"],
            agency=d["agency__name"] or "",
            kind=d["kind"],
            date=d["document_date"],
            review_due=stated[d["id"]][0] if d["id"] in stated else None,
            review_due_text=stated[d["id"]][1] if d["id"] in stated else "",
            near_duplicate_of=d["near_duplicate_of_id"],
        )
        for d in EvidenceDocument.objects.filter(review=review)
        .order_by("id")
        .values("id", "title", "agency__name", "kind", "document_date", "near_duplicate_of_id")
    ]


def analysis_json(review: Review, result: Analysis, as_of: date | None = None) -> dict:
    """The analyses as JSON-ready data: the page's twin and `evidence gaps --format json`."""
    return {
        "review": review.id,
        "as_of": (as_of or evidence_reference_date(review)).isoformat(),
        "findings": [
            {
                "kind": f.kind,
                "severity": f.severity,
                "line": f.line_key,
                "agency": f.agency,
                "message": f.message,
                "documents": list(f.document_ids),
            }
            for f in result.findings
        ],
        "stale": [
            {
                "document": s.id,
                "title": s.title,
                "agency": s.agency,
                "date": s.date.isoformat() if s.date else None,
                "severity": s.severity,
                "reasons": list(s.reasons),
            }
            for s in result.stale
        ],
    }


# Reviewing a line's or a judgement's evidence at scale ---------------------------------


@dataclass(frozen=True)
class ReviewFilter:
    """What the reviewer narrowed the list to: an agency, a kind, a focus, unreviewed only."""

    agency_id: int | None = None
    kind: str = ""
    focus: str = ""
    unreviewed: bool = False


@dataclass(frozen=True)
class ReviewRow:
    alignment_id: int
    document_id: int
    title: str
    agency: str
    kind_label: str
    focus: str
    document_date: date | None
    confidence: float
    status: str
    below_threshold: bool
    covering: bool
    shows: str
    line_id: int
    line_question: str

    @property
    def word(self) -> str:
        return confidence_word(self.confidence, self.below_threshold)

    @property
    def number(self) -> str:
        return confidence_title(self.confidence)


def alignments_to_review(
    review: Review, membership: Membership, line_ids: list[int], chosen: ReviewFilter
) -> QuerySet:
    """Every alignment of the visible documents to the given lines, filtered, in line order
    and then strongest first: one query for a page of it, one for the count."""
    alignments = Alignment.objects.filter(
        document__in=visible_documents(review, membership), line_of_enquiry_id__in=line_ids
    )
    if chosen.agency_id is not None:
        alignments = alignments.filter(document__agency_id=chosen.agency_id)
    if chosen.kind:
        alignments = alignments.filter(document__kind=chosen.kind)
    if chosen.focus:
        alignments = alignments.filter(document__focus=chosen.focus)
    if chosen.unreviewed:
        alignments = alignments.filter(status=Alignment.SUGGESTED)
    return alignments.order_by(
        "line_of_enquiry__judgement__position",
        "line_of_enquiry__position",
        "-confidence",
        "id",
    ).values("id", "line_of_enquiry_id", "line_of_enquiry__question", *ALIGNMENT_ROW_FIELDS)


def review_row(item: dict) -> ReviewRow:
    reasons = item["reasons"] or []
    return ReviewRow(
        alignment_id=item["id"],
        document_id=item["document_id"],
        title=item["document__title"],
        agency=item["document__agency__name"] or "No agency",
        kind_label=kind_shown(
            item["document__kind_label"],
            item["document__kind_score"],
            "kind" in (item["document__corrected"] or []),
        ),
        focus=item["document__focus"],
        document_date=item["document__document_date"],
        confidence=item["confidence"],
        status=item["status"],
        below_threshold=item["below_threshold"],
        covering=bool(item["document__covering"]),
        shows=str(reasons[0]) if reasons else "",
        line_id=item["line_of_enquiry_id"],
        line_question=item["line_of_enquiry__question"],
    )


@dataclass(frozen=True)
class NewDocument:
    id: int
    title: str
    agency: str
    kind_label: str
    lines: tuple[tuple[str, float, bool], ...]  # (question, confidence, below threshold)


def new_documents(document_ids: list[int], per_document: int = 3) -> list[NewDocument]:
    """What an upload added, each with the lines of enquiry it matched best, in two
    queries whatever the number of files."""
    documents = EvidenceDocument.objects.filter(id__in=document_ids).select_related("agency")
    best: dict[int, list[tuple[str, float, bool]]] = defaultdict(list)
    for document_id, question, confidence, below in (
        Alignment.objects.filter(document_id__in=document_ids)
        .exclude(status=Alignment.REJECTED)
        .order_by("document_id", "-confidence", "id")
        .values_list("document_id", "line_of_enquiry__question", "confidence", "below_threshold")
    ):
        if len(best[document_id]) < per_document:
            best[document_id].append((question, confidence, below))
    order = {document_id: number for number, document_id in enumerate(document_ids)}
    return [
        NewDocument(
            id=d.id,
            title=d.title,
            agency=d.agency.name if d.agency else "No agency",
            kind_label=d.kind_shown,
            lines=tuple(best.get(d.id, ())),
        )
        for d in sorted(documents, key=lambda d: order[d.id])
    ]
