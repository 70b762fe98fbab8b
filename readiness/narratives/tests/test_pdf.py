"""A narrative's PDF is its web page printed (WeasyPrint, tagged PDF/UA-1), with its charts
as figures with alt text; the Word export has the chart as a picture with alt text."""

import io
import os
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from django.urls import reverse
from docx import Document
from pdfminer.high_level import extract_text

from readiness.demo.loader import load_figures_and_narratives
from readiness.lib.testing.files import docx_problems, pdf_tag_problems

# make test's runs go side by side, each with its own folder (scripts/test-suites).
ARTEFACTS = (
    Path(
        os.getenv("READINESS_TEST_ARTEFACTS")
        or Path(__file__).resolve().parents[3] / "test-artefacts"
    )
    / "narrative"
)
HEADINGS = ["What we targeted and why", "What we did", "Impact for children", "What's next"]


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
def test_the_word_export_has_the_chart_as_a_picture_with_alt_text(as_viewer, review, figures):
    narrative = _with_data(review)
    response = as_viewer.get(reverse("narratives:docx", args=[review.id, narrative.key]))
    document = Document(io.BytesIO(response.content))
    assert len(document.inline_shapes) >= 1
    alt = document.inline_shapes[0]._inline.docPr.get("descr")
    assert re.match(r"^(Rose|Fell|Held|Stayed|No change|.+ from )", alt) or len(alt) > 20
    assert document.tables and document.tables[0].rows[0].cells[0].text == "Period"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == HEADINGS
    assert document.styles["Normal"].font.name == "Noto Sans"
    assert docx_problems(response.content) == []


@pytest.mark.django_db
def test_the_pdf_is_the_page_printed_with_its_charts_as_figures(as_viewer, review, figures):
    narrative = _with_data(review)
    response = as_viewer.get(reverse("narratives:pdf", args=[review.id, narrative.key]))
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    page = as_viewer.get(reverse("narratives:detail", args=[review.id, narrative.key]))
    assert reverse("narratives:pdf", args=[review.id, narrative.key]) in page.content.decode()
    assert page.content.decode().count('role="img"') >= 1  # the chart on the page, named
    text = " ".join(extract_text(io.BytesIO(data)).split())
    for heading in HEADINGS:
        assert heading in text
    assert re.search(r"Page 1 of \d+", text)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.MarkInfo.Marked
        version = narrative.versions.first()
        assert str(pdf.docinfo.Title) == version.title
        figures_found = [e for e in _elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
        assert figures_found and all(len(str(f.Alt)) > 20 for f in figures_found)
    assert pdf_tag_problems(data) == []
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    source = ARTEFACTS / "narrative.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(source), str(ARTEFACTS / "narrative")],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    assert sorted(ARTEFACTS.glob("narrative-*.png"))


def _elements(node):
    """Every structure element under NODE, depth first."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)
