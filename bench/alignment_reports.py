"""Labelled paragraphs from published Ofsted ILACS reports, for the alignment harness.

Each numbered paragraph of a report's judgement sections is labelled with the judgement
area of the heading it sits under. Reports are ILACS (2018 onwards) when they carry the
ILACS headings; the older SIF reports (2013-2017) use other headings and so label nothing.
A report with a separate care leavers section is a four-area (2023+) report; one with the
combined "children in care and care leavers" section is a three-area (2018-2022) report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from readiness.lib.testing.shared import shared_data

REPORTS = shared_data("ofsted", "reports")
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
# A paragraph start as it may really appear: "12. 16- and 17-year-olds…", "46.. Most…", or
# the number alone on its line. Only taken as a start when it continues the numbering.
_ANY_NUMBERED = re.compile(r"^(\d{1,3})\.\.?(?!\d)\s*(.*)$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_RUNNING_HEAD = re.compile(r"^inspection of .*(services|council)\s*$", re.I)
_DATE_AND_PAGE = re.compile(r"\b(19|20)\d\d\s+\d{1,3}\s*$")
# A footnote at the foot of a page: "1 The areas for improvement have been cross-referenced…"
_FOOTNOTE = re.compile(
    r"^\d{1,2} (?!(January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b)[A-Z][a-z]+ [a-z]"
)
# Ofsted's back matter after the last judgement section (about Ofsted, formats, licence).
_BACK_MATTER = re.compile(
    r"^(The Office for Standards in Education|If you would like a copy of this document"
    r"|You may reuse this information)"
)
MIN_WORDS = 8
EDGE = 3  # lines at the top and at the foot of a page where running heads are looked for


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
    # What each cleaning rule did in this report (see `page_lines`, `labelled_paragraphs`).
    changes: dict[str, int] = field(default_factory=dict)


def _key(line: str) -> str:
    """A line with its numbers blanked: running heads differ from page to page only there."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def page_lines(pdf_path: Path, changes: Counter[str] | None = None) -> list[str]:
    import pypdfium2 as pdfium  # already a dependency of the app

    document = pdfium.PdfDocument(str(pdf_path))
    pages: list[list[str]] = []
    try:
        for index in range(len(document)):
            text = document[index].get_textpage().get_text_range()
            lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
            pages.append([line for line in lines if line])
    finally:
        document.close()
    return clean_pages(pages, Counter() if changes is None else changes)


