"""The evidence index and pack: per line of enquiry, an ordered, signposted list of the
documents that show it (one line each on what it shows). One function per format, all from
`evidence_index`."""

from __future__ import annotations

import html
import io
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import date

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment as CellAlignment
from openpyxl.styles import Font

from readiness.frameworks.models import LineOfEnquiry
from readiness.lib.fonts import name_in_word
from readiness.lib.printing import html_to_pdf
from readiness.lib.text import spreadsheet_row
from readiness.narratives.domain.approval import current as current_version
from readiness.reviews.models import Review

from . import storage
from .domain.confidence import confidence_word
from .domain.shows import what_it_shows
from .models import Alignment

SAFE_NAME = re.compile(r"[^A-Za-z0-9 ._()-]+")


@dataclass(frozen=True)
class IndexEntry:
    document_id: int
    title: str
    agency: str
    document_date: date | None
    kind: str
    status: str  # confirmed or suggested
    confidence: float
    shows: str
    file_type: str
    content_hash: str

    @property
    def strength(self) -> str:
        """ "confirmed", or the machine's confidence in words ("strong suggestion")."""
        if self.status == "confirmed":
            return "confirmed"
        return f"{confidence_word(self.confidence, below_threshold=False)} suggestion"


@dataclass
class IndexLine:
    number: str  # e.g. "2.3"
    judgement: str
    question: str
    entries: list[IndexEntry] = field(default_factory=list)


@dataclass(frozen=True)
class EvidenceIndex:
    review: str
    area: str
    framework: str
    lines: tuple[IndexLine, ...]
    # judgement title -> the partnership's narratives on it ("A12: title (version 3)")
    narratives: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return len({e.document_id for line in self.lines for e in line.entries})


def evidence_index(review: Review) -> EvidenceIndex:
    lines = list(
        LineOfEnquiry.objects.filter(judgement__framework=review.framework)
        .select_related("judgement")
        .order_by("judgement__position", "position")
    )
    numbered: dict[int, IndexLine] = {}
    judgement_numbers: dict[int, int] = {}
    for line in lines:
        j = judgement_numbers.setdefault(line.judgement_id, len(judgement_numbers) + 1)
        numbered[line.id] = IndexLine(
            f"{j}.{line.position + 1}", line.judgement.title, line.question
        )
    alignments = (
        Alignment.objects.filter(document__review=review)
        .exclude(status=Alignment.REJECTED)
        .exclude(status=Alignment.SUGGESTED, below_threshold=True)
        # Covering material counts only where a person confirmed it (domain/covering.py).
        .exclude(status=Alignment.SUGGESTED, document__covering__gt="")
        .select_related("document__agency")
        .order_by("-status", "-confidence", "document__title")
    )
    for alignment in alignments:
        document = alignment.document
        reasons = alignment.reasons or []
        numbered[alignment.line_of_enquiry_id].entries.append(
            IndexEntry(
                document_id=document.id,
                title=document.title,
                agency=document.agency.name if document.agency else "No agency",
                document_date=document.document_date,
                kind=document.kind_shown,
                status=alignment.status,
                confidence=alignment.confidence,
                shows=what_it_shows(reasons),
                file_type=document.file_type,
                content_hash=document.content_hash,
            )
        )
    return EvidenceIndex(
        review=review.name,
        area=review.area,
        framework=review.framework.short_name,
        lines=tuple(numbered[line.id] for line in lines),
        narratives=_narratives_by_judgement(review, lines),
    )


def _narratives_by_judgement(review: Review, lines: list) -> dict[str, tuple[str, ...]]:
    """Narratives come first under the judgements they speak to: a short account with
    current data is what the founding review asked partners to lead with (A14)."""
    from readiness.narratives.models import Narrative

    titles = {line.judgement.published_key or line.judgement.key: line.judgement.title
              for line in lines}  # fmt: skip
    found: dict[str, list[str]] = {}
    narratives = Narrative.objects.filter(review=review).prefetch_related("versions__documents")
    for narrative in narratives:
        version = current_version(narrative.versions.all())
        if version is None:
            continue
        label = f"{narrative.action_point + ': ' if narrative.action_point else ''}" + (
            f"{version.title} (narrative, version {version.number})"
        )
        linked = sorted(d.title for d in version.documents.all())
        if linked:  # the documents it links, so the index leads from one to the other
            label += "; evidence: " + "; ".join(linked)
        for area in narrative.judgement_areas:
            if area in titles:
                found.setdefault(titles[area], []).append(label)
    return {title: tuple(items) for title, items in found.items()}


