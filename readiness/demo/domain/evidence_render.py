"""Render a synthetic evidence document (a list of blocks) into the bytes of one file format.

Blocks are small tuples: ("h1", text), ("h2", text), ("p", text), ("ul", [items]),
("table", header, rows) and ("meta", [(label, value)]). Every renderer is deterministic:
fixed timestamps in zip members and document properties, fixed e-mail boundaries, no clock.
PDF and PPTX are written by hand (a minimal text PDF in Helvetica; a minimal PowerPoint
package) so the demo needs nothing beyond the product's own dependencies.
"""

from __future__ import annotations

import csv
import html
import io
import re
import textwrap
import zipfile
import zlib
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from readiness.demo.domain.evidence_pptx import pptx_package

FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
Block = tuple


# --- plain text views -------------------------------------------------------------------------


def cell(value) -> str:
    return "" if value is None else str(value)


def plain_lines(blocks, width: int = 78) -> list[str]:
    """The document as wrapped plain text (TXT files and e-mail bodies)."""
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2"):
            out += ["", block[1], ("=" if kind == "h1" else "-") * min(len(block[1]), width), ""]
        elif kind == "p":
            out += textwrap.wrap(block[1], width) + [""]
        elif kind == "ul":
            for item in block[1]:
                out += textwrap.wrap(item, width, initial_indent="- ", subsequent_indent="  ")
            out.append("")
        elif kind == "meta":
            out += [f"{label}: {value}" for label, value in block[1]] + [""]
        elif kind == "table":
            out += _text_table(block[1], block[2]) + [""]
    while out and not out[0]:
        out.pop(0)
    return out


