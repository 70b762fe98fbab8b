"""Text from scans: PDF pages with no text layer, and images (PNG, JPEG, TIFF), read by
Tesseract (Debian's `tesseract-ocr`, called through pytesseract; `make demo` and `make test`
install it when they run as root), as paperless-ngx does.

Without Tesseract a scan is kept as "needs OCR" with that reason. Images are untrusted: the
pixel count is capped before decoding (Pillow's own decompression-bomb guard, set lower),
pages are rendered at OCR_DPI, at most `max_ocr_pages` of them, and each call of Tesseract
has a time limit, so one bad scan cannot hold a batch.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator

from ..types import Limits, Page, Rejected

OCR_DPI = 300
MAX_PIXELS = 60_000_000  # about an A3 page at 400 dpi; a bomb is far beyond it
SECONDS_PER_PAGE = 60
NOT_INSTALLED = (
    "Tesseract OCR is not installed on this server (Debian's tesseract-ocr package), so the "
    "scan's text cannot be read yet."
)


SWITCHED_OFF = (
    "OCR is switched off on this server (READINESS_OCR=off), so the scan's text cannot be read yet."
)


def missing_reason() -> str:
    """Why OCR cannot run here, or "" when it can."""
    if os.getenv("READINESS_OCR", "on").strip().lower() in ("off", "false", "0", "no"):
        return SWITCHED_OFF
    if shutil.which("tesseract") is None:
        return NOT_INSTALLED
    try:
        import pytesseract  # noqa: F401
        from PIL import Image  # noqa: F401
    except ImportError:
        return "The OCR libraries (pytesseract, Pillow) are not installed."
    return ""


def _read(image: object) -> str:
    import pytesseract

    # Tesseract's OpenMP threads spin against each other and against the rest of the server:
    # one thread per call read the Northbridge demo set's scans in 23 s instead of 88 s on two
    # cores. Parallelism comes from more workers, not from threads inside one page. A server
    # that set its own limit keeps it.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return pytesseract.image_to_string(image, lang="eng", timeout=SECONDS_PER_PAGE)
    except RuntimeError:  # pytesseract's own timeout
        return ""


def ocr_pdf_pages(document: object, limits: Limits) -> tuple[list[Page], list[str]]:
    """The text of a scanned PDF's pages (a pypdfium2 document), and warnings."""
    count = min(len(document), limits.max_ocr_pages)
    pages, warnings = [], []
    for number in range(count):
        page = document[number]
        width, height = page.get_size()
        scale = OCR_DPI / 72
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (width * height)) ** 0.5
        image = page.render(scale=scale, grayscale=True).to_pil()
        pages.append(Page(number + 1, _read(image).strip()))
    if len(document) > count:
        warnings.append(
            f"Only the first {count} of {len(document)} scanned pages were read by OCR."
        )
    return pages, warnings


def _frames(data: bytes, limits: Limits) -> Iterator[object]:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        for index in range(min(getattr(image, "n_frames", 1), limits.max_ocr_pages)):
            image.seek(index)
            yield image.convert("L")
    except Image.DecompressionBombError as error:
        raise Rejected("The image is too large to read safely (over 60 million pixels).") from error


def ocr_image(data: bytes, limits: Limits) -> list[Page]:
    """The text of each frame of an image (a TIFF can hold several pages)."""
    return [Page(n, _read(frame).strip()) for n, frame in enumerate(_frames(data, limits), 1)]
