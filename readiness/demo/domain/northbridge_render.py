"""Northbridge's file habits, drawn on top of Anytown's renderers (evidence_render):

- metadata that lies: PDFs stamped 1 January 2000 or 1 January 1980 by their writer, Word
  files whose core properties say 1 January 1980 or 23 December 2013, while the text states
  the real date;
- scans: each page of the document is drawn by PDFium from a text PDF, turned into a
  greyscale picture (paper tint, a scanner's shadow, specks) and saved as an image-only PDF
  or a PNG, so the words are there for OCR but there is no text layer; one scan is noise;
- e-mails from agencies that carry several attachments, or none.

No clock and no randomness without a seed: the same code writes the same bytes.
"""

from __future__ import annotations

import ctypes
import dataclasses
import random
import struct
import zlib
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

import pypdfium2 as pdfium

from readiness.demo.domain.evidence_render import RENDERERS, pdf_file, plain_lines, render_pdf
from readiness.demo.domain.northbridge_writers import Doc

SCAN_DPI = 150  # what an office scanner's default gives, and enough for Tesseract
PAGE_POINTS = (595, 842)  # A4
PAPER, INK = 0xF0, 0x1C  # a scan is never pure white paper and pure black ink
MIME = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def pdf_stamp(day: date) -> str:
    # Writers that fall back to a default write midnight of their epoch.
    return day.strftime("D:%Y%m%d000000")


def render(doc: Doc) -> bytes:
    """The bytes of one Northbridge file (or attachment)."""
    if doc.scan == "noise":
        return image_pdf([noise_page(doc.slug)], doc)
    if doc.scan == "pages":
        pages = scan_pages(doc)
        return png(*pages[0]) if doc.fmt == "png" else image_pdf(pages, doc)
    if doc.fmt == "eml":
        return render_eml(doc)
    stamped = dataclasses.replace(doc, date=doc.meta_date or doc.date)
    if doc.fmt == "pdf":
        stamp = pdf_stamp(doc.meta_date) if doc.meta_date else None
        return render_pdf(
            stamped,
            producer="Acrobat PDFMaker 8.1 for Word" if doc.meta_title else "PDF Creator 0.9",
            created=stamp,
            modified=stamp,
            title=doc.meta_title,
        )
    return RENDERERS[doc.fmt](stamped)


# --- scans ------------------------------------------------------------------------------------


def scan_pages(doc: Doc) -> list[tuple[int, int, bytes]]:
    """Each page of the document as a scanner would see it: (width, height, grey pixels)."""
    text_pdf = render_pdf(dataclasses.replace(doc, scan=""))
    pdf = pdfium.PdfDocument(text_pdf)
    rng = random.Random(f"northbridge-scan:{doc.path}")
    pages = []
    try:
        for index in range(len(pdf)):
            bitmap = pdf[index].render(scale=SCAN_DPI / 72, grayscale=True)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            raw = bytes(
                ctypes.cast(
                    bitmap.buffer, ctypes.POINTER(ctypes.c_ubyte * (stride * height))
                ).contents
            )
            rows = [raw[y * stride : y * stride + width] for y in range(height)]
            pages.append((width, height, _age(rows, width, rng)))
    finally:
        pdf.close()
    return pages


_TINT = bytes(INK + (value * (PAPER - INK)) // 255 for value in range(256))


def _age(rows: list[bytes], width: int, rng: random.Random) -> bytes:
    """Paper tint, a darker band where the lid did not close, and a few specks of dust."""
    shadow = bytes(max(0, PAPER - 6 * (18 - x)) for x in range(18))
    pixels = bytearray()
    for row in rows:
        pixels += shadow + row.translate(_TINT)[len(shadow) :]
    for _ in range(400):
        spot = rng.randrange(len(pixels))
        pixels[spot] = rng.randint(90, 160)
    return bytes(pixels)


def noise_page(seed: str, width: int = 827, height: int = 1169) -> tuple[int, int, bytes]:
    """A page of fine grey noise (an unreadable photocopy): four levels keep the file small,
    and OCR finds no line of text in it."""
    rng = random.Random(f"northbridge-noise:{seed}")
    levels = bytes((150, 170, 190, 210)[b % 4] for b in range(256))
    return width, height, rng.randbytes(width * height).translate(levels)


def image_pdf(pages: list[tuple[int, int, bytes]], doc: Doc) -> bytes:
    """An image-only PDF, as a scanner writes it: one greyscale picture per page, no text."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for width, height, pixels in pages:
        image = zlib.compress(pixels, 9)
        w, h = PAGE_POINTS
        content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (w, h)
        first = len(objects) + 1
        kids.append(f"{first} 0 R")
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] "
                f"/Resources << /XObject << /Im0 {first + 1} 0 R >> >> /Contents {first + 2} 0 R >>"
            ).encode()
        )
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
            % (width, height, len(image))
            + image
            + b"\nendstream"
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    stamp = pdf_stamp(doc.meta_date or doc.date).encode()
    objects.append(
        b"<< /Producer (Northbridge MFD scan to e-mail) /CreationDate (%s) /ModDate (%s) >>"
        % (stamp, stamp)
    )
    return pdf_file(objects)


def png(width: int, height: int, pixels: bytes) -> bytes:
    """A greyscale PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        check = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", check)

    raw = b"".join(b"\x00" + pixels[y * width : (y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


# --- e-mail -------------------------------------------------------------------------------------


def render_eml(doc: Doc) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = doc.sender
    message["To"] = doc.recipients
    message["Subject"] = doc.title
    minute = int(doc.slug[:4], 16) % 480  # a working-day time, fixed per message
    sent = datetime(doc.date.year, doc.date.month, doc.date.day, 9 + minute // 60, minute % 60)
    message["Date"] = format_datetime(sent.replace(tzinfo=UTC))
    message["Message-ID"] = f"<{doc.slug}@mail.northbridge.example>"
    message.set_content("\n".join(plain_lines(doc.blocks, 76)).strip() + "\n")
    for attached in doc.attachments:
        maintype, subtype = MIME[attached.fmt]
        message.add_attachment(
            render(attached), maintype=maintype, subtype=subtype, filename=attached.filename
        )
    if doc.attachments:
        message.set_boundary(f"=_northbridge_{doc.slug}")
    return message.as_bytes()