def _text_table(header, rows) -> list[str]:
    table = [[cell(c) for c in header]] + [[cell(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def render_txt(doc) -> bytes:
    return ("\n".join(plain_lines(doc.blocks)).strip() + "\n").encode("utf-8")


def render_md(doc) -> bytes:
    out: list[str] = []
    for block in doc.blocks:
        kind = block[0]
        if kind == "h1":
            out += [f"# {block[1]}", ""]
        elif kind == "h2":
            out += [f"## {block[1]}", ""]
        elif kind == "p":
            out += [block[1], ""]
        elif kind == "ul":
            out += [f"- {item}" for item in block[1]] + [""]
        elif kind == "meta":
            out += [f"**{label}:** {value}  " for label, value in block[1]] + [""]
        elif kind == "table":
            header, rows = block[1], block[2]
            out.append("| " + " | ".join(cell(c) for c in header) + " |")
            out.append("|" + "---|" * len(header))
            out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows] + [""]
    return ("\n".join(out).strip() + "\n").encode("utf-8")


def render_csv(doc) -> bytes:
    header, rows = next((b[1], b[2]) for b in doc.blocks if b[0] == "table")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


HTML_STYLE = (
    "body{font-family:Arial,sans-serif;max-width:52em;margin:2em auto;line-height:1.45;"
    "color:#222}h1{color:#1d4e89}h2{color:#1d4e89;border-bottom:1px solid #ccd}"
    "table{border-collapse:collapse}td,th{border:1px solid #99a;padding:3px 8px}"
    ".meta{color:#555}"
)


def render_html(doc) -> bytes:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(doc.title)}</title>",
        f'<meta name="author" content="{e(doc.agency)}">',
        f'<meta name="date" content="{doc.date.isoformat()}">',
        f"<style>{HTML_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    for block in doc.blocks:
        kind = block[0]
        if kind in ("h1", "h2"):
            out.append(f"<{kind}>{e(block[1])}</{kind}>")
        elif kind == "p":
            out.append(f"<p>{e(block[1])}</p>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block[1]) + "</ul>")
        elif kind == "meta":
            items = "<br>".join(f"<strong>{e(k)}:</strong> {e(v)}" for k, v in block[1])
            out.append(f'<p class="meta">{items}</p>')
        elif kind == "table":
            head = "".join(f"<th>{e(cell(c))}</th>" for c in block[1])
            body = "".join(
                "<tr>" + "".join(f"<td>{e(cell(c))}</td>" for c in row) + "</tr>"
                for row in block[2]
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    out += [f'<footer><p class="meta">{e(doc.agency)}</p></footer>', "</body>", "</html>"]
    return ("\n".join(out) + "\n").encode("utf-8")


# --- zips made reproducible -------------------------------------------------------------------


def normalise_zip(data: bytes, replacements: dict[str, tuple[str, str]] | None = None) -> bytes:
    """Rewrite a zip with fixed member timestamps; optionally regex-replace inside members."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if replacements and info.filename in replacements:
                pattern, repl = replacements[info.filename]
                content = re.sub(pattern, repl, content.decode("utf-8")).encode("utf-8")
            target.writestr(_zinfo(info.filename), content)
    return buffer.getvalue()


def _zinfo(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info


# --- DOCX and XLSX through the product's own libraries ----------------------------------------


def render_docx(doc) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10.5)
    for block in doc.blocks:
        kind = block[0]
        if kind == "h1":
            document.add_heading(block[1], level=1)
        elif kind == "h2":
            document.add_heading(block[1], level=2)
        elif kind == "p":
            document.add_paragraph(block[1])
        elif kind == "ul":
            for item in block[1]:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "meta":
            for label, value in block[1]:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(value)
        elif kind == "table":
            header, rows = block[1], block[2]
            table = document.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for i, value in enumerate(header):
                table.rows[0].cells[i].text = cell(value)
            for row in rows:
                cells = table.add_row().cells
                for i, value in enumerate(row):
                    cells[i].text = cell(value)
            document.add_paragraph()
    props = document.core_properties
    stamp = datetime(doc.date.year, doc.date.month, doc.date.day, 9, 0, 0)
    props.title, props.author, props.last_modified_by = doc.title, doc.author, doc.author
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def render_xlsx(doc) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    notes = [b for b in doc.blocks if b[0] in ("h1", "h2", "p", "meta")]
    if notes:
        sheet = workbook.create_sheet("Notes")
        sheet.column_dimensions["A"].width = 110
        for block in notes:
            if block[0] == "meta":
                for label, value in block[1]:
                    sheet.append([f"{label}: {value}"])
            else:
                sheet.append([block[1]])
                if block[0] != "p":
                    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    tables = [b for b in doc.blocks if b[0] == "table"]
    for number, block in enumerate(tables, start=1):
        name = block[3] if len(block) > 3 else f"Data {number}"
        sheet = workbook.create_sheet(re.sub(r"[][:*?/\\]", "", name)[:31].strip())
        sheet.append(list(block[1]))
        for c in sheet[1]:
            c.font = Font(bold=True)
        for row in block[2]:
            sheet.append(list(row))
        for i, value in enumerate(block[1]):
            letter = sheet.cell(1, i + 1).column_letter
            sheet.column_dimensions[letter].width = max(10, min(40, len(str(value)) + 2))
    stamp = datetime(doc.date.year, doc.date.month, doc.date.day, 9, 0, 0)
    workbook.properties.creator = doc.author
    workbook.properties.title = doc.title
    workbook.properties.created = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    fixed = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    pattern = r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)"
    return normalise_zip(buffer.getvalue(), {"docProps/core.xml": (pattern, rf"\g<1>{fixed}\2")})


# --- PDF: a minimal multi-page text PDF in Helvetica ------------------------------------------

PAGE_W, PAGE_H, MARGIN = 595, 842, 56


def _pdf_escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    out = bytearray()
    for byte in raw:
        if byte in (0x28, 0x29, 0x5C):  # ( ) \
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out)


def _pdf_lines(doc) -> list[tuple[str, float, float, str]]:
    """(font, size, x offset, text) per line, before pagination; a None text is a gap."""
    lines: list[tuple[str, float, float, str]] = []
    for block in doc.blocks:
        kind = block[0]
        if kind == "h1":
            lines += [("F2", 15, 0, t) for t in textwrap.wrap(block[1], 62)] + [("F1", 6, 0, "")]
        elif kind == "h2":
            lines += [("F1", 5, 0, ""), ("F2", 11.5, 0, block[1]), ("F1", 3, 0, "")]
        elif kind == "p":
            lines += [("F1", 10, 0, t) for t in textwrap.wrap(block[1], 96)] + [("F1", 5, 0, "")]
        elif kind == "ul":
            for item in block[1]:
                wrapped = textwrap.wrap(item, 90)
                lines.append(("F1", 10, 8, "\u2022 " + wrapped[0]))
                lines += [("F1", 10, 17, t) for t in wrapped[1:]]
            lines.append(("F1", 5, 0, ""))
        elif kind == "meta":
            lines += [("F1", 10, 0, f"{k}: {v}") for k, v in block[1]] + [("F1", 5, 0, "")]
        elif kind == "table":
            for number, text in enumerate(_text_table(block[1], block[2])):
                if number != 1:
                    lines.append(("F2" if number == 0 else "F1", 8.5, 0, text))
            lines.append(("F1", 6, 0, ""))
    return lines


def render_pdf(
    doc,
    *,
    producer: str = "Readiness demo",
    created: str | None = None,
    modified: str | None = None,
    title: str | None = None,
) -> bytes:
    """A text PDF of the document. The keywords set its information dictionary as some
    writers leave it (another demo set plants default dates and junk titles there); by
    default it carries the document's own title and date."""
    pages: list[list[tuple[str, float, float, float, str]]] = [[]]
    y = PAGE_H - MARGIN - 24
    for font, size, x, text in _pdf_lines(doc):
        step = size * 1.35
        if y - step < MARGIN + 20:
            pages.append([])
            y = PAGE_H - MARGIN - 24
        y -= step
        if text:
            pages[-1].append((font, size, MARGIN + x, y, text))
    streams = []
    for number, page in enumerate(pages, start=1):
        ops = [b"BT /F1 8 Tf 56 800 Td (OFFICIAL) Tj ET"]
        for font, size, x, ypos, text in page:
            ops.append(
                b"BT /%s %g Tf %g %g Td (%s) Tj ET"
                % (font.encode(), size, x, ypos, _pdf_escape(text))
            )
        footer = f"{doc.agency} - {doc.title} - page {number} of {len(pages)}"
        ops.append(b"BT /F1 7.5 Tf 56 30 Td (%s) Tj ET" % _pdf_escape(footer[:130]))
        streams.append(zlib.compress(b"\n".join(ops), 9))
    objects: list[bytes] = []
    n_pages = len(pages)
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>"
    objects.append(font.format("Helvetica").encode())
    objects.append(font.format("Helvetica-Bold").encode())
    for i, stream in enumerate(streams):
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {6 + 2 * i} 0 R >>"
            ).encode()
        )
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        )
    stamp = created or doc.date.strftime("D:%Y%m%d090000Z")
    info = b"<< /Title (%s) /Author (%s) /Producer (%s) /CreationDate (%s)" % (
        _pdf_escape(doc.title if title is None else title),
        _pdf_escape(doc.author),
        _pdf_escape(producer),
        stamp.encode(),
    )
    objects.append(info + (b" /ModDate (%s) >>" % modified.encode() if modified else b" >>"))
    return pdf_file(objects)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF from its objects, numbered from 1: the catalogue first, the Info dictionary
    last, with the cross-reference table that lets a reader find each one."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(out)


