"""The hand-written PDF (read back with our own xref parser, and with poppler when it is
installed) and the charts in the Word export."""

import io
import re
import shutil
import subprocess
import zlib
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from docx import Document

from readiness.demo.loader import load_figures_and_narratives
from readiness.indicators.domain.assessment import Point
from readiness.narratives.pdf import BOLD, REGULAR, narrative_pdf, width, winansi, wrap

ARTEFACTS = Path(__file__).resolve().parents[3] / "test-artefacts"
HEADINGS = ["What we targeted and why", "What we did", "Impact for children", "What's next"]
FIGURE = ("Health assessments for children in care",
          [Point("2023-24", 40, 60), Point("2024-25", None, None), Point("2025-26", 57, 64)],
          "percent", 90.0, {"England": 88.0, "Region": None}, "higher_is_better")  # fmt: skip


def _version(**changes) -> SimpleNamespace:
    fields = {
        "title": "Children in care: health assessments on time – £ and “quotes”",
        "number": 3,
        "written_at": datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        "targeted_and_why": "Only 64% of children had timely health assessments.",
        "what_we_did": "Notifications now reach the health team within two days.",
        "impact_for_children": "89% now have their assessment on time.\n\nChildren told us so.",
        "whats_next": "Reach 92%.",
        "evidence": ["Health assessments audit 2025-26", "Children's survey (March 2026)"],
    }
    return SimpleNamespace(**{**fields, **changes})


def _objects(pdf: bytes) -> dict[int, int]:
    """Parse the xref table and check each entry points at "n 0 obj"."""
    start = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf).group(1))
    assert pdf[start : start + 4] == b"xref"
    lines = pdf[start:].split(b"\n")
    first, count = map(int, lines[1].split())
    offsets = {}
    for n, entry in enumerate(lines[2 : 2 + count], start=first):
        assert len(entry) == 19  # 20 bytes with the newline, as the spec requires
        offset, _, kind = entry.split()
        if kind == b"n":
            offsets[n] = int(offset)
            assert pdf[int(offset) :].startswith(f"{n} 0 obj".encode())
    return offsets


def _streams(pdf: bytes) -> list[bytes]:
    return [zlib.decompress(m) for m in re.findall(rb"stream\n(.*?)\nendstream", pdf, re.S)]


def test_the_pdf_has_a_correct_xref_and_structure():
    pdf = narrative_pdf(_version(), [FIGURE])
    assert pdf.startswith(b"%PDF-1.4")
    offsets = _objects(pdf)
    assert len(offsets) == int(re.search(rb"/Size (\d+)", pdf).group(1)) - 1
    assert b"/StructTreeRoot" in pdf and b"/MarkInfo << /Marked true >>" in pdf
    assert b"/S /Figure" in pdf and b"/Alt <FEFF" in pdf
    assert narrative_pdf(_version(), [FIGURE]) == pdf  # deterministic


def test_the_chart_is_vector_graphics():
    content = b" ".join(_streams(narrative_pdf(_version(), [FIGURE])))
    assert b"[8 4] 0 d" in content  # the target's dash, as in the SVG
    assert b" cm " in content and b" c h B" in content  # the marks are Bézier circles
    assert b"/Figure <</MCID" in content and b"/TH <</MCID" in content


def test_text_is_winansi_and_wraps_within_the_page():
    assert winansi("“£5 – ok”") == b"\x93\xa35 \x96 ok\x94"
    assert winansi("Māori ✓") == b"Maori ?"
    assert width("a", REGULAR, 1000) == 556 and width("a", BOLD, 1000) == 556
    lines = wrap("word " * 200, REGULAR, 11, 480)
    assert len(lines) > 5 and all(width(line, REGULAR, 11) <= 480 for line in lines)


def test_a_long_narrative_runs_to_several_numbered_pages():
    long = "\n\n".join(["The children in care told us what changed for them. " * 12] * 12)
    pdf = narrative_pdf(_version(what_we_did=long), [FIGURE, FIGURE])
    count = int(re.search(rb"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)", pdf).group(1))
    assert count >= 3
    assert any(f"(Page {count} of {count})".encode() in s for s in _streams(pdf))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_poppler_reads_the_title_and_headings(tmp_path):
    path = tmp_path / "narrative.pdf"
    path.write_bytes(narrative_pdf(_version(), [FIGURE]))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout  # fmt: skip
    text = " ".join(text.split())  # the title wraps at 20 pt
    assert "Children in care: health assessments on time – £ and “quotes”" in text
    for heading in [*HEADINGS, "Evidence", "2025-26", "Target 90%", "Page 1 of 1"]:
        assert heading in text
    if shutil.which("pdftoppm"):
        ARTEFACTS.mkdir(exist_ok=True)
        prefix = ARTEFACTS / "narrative-pdf"
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile",
                        str(path), str(prefix)], check=True, capture_output=True)  # fmt: skip
        png = prefix.with_suffix(".png")
        assert png.read_bytes().startswith(b"\x89PNG")


@pytest.fixture
def figures(review, lead):
    review.area = "Anytown"
    review.save()
    return load_figures_and_narratives(review)


def _with_data(review):
    from readiness.narratives.models import Narrative

    for narrative in Narrative.objects.filter(review=review):
        version = narrative.versions.first()
        if version and version.indicators:
            return narrative
    raise AssertionError("the demo has no narrative with an indicator")


@pytest.mark.django_db
def test_the_word_export_has_the_chart_as_a_picture(as_viewer, review, figures):
    narrative = _with_data(review)
    response = as_viewer.get(reverse("narratives:docx", args=[review.id, narrative.key]))
    document = Document(io.BytesIO(response.content))
    assert len(document.inline_shapes) >= 1
    assert document.tables and document.tables[0].rows[0].cells[0].text == "Period"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == HEADINGS


@pytest.mark.django_db
def test_the_pdf_export_downloads(as_viewer, review, figures):
    narrative = _with_data(review)
    response = as_viewer.get(reverse("narratives:pdf", args=[review.id, narrative.key]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-1.4")
    _objects(response.content)
    assert b"/S /Figure" in response.content
    page = as_viewer.get(reverse("narratives:detail", args=[review.id, narrative.key]))
    assert reverse("narratives:pdf", args=[review.id, narrative.key]) in page.content.decode()