def _when(value: date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "undated"


def _describe(entry: IndexEntry) -> str:
    return f"{entry.agency}, {entry.kind or entry.file_type}, {_when(entry.document_date)}"


def to_docx(index: EvidenceIndex) -> bytes:
    document = Document()
    name_in_word(document)
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(f"Evidence index: {index.area}", level=0)
    document.add_paragraph(
        f"{index.review}. Framework: {index.framework}. {index.documents} documents, ordered "
        "by line of enquiry; each says what it is meant to show."
    )
    current = None
    for line in index.lines:
        if line.judgement != current:
            document.add_heading(line.judgement, level=1)
            current = line.judgement
            for narrative in index.narratives.get(line.judgement, ()):
                document.add_paragraph(narrative, style="List Bullet")
        document.add_heading(f"{line.number} {line.question}", level=2)
        if not line.entries:
            document.add_paragraph("No evidence yet.", style="Intense Quote")
        for entry in line.entries:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(entry.title).bold = True
            paragraph.add_run(
                f" ({_describe(entry)}; {entry.strength}, {entry.confidence:.2f}). "
                f"Shows: {entry.shows}"
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_xlsx(index: EvidenceIndex) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Evidence index"
    header = [
        "Number",
        "Judgement",
        "Line of enquiry",
        "Document",
        "Agency",
        "Date",
        "Type",
        "Status",
        "Confidence",
        "What it shows",
    ]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for judgement, narratives in index.narratives.items():
        for narrative in narratives:
            sheet.append(spreadsheet_row(["", judgement, "Narrative", narrative]))
    for line in index.lines:
        for entry in line.entries or [None]:
            if entry is None:
                sheet.append(
                    spreadsheet_row([line.number, line.judgement, line.question, "No evidence yet"])
                )
                continue
            # Every text cell, the agency's name included, is written as text: a name or
            # title that starts like a formula must never become a live one.
            sheet.append(
                spreadsheet_row(
                    [
                        line.number,
                        line.judgement,
                        line.question,
                        entry.title,
                        entry.agency,
                        entry.document_date,
                        entry.kind,
                        entry.strength,
                        round(entry.confidence, 2),
                        entry.shows,
                    ]
                )
            )
    for column, width in zip("ABCDEFGHIJ", (8, 30, 50, 40, 25, 12, 20, 11, 11, 70), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = CellAlignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_html(index: EvidenceIndex) -> bytes:
    e = html.escape
    parts = [
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">',
        f"<title>Evidence index: {e(index.area)}</title></head><body><main>",
        f'<h1 class="print-title">Evidence index: {e(index.area)}</h1>',
        f"<p>{e(index.review)}. Framework: {e(index.framework)}. {index.documents} documents.</p>",
    ]
    current = None
    for line in index.lines:
        if line.judgement != current:
            parts.append(f"<h2>{e(line.judgement)}</h2>")
            current = line.judgement
            narratives = index.narratives.get(line.judgement, ())
            if narratives:
                parts.append(
                    "<p>Narratives:</p><ul>"
                    + "".join(f"<li>{e(n)}</li>" for n in narratives)
                    + "</ul>"
                )
        parts.append(f"<h3>{e(line.number)} {e(line.question)}</h3><ul>")
        if not line.entries:
            parts.append("<li>No evidence yet.</li>")
        for entry in line.entries:
            parts.append(
                f"<li><strong>{e(entry.title)}</strong> ({e(_describe(entry))}; "
                f"{entry.strength}, {entry.confidence:.2f}). "
                f"Shows: {e(entry.shows)}</li>"
            )
        parts.append("</ul>")
    parts.append("</main></body></html>")
    return "".join(parts).encode()


def to_pdf(index: EvidenceIndex) -> bytes:
    """The web page printed: tagged PDF with the running title and page x of y."""
    return html_to_pdf(to_html(index).decode())


def pack_name(line: IndexLine, position: int, entry: IndexEntry) -> str:
    folder = SAFE_NAME.sub("", f"{line.number} {line.question}")[:80].strip()
    title = SAFE_NAME.sub("", entry.title)[:80].strip() or "document"
    return f"{folder}/{position:02d} {title}.{entry.file_type}"


def to_zip(index: EvidenceIndex) -> bytes:
    """The evidence pack: the files foldered and renamed by line of enquiry, with the
    index at the top."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("00 Evidence index.html", to_html(index))
        for line in index.lines:
            for position, entry in enumerate(line.entries, start=1):
                try:
                    handle = storage.open_verified(entry.content_hash)
                except FileNotFoundError:
                    continue
                with handle, archive.open(pack_name(line, position, entry), "w") as out:
                    shutil.copyfileobj(handle, out, storage.CHUNK)
    return buffer.getvalue()
