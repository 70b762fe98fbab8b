"""Scans: read by Tesseract when it is installed, kept as "needs OCR" with the reason when not,
and a scan with nothing readable gets no kind, focus or date."""

import io
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from readiness.evidence.domain.extract import extract
from readiness.evidence.domain.extract.ocr import NOT_INSTALLED
from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import EvidenceDocument


@pytest.fixture(autouse=True)
def _ocr_as_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about reading scans itself: Tesseract reads them wherever it is
    installed, whatever READINESS_OCR says (make test's later runs switch OCR off for the
    rest of the suite)."""
    monkeypatch.delenv("READINESS_OCR", raising=False)


needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Debian's tesseract-ocr is not installed (make test installs it as root)",
)
WORDS = (
    "Children in care health assessments\nDated 30 October 2010\n"
    "Every child was seen within 20 working days."
)


def page_image(text: str = WORDS) -> Image.Image:
    image = Image.new("L", (1700, 500), 255)
    ImageDraw.Draw(image).multiline_text(
        (60, 60), text, font=ImageFont.load_default(size=44), fill=0, spacing=20
    )
    return image


def as_bytes(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"resolution": 150} if fmt == "PDF" else {}))
    return buffer.getvalue()


@needs_tesseract
@pytest.mark.parametrize("fmt,name", [("PNG", "scan.png"), ("PDF", "scan.pdf")])
def test_a_scan_is_read_by_ocr(fmt, name):
    extracted = extract(name, as_bytes(page_image(), fmt))
    assert (extracted.text, extracted.needs_ocr) == (WORDS, False)
    assert extracted.warnings[-1].startswith("Read by OCR")


@needs_tesseract
def test_noise_gives_no_text_and_stays_needing_ocr():
    noise = Image.effect_noise((600, 400), 80).convert("L")
    extracted = extract("noise.png", as_bytes(noise, "PNG"))
    assert (extracted.text, extracted.needs_ocr, extracted.warnings) == (
        "",
        True,
        ("OCR found no text.",),
    )


def test_without_tesseract_a_scan_needs_ocr_and_says_why(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    extracted = extract("scan.pdf", as_bytes(page_image(), "PDF"))
    assert (extracted.text, extracted.needs_ocr, extracted.warnings) == ("", True, (NOT_INSTALLED,))


@pytest.mark.django_db
def test_an_unreadable_scan_gets_no_kind_focus_or_date(review, lead, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(as_bytes(Image.new("L", (400, 300), 255), "PDF"))
    ingest_path(review, folder, user=lead)
    document = EvidenceDocument.objects.get(review=review)
    assert (document.kind, document.focus, document.document_date, document.areas) == (
        "",
        "",
        None,
        [],
    )
    assert document.status == EvidenceDocument.NEEDS_OCR
    assert document.warnings[-1].startswith(
        "No readable text, so no date, kind, focus or areas were given"
    )
