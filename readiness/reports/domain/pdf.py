"""The report as a tagged PDF, written by hand in the manner of the narratives' PDF
(`readiness.narratives.pdf`, whose text, width and wrapping primitives it reuses; the
structure tree and the file around the objects are `readiness.lib.pdf_objects`): no
reportlab, cairo or browser on the server.

Beyond a narrative it has: a contents page whose entries are links with page numbers, an
outline (bookmarks) of the sections, every cross-reference a link annotation to its
place, tables that break across pages with their header row repeated, and the council's
logo. Tagged: Document > H1…H4, P, L/LI/Lbl/LBody, Table/TR/TH/TD, TOC/TOCI, Link (with its
annotation as an object reference), Figure with /Alt; page furniture is artifacts.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from readiness.lib.pdf_objects import Element, assemble, write_structure_tree
from readiness.lib.pdf_objects import text_string as _text_string
from readiness.narratives.pdf import (
    BOLD,
    MARGIN,
    PAGE_H,
    PAGE_W,
    REGULAR,
    TEXT_W,
    _colour,
    _n,
    _text,
    width,
    winansi,
)

from . import png
from .document import (
    BulletList,
    Contents,
    Document,
    Heading,
    Item,
    Note,
    PageBreak,
    Paragraph,
    Ref,
    Table,
)

LINK = "#1d70b8"
INK = "#0b0c0c"
GREY = "#505a5f"
RULE = "#b1b4b6"
BOTTOM = MARGIN + 16  # room for the footer
HEADINGS = {1: (18.0, 24.0, "H2"), 2: (14.0, 19.0, "H3"), 3: (12.0, 16.0, "H4")}


@dataclass
class _Run:
    text: str
    target: str | None
    font: str
    x: float  # offset from the line's start


def _words(content, font: str) -> list[list[tuple[str, str | None, str]]]:
    """Split an inline run into words, each a list of (text, link target, font) pieces."""
    words: list[list[tuple[str, str | None, str]]] = [[]]
    for part in content:
        text, target = (part.text, part.target) if isinstance(part, Ref) else (part, None)
        for i, chunk in enumerate(text.replace("\n", " ").split(" ")):
            if i > 0 and words[-1]:
                words.append([])
            if chunk:
                words[-1].append((chunk, target, font))
    return [w for w in words if w]


def lay_lines(content, font: str, size: float, room: float) -> list[list[_Run]]:
    """Greedy wrapping of an inline run with links; each line a list of runs with offsets."""
    space = width(" ", font, size)
    lines: list[list[_Run]] = [[]]
    x = 0.0
    for word in _words(content, font):
        word_w = sum(width(t, f, size) for t, _, f in word)
        if lines[-1] and x + space + word_w > room:
            lines.append([])
            x = 0.0
        if lines[-1]:
            last = lines[-1][-1]
            target = word[0][1]
            if last.target == target:
                last.text += " "
            else:
                lines[-1].append(_Run(" ", last.target if last.target == target else None,
                                      font, x))  # fmt: skip
            x += space
        for text, target, f in word:
            while width(text, f, size) > room:  # a word wider than the line
                cut = next((i for i in range(len(text), 0, -1)
                            if width(text[:i], f, size) <= room - x), 1)  # fmt: skip
                lines[-1].append(_Run(text[:cut], target, f, x))
                lines.append([])
                x, text = 0.0, text[cut:]
            last = lines[-1][-1] if lines[-1] else None
            if last and last.target == target and last.font == f:
                last.text += text
            else:
                lines[-1].append(_Run(text, target, f, x))
            x += width(text, f, size)
    return lines


class _Layout:
    def __init__(self, colour: str) -> None:
        self.colour = colour
        self.pages: list[list[str]] = []
        self.mcids: list[int] = []
        self.document = Element("Document")
        self.anchors: dict[str, tuple[int, float]] = {}
        self.links: list[tuple[int, tuple[float, float, float, float], str, Element, str]] = []
        self.outline: list[tuple[int, str, str]] = []  # (level, text, anchor)
        self.page_numbers: list[tuple[int, float, str, Element]] = []
        self.images: list[tuple[int, png.Image]] = []
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.mcids.append(0)
        self.y = PAGE_H - MARGIN

    @property
    def page(self) -> int:
        return len(self.pages) - 1

    def room(self, height: float) -> bool:
        if self.y - height < BOTTOM and self.y < PAGE_H - MARGIN - 1:
            self.new_page()
            return True
        return False

    def mark(self, element: Element, ops: str, page: int | None = None) -> None:
        page = self.page if page is None else page
        mcid = self.mcids[page]
        self.mcids[page] += 1
        element.kids.append((page, mcid))
        self.pages[page].append(f"/{element.kind} <</MCID {mcid}>> BDC {ops} EMC")

    def artifact(self, ops: str) -> None:
        self.pages[self.page].append(f"/Artifact BMC {ops} EMC")

    def draw_line(self, element: Element, runs: list[_Run], x0: float, size: float,
                  colour: str = INK, links: dict | None = None) -> None:  # fmt: skip
        """One laid-out line at the cursor: plain runs under `element`, link runs under a
        Link element (one per target within the block) with an annotation each."""
        baseline = self.y - size
        links = links if links is not None else {}
        for run in runs:
            if not run.text.strip() and run.target is None:
                continue
            x = x0 + run.x
            if run.target is None:
                self.mark(
                    element,
                    _colour(colour, "rg") + " " + _text(x, baseline, run.text, run.font, size),
                )
                continue  # fmt: skip
            link = links.get(run.target)
            if link is None:
                link = links[run.target] = element.add("Link")
            w = width(run.text, run.font, size)
            ops = (_colour(LINK, "rg") + " " + _text(x, baseline, run.text, run.font, size)
                   + f" {_colour(LINK, 'RG')} 0.6 w {_n(x)} {_n(baseline - 1.5)} m "
                   f"{_n(x + w)} {_n(baseline - 1.5)} l S")  # fmt: skip
            self.mark(link, ops)
            rect = (x, baseline - 3, x + w, baseline + size)
            self.links.append((self.page, rect, run.target, link, run.text))

    def flow(self, element: Element, content, font: str = REGULAR, size: float = 11.0,
             leading: float = 15.0, indent: float = 0.0, colour: str = INK,
             anchor: str = "") -> None:  # fmt: skip
        links: dict = {}
        for number, line in enumerate(lay_lines(content, font, size, TEXT_W - indent)):
            self.room(leading)
            if number == 0 and anchor:
                self.anchors[anchor] = (self.page, self.y)
            self.draw_line(element, line, MARGIN + indent, size, colour, links)
            self.y -= leading


def _heading(layout: _Layout, block: Heading) -> None:
    size, leading, tag = HEADINGS[block.level]
    layout.room(leading + 15 * 3 + 12)  # never a heading alone at the foot of a page
    layout.y -= 10 if block.level == 1 else 6
    layout.anchors[block.anchor] = (layout.page, layout.y + 6)
    element = layout.document.add(tag)
    layout.flow(element, (block.text,), BOLD, size, leading, colour=layout.colour)
    if block.level == 1:
        y = _n(layout.y + 4)
        layout.artifact(f"q {_colour(layout.colour, 'RG')} 1.2 w {_n(MARGIN)} {y} m "
                        f"{_n(MARGIN + TEXT_W)} {y} l S Q")  # fmt: skip
        layout.y -= 6
    if block.in_contents and block.level <= 2:
        layout.outline.append((block.level, block.text, block.anchor))


def _table(layout: _Layout, block: Table, size: float = 8.5) -> None:
    table = layout.document.add("Table")
    caption = table.add("Caption")
    layout.room(40)
    layout.flow(caption, (block.caption,), BOLD, 10, 14, anchor=block.anchor)
    weights = block.widths or (1,) * len(block.header)
    columns = [TEXT_W * w / sum(weights) for w in weights]
    pad, step = 3.0, size + 2.5

    def laid(row, font):
        return [lay_lines(v if isinstance(v, tuple) else (str(v),), font, size, w - 2 * pad)
                for v, w in zip(row, columns, strict=True)]  # fmt: skip

    def draw(cells, font, kind, element):
        height = max(len(lines) for lines in cells) * step + 5
        x = MARGIN
        top = layout.y
        if kind == "TH":  # the header's shading goes under its text
            layout.artifact(
                f"q {_colour('#f3f2f1', 'rg')} {_n(MARGIN)} {_n(top - height)} "
                f"{_n(TEXT_W)} {_n(height)} re f Q"
            )
        for lines, w in zip(cells, columns, strict=True):
            cell = element.add(kind)
            links: dict = {}
            for i, line in enumerate(lines):
                layout.y = top - 2 - i * step
                layout.draw_line(cell, line, x + pad, size, links=links)
            if not cell.kids:
                layout.mark(cell, "")
            x += w
        layout.y = top - height
        rule = _colour(RULE, "RG")
        xs, edges = MARGIN, []
        for w in columns:
            edges.append(f"{_n(xs)} {_n(top)} m {_n(xs)} {_n(layout.y)} l")
            xs += w
        edges.append(f"{_n(xs)} {_n(top)} m {_n(xs)} {_n(layout.y)} l")
        ops = (f"q {rule} 0.5 w {_n(MARGIN)} {_n(layout.y)} m {_n(MARGIN + TEXT_W)} "
               f"{_n(layout.y)} l {_n(MARGIN)} {_n(top)} m {_n(MARGIN + TEXT_W)} {_n(top)} l "
               + " ".join(edges) + " S Q")  # fmt: skip
        layout.artifact(ops)

    header = laid(block.header, BOLD)
    header_h = max(len(c) for c in header) * step + 5
    head = table.add("THead").add("TR")
    layout.room(header_h + 3 * step)
    draw(header, BOLD, "TH", head)
    body = table.add("TBody")
    for row in block.rows:
        cells = laid(row, REGULAR)
        element = None
        while True:  # a row taller than the page goes on over the next, header repeated
            height = max(len(c) for c in cells) * step + 5
            if layout.room(min(height, 3 * step + 5)):
                draw(header, BOLD, "TH", body.add("TR"))
            element = element or body.add("TR")
            fits = max(1, int((layout.y - BOTTOM - 5) // step))
            draw([c[:fits] for c in cells], REGULAR, "TD", element)
            cells = [c[fits:] for c in cells]
            if not any(cells):
                break
            layout.new_page()
            draw(header, BOLD, "TH", body.add("TR"))
    layout.y -= 10


def _bullets(layout: _Layout, items, indent: float, size: float = 11.0) -> None:
    listing = layout.document.add("L")
    for item in items:
        entry = listing.add("LI")
        layout.room(15)
        bullet = _text(MARGIN + indent + 2, layout.y - size, "\u2022", REGULAR, size)
        layout.mark(entry.add("Lbl"), _colour(INK, "rg") + " " + bullet)
        layout.flow(entry.add("LBody"), item, indent=indent + 14, size=size)
        layout.y -= 3


def _item(layout: _Layout, block: Item) -> None:
    division = layout.document.add("Div")
    layout.room(15 * 3 + 10)
    top = layout.y
    start_page = layout.page
    layout.y -= 4
    layout.flow(division.add("P"), (block.label,), BOLD, 10, 14, indent=40,
                colour=layout.colour)  # fmt: skip
    paragraph = division.add("P")
    content = [block.code, " ", block.text]
    if block.raised_in is not None:
        content += [" (raised in ", block.raised_in, ")"]
    lines = lay_lines(tuple(content[2:]), REGULAR, 11, TEXT_W - 76)
    links: dict = {}
    for number, line in enumerate(lines):
        layout.room(15)
        if number == 0:
            layout.anchors[block.anchor] = (layout.page, layout.y + 14)
            code = _text(MARGIN + 40, layout.y - 11, block.code, BOLD, 11)
            layout.mark(paragraph, _colour(layout.colour, "rg") + " " + code)
        layout.draw_line(paragraph, line, MARGIN + 76, 11, links=links)
        layout.y -= 15
    if block.guidance:
        _bullets(layout, [(g,) for g in block.guidance], 76, 10.5)
    layout.y -= 4
    if layout.page == start_page:
        layout.artifact(f"q {_colour(layout.colour, 'rg')} {_n(MARGIN + 28)} {_n(layout.y)} 4 "
                        f"{_n(top - layout.y)} re f Q")  # fmt: skip
    layout.y -= 8


def _contents(layout: _Layout, block: Contents) -> None:
    toc = layout.document.add("TOC")
    for entry in block.entries:
        item = toc.add("TOCI")
        indent = 0 if entry.level == 1 else 18
        font = BOLD if entry.level == 1 else REGULAR
        layout.room(17)
        if entry.level == 1:
            layout.y -= 4
        line = lay_lines((Ref(entry.target, entry.text),), font, 11, TEXT_W - 60 - indent)
        links: dict = {}
        for number, runs in enumerate(line):
            layout.draw_line(item, runs, MARGIN + indent, 11, links=links)
            if number == len(line) - 1:
                layout.page_numbers.append((layout.page, layout.y, entry.target,
                                            links[entry.target]))  # fmt: skip
            layout.y -= 16


def _logo(layout: _Layout, image: png.Image, alt: str) -> None:
    height = 56.0
    w = image.width * height / image.height
    if w > TEXT_W / 2:
        w, height = TEXT_W / 2, image.height * (TEXT_W / 2) / image.width
    layout.images.append((layout.page, image))
    name = f"Im{len(layout.images)}"
    ops = f"q {_n(w)} 0 0 {_n(height)} {_n(MARGIN)} {_n(layout.y - height)} cm /{name} Do Q"
    layout.mark(layout.document.add("Figure", alt=alt), ops)
    layout.y -= height + 14


def to_pdf(document: Document) -> bytes:
    brand = document.branding
    layout = _Layout(brand.colour)
    if brand.logo_png:
        try:
            _logo(layout, png.decode(brand.logo_png), brand.logo_alt or brand.organisation)
        except png.PngError:
            pass  # the logo is checked when configured; a bad one never stops a report
    if brand.organisation:
        layout.flow(layout.document.add("P"), (brand.organisation,), BOLD, 12, 16)
        layout.y -= 20
    layout.flow(layout.document.add("H1"), (document.title,), BOLD, 24, 30, colour=brand.colour)
    layout.y -= 6
    layout.flow(layout.document.add("P"), (document.subtitle,), size=12, leading=17)
    layout.flow(layout.document.add("P"), (document.date_line,), size=12, leading=17)
    layout.y -= 20
    for block in document.blocks:
        if isinstance(block, Heading):
            _heading(layout, block)
        elif isinstance(block, Paragraph):
            layout.y -= 3
            element = layout.document.add("P")
            if block.number is None:
                layout.flow(element, block.content)
            else:
                layout.room(15 * 2)
                layout.anchors[block.anchor] = (layout.page, layout.y + 4)
                number = _text(MARGIN, layout.y - 11, str(block.number), BOLD, 11)
                layout.mark(element.add("Lbl"), _colour(layout.colour, "rg") + " " + number)
                layout.flow(element, block.content, indent=32)
            layout.y -= 4
        elif isinstance(block, Note):
            layout.flow(layout.document.add("P"), block.content, size=9.5, leading=13,
                        indent=32, colour=GREY)  # fmt: skip
            layout.y -= 4
        elif isinstance(block, BulletList):
            _bullets(layout, block.items, 32)
            layout.y -= 4
        elif isinstance(block, Item):
            _item(layout, block)
        elif isinstance(block, Table):
            _table(layout, block)
        elif isinstance(block, Contents):
            _contents(layout, block)
        elif isinstance(block, PageBreak):
            if layout.y < PAGE_H - MARGIN - 1:
                layout.new_page()
    for page, y, target, link in layout.page_numbers:
        if target in layout.anchors:
            number = str(layout.anchors[target][0] + 1)
            x = MARGIN + TEXT_W - width(number, REGULAR, 11)
            layout.mark(link, _colour(LINK, "rg") + " " + _text(x, y - 11, number, REGULAR, 11),
                        page)  # fmt: skip
    return _write(layout, document)


def _write(layout: _Layout, document: Document) -> bytes:
    objects: dict[int, bytes] = {}
    count = len(layout.pages)
    catalog, pages_obj, regular, bold, tree, info, outlines = 1, 2, 3, 4, 5, 6, 7
    page_ids = [8 + 2 * i for i in range(count)]
    next_id = 8 + 2 * count

    def new() -> int:
        nonlocal next_id
        next_id += 1
        return next_id - 1

    def dest(anchor: str) -> str:
        page, y = layout.anchors[anchor]
        return f"[{page_ids[page]} 0 R /XYZ 0 {_n(min(y + 8, PAGE_H))} 0]"

    # Link annotations, each with its own key in the parent tree.
    annots: dict[int, list[int]] = {}
    annot_parent: dict[int, Element] = {}
    annot_objects: list[tuple[int, int, tuple, str, str]] = []
    for page, rect, target, element, text in layout.links:
        if target not in layout.anchors:
            continue
        obj = new()
        annots.setdefault(page, []).append(obj)
        key = count + len(annot_objects)
        annot_parent[key] = element
        element.kids.append(("annot", obj, page))
        annot_objects.append((obj, key, rect, target, text))
    next_id = write_structure_tree(
        layout.document, tree=tree, page_ids=page_ids, next_id=next_id, objects=objects,
        annotations=annot_parent.items(),
    )  # fmt: skip
    for obj, key, rect, target, text in annot_objects:
        x0, y0, x1, y1 = rect
        objects[obj] = (
            (
                f"<< /Type /Annot /Subtype /Link /Rect [{_n(x0)} {_n(y0)} {_n(x1)} {_n(y1)}] "
                f"/Border [0 0 0] /Dest {dest(target)} /StructParent {key} /Contents "
            ).encode()
            + _text_string(text)
            + b" >>"
        )

    # The outline: sections, with their sub-sections beneath.
    entries = [(lvl, text, anchor) for lvl, text, anchor in layout.outline
               if anchor in layout.anchors]  # fmt: skip
    ids = [new() for _ in entries]
    tops = [i for i, (lvl, _, _) in enumerate(entries) if lvl == 1]
    children: dict[int, list[int]] = {i: [] for i in tops}
    current = None
    for i, (lvl, _, _) in enumerate(entries):
        if lvl == 1:
            current = i
        elif current is not None:
            children[current].append(i)

    def outline_item(i: int, parent: int, siblings: list[int]) -> None:
        lvl, text, anchor = entries[i]
        place = siblings.index(i)
        links = [f"/Parent {parent} 0 R", f"/Dest {dest(anchor)}"]
        if place > 0:
            links.append(f"/Prev {ids[siblings[place - 1]]} 0 R")
        if place < len(siblings) - 1:
            links.append(f"/Next {ids[siblings[place + 1]]} 0 R")
        kids = children.get(i, [])
        if kids:
            links.append(f"/First {ids[kids[0]]} 0 R /Last {ids[kids[-1]]} 0 R "
                         f"/Count -{len(kids)}")  # fmt: skip
            for kid in kids:
                outline_item(kid, ids[i], kids)
        objects[ids[i]] = (
            b"<< /Title " + _text_string(text) + (" " + " ".join(links)).encode() + b" >>"
        )

    for i in tops:
        outline_item(i, outlines, tops)
    if tops:
        objects[outlines] = (f"<< /Type /Outlines /First {ids[tops[0]]} 0 R /Last "
                             f"{ids[tops[-1]]} 0 R /Count {len(tops)} >>").encode()  # fmt: skip
    else:
        objects[outlines] = b"<< /Type /Outlines /Count 0 >>"
    objects[catalog] = (f"<< /Type /Catalog /Pages {pages_obj} 0 R /StructTreeRoot {tree} 0 R "
                        f"/MarkInfo << /Marked true >> /Lang ({document.language}) "
                        f"/Outlines {outlines} 0 R /PageMode /UseOutlines "
                        "/ViewerPreferences << /DisplayDocTitle true >> >>").encode()  # fmt: skip
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects[pages_obj] = f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()
    for obj, name in ((regular, "Helvetica"), (bold, "Helvetica-Bold")):
        objects[obj] = (f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} "
                        "/Encoding /WinAnsiEncoding >>").encode()  # fmt: skip
    images: dict[int, list[tuple[str, int]]] = {}
    for number_, (page, image) in enumerate(layout.images, start=1):
        obj = new()
        mask = ""
        if image.alpha is not None:
            smask = new()
            data = zlib.compress(image.alpha)
            objects[smask] = (f"<< /Type /XObject /Subtype /Image /Width {image.width} "
                              f"/Height {image.height} /ColorSpace /DeviceGray "
                              f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>"
                              "\nstream\n").encode() + data + b"\nendstream"  # fmt: skip
            mask = f" /SMask {smask} 0 R"
        data = zlib.compress(image.pixels)
        space = "/DeviceRGB" if image.colours == 3 else "/DeviceGray"
        objects[obj] = (f"<< /Type /XObject /Subtype /Image /Width {image.width} "
                        f"/Height {image.height} /ColorSpace {space} /BitsPerComponent 8"
                        f"{mask} /Filter /FlateDecode /Length {len(data)} >>\nstream\n"
                        ).encode() + data + b"\nendstream"  # fmt: skip
        images.setdefault(page, []).append((f"Im{number_}", obj))
    footer_name = winansi(document.branding.organisation or "")
    for i, ops in enumerate(layout.pages):
        label = f"Page {i + 1} of {count}"
        footer = _text(PAGE_W - MARGIN - width(label, REGULAR, 9), MARGIN - 24, label, REGULAR, 9)
        if footer_name:
            footer += " " + _text(MARGIN, MARGIN - 24, document.branding.organisation, REGULAR, 9)
        stream = zlib.compress(
            " ".join([*ops, f"/Artifact BMC {_colour(GREY, 'rg')} {footer} EMC"]).encode("latin-1")
        )
        xobjects = ""
        if i in images:
            xobjects = " /XObject << " + " ".join(f"/{n} {o} 0 R" for n, o in images[i]) + " >>"
        annot_list = ""
        if i in annots:
            annot_list = " /Annots [" + " ".join(f"{a} 0 R" for a in annots[i]) + "]"
        objects[page_ids[i]] = (
            f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
            f"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >>{xobjects} >> "
            f"/Contents {page_ids[i] + 1} 0 R /StructParents {i} /Tabs /S{annot_list} >>"
        ).encode()
        objects[page_ids[i] + 1] = (f"<< /Length {len(stream)} /Filter /FlateDecode >>\n"
                                    "stream\n").encode() + stream + b"\nendstream"  # fmt: skip
    objects[info] = (b"<< /Title " + _text_string(document.title) + b" /Author "
                     + _text_string(document.branding.organisation or "Readiness")
                     + b" /Producer (Readiness) >>")  # fmt: skip
    return assemble(objects, catalog=catalog, info=info, version="1.5")
