"""HTML to text with the standard library's tokenizer.

Nothing is fetched, run or rendered: script, style and other non-text elements are
skipped wholesale, and only character data reaches the output, so no markup can leak
into a passage that is later shown on a page.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from ..types import Extracted, Limits, Page
from .dates import iso_date
from .text import decode

# Elements whose content is never text for a reader.
_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "select",
    "button",
    "nav",
    "head",
}
_VOID = {"area", "base", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "form",
    "fieldset",
    "hr",
    "details",
    "summary",
}
_DATE_META = {
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "dc.date",
    "dc.date.issued",
    "date",
    "article:published_time",
}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.parts: list[str] = []
        self.meta_date: date | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "body" and "head" in self.skip_stack:
            self.skip_stack.remove("head")  # an unclosed <head> must not hide the body
        elif tag == "meta":
            values = {key: value or "" for key, value in attrs}
            key = (values.get("name") or values.get("property") or "").lower()
            if key in _DATE_META and self.meta_date is None:
                self.meta_date = iso_date(values.get("content"))
        if tag in _VOID:
            if tag == "br":
                self.parts.append("\n")
            return
        if tag == "pre":
            self.pre_depth += 1
        if tag in _SKIP:
            self.skip_stack.append(tag)
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag == "tr":
            self.parts.append("\n")  # rows are lines of one block: the table

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "pre":
            self.pre_depth = max(self.pre_depth - 1, 0)
        if self.skip_stack and tag in _SKIP:
            # Close back to the matching open element; HTML in the wild is unbalanced.
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if not self.skip_stack:
            # Source line breaks are only spaces in HTML; <br> and blocks make the breaks.
            self.parts.append(data if self.pre_depth else re.sub(r"\s+", " ", data))


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared[1].decode("ascii"), errors="replace")
        except LookupError:
            pass
    return decode(data)


def html_to_text(markup: str) -> tuple[str, str | None, date | None]:
    """(text with blank lines between blocks, title, a date from meta tags or None)."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    # Inside a block, source line breaks are just spaces; blank lines separate blocks.
    blocks = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"[ \r\f\v\u00a0]+", " ", line).strip() for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        joined = re.sub(r"[ ]*\t[ \t]*", "\t", joined).strip("\t")
        if joined:
            blocks.append(joined)
    title = re.sub(r"\s+", " ", "".join(parser.title_parts)).strip() or None
    return "\n\n".join(blocks), title, parser.meta_date


def read_html(data: bytes, limits: Limits) -> Extracted:
    text, title, meta_date = html_to_text(_decode(data))
    return Extracted(file_type="html", pages=(Page(1, text),), title=title, date=meta_date)
