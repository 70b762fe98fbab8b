"""Text from untrusted files: `extract(name, data)` gives `Extracted` or raises `Rejected`
with a sentence a reviewer understands.

The type is judged from the bytes (`sniff`), never trusted from the name; a file whose
name says otherwise is read as what it is, with a warning. Every reader works from
memory, runs nothing the file contains, and is capped by `Limits`; anything a reader
did not foresee becomes a `Rejected`, so one odd file never stops a batch.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ..types import Extracted, Limits, Page, Rejected
from . import ocr
from .docx import read_docx
from .eml import read_eml
from .html import read_html
from .pdf import read_pdf
from .pptx import read_pptx
from .safety import check_file_size
from .sniff import (
    ENCRYPTED_OFFICE,
    EXTENSION_FAMILY,
    IMAGES,
    SUPPORTED,
    UNSUPPORTED,
    extension,
    family,
    sniff,
)
from .text import read_csv, read_md, read_txt
from .xlsx import read_xlsx


def read_image(data: bytes, limits: Limits) -> Extracted:
    """A picture of a page (a scan or a photo), read by OCR; kept as needing OCR, with the
    reason, when Tesseract is not installed."""
    kind = sniff("", data)
    missing = ocr.missing_reason()
    if missing:
        return Extracted(kind, (Page(1, ""),), needs_ocr=True, warnings=(missing,))
    pages = tuple(ocr.ocr_image(data, limits))
    if not any(page.text.strip() for page in pages):
        return Extracted(
            kind, pages or (Page(1, ""),), needs_ocr=True, warnings=("OCR found no text.",)
        )
    return Extracted(kind, pages, warnings=("Read by OCR: check quotations against the original.",))


__all__ = ["IMAGES", "SUPPORTED", "extract", "sniff"]

READERS: dict[str, Callable[[bytes, Limits], Extracted]] = {
    "pdf": read_pdf,
    "docx": read_docx,
    "xlsx": read_xlsx,
    "pptx": read_pptx,
    "html": read_html,
    "eml": read_eml,
    "csv": read_csv,
    "txt": read_txt,
    "md": read_md,
    **dict.fromkeys(IMAGES, read_image),
}

# How each type is named in a sentence: "the content is a PDF: read as a PDF."
DESCRIPTION = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "xlsx": "an Excel workbook",
    "pptx": "a PowerPoint presentation",
    "html": "HTML",
    "eml": "an e-mail",
    "csv": "text",
    "txt": "text",
    "md": "text",
    **{kind: f"an image ({kind.upper()})" for kind in IMAGES},
}

EMPTY = "The file is empty."
NO_TEXT = "The file has no text in it."
ENCRYPTED = "The Office file is password-protected: ask the agency for an unprotected copy."

# Control characters other than tab and newline only upset later steps (and XML exports).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffe\uffff]")
_TITLE_TYPES = {"pdf", "docx", "pptx", "md"}


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _truncate(pages: tuple[Page, ...], limit: int) -> tuple[tuple[Page, ...], bool]:
    kept: list[Page] = []
    used = 0
    for page in pages:
        if used + len(page.text) > limit:
            kept.append(Page(page.number, page.text[: max(limit - used, 0)]))
            return tuple(kept), True
        kept.append(page)
        used += len(page.text)
    return tuple(kept), False


def _title_from_text(text: str) -> str | None:
    """A short first line that reads like a title (no closing full stop)."""
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            if 3 <= len(line) <= 120 and line[-1] not in ".,;:" and re.search("[A-Za-z]", line):
                return line
            return None
    return None


def extract(name: str, data: bytes, limits: Limits = Limits()) -> Extracted:  # noqa: B008
    """Read `data` (a file called `name`) into pages of text, or raise `Rejected`."""
    if not data.strip():
        raise Rejected(EMPTY)
    check_file_size(data, limits)
    try:
        kind = sniff(name, data)
    except Exception:  # sniffing reads untrusted structure too; a surprise means "unknown"
        kind = "binary"
    if kind == ENCRYPTED_OFFICE:
        raise Rejected(ENCRYPTED)
    if kind not in READERS:
        raise Rejected(f"Not a supported file type (looks like {UNSUPPORTED[kind]}).")
    warnings: list[str] = []
    suffix = extension(name)
    if EXTENSION_FAMILY.get(suffix, family(kind)) != family(kind):
        warnings.append(
            f"Named {suffix} but the content is {DESCRIPTION[kind]}: read as {DESCRIPTION[kind]}."
        )
    try:
        extracted = READERS[kind](data, limits)
    except Rejected:
        raise
    except RecursionError as error:
        raise Rejected(f"The file is nested too deeply to read as {DESCRIPTION[kind]}.") from error
    except Exception as error:  # a parser's surprise must not stop the batch
        raise Rejected(
            f"The file could not be read as {DESCRIPTION[kind]}: it may be damaged "
            f"({type(error).__name__})."
        ) from error
    pages = tuple(Page(page.number, _clean(page.text)) for page in extracted.pages)
    pages, truncated = _truncate(pages, limits.max_text_chars)
    if truncated:
        warnings.append(
            f"The text was cut at {limits.max_text_chars:,} characters: the rest was not read."
        )
    text = "\n\n".join(page.text for page in pages)
    if not text.strip() and not extracted.needs_ocr and not extracted.attachments:
        raise Rejected(NO_TEXT)
    title = extracted.title
    if title is None and kind in _TITLE_TYPES:
        title = _title_from_text(text)
    return dataclasses.replace(
        extracted,
        pages=pages,
        title=_clean(title).strip() if title else None,
        date=extracted.date,
        warnings=tuple(warnings) + extracted.warnings,
    )