def clean_pages(pages: list[list[str]], changes: Counter[str]) -> list[str]:
    """The text lines of a report in reading order, without what the page adds to it.

    - Running heads and feet: a line near the top or foot of a page whose wording (numbers
      aside) recurs there on at least three pages and on half of them ("Inspection of
      Anytown children's services", "12 to 23 January 2026 7", a page number).
    - A footnote at the foot of a page ("1 The areas for improvement have been
      cross-referenced with…"), which otherwise lands inside the paragraph the page breaks.
    The remaining lines run on across pages, so a paragraph broken by a page is one paragraph.
    """
    seen: Counter[str] = Counter()
    for lines in pages[1:]:
        seen.update({_key(line) for line in lines[:EDGE] + lines[-EDGE:]})
    threshold = max(3, (len(pages) - 1) // 2)
    repeated = {key for key, n in seen.items() if n >= threshold and not key.endswith(".")}
    out: list[str] = []
    for index, lines in enumerate(pages):
        lines = list(lines)
        if index > 0:
            top = 0
            while top < min(EDGE, len(lines)) and (
                _key(lines[top]) in repeated
                or _PAGE_NUMBER.match(lines[top])
                or _RUNNING_HEAD.match(lines[top])
                or (_DATE_AND_PAGE.search(lines[top]) and len(lines[top]) < 60)
            ):
                top += 1
            changes["running head lines removed"] += top
            lines = lines[top:]
        foot = 0
        while foot < min(EDGE, len(lines)) and (
            _key(lines[-1 - foot]) in repeated or _PAGE_NUMBER.match(lines[-1 - foot])
        ):
            foot += 1
        if foot:
            changes["running foot lines removed"] += foot
            lines = lines[:-foot]
        for start in range(max(0, len(lines) - 6), len(lines)):
            if _FOOTNOTE.match(lines[start]) and index < len(pages) - 1:
                changes["footnote lines removed"] += len(lines) - start
                lines = lines[:start]
                break
        out.extend(lines)
    return out


def heading_area(heading: str) -> str | None:
    flat = " ".join(heading.lower().replace("’", "'").split()).removeprefix("the ")
    flat = flat.replace("experiences of", "experiences and progress of")
    for start, area in HEADINGS:
        if flat.startswith(start):
            return area
    return None


def labelled_paragraphs(
    lines: list[str], changes: Counter[str] | None = None
) -> Iterator[tuple[str, str]]:
    """(area, text) for each numbered paragraph under a judgement heading with its grade
    (the grade table on page 1 repeats the headings without a colon, and is skipped).

    A numbered line starts a paragraph only when it continues the numbering (the next
    number, or one more: reports occasionally skip one; any number after a heading), so a
    wrapped line that happens to begin "25. " stays in its paragraph. Ofsted's back matter
    ends the last section."""
    changes = Counter() if changes is None else changes
    area: str | None = None
    current: list[str] = []
    last: int | None = None

    def flush() -> Iterator[tuple[str, str]]:
        if area and current:
            # pdfium marks a hyphen at a line end as U+FFFE; in these reports it is a real
            # hyphen ("decision-making"), so it is kept as one.
            text = " ".join(current).replace("\ufffe", "-").replace("\u00ad", "")
            text = re.sub(r"(\w)- (\w)", r"\1-\2", text)
            if len(text.split()) >= MIN_WORDS:
                yield area, text
            else:
                changes["paragraphs under 8 words dropped"] += 1

    i = 0
    while i < len(lines):
        line = lines[i]
        if area and _BACK_MATTER.match(line):
            changes["paragraphs with Ofsted back matter cut off"] += 1
            yield from flush()
            area, current, last = None, [], None
            i += 1
            continue
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
                last = None
                i = j
                continue
        numbered = _ANY_NUMBERED.match(line)
        if numbered:
            n = int(numbered.group(1))
            if last is None or last < n <= last + 2:
                if not _NUMBERED.match(line) and area:
                    changes["paragraph starts found (number alone or lower-case start)"] += 1
                yield from flush()
                current = [numbered.group(2)] if numbered.group(2) else []
                last = n
                i += 1
                continue
            if area and current:
                changes["out-of-sequence numbers kept inside their paragraph"] += 1
        if current or (area and last is not None):
            current.append(line)
        i += 1
    yield from flush()


def read_report(path: Path) -> Report:
    authority = path.parent.name
    try:
        with open(path, "rb") as handle:
            if handle.read(5) != b"%PDF-":
                return Report(authority, path.name, "", (), error="not a PDF")
        changes: Counter[str] = Counter()
        lines = page_lines(path, changes)
    except Exception as error:  # a damaged file is counted, not fatal
        return Report(authority, path.name, "", (), error=f"unreadable: {error}")
    pairs = list(labelled_paragraphs(lines, changes))
    areas = {area for area, _ in pairs}
    if "care_leavers" in areas or ("children_in_care" in areas):
        kind = "four"
    elif "children_in_care_and_care_leavers" in areas:
        kind = "three"
    else:
        kind = ""
    paragraphs = tuple(Paragraph(authority, path.name, a, t) for a, t in pairs)
    if not kind:
        return Report(authority, path.name, "", ())
    return Report(authority, path.name, kind, paragraphs, changes=dict(changes))


def report_paths(root: Path = REPORTS) -> list[Path]:
    return sorted(p for p in root.glob("*/*") if p.is_file())
