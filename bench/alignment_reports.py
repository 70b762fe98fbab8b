"""Labelled paragraphs from published Ofsted ILACS reports, for the alignment harness.

Each numbered paragraph of a report's judgement sections is labelled with the judgement
area of the heading it sits under. Reports are ILACS (2018 onwards) when they carry the
ILACS headings; the older SIF reports (2013-2017) use other headings and so label nothing.
A report with a separate care leavers section is a four-area (2023+) report; one with the
combined "children in care and care leavers" section is a three-area (2018-2022) report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPORTS = Path("/work/shared/data/ofsted/reports")
FOUR_AREAS = ("impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers")
THREE_AREAS = ("impact_of_leaders", "help_and_protection", "children_in_care_and_care_leavers")

# Order matters: the combined heading must be tried before "children in care".
HEADINGS = (
    ("impact of leaders on social work practice", "impact_of_leaders"),
    ("experiences and progress of children who need help", "help_and_protection"),
    (
        "experiences and progress of children in care and care leavers",
        "children_in_care_and_care_leavers",
    ),
    ("experiences and progress of children in care", "children_in_care"),
    ("experiences and progress of care leavers", "care_leavers"),
)
_HEADING_START = re.compile(r"^(the )?(impact of leaders|experiences (and progress )?of)", re.I)
_NUMBERED = re.compile(r"^(\d{1,3})\.\s*([A-Z‘'\"(].*)$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_RUNNING_HEAD = re.compile(r"^inspection of .*(services|council)\s*$", re.I)
_DATE_AND_PAGE = re.compile(r"\b(19|20)\d\d\s+\d{1,3}\s*$")
MIN_WORDS = 8


@dataclass(frozen=True)
class Paragraph:
    authority: str  # the report folder's name, e.g. "80426_barnsley"
    report: str
    area: str
    text: str


@dataclass(frozen=True)
class Report:
    authority: str
    name: str
    kind: str  # "four", "three", or "" (not ILACS, or no labelled paragraphs)
    paragraphs: tuple[Paragraph, ...]
    error: str = ""


def page_lines(pdf_path: Path) -> list[str]:
    import pypdfium2 as pdfium  # already a dependency of the app

    document = pdfium.PdfDocument(str(pdf_path))
    out: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            text = page.get_textpage().get_text_range()
            lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
            lines = [line for line in lines if line]
            if index > 0:
                # Running heads: a page number, "Inspection of ... services", a date line
                # ending in the page number. Only looked for at the top of a page.
                while lines and (
                    _PAGE_NUMBER.match(lines[0])
                    or _RUNNING_HEAD.match(lines[0])
                    or (_DATE_AND_PAGE.search(lines[0]) and len(lines[0]) < 60)
                ):
                    lines.pop(0)
            while lines and _PAGE_NUMBER.match(lines[-1]):  # a page number as footer
                lines.pop()
            out.extend(lines)
    finally:
        document.close()
    return out


def heading_area(heading: str) -> str | None:
    flat = " ".join(heading.lower().replace("’", "'").split()).removeprefix("the ")
    flat = flat.replace("experiences of", "experiences and progress of")
    for start, area in HEADINGS:
        if flat.startswith(start):
            return area
    return None


def labelled_paragraphs(lines: list[str]) -> Iterator[tuple[str, str]]:
    """(area, text) for each numbered paragraph under a judgement heading with its grade
    (the grade table on page 1 repeats the headings without a colon, and is skipped)."""
    area: str | None = None
    current: list[str] = []

    def flush() -> Iterator[tuple[str, str]]:
        if area and current:
            text = " ".join(current).replace("\ufffe", "").replace("\u00ad", "")
            text = re.sub(r"(\w)- (\w)", r"\1-\2", text)
            if len(text.split()) >= MIN_WORDS:
                yield area, text

    i = 0
    while i < len(lines):
        line = lines[i]
        if line[0].isupper() and _HEADING_START.match(line):
            # A section heading wraps over up to three lines and is followed by paragraph 1
            # (or carries its grade after a colon); the grade table on page 1 is neither.
            j = i + 1
            while j < len(lines) and j - i < 3 and not _NUMBERED.match(lines[j]):
                if ":" in " ".join(lines[i:j]):
                    break
                j += 1
            heading = " ".join(lines[i:j])
            followed = j < len(lines) and _NUMBERED.match(lines[j])
            if ":" in heading or followed:
                yield from flush()
                current = []
                area = heading_area(heading.split(":")[0])
                i = j
                continue
        numbered = _NUMBERED.match(line)
        if numbered:
            yield from flush()
            current = [numbered.group(2)]
        elif current:
            current.append(line)
        i += 1
    yield from flush()


def read_report(path: Path) -> Report:
    authority = path.parent.name
    try:
        with open(path, "rb") as handle:
            if handle.read(5) != b"%PDF-":
                return Report(authority, path.name, "", (), error="not a PDF")
        lines = page_lines(path)
    except Exception as error:  # a damaged file is counted, not fatal
        return Report(authority, path.name, "", (), error=f"unreadable: {error}")
    pairs = list(labelled_paragraphs(lines))
    areas = {area for area, _ in pairs}
    if "care_leavers" in areas or ("children_in_care" in areas):
        kind = "four"
    elif "children_in_care_and_care_leavers" in areas:
        kind = "three"
    else:
        kind = ""
    paragraphs = tuple(Paragraph(authority, path.name, a, t) for a, t in pairs)
    return Report(authority, path.name, kind, paragraphs if kind else ())


def report_paths(root: Path = REPORTS) -> list[Path]:
    return sorted(p for p in root.glob("*/*") if p.is_file())
