"""Plain text, Markdown and CSV."""

from __future__ import annotations

import csv
import io
import re

from ..types import Extracted, Limits, Page

MAX_ROWS = 20_000

_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")


def decode(data: bytes) -> str:
    """Bytes to text: a byte-order mark wins, then UTF-8, then Windows-1252.

    Windows-1252 is what Excel and Notepad on a council laptop write when not UTF-8; it
    decodes every byte but five, which are replaced rather than failing the file.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", errors="replace")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _paragraphs(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_txt(data: bytes, limits: Limits) -> Extracted:
    text = _paragraphs(decode(data))
    return Extracted(file_type="txt", pages=(Page(1, text),))


def read_md(data: bytes, limits: Limits) -> Extracted:
    """Markdown: heading marks are dropped from the text, the first heading is the title."""
    lines = _paragraphs(decode(data)).split("\n")
    title = None
    out: list[str] = []
    for line in lines:
        heading = _MD_HEADING.match(line)
        if heading:
            title = title or heading[1] or None
            out.extend(["", heading[1], ""])  # a heading is a block of its own
        elif _MD_SETEXT.match(line) and out and out[-1].strip():
            title = title or out[-1].strip()
            out.append("")
        else:
            out.append(line)
    return Extracted(file_type="md", pages=(Page(1, "\n".join(out)),), title=title)


def read_csv(data: bytes, limits: Limits) -> Extracted:
    """Rows as tab-joined lines; the dialect is sniffed from the start of the file."""
    text = decode(data)
    sample = text[:65536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    warnings: list[str] = []
    rows: list[str] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect)):
            if number >= MAX_ROWS:
                warnings.append(f"Only the first {MAX_ROWS:,} rows were read.")
                break
            cells = [cell.strip() for cell in row]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append("\t".join(cells))
    except csv.Error:
        # A malformed CSV (a stray quote, a huge field) is still useful as lines of text.
        rows = [line for line in _paragraphs(text).split("\n")[:MAX_ROWS] if line.strip()]
        warnings.append("The CSV is malformed: read as plain lines.")
    return Extracted(file_type="csv", pages=(Page(1, "\n".join(rows)),), warnings=tuple(warnings))
