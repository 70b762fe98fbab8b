"""Word documents, read from word/document.xml after the zip has passed the size caps.

Word has no fixed pages, but it records where its last layout broke them
(w:lastRenderedPageBreak) and where the author forced a break; counting those gives page
numbers that match what the author saw. Paragraphs become blocks; each table row becomes
a line of tab-joined cells, a table one block. Deleted tracked changes (w:delText) and
the duplicate fallback copies of text boxes (mc:Fallback) are skipped.
"""

from __future__ import annotations

from lxml import etree

from ..types import Extracted, Limits, Page, Rejected
from .office import core_properties, q
from .safety import open_zip, parse_xml, read_member

LABEL = "Word document"

_P, _TBL, _TR, _TC = q("w", "p"), q("w", "tbl"), q("w", "tr"), q("w", "tc")
_T, _TAB, _BR, _CR = q("w", "t"), q("w", "tab"), q("w", "br"), q("w", "cr")
_RENDERED_BREAK = q("w", "lastRenderedPageBreak")
_BREAK_BEFORE = q("w", "pageBreakBefore")
_FALLBACK = q("mc", "Fallback")
_CONTAINERS = {q("w", "sdt"), q("w", "sdtContent"), q("w", "customXml"), q("w", "body")}
_NOISE = {q("w", "pPr"), q("w", "rPr"), q("w", "delText"), q("w", "instrText"), _FALLBACK}
_BREAK_TYPE = q("w", "type")


class _Walker:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.page = 1
        self.pages: dict[int, list[str]] = {}
        self.chars = 0

    def add(self, text: str, page: int) -> None:
        text = text.strip()
        if text:
            self.pages.setdefault(page, []).append(text)
            self.chars += len(text)

    def body(self, element: etree._Element) -> None:
        for child in element:
            if self.chars > self.limits.max_text_chars:
                return  # the caller truncates and warns
            if child.tag == _P:
                start = self.page
                text, breaks, leading = self.paragraph(child)
                # A break before any text moves the whole paragraph to the next page.
                start += leading
                self.add(text, start)
                self.page = start + (breaks - leading)
            elif child.tag == _TBL:
                start = self.page
                self.add("\n".join(self.rows(child)), start)
            elif child.tag in _CONTAINERS:
                self.body(child)

    def rows(self, table: etree._Element) -> list[str]:
        lines = []
        for row in table.iter(_TR):
            if row.getparent() is not table and row.getparent().tag != q("w", "sdtContent"):
                continue  # nested tables are reached through their cell
            cells = []
            for cell in row.iter(_TC):
                if cell.getparent() is not row:
                    continue
                parts = []
                for block in cell:
                    if block.tag == _P:
                        text, breaks, _ = self.paragraph(block)
                        self.page += breaks  # the table is cited by the page it starts on
                        parts.append(text.strip())
                    elif block.tag == _TBL:
                        parts.append(" / ".join(self.rows(block)))
                cells.append(" ".join(part for part in parts if part))
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                lines.append("\t".join(cells))
        return lines

    def paragraph(self, paragraph: etree._Element) -> tuple[str, int, int]:
        """(text, page breaks inside, how many of those came before any text)."""
        parts: list[str] = []
        breaks = leading = 0
        properties = paragraph.find(q("w", "pPr"))
        if properties is not None and properties.find(_BREAK_BEFORE) is not None:
            breaks = leading = 1
        stack = list(reversed(paragraph))
        while stack:
            node = stack.pop()
            tag = node.tag
            if not isinstance(tag, str) or tag in _NOISE:
                continue
            if tag == _T:
                parts.append(node.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                if node.get(_BREAK_TYPE) == "page":
                    breaks += 1
                    leading += not "".join(parts).strip()
                else:
                    parts.append("\n")
            elif tag == _RENDERED_BREAK:
                breaks += 1
                leading += not "".join(parts).strip()
            elif tag == _P:
                parts.append("\n")  # a paragraph inside a text box
                stack.extend(reversed(node))
            else:
                stack.extend(reversed(node))
        return "".join(parts), breaks, leading


def read_docx(data: bytes, limits: Limits) -> Extracted:
    archive = open_zip(data, limits, LABEL)
    with archive:
        root = parse_xml(read_member(archive, "word/document.xml", LABEL), LABEL)
        title, found = core_properties(archive, LABEL)
    body = root.find(q("w", "body"))
    if body is None:
        raise Rejected(f"The {LABEL} is damaged: it has no body.")
    walker = _Walker(limits)
    walker.body(body)
    last = max(walker.pages, default=1)
    warnings = []
    if last > limits.max_pages:
        warnings.append(f"Only the first {limits.max_pages:,} pages were read.")
        last = limits.max_pages
    pages = tuple(
        Page(number, "\n\n".join(walker.pages.get(number, []))) for number in range(1, last + 1)
    )
    return Extracted(
        file_type="docx", pages=pages, title=title, date=found, warnings=tuple(warnings)
    )
