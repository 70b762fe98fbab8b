"""The one typeface of Readiness's files: Noto Sans, vendored from npm
(`@expo-google-fonts/noto-sans`, the Noto Project's TrueType files) with its SIL Open Font
Licence in `static/vendor/noto-sans-2.015/`. It covers Latin Extended and Vietnamese, so
Łukasz Wiśniewski, Nguyễn Thị Hoa, Şükrü Yılmaz and Welsh ŵ and ŷ print as written.

PDFs embed it (`printing.py`), charts draw with it (`indicators/domain/charts.py`) and Word
files name it in their styles; Word and LibreOffice fall back to a font of the same metrics
class where it is not installed.
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

FONT_DIR = Path(__file__).resolve().parents[1] / "static" / "vendor" / "noto-sans-2.015"
FONT_FAMILY = "Noto Sans"
FONT_FILES = {
    ("normal", "normal"): FONT_DIR / "NotoSans-Regular.ttf",
    ("bold", "normal"): FONT_DIR / "NotoSans-Bold.ttf",
    ("normal", "italic"): FONT_DIR / "NotoSans-Italic.ttf",
}
WORD_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet")


def name_in_word(document, styles: tuple[str, ...] = WORD_STYLES) -> None:
    """Name the font in a python-docx document's STYLES (those it has), in place of the
    theme's fonts, which would otherwise win."""
    present = {style.name for style in document.styles}
    for name in styles:
        if name not in present:
            continue
        style = document.styles[name]
        style.font.name = FONT_FAMILY
        fonts = style.element.rPr.find(qn("w:rFonts"))
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        fonts.set(qn("w:cs"), FONT_FAMILY)
