"""Plain records shared by the evidence library's domain modules.

Extraction turns untrusted bytes into `Extracted`; splitting turns that into passages;
alignment scores passages against lines of enquiry; classification says what kind of
document it is. None of these modules import Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class Rejected(Exception):
    """A file that cannot be used. `reason` is a sentence a reviewer understands, e.g.
    "The PDF is encrypted: ask the agency for an unprotected copy."."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * 1024 * 1024
    max_decompressed_bytes: int = 200 * 1024 * 1024  # all members of an Office/zip file
    max_pages: int = 2000
    max_text_chars: int = 5_000_000
    max_attachments: int = 50
    # A plain zip sent as evidence: all its files together once expanded, and how many.
    max_archive_bytes: int = 500 * 1024 * 1024
    max_archive_members: int = 2000
    max_ocr_pages: int = 30  # scanned pages read by OCR per file (seconds each)


@dataclass(frozen=True)
class Page:
    number: int  # 1-based; sheets and slides count as pages
    text: str


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes


@dataclass(frozen=True)
class Extracted:
    file_type: str  # pdf, docx, xlsx, csv, pptx, html, txt, md, eml
    pages: tuple[Page, ...]
    title: str | None = None
    # From the file's metadata (an e-mail: its Date header); domain/dating.py weighs it
    # against the dates the document states about itself.
    date: date | None = None
    needs_ocr: bool = False  # a PDF with no text layer
    attachments: tuple[Attachment, ...] = ()
    warnings: tuple[str, ...] = ()  # e.g. "Named .pdf but the content is HTML: read as HTML."

    @property
    def text(self) -> str:
        return "\n\n".join(page.text for page in self.pages)


@dataclass(frozen=True)
class PassageText:
    position: int  # 0-based order in the document
    page: int  # 1-based page (or sheet, slide)
    paragraph: int  # 1-based paragraph within the page
    text: str

    @property
    def reference(self) -> str:
        return f"p.{self.page} ¶{self.paragraph}"


@dataclass(frozen=True)
class LineText:
    """A line of enquiry as the aligner sees it: the framework's own words."""

    key: str
    judgement_key: str
    judgement_title: str
    question: str
    descriptors: tuple[str, ...] = ()
    typical_evidence: tuple[str, ...] = ()
    area: str = ""  # published judgement area, e.g. help_and_protection (for the trained model)
    judgement_summary: str = ""  # the judgement's summary: more of the framework's words
    judgement_kind: str = ""  # "headline", "composite" or "single"


@dataclass(frozen=True)
class Feedback:
    """A person's decision on a document's alignment, learned from."""

    text: str
    line_key: str
    confirmed: bool


@dataclass(frozen=True)
class ScoredLine:
    line_key: str
    score: float  # 0..1, comparable across documents of one framework


@dataclass(frozen=True)
class DocumentAlignment:
    line_key: str
    confidence: float  # 0..1
    suggested_only: bool  # below the threshold: a suggestion, not a fact
    reasons: tuple[str, ...] = field(default_factory=tuple)  # "p.4 ¶2: '…'"
