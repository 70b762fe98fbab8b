"""PDF text with PDFium (pypdfium2): fast, tolerant of damaged files, page numbers kept.

No form environment is initialised, so a PDF's JavaScript and actions never run. PDFium
gives text line by line; lines are rejoined into paragraphs here (a short line that ends
a sentence closes its paragraph), and running headers and footers repeated across pages
are dropped, so that passages are the document's own paragraphs.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..types import Extracted, Limits, Page, Rejected
from . import ocr
from .dates import pdf_date

PASSWORD = "The PDF is password-protected: ask the agency for an unprotected copy."
TRUNCATED = (
    "The PDF is incomplete (it was cut off before its end): ask the agency to send it again."
)
DAMAGED = "The PDF is damaged and cannot be read: ask the agency to send it again."
NO_PAGES = "The PDF has no pages."
SECURITY = "The PDF uses an unsupported kind of protection: ask the agency for an unprotected copy."

# A page with fewer visible characters than this has no real text layer (a scan may
# still carry a stray page number or an invisible OCR crumb).
MIN_PAGE_CHARS = 20
_BULLET = re.compile(
    r"^(?:[•●○◦▪▫■□◼◻◾➢➤►▶→✓✔·*\-–—]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}\))\s"
)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$", re.I
)
_TITLE_JUNK = re.compile(r"^(?:microsoft (?:word|powerpoint|excel) - |untitled\b)", re.I)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise Rejected(PASSWORD) from error
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise Rejected(SECURITY) from error
        raise Rejected(TRUNCATED if _cut_off(data) else DAMAGED) from error


def _cut_off(data: bytes) -> bool:
    # Every complete PDF ends with %%EOF (some writers add a little junk after it).
    return b"%%EOF" not in data[-4096:]


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    # PDFium marks a hyphen it joined across a line break with U+FFFE; pdftotext drops it.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "")


def _edge_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove headers and footers: lines at a page's top or bottom (digits ignored, so
    "Page 3 of 12" matches "Page 4 of 12") found on at least half the pages."""
    if len(pages) < 3:
        return [[line for line in lines if not _PAGE_NUMBER.match(line.strip())] for lines in pages]
    counts: Counter[str] = Counter()
    for lines in pages:
        content = [line for line in lines if line.strip()]
        counts.update({_edge_key(line) for line in content[:2] + content[-2:]})
    threshold = max(3, math.ceil(len(pages) / 2))
    running = {key for key, count in counts.items() if count >= threshold}

    def boring(line: str) -> bool:
        stripped = line.strip()
        return not stripped or _edge_key(stripped) in running or bool(_PAGE_NUMBER.match(stripped))

    cleaned = []
    for number, lines in enumerate(pages):
        start, end = 0, len(lines)
        # The first page keeps its top lines: there the "header" is usually the title.
        while number and start < end and boring(lines[start]):
            start += 1
        while end > start and boring(lines[end - 1]):
            end -= 1
        cleaned.append(lines[start:end])
    return cleaned


def _reflow(lines: list[str]) -> str:
    """Lines to paragraphs separated by blank lines."""
    lines = [line.rstrip() for line in lines]
    lengths = sorted(len(line) for line in lines if line.strip())
    if not lengths:
        return ""
    width = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 3 else lengths[-1]
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _BULLET.match(stripped):
            paragraphs.append(current)
            current = ""
        if not current:
            current = stripped
        elif current.endswith("-") and stripped[:1].islower():
            current += stripped
        else:
            current += " " + stripped
        following = next((n.strip() for n in lines[index + 1 :] if n.strip()), "")
        short = len(stripped) < 0.75 * width or width < 40
        ends_sentence = stripped[-1] in ".!?:;)\"'’”"
        starts_anew = (
            following[:1].isupper() or following[:1].isdigit() or bool(_BULLET.match(following))
        )
        if short and (ends_sentence or starts_anew):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _has_image(document: pdfium.PdfDocument, index: int) -> bool:
    page = document[index]
    try:
        count = pdfium_c.FPDFPage_CountObjects(page.raw)
        return any(
            pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, i))
            == pdfium_c.FPDF_PAGEOBJ_IMAGE
            for i in range(count)
        )
    finally:
        page.close()


def _title(metadata: dict[str, str]) -> str | None:
    title = re.sub(r"\s+", " ", metadata.get("Title") or "").strip()
    if (
        not title
        or _TITLE_JUNK.match(title)
        or re.search(r"\.(docx?|pptx?|xlsx?|pdf)$", title, re.I)
    ):
        return None
    return title


def read_pdf(data: bytes, limits: Limits) -> Extracted:
    document = _open(data)
    try:
        count = len(document)
        if count == 0:
            raise Rejected(TRUNCATED if _cut_off(data) else NO_PAGES)
        warnings: list[str] = []
        if count > limits.max_pages:
            warnings.append(f"Only the first {limits.max_pages:,} of {count:,} pages were read.")
        raw_pages: list[list[str]] = []
        unreadable: list[int] = []
        total = 0
        for index in range(min(count, limits.max_pages)):
            try:
                text = _page_text(document, index)
            except pdfium.PdfiumError:
                text = ""
                unreadable.append(index + 1)
            total += len(text)
            raw_pages.append(text.split("\n"))
            if total > limits.max_text_chars:
                break  # the caller truncates and warns; reading on would be wasted work
        if unreadable:
            warnings.append(f"{_numbers(unreadable)} could not be read.")
        if _cut_off(data):
            warnings.append("The PDF seems to be cut off before its end: some text may be missing.")
        visible = [sum(not ch.isspace() for ch in "".join(lines)) for lines in raw_pages]
        needs_ocr = all(chars < MIN_PAGE_CHARS for chars in visible)
        if not needs_ocr:
            scanned = [
                n + 1
                for n, chars in enumerate(visible)
                if chars < MIN_PAGE_CHARS and _has_image(document, n)
            ]
            if scanned:
                warnings.append(
                    f"{_numbers(scanned)}: images with no text layer, so their text is missing "
                    "until OCRed."
                )
        pages = tuple(
            Page(number + 1, "" if needs_ocr else _reflow(lines))
            for number, lines in enumerate(_drop_running_lines(raw_pages))
        )
        if needs_ocr:
            pages, needs_ocr = _read_scan(document, pages, warnings, limits)
        metadata = document.get_metadata_dict(skip_empty=True)
    finally:
        document.close()
    return Extracted(
        file_type="pdf",
        pages=pages,
        title=_title(metadata),
        date=pdf_date(metadata.get("ModDate")) or pdf_date(metadata.get("CreationDate")),
        needs_ocr=needs_ocr,
        warnings=tuple(warnings),
    )


def _read_scan(
    document: pdfium.PdfDocument, pages: tuple[Page, ...], warnings: list[str], limits: Limits
) -> tuple[tuple[Page, ...], bool]:
    """A PDF with no text layer, read by OCR when Tesseract is here; else kept as needing OCR,
    with the reason."""
    missing = ocr.missing_reason()
    if missing:
        warnings.append(missing)
        return pages, True
    read, more = ocr.ocr_pdf_pages(document, limits)
    warnings.extend(more)
    if not any(page.text.strip() for page in read):
        warnings.append("OCR found no text on the scanned pages.")
        return pages, True
    warnings.append("Read by OCR from scanned pages: check quotations against the original.")
    return tuple(read), False


def _numbers(numbers: list[int]) -> str:
    """ "Page 4" or "Pages 3, 4 and 12 more"."""
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return ("Page " if len(numbers) == 1 else "Pages ") + shown + more