# --- PPTX: a minimal PowerPoint package written by hand ----------------------------------------


def render_pptx(doc) -> bytes:
    slides: list[tuple[str, list[str]]] = []
    title = doc.title
    for block in doc.blocks:
        kind = block[0]
        if kind == "h1":
            title = block[1]
        elif kind == "h2":
            slides.append((block[1], []))
        else:
            if not slides:
                slides.append((title, []))
            if kind == "p":
                slides[-1][1].append(block[1])
            elif kind == "ul":
                slides[-1][1].extend(block[1])
            elif kind == "meta":
                slides[-1][1].extend(f"{k}: {v}" for k, v in block[1])
            elif kind == "table":
                header = block[1]
                slides[-1][1].extend(
                    "; ".join(f"{h}: {cell(v)}" for h, v in zip(header, row, strict=True))
                    for row in block[2]
                )
    split: list[tuple[str, list[str]]] = []
    for heading, bullets in slides:
        for start in range(0, max(len(bullets), 1), 7):
            suffix = " (continued)" if start else ""
            split.append((heading + suffix, bullets[start : start + 7]))
    subtitle = f"{doc.agency} | {doc.date.strftime('%-d %B %Y')}"
    return pptx_package(title, subtitle, split, doc.author, doc.date)


# --- EML with optional attachment ---------------------------------------------------------------

MIME = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def render_eml(doc) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = doc.sender
    message["To"] = doc.recipients
    message["Subject"] = doc.title
    message["Date"] = format_datetime(
        datetime(doc.date.year, doc.date.month, doc.date.day, 10, 24, tzinfo=UTC)
    )
    message["Message-ID"] = f"<{doc.slug}@mail.anytown.example>"
    message.set_content("\n".join(plain_lines(doc.blocks, 76)).strip() + "\n")
    if doc.attachment is not None:
        attached = doc.attachment
        maintype, subtype = MIME[attached.fmt]
        message.add_attachment(
            RENDERERS[attached.fmt](attached),
            maintype=maintype,
            subtype=subtype,
            filename=attached.filename,
        )
        message.set_boundary(f"=_anytown_{doc.slug}")
    return message.as_bytes()


RENDERERS = {
    "pdf": render_pdf,
    "docx": render_docx,
    "xlsx": render_xlsx,
    "csv": render_csv,
    "pptx": render_pptx,
    "html": render_html,
    "txt": render_txt,
    "md": render_md,
    "eml": render_eml,
}
