"""Render checks: what people will see. The PDF drawn as page images by pdftoppm, and the
Word file opened by LibreOffice without a display and printed to PDF. The contents' page
numbers must land on the pages of their headings, no text may run off its page, every
section must be there, and a narrative's chart must be drawn at a readable size. The page
images are kept in test-artefacts/ for a person to look at."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTFigure, LTImage, LTTextContainer

from readiness.lib.testing.files import figure_sizes
from readiness.reports.domain import html, word
from readiness.reports.domain.compose import compose
from readiness.reports.domain.document import Branding
from readiness.reports.domain.sample import sample_data

from .helpers import png_bytes

pytestmark = pytest.mark.slow
# make test's runs go side by side, each with its own folder (scripts/test-suites).
ARTEFACTS = (
    Path(
        os.getenv("READINESS_TEST_ARTEFACTS")
        or Path(__file__).resolve().parents[3] / "test-artefacts"
    )
    / "report"
)
MISSING = [tool for tool in ("pdftoppm", "pdftotext", "soffice") if shutil.which(tool) is None]
SECTIONS = [
    "Introduction",
    "Approach",
    "How well services perform against the grade descriptors",
    "How robust policy and practice are",
    "How ready the partnership is for inspection",
    "Summary and way forward",
    "Annex A: evidence index",
    "Annex B: judgement grid",
    "Annex C: action plan",
]
CONTENTS_PAGE = 3  # after the cover and the grades at a glance
# The side margins less 2 points, in points: 18 mm in print.css, 2.2 cm in the Word file.
PDF_MARGIN, WORD_MARGIN = 18 / 25.4 * 72 - 2, 2.2 / 2.54 * 72 - 2

if MISSING:
    reason = (
        "!! REPORT RENDER CHECKS SKIPPED: " + ", ".join(MISSING) + " not installed; install "
        "Debian's poppler-utils and libreoffice-writer-nogui (make test does, as root) !!"
    )
    print(reason)  # noqa: T201 - loud on the terminal as well as in the skip summary
    pytestmark = [pytest.mark.slow, pytest.mark.skip(reason=reason)]


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    document = compose(
        sample_data(findings=12, items=10, documents=30),
        Branding("Anytown Council", "#6f2c91", png_bytes(120, 40), "Anytown Council logo"),
    )
    return {"pdf": html.to_pdf(document), "docx": word.to_docx(document)}


def _pages_to_png(source: Path, prefix: str, folder: Path = ARTEFACTS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(source), str(folder / prefix)],
                   check=True, timeout=120)  # fmt: skip
    return sorted(folder.glob(f"{prefix}-*.png"))


def _text(source: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(["pdftotext", "-layout", *pages, str(source), "-"],
                            check=True, capture_output=True, text=True, timeout=60)  # fmt: skip
    return result.stdout


def _words(text: str) -> str:
    """Text with its line breaks as spaces, so a heading that wraps is still found."""
    return " ".join(text.split())


def off_the_page(data: bytes, side_margin: float = 0) -> list[str]:
    """Every text line not wholly inside its page's box, or (with SIDE_MARGIN, in points)
    running into the left or right margin, as text spilling out of a table cell would."""
    out = []
    for number, page in enumerate(extract_pages(io.BytesIO(data)), start=1):
        x0, y0, x1, y1 = page.bbox
        x0, x1 = x0 + side_margin, x1 - side_margin
        for box in page:
            if isinstance(box, LTTextContainer):
                inside = (box.x0 >= x0 - 0.5 and box.x1 <= x1 + 0.5 and box.y0 >= y0 - 0.5
                          and box.y1 <= y1 + 0.5)  # fmt: skip
                if not inside:
                    out.append(f"page {number}: {box.get_text().strip()[:60]!r}")
    return out


def contents_land(source: Path, contents_page: int) -> None:
    """Each contents entry's page number is the page its heading is on."""
    contents = _text(source, contents_page)
    for section in SECTIONS:
        found = re.search(re.escape(section) + r"[ .]+(\d+)\n", contents)
        assert found, section
        assert section in _words(_text(source, int(found.group(1)))), section


def test_the_pdf_renders_page_by_page(rendered, tmp_path):
    source = tmp_path / "report.pdf"
    source.write_bytes(rendered["pdf"])
    pages = _pages_to_png(source, "pdf")
    assert len(pages) == 16
    assert all(page.stat().st_size > 2000 for page in pages)  # not blank
    assert "Error!" not in _text(source)
    contents_land(source, CONTENTS_PAGE)
    assert off_the_page(rendered["pdf"], side_margin=PDF_MARGIN) == []
    for section in SECTIONS:
        assert section in _text(source)


