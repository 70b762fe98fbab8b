"""A narrative as a PDF 1.4, written by hand: no reportlab, cairo or browser on the server.

Text is the standard Helvetica (not embedded; every reader has it) in WinAnsiEncoding, so
curly quotes, dashes, £ and € print as themselves; anything outside WinAnsi falls back to its
unaccented letter or "?", never to a broken byte. Lines are wrapped with Helvetica's AFM
widths (data/helvetica_widths.json). Each embedded indicator's chart is vector graphics, laid
out exactly as `charts.svg_chart`, with its data table below.

Tagged enough for a screen reader: a structure tree (Document > H1, H2, P, L/LI, Figure with
its trend in words as /Alt, Table/TR/TH/TD), marked content on every page, /Lang and the
title shown in the window; page numbers are artifacts.
"""

from __future__ import annotations

import json
import unicodedata
import zlib
from pathlib import Path

from readiness.indicators.domain import charts as c
from readiness.indicators.domain.assessment import Point, format_value, point_value
from readiness.lib.pdf_objects import Element, assemble, write_structure_tree
from readiness.lib.pdf_objects import text_string as _text_string

# (title, series, unit, target, comparators, polarity): one embedded indicator.
Figure = tuple[str, list[Point], str, float | None, dict[str, float | None], str]

PAGE_W, PAGE_H, MARGIN = 595.28, 841.89, 56.7  # A4, 2 cm margins
TEXT_W = PAGE_W - 2 * MARGIN
BODY, LEADING = 11.0, 15.0
_WIDTHS = json.loads((Path(__file__).parent / "data" / "helvetica_widths.json").read_text())
REGULAR, BOLD = "F1", "F2"
# Characters WinAnsi lacks but which have a plain equivalent.
REPLACE = {"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2192": "->", "\u2264": "<=",
           "\u2265": ">=", "\u2009": " ", "\u202f": " ", "\u200b": "", "\t": " ",
           "\r": ""}  # fmt: skip


def winansi(text: str) -> bytes:
    out = bytearray()
    for char in text:
        for part in REPLACE.get(char, char):
            try:
                out += part.encode("cp1252")  # cp1252 is WinAnsiEncoding
            except UnicodeEncodeError:  # "ā" → "a"; a symbol with no letter in it → "?"
                out += unicodedata.normalize("NFKD", part).encode("cp1252", "ignore") or b"?"
    return bytes(b if b >= 32 else 32 for b in out)


def width(text: str | bytes, font: str, size: float) -> float:
    data = winansi(text) if isinstance(text, str) else text
    regular = _WIDTHS["Helvetica"]
    bold = _WIDTHS["Helvetica-Bold"]
    # Bold beyond ASCII is not in the table: regular plus 10% errs on the wide side.
    total = sum(bold[b - 32] if font == BOLD and b < 127 else regular[b - 32] * (
        1.1 if font == BOLD else 1) for b in data)  # fmt: skip
    return total * size / 1000


