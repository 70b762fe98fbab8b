"""Reading back the files Readiness writes, for tests: the text of a PDF, and the problems a
screen reader would meet in a PDF's tags or a Word file's headings and pictures."""

from __future__ import annotations

import io
import re

import pikepdf
from docx import Document as open_docx
from pdfminer.high_level import extract_text

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


def pdf_text(data: bytes) -> str:
    """The PDF's text as pdfminer reads it, page by page (pages split by a form feed)."""
    return extract_text(io.BytesIO(data))


def structure(pdf: pikepdf.Pdf) -> list[tuple[int, str, pikepdf.Dictionary]]:
    """Every structure element in reading order: (depth, tag without the slash, element)."""
    return structure_under(pdf.Root.StructTreeRoot)


def structure_under(node) -> list[tuple[int, str, pikepdf.Dictionary]]:
    """The structure elements inside NODE (the tree's root or an element), in order."""
    out: list[tuple[int, str, pikepdf.Dictionary]] = []

    def walk(node, depth: int) -> None:
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                out.append((depth, str(kid.S)[1:], kid))
                walk(kid, depth + 1)

    walk(node, 0)
    return out


def _unmarked(page: pikepdf.Page) -> int:
    """How many text or image drawing operations on PAGE sit outside marked content."""
    depth, loose = 0, 0
    for _, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            depth += 1
        elif name == "EMC":
            depth -= 1
        elif (name in TEXT_SHOWING or name == "Do") and depth == 0:
            loose += 1
    return loose


def pdf_tag_problems(data: bytes) -> list[str]:
    """What a screen reader would miss in the PDF: its language and title, content outside
    the tags, headings out of order, figures without alt text, tables without header cells."""
    problems = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if str(pdf.Root.get("/Lang", "")) != "en-GB":
            problems.append(f"language is {pdf.Root.get('/Lang')!r}, not en-GB")
        if not str(pdf.docinfo.get("/Title", "")):
            problems.append("no title")
        if not pdf.Root.get("/MarkInfo", {}).get("/Marked"):
            problems.append("not marked as tagged")
        for number, page in enumerate(pdf.pages, start=1):
            loose = _unmarked(page)
            if loose:
                problems.append(f"page {number}: {loose} drawing operations outside the tags")
        elements = structure(pdf)
        levels = [int(tag[1]) for _, tag, _ in elements if re.fullmatch(r"H[1-6]", tag)]
        if levels[:1] != [1]:
            problems.append(f"the first heading is not H1: {levels[:1]}")
        for before, after in zip(levels, levels[1:], strict=False):
            if after > before + 1:
                problems.append(f"heading H{after} follows H{before}")
        for _, tag, element in elements:
            if tag == "Figure" and not str(element.get("/Alt", "")).strip():
                problems.append("a figure without alt text")
        for _, tag, element in elements:
            if tag == "Table":
                inside = {t for _, t, _ in structure_under(element)}
                if "TD" in inside and "TH" not in inside:
                    problems.append("a table without header cells")
    return problems


def docx_problems(data: bytes) -> list[str]:
    """Headings out of order and pictures without alt text in a Word file."""
    document = open_docx(io.BytesIO(data))
    problems = []
    levels = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name == "Title":
            levels.append(0)
        elif name.startswith("Heading ") and name[8:].isdigit():
            levels.append(int(name[8:]))
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"Heading {after} follows {'Title' if before == 0 else before}")
    for shape in document.inline_shapes:
        if not (shape._inline.docPr.get("descr") or "").strip():
            problems.append("a picture without alt text")
    return problems


def figure_sizes(data: bytes) -> list[tuple[float, float]]:
    """Width and height, in points, of every tagged figure (from its layout bounding box)."""
    sizes = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for _, tag, element in structure(pdf):
            box = element.get("/A", {}).get("/BBox") if tag == "Figure" else None
            if box is not None:
                x0, y0, x1, y1 = (float(v) for v in box)
                sizes.append((abs(x1 - x0), abs(y1 - y0)))
    return sizes
