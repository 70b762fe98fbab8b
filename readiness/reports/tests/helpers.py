"""Small builders the tests share: Word templates and PNG images made on the spot."""

from __future__ import annotations

import io

from docx import Document
from PIL import Image


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
    """A small RGBA (or RGB) PNG logo, a gradient, made by Pillow."""
    image = Image.new("RGBA" if alpha else "RGB", (width, height))
    image.putdata([(x * 40 % 256, y * 7 % 256, 120, 200)[: 4 if alpha else 3]
                   for y in range(height) for x in range(width)])  # fmt: skip
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