def test_a_long_unbroken_word_stays_on_the_page():
    from dataclasses import replace

    data = sample_data()
    wide = replace(data.judgements[0], rationale="Overlong" + "x" * 190 + " ends here.")
    pdf = html.to_pdf(compose(replace(data, judgements=(wide, *data.judgements[1:]))))
    assert off_the_page(pdf, side_margin=PDF_MARGIN) == []


def test_the_word_file_opens_in_libreoffice(rendered, tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(rendered["docx"])
    printed = _libreoffice(source, tmp_path)
    pages = _pages_to_png(printed, "docx")
    assert 10 <= len(pages) <= 18
    text = _text(printed)
    assert "Error!" not in text
    contents = next(n for n in range(1, 5) if "Contents" in _text(printed, n).split("\n")[0:6]
                    or _text(printed, n).lstrip().startswith("Contents"))  # fmt: skip
    for section in SECTIONS:
        assert text.count(section) >= 2, section  # in the contents and as a heading
    contents_land(printed, contents)
    assert off_the_page(printed.read_bytes(), side_margin=WORD_MARGIN) == []


def _libreoffice(source: Path, folder: Path) -> Path:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless",
         "--norestore", "--convert-to", "pdf", "--outdir", str(folder / "lo-out"), str(source)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return folder / "lo-out" / (source.stem + ".pdf")


def charts_drawn(data: bytes) -> list[tuple[float, float]]:
    """The width and height, in points, of every picture on the pages."""
    sizes = []
    for page in extract_pages(io.BytesIO(data)):
        stack = list(page)
        while stack:
            item = stack.pop()
            if isinstance(item, LTFigure | LTImage):
                sizes.append((item.width, item.height))
            if isinstance(item, LTFigure):
                stack.extend(item)
    return sizes


@pytest.mark.django_db
def test_a_narrative_s_chart_is_drawn_at_a_readable_size(as_viewer, review, lead, tmp_path):
    from django.urls import reverse

    from readiness.demo.loader import load_figures_and_narratives
    from readiness.narratives.models import Narrative

    review.area = "Anytown"
    review.save()
    load_figures_and_narratives(review)
    narrative = next(n for n in Narrative.objects.filter(review=review)
                     if n.versions.first().indicators)  # fmt: skip
    data = as_viewer.get(reverse("narratives:pdf", args=[review.id, narrative.key])).content
    sizes = figure_sizes(data)  # the chart is vector drawing, found by its tag
    assert sizes and all(width >= 400 and height >= 180 for width, height in sizes)
    assert off_the_page(data) == []
    source = tmp_path / "narrative.pdf"
    source.write_bytes(data)
    _pages_to_png(source, "narrative")
    docx = as_viewer.get(reverse("narratives:docx", args=[review.id, narrative.key])).content
    (tmp_path / "narrative.docx").write_bytes(docx)
    printed = _libreoffice(tmp_path / "narrative.docx", tmp_path)
    word_sizes = charts_drawn(printed.read_bytes())
    assert word_sizes and max(w for w, _ in word_sizes) >= 400  # six inches wide in Word
    _pages_to_png(printed, "narrative-docx")


@pytest.mark.django_db
def test_anytown_s_demo_report_renders_in_both(tmp_path):
    """The demo's own report (what `make demo` exports), kept as anytown-*.png."""
    from readiness.demo.domain.partnerships import ANYTOWN
    from readiness.demo.loader import load_partnership
    from readiness.reports.demo import load_activities
    from readiness.reports.services import build_report

    review = load_partnership(ANYTOWN)
    load_activities(review)
    source = tmp_path / "anytown.pdf"
    source.write_bytes(build_report(review, "pdf"))
    pages = _pages_to_png(source, "anytown-pdf")
    assert len(pages) >= 10
    assert "Error!" not in _text(source)
    contents_land(source, CONTENTS_PAGE)
    assert off_the_page(source.read_bytes()) == []
    word = tmp_path / "anytown.docx"
    word.write_bytes(build_report(review, "docx"))
    printed = _libreoffice(word, tmp_path)
    assert len(_pages_to_png(printed, "anytown-docx")) >= 8
    text = _text(printed)
    assert "Error!" not in text
    for code in ("R1", "A9", "A10", "A11", "A12", "A13", "A14", "A15"):
        assert len(re.findall(rf"\b{code}\b", text)) >= 3, code  # body, summary, annex C
