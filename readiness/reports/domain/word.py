"""The report (or the self-evaluation) as a Word document, from the one `Document`.

Headings use Word's own heading styles, so the navigation pane and any table of contents
a person adds later work. The contents page is a list of internal hyperlinks to bookmarks
placed on the headings: there is no field to update, so no "Error! Bookmark not defined."
Every cross-reference in the text is an internal hyperlink to its bookmark too.

A council's own template (.docx) is honoured: its styles, page set-up, headers and footers
are used and its body text is replaced. A template missing a style the report needs is
refused with the names of the missing styles, before anything is built.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from readiness.lib.fonts import name_in_word

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

REQUIRED_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet")
LINK_COLOUR = RGBColor(0x1D, 0x70, 0xB8)
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
MAX_TEMPLATE_EXPANDED = 50 * 1024 * 1024


class TemplateError(ValueError):
    """A template we cannot use; the message says why, in words a person understands."""


def bookmark_name(anchor: str) -> str:
    """Word's rules: a letter first, then letters, digits and underscores, at most 40."""
    name = "".join(c if c.isalnum() else "_" for c in anchor)
    if not name[:1].isalpha():
        name = "b_" + name
    return name[:40]


def check_template(data: bytes) -> None:
    """Refuse anything that is not a modest, well-formed Word document with our styles.
    Raises TemplateError; the bytes are never trusted (size, zip bombs, type by content)."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(
            f"The template is {len(data) / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_TEMPLATE_BYTES // 1024 // 1024} MB."
        )
    if not data.startswith(b"PK\x03\x04"):
        raise TemplateError("The template is not a Word document (.docx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            expanded = sum(info.file_size for info in archive.infolist())
            content_types = (
                archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            )
    except (zipfile.BadZipFile, OSError, KeyError) as error:
        raise TemplateError("The template is not a Word document (.docx).") from error
    if expanded > MAX_TEMPLATE_EXPANDED:
        raise TemplateError("The template would expand to more than 50 MB; it is refused.")
    if "word/document.xml" not in names or b"wordprocessingml.document.main" not in content_types:
        raise TemplateError(
            "The template is not a Word document (.docx); a macro-enabled file or a .dotx "
            "template should be saved as a .docx first."
        )
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a broken package
        raise TemplateError(f"The template could not be read: {error}") from error
    missing = missing_styles(document)
    if missing:
        raise TemplateError(
            "The template is missing the styles the report needs: " + ", ".join(missing) + "."
        )


def missing_styles(document) -> list[str]:
    present = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    return [name for name in REQUIRED_STYLES if name not in present]


def _start(template: bytes | None):
    if template is None:
        document = open_docx()
        section = document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.2))
        document.styles["Normal"].font.size = Pt(11)
        name_in_word(document)
        return document, False
    check_template(template)
    document = open_docx(io.BytesIO(template))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document, True


class _Writer:
    def __init__(self, document, colour: RGBColor) -> None:
        self.document = document
        self.colour = colour
        self.next_bookmark = 1

    def bookmark(self, paragraph, anchor: str) -> None:
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.next_bookmark))
        start.set(qn("w:name"), bookmark_name(anchor))
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.next_bookmark))
        self.next_bookmark += 1
        paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
        paragraph._p.append(end)

    def link(self, paragraph, anchor: str, text: str, bold: bool = False) -> None:
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), bookmark_name(anchor))
        link.set(qn("w:history"), "1")
        run = paragraph.add_run(text)
        run.font.color.rgb = LINK_COLOUR
        run.font.underline = True
        run.bold = bold or None
        paragraph._p.remove(run._r)
        link.append(run._r)
        paragraph._p.append(link)

    def inline(self, paragraph, content) -> None:
        for part in content:
            if isinstance(part, Ref):
                self.link(paragraph, part.target, part.text)
            elif part:
                paragraph.add_run(part)


def _hanging(paragraph, indent: float = 1.1) -> None:
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.first_line_indent = Cm(indent), Cm(-indent)
    fmt.tab_stops.add_tab_stop(Cm(indent))


def _footer_page_numbers(document) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    if paragraph.text.strip():
        return
    paragraph.add_run("Page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_reference(paragraph, anchor: str) -> None:
    """A right-aligned tab and the page of the bookmark, as a PAGEREF field. Its bookmark is
    always in the document (the check makes sure), so updating it can never print "Error!
    Bookmark not defined."; Word updates it on opening (settings ask it to), LibreOffice as
    it lays the document out."""
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run("\t")
    parts = [("begin", None), ("instr", f" PAGEREF {bookmark_name(anchor)} \\h "),
             ("separate", None), ("text", ""), ("end", None)]  # fmt: skip
    for kind, value in parts:
        run = OxmlElement("w:r")
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = value
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = value
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run.append(element)
        paragraph._p.append(run)


def _update_fields_on_open(word) -> None:
    settings = word.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def to_docx(document: Document, template: bytes | None = None) -> bytes:
    word, templated = _start(template)
    brand = document.branding
    colour = RGBColor.from_string(brand.colour.lstrip("#").upper())
    if not templated:
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
            style = word.styles[name]
            style.font.color.rgb = colour
    writer = _Writer(word, colour)
    table_style = "Table Grid" if any(s.name == "Table Grid" for s in word.styles) else None
    properties = word.core_properties
    properties.title, properties.language = document.title, document.language
    properties.author = brand.organisation or "Readiness"

    if brand.logo_png:
        shape = word.add_picture(io.BytesIO(brand.logo_png), height=Cm(2))
        shape._inline.docPr.set("descr", brand.logo_alt or brand.organisation or "Logo")
    if brand.organisation:
        word.add_paragraph().add_run(brand.organisation).bold = True
    word.add_paragraph(document.title, style="Title")
    word.add_paragraph(document.subtitle)
    word.add_paragraph(document.date_line)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # the cover is a page of its own
    for block in document.blocks:
        if isinstance(block, Heading):
            paragraph = word.add_paragraph(block.text, style=f"Heading {block.level}")
            writer.bookmark(paragraph, block.anchor)
        elif isinstance(block, Paragraph):
            paragraph = word.add_paragraph()
            if block.number is not None:
                _hanging(paragraph)
                paragraph.add_run(f"{block.number}\t")
                writer.bookmark(paragraph, block.anchor)
            writer.inline(paragraph, block.content)
        elif isinstance(block, Note):
            paragraph = word.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(1.1)
            before = len(paragraph.runs)
            writer.inline(paragraph, block.content)
            for run in paragraph.runs[before:]:
                run.font.size, run.italic = Pt(9.5), True
        elif isinstance(block, BulletList):
            for item in block.items:
                paragraph = word.add_paragraph(style="List Bullet")
                fmt = paragraph.paragraph_format  # under the paragraph's text, not its number
                fmt.left_indent, fmt.first_line_indent = Cm(1.7), Cm(-0.6)
                writer.inline(paragraph, item)
        elif isinstance(block, Item):
            label = word.add_paragraph()
            label.paragraph_format.left_indent = Cm(1.1)
            label.paragraph_format.keep_with_next = True
            run = label.add_run(block.label)
            run.bold, run.font.color.rgb = True, colour
            paragraph = word.add_paragraph()
            _hanging(paragraph, 1.1)
            paragraph.paragraph_format.left_indent = Cm(2.2)
            paragraph.add_run(f"{block.code}\t").bold = True
            paragraph.add_run(block.text)
            if block.raised_in is not None:
                paragraph.add_run(" (raised in ")
                writer.link(paragraph, block.raised_in.target, block.raised_in.text)
                paragraph.add_run(")")
            writer.bookmark(paragraph, block.anchor)
            for line in block.guidance:
                bullet = word.add_paragraph(line, style="List Bullet")
                bullet.paragraph_format.left_indent = Cm(2.8)
                bullet.paragraph_format.first_line_indent = Cm(-0.6)
        elif isinstance(block, Table):
            caption = word.add_paragraph()
            caption.add_run(block.caption).bold = True
            caption.paragraph_format.keep_with_next = True
            if block.anchor:
                writer.bookmark(caption, block.anchor)
            table = word.add_table(rows=1, cols=len(block.header))
            if table_style:
                table.style = table_style
            weights = block.widths or (1,) * len(block.header)
            widths = [Cm(16.6 * w / sum(weights)) for w in weights]
            table.autofit = False
            for column, w in zip(table.columns, widths, strict=True):
                column.width = w  # the grid, which LibreOffice reads
            for cell, text, w in zip(table.rows[0].cells, block.header, widths, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
                cell.width = w
            _repeat_header(table.rows[0])
            for row in block.rows:
                cells = table.add_row().cells
                for cell, value, w in zip(cells, row, widths, strict=True):
                    cell.width = w
                    if isinstance(value, tuple):
                        writer.inline(cell.paragraphs[0], value)
                    else:
                        cell.paragraphs[0].add_run(str(value))
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.font.size = Pt(9)
                for r in row._tr.iter(qn("w:hyperlink")):
                    for rpr in r.iter(qn("w:rPr")):
                        size = OxmlElement("w:sz")
                        size.set(qn("w:val"), "18")
                        rpr.append(size)
            word.add_paragraph()
        elif isinstance(block, Contents):
            for entry in block.entries:
                paragraph = word.add_paragraph()
                if entry.level > 1:
                    paragraph.paragraph_format.left_indent = Cm(0.8)
                writer.link(paragraph, entry.target, entry.text, bold=entry.level == 1)
                _page_reference(paragraph, entry.target)
        elif isinstance(block, PageBreak):
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _footer_page_numbers(word)
    if any(isinstance(block, Contents) for block in document.blocks):
        _update_fields_on_open(word)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