def wrap(text: str, font: str, size: float, room: float) -> list[str]:
    """Greedy wrapping at spaces; a word wider than the line is split where it overflows."""
    lines: list[str] = []
    for hard in text.split("\n"):
        line = ""
        for word in hard.split():
            trial = f"{line} {word}" if line else word
            if width(trial, font, size) <= room:
                line = trial
                continue
            if line:
                lines.append(line)
            while width(word, font, size) > room:
                fits = (i for i in range(len(word), 0, -1) if width(word[:i], font, size) <= room)
                cut = next(fits, 1)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _string(data: bytes) -> bytes:
    """A PDF literal string, with the three special bytes escaped."""
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _n(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _colour(hex_colour: str, op: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return f"{_n(r)} {_n(g)} {_n(b)} {op}"


def _text(x: float, y: float, text: str, font: str, size: float, flipped: bool = False) -> str:
    # In a chart the y axis points down (the SVG's), so the text matrix flips it back.
    matrix = f"1 0 0 -1 {_n(x)} {_n(y)} Tm" if flipped else f"{_n(x)} {_n(y)} Td"
    return (
        f"BT /{font} {_n(size)} Tf {matrix} " + _string(winansi(text)).decode("latin-1") + " Tj ET"
    )


class Layout:
    """Pages of content-stream operators, a cursor moving down, and the structure tree."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []
        self.mcids: list[int] = []
        self.document = Element("Document")
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.mcids.append(0)
        self.y = PAGE_H - MARGIN

    def room(self, height: float) -> None:
        """Start a new page unless `height` fits above the bottom margin (and the footer)."""
        if self.y - height < MARGIN + 14 and self.y < PAGE_H - MARGIN:
            self.new_page()

    def mark(self, element: Element, ops: str) -> None:
        """Draw `ops` as marked content belonging to `element`."""
        page = len(self.pages) - 1
        mcid = self.mcids[page]
        self.mcids[page] += 1
        element.kids.append((page, mcid))
        self.pages[page].append(f"/{element.kind} <</MCID {mcid}>> BDC {ops} EMC")

    def lines(self, element: Element, text: str, font: str = REGULAR, size: float = BODY,
              leading: float = LEADING, indent: float = 0.0) -> None:  # fmt: skip
        for line in wrap(text, font, size, TEXT_W - indent):
            self.room(leading)
            self.mark(element, _text(MARGIN + indent, self.y - size, line, font, size))
            self.y -= leading


def narrative_pdf(version, figures: list[Figure], evidence: list[str] | None = None) -> bytes:
    """The narrative's latest wording with its charts, as PDF bytes (deterministic).
    `evidence`: the lines of its Evidence section (default: the version's own references)."""
    evidence = list(version.evidence) if evidence is None else evidence
    layout = Layout()
    doc = layout.document
    layout.lines(doc.add("H1"), version.title, BOLD, 20, 25)
    layout.lines(doc.add("P"), f"Version {version.number}, {version.written_at:%d %B %Y}",
                 size=9.5, leading=14)  # fmt: skip
    layout.y -= 8
    for heading, text in (
        ("What we targeted and why", version.targeted_and_why),
        ("What we did", version.what_we_did),
        ("Impact for children", version.impact_for_children),
        ("What's next", version.whats_next),
    ):
        layout.room(LEADING * 3 + 20)  # no heading alone at the foot of a page
        layout.y -= 6
        layout.lines(doc.add("H2"), heading, BOLD, 14, 20)
        for paragraph in text.split("\n\n"):
            if paragraph.strip():
                layout.lines(doc.add("P"), paragraph.strip())
                layout.y -= 6
        if heading == "Impact for children":
            for figure in figures:
                _figure(layout, figure)
    if evidence:
        layout.room(LEADING * 2 + 20)
        layout.y -= 6
        layout.lines(doc.add("H2"), "Evidence", BOLD, 14, 20)
        listing = doc.add("L")
        for item in evidence:
            entry = listing.add("LI")
            layout.room(LEADING)
            layout.mark(entry.add("Lbl"), _text(MARGIN + 4, layout.y - BODY, "\u2022", REGULAR,
                                                BODY))  # fmt: skip
            layout.lines(entry.add("LBody"), item, indent=16)
    return _write(layout, version)


def _figure(layout: Layout, figure: Figure) -> None:
    title, series, unit, target, comparators, polarity = figure
    ops, chart_w = _chart_ops(title, series, unit, target, comparators)
    scale = min(1.0, TEXT_W / chart_w)
    height = c.HEIGHT * scale
    layout.room(height + 40)  # the chart and the table's first rows together
    top = layout.y
    alt = c.chart_description(series, unit, polarity, target, comparators)
    transform = f"q {_n(scale)} 0 0 {_n(-scale)} {_n(MARGIN)} {_n(top)} cm {ops} Q"
    layout.mark(layout.document.add("Figure", alt=f"{title}. {alt}"), transform)
    layout.y = top - height - 4
    _table(layout, c.data_table(series, comparators, target, unit))
    layout.y -= 10


def _table(layout: Layout, rows: list[list[str]], size: float = 8.5) -> None:
    """The chart's figures as a ruled table; columns as wide as their text needs."""
    table = layout.document.add("Table")
    natural = [max(width(row[i], BOLD, size) for row in rows) + 8 for i in range(len(rows[0]))]
    fit = min(1.0, TEXT_W / sum(natural))
    columns = [w * fit for w in natural]
    for n, row in enumerate(rows):
        font = BOLD if n == 0 else REGULAR
        cells = [wrap(text, font, size, w - 6) for text, w in zip(row, columns, strict=True)]
        height = max(len(lines) for lines in cells) * (size + 2.5) + 4
        layout.room(height)
        element, x = table.add("TR"), MARGIN
        for lines, w in zip(cells, columns, strict=True):
            cell = element.add("TH" if n == 0 else "TD")
            ops = " ".join(_text(x + 3, layout.y - size - 2 - i * (size + 2.5), line, font, size)
                           for i, line in enumerate(lines))  # fmt: skip
            layout.mark(cell, ops or "")
            x += w
        layout.y -= height
        rule = _colour(c.INK if n == 0 else c.GRID, "RG")
        left, right, y = _n(MARGIN), _n(MARGIN + sum(columns)), _n(layout.y)
        layout.pages[-1].append(f"/Artifact BMC q {rule} 0.5 w {left} {y} m {right} {y} l S Q EMC")


def _chart_ops(
    title: str,
    series: list[Point],
    unit: str,
    target: float | None,
    comparators: dict[str, float | None],
) -> tuple[str, float]:
    """The SVG chart's drawing as PDF operators in viewBox units (y down), and its width."""
    shown = {k: v for k, v in comparators.items() if v is not None}
    values = [point_value(p, unit) for p in series]
    known = [v for v in values if v is not None]
    top = c._nice_max(max(known + [target or 0] + list(shown.values()) + [0]), unit)

    def y_of(value: float) -> float:
        return round(c.BOTTOM - (c.BOTTOM - c.TOP) * value / top, 1)

    step = (c.RIGHT - c.LEFT) / max(len(series), 1)
    xs = [round(c.LEFT + step * (i + 0.5), 1) for i in range(len(series))]
    labels = c._direct_labels("This area", values, target, shown, unit, y_of)
    longest = max((width(text, REGULAR, 12) for _, text, _ in labels), default=0)
    chart_w = max(c.WIDTH, c.RIGHT + 44 + longest)
    out = [_colour("#ffffff", "rg"), f"0 0 {_n(chart_w)} {c.HEIGHT} re f", _colour(c.INK, "rg")]

    def text(x: float, y: float, words: str, size: float = 12, anchor: str = "start",
             font: str = REGULAR) -> None:  # fmt: skip
        shift = {"start": 0, "middle": 0.5, "end": 1}[anchor] * width(words, font, size)
        out.append(_text(x - shift, y, words, font, size, flipped=True))

    def line(x0: float, y0: float, x1: float, y1: float, w: float, colour: str,
             dash: str = "") -> None:  # fmt: skip
        out.append(f"{_colour(colour, 'RG')} {_n(w)} w [{dash}] 0 d "
                   f"{_n(x0)} {_n(y0)} m {_n(x1)} {_n(y1)} l S")  # fmt: skip

    text(c.LEFT, 24, title, 16, font=BOLD)
    for i in range(6):
        tick = top * i / 5
        line(c.LEFT, y_of(tick), c.RIGHT, y_of(tick), 1, c.GRID)
        text(c.LEFT - 8, y_of(tick) + 4, format_value(tick, unit), anchor="end")
    line(c.LEFT, c.BOTTOM, c.RIGHT, c.BOTTOM, 1.5, c.INK)
    for x, point, value in zip(xs, series, values, strict=True):
        text(x, c.BOTTOM + 20, point.period_label, anchor="middle")
        if value is None:
            text(x, c.BOTTOM - 8, "no figure", 11, "middle")
    for line_y, label_y, words, dash in c._spread(labels):
        colour = c.SERIES if not dash else c.INK if dash == c.TARGET_DASH else c.GREY
        if dash:
            line(c.LEFT, line_y, c.RIGHT, line_y, 2, colour, dash)
        line(c.RIGHT + 6, label_y, c.RIGHT + 30, label_y, 2 if dash else 3, colour, dash)
        text(c.RIGHT + 36, label_y + 4, words)
    run: list[str] = []
    for x, value in [*zip(xs, values, strict=True), (0.0, None)]:
        if value is not None:
            run.append(f"{_n(x)} {_n(y_of(value))} {'l' if run else 'm'}")
        elif run:
            if len(run) > 1:
                out.append(f"{_colour(c.SERIES, 'RG')} 3 w [] 0 d 1 j " + " ".join(run) + " S")
            run = []
    for x, value in zip(xs, values, strict=True):
        if value is not None:
            out.append(_colour(c.SERIES, "rg") + " " + _colour("#ffffff", "RG") + " 1.5 w [] 0 d "
                       + _circle(x, y_of(value), 5) + " B")  # fmt: skip
            out.append(_colour(c.INK, "rg"))
            label = format_value(value, unit)
            # A white outline under the figure, like the SVG's paint-order halo.
            out.append(f"q {_colour('#ffffff', 'RG')} 4 w [] 0 d 1 j 2 Tr")
            text(x, y_of(value) - 10, label, 12, "middle", BOLD)
            out.append("Q")
            text(x, y_of(value) - 10, label, 12, "middle", BOLD)
    return " ".join(out), chart_w


def _circle(cx: float, cy: float, r: float) -> str:
    k = 0.5523 * r  # the usual four-Bézier approximation of a circle
    return (f"{_n(cx + r)} {_n(cy)} m {_n(cx + r)} {_n(cy + k)} {_n(cx + k)} {_n(cy + r)} "
            f"{_n(cx)} {_n(cy + r)} c {_n(cx - k)} {_n(cy + r)} {_n(cx - r)} {_n(cy + k)} "
            f"{_n(cx - r)} {_n(cy)} c {_n(cx - r)} {_n(cy - k)} {_n(cx - k)} {_n(cy - r)} "
            f"{_n(cx)} {_n(cy - r)} c {_n(cx + k)} {_n(cy - r)} {_n(cx + r)} {_n(cy - k)} "
            f"{_n(cx + r)} {_n(cy)} c h")  # fmt: skip


def _write(layout: Layout, version) -> bytes:
    """Serialise: catalog, pages, fonts, structure tree, info; then the xref and trailer."""
    objects: dict[int, bytes] = {}
    count = len(layout.pages)
    # Numbers fixed up front so objects can refer forwards.
    catalog, pages_obj, regular, bold, tree, info = 1, 2, 3, 4, 5, 6
    page_ids = [7 + 2 * i for i in range(count)]
    next_id = 7 + 2 * count
    write_structure_tree(layout.document, tree=tree, page_ids=page_ids, next_id=next_id,
                         objects=objects)  # fmt: skip
    objects[catalog] = (f"<< /Type /Catalog /Pages {pages_obj} 0 R /StructTreeRoot {tree} 0 R "
                        "/MarkInfo << /Marked true >> /Lang (en-GB) "
                        "/ViewerPreferences << /DisplayDocTitle true >> >>").encode()  # fmt: skip
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects[pages_obj] = f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()
    for obj, name in ((regular, "Helvetica"), (bold, "Helvetica-Bold")):
        objects[obj] = (f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} "
                        "/Encoding /WinAnsiEncoding >>").encode()  # fmt: skip
    for i, ops in enumerate(layout.pages):
        footer = _text(PAGE_W / 2 - 20, MARGIN - 24, f"Page {i + 1} of {count}", REGULAR, 9)
        stream = zlib.compress(" ".join([*ops, f"/Artifact BMC {footer} EMC"]).encode("latin-1"))
        objects[page_ids[i]] = (
            f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
            f"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> "
            f"/Contents {page_ids[i] + 1} 0 R /StructParents {i} /Tabs /S >>"
        ).encode()
        objects[page_ids[i] + 1] = (f"<< /Length {len(stream)} /Filter /FlateDecode >>\n"
                                    "stream\n").encode() + stream + b"\nendstream"  # fmt: skip
    stamp = f"D:{version.written_at:%Y%m%d%H%M%S}Z"
    objects[info] = (b"<< /Title " + _text_string(version.title)
                     + f" /Producer (Readiness) /CreationDate ({stamp}) >>".encode())  # fmt: skip
    return assemble(objects, catalog=catalog, info=info, version="1.4")
