"""The personal data check at the door: what each export would send out, the hits in it,
and a lead's confirmation that lets it leave. Views and commands call `check_export` before
writing an evidence index, an evidence pack, a report or a self-evaluation."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from readiness.evidence.audit import audit
from readiness.reviews.domain.roles import LEAD
from readiness.reviews.models import Membership, Review

from .domain.personal_data import Hit, Source, scan
from .models import ExportConfirmation

EXPORT_NAMES = dict(ExportConfirmation.EXPORTS)


class NotALead(Exception):
    """Only a review's lead may let personal details leave."""


class HitsChanged(Exception):
    """The export's hits are not the ones the lead was shown."""


@dataclass(frozen=True)
class ExportCheck:
    export: str
    hits: list[Hit]
    fingerprint: str
    confirmation: ExportConfirmation | None

    @property
    def cleared(self) -> bool:
        """Nothing found, or a lead confirmed exactly what is found now."""
        return not self.hits or self.confirmation is not None

    @property
    def name(self) -> str:
        return EXPORT_NAMES[self.export]


def export_for_index_format(fmt: str) -> str:
    """The pack (zip) carries the documents themselves; the other formats only the index."""
    if fmt == "zip":
        return ExportConfirmation.EVIDENCE_PACK
    return ExportConfirmation.EVIDENCE_INDEX


def _index_sources(review: Review) -> tuple[list[Source], set[int]]:
    from readiness.evidence.index_exports import evidence_index

    index = evidence_index(review)
    sources, documents = [], set()
    for judgement, narratives in index.narratives.items():
        sources += [Source(f"Narratives on {judgement}", None, text) for text in narratives]
    for line in index.lines:
        for entry in line.entries:
            documents.add(entry.document_id)
            where = f"{entry.title}, as the index quotes it"
            sources.append(Source(where, None, f"{entry.title}\n{entry.shows}"))
    return sources, documents


def _passages(document_ids: set[int]) -> Iterator[Source]:
    from readiness.evidence.models import Passage

    rows = (
        Passage.objects.filter(document_id__in=document_ids)
        .order_by("document_id", "position")
        .values_list("document__title", "page", "text")
    )
    for title, page, text in rows.iterator(chunk_size=2000):
        yield Source(title, page, text)


def _report_sources(review: Review) -> Iterator[Source]:
    """The report's words, section by section: a report has no pages until it is drawn, so
    a hit is placed by the heading it falls under."""
    from readiness.reports.domain import document as doc
    from readiness.reports.services import report_document

    report = report_document(review).document
    section = report.title
    yield Source("Readiness report", None, f"{report.title}\n{report.subtitle}")
    for block in report.blocks:
        if isinstance(block, doc.Heading):
            section = block.text
            text = block.text
        elif isinstance(block, doc.Paragraph | doc.Note):
            text = doc.plain(block.content)
        elif isinstance(block, doc.BulletList):
            text = "\n".join(doc.plain(item) for item in block.items)
        elif isinstance(block, doc.Item):
            text = "\n".join((block.text, *block.guidance))
        elif isinstance(block, doc.Table):
            cells = [block.caption, *block.header]
            for row in block.rows:
                cells += [c if isinstance(c, str) else doc.plain(c) for c in row]
            text = "\n".join(cells)
        else:
            continue
        yield Source(f"Readiness report, section “{section}”", None, text)


def sources_for(review: Review, export: str) -> list[Source]:
    """Everything EXPORT would send out, as text with its document and page."""
    if export == ExportConfirmation.REPORT:
        return list(_report_sources(review))
    sources, documents = _index_sources(review)
    if export == ExportConfirmation.EVIDENCE_PACK:
        sources += list(_passages(documents))
    return sources


def fingerprint(hits: list[Hit]) -> str:
    lines = sorted(f"{h.kind}\t{h.value}\t{h.document}\t{h.page}" for h in hits)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def check_export(review: Review, export: str) -> ExportCheck:
    hits = scan(sources_for(review, export))
    mark = fingerprint(hits)
    confirmation = None
    if hits:
        confirmation = (
            ExportConfirmation.objects.filter(review=review, export=export, fingerprint=mark)
            .select_related("confirmed_by")
            .first()
        )
    return ExportCheck(export, hits, mark, confirmation)


def confirm_export(
    review: Review, export: str, user, shown: str, via: str = ExportConfirmation.WEB
) -> ExportConfirmation:
    """Record that USER, the review's lead, let EXPORT leave with the hits whose fingerprint
    SHOWN they were shown. Raises NotALead or HitsChanged and records nothing."""
    if not Membership.objects.filter(review=review, user=user, role=LEAD).exists():
        raise NotALead(f"Only a lead of {review.name} may confirm personal data in an export.")
    check = check_export(review, export)
    if check.fingerprint != shown:
        raise HitsChanged(
            f"What {check.name} holds has changed since the check was shown: check it again."
        )
    confirmation = ExportConfirmation.objects.create(
        review=review,
        export=export,
        fingerprint=check.fingerprint,
        hits=len(check.hits),
        confirmed_by=user,
        via=via,
    )
    audit.info(
        "personal data confirmed",
        extra={"user": user.pk, "review": review.id, "export": export,
               "hits": len(check.hits)},
    )  # fmt: skip
    return confirmation


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def describe_hit(hit: Hit) -> str:
    where = hit.document if hit.page is None else f"{hit.document}, page {hit.page}"
    return f"{where}: {hit.kind} “{hit.value}” in “…{hit.context}…”"
