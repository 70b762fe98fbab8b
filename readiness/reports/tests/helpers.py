"""Small builders the tests share: Word templates and PNG images made on the spot."""

from __future__ import annotations

import io
import struct
import zlib

from docx import Document


def template_docx(remove: tuple[str, ...] = (), heading_colour: str | None = None) -> bytes:
    """A council's template: python-docx's default with a marker style, some body text to
    be replaced, and optionally styles taken out."""
    document = Document()
    document.add_paragraph("Delete me: the template's own sample text.")
    styles = document.styles
    styles.add_style("Council Marker", 1)
    if heading_colour:
        from docx.shared import RGBColor

        styles["Heading 1"].font.color.rgb = RGBColor.from_string(heading_colour)
    for name in remove:
        element = styles[name].element
        element.getparent().remove(element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png_bytes(width: int = 6, height: int = 4, alpha: bool = True) -> bytes:
    """A small RGBA (or RGB) PNG, each row with a different filter type, so the decoder's
    every filter is exercised."""
    channels = 4 if alpha else 3
    raw = bytearray()
    previous = bytes(width * channels)
    for y in range(height):
        row = bytes(
            ((x * 40 + y * 7 + c * 60) % 256) for x in range(width) for c in range(channels)
        )
        kind = y % 5
        encoded = bytearray()
        for i, value in enumerate(row):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 0:
                predicted = 0
            elif kind == 1:
                predicted = left
            elif kind == 2:
                predicted = up
            elif kind == 3:
                predicted = (left + up) // 2
            else:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predicted = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            encoded.append((value - predicted) & 255)
        raw += bytes([kind]) + encoded
        previous = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw)))
        + chunk(b"IEND", b"")
    )


def expected_pixels(width: int = 6, height: int = 4, alpha: bool = True) -> bytes:
    channels = 4 if alpha else 3
    return b"".join(
        bytes(((x * 40 + y * 7 + c * 60) % 256) for x in range(width) for c in range(channels))
        for y in range(height)
    )
