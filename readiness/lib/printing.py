"""HTML to PDF through WeasyPrint: the one way Readiness prints a document.

Every printed document (the readiness report, a narrative, the evidence index) is the HTML
of its web page with `static/css/print.css`: page size, running header and footer with
"page x of y", contents with page numbers through `target-counter`, bookmarks from the
headings. The PDF is tagged (PDF/UA-1), its language and title taken from the HTML, in the
vendored Noto Sans so that every name prints as written.
"""

from __future__ import annotations

import atexit
import re
from functools import cache
from pathlib import Path

from .fonts import FONT_FAMILY, FONT_FILES

STATIC = Path(__file__).resolve().parents[1] / "static"
PRINT_CSS = STATIC / "css" / "print.css"
# WeasyPrint (through Pango) lays out a paragraph in time that grows faster than its
# length: one unbroken word of 100,000 characters takes minutes. No word a person writes is
# this long, so in print such a word is cut, and says so.
LONGEST_WORD = 200
_LONG_WORD = re.compile(rf"[^\s<>]{{{LONGEST_WORD + 1},}}")
_TEXT = re.compile(r">([^<]+)<")


def font_faces() -> str:
    """@font-face rules for the vendored font, by absolute file address."""
    return "".join(
        f"@font-face{{font-family:'{FONT_FAMILY}';font-weight:{weight};font-style:{style};"
        f"src:url('{path.as_uri()}')}}"
        for (weight, style), path in FONT_FILES.items()
    )


def shorten_long_words(html: str) -> str:
    """HTML with every word longer than LONGEST_WORD characters in its text cut to that
    length, followed by how long it was (markup and attribute values are left alone)."""

    def shorten(word: re.Match) -> str:
        text = word.group(0)
        return f"{text[:LONGEST_WORD]}… [a word of {len(text):,} characters, shortened]"

    return _TEXT.sub(lambda m: ">" + _LONG_WORD.sub(shorten, m.group(1)) + "<", html)


@cache
def _styles():
    # Imported here: WeasyPrint loads Pango and its fonts, which only printing needs.
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    sheet = CSS(string=font_faces() + PRINT_CSS.read_text(), font_config=fonts)
    return fonts, sheet


# Let go of Pango's fonts while the interpreter can still do so quietly.
atexit.register(_styles.cache_clear)


@cache
def _fetcher():
    """Only what the documents themselves carry: inline images (data: addresses) and our
    own static files (the font). Nothing from the network or elsewhere on the disk, whatever
    a page might name."""
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:") or (
                url.startswith("file://") and Path(url[7:]).resolve().is_relative_to(STATIC)
            ):
                return super().fetch(url, headers)
            raise ValueError(f"Printing fetches nothing from {url[:80]!r}.")

    return StaticOnly(allowed_protocols=("data", "file"))


def html_to_pdf(html: str, extra_css: str = "") -> bytes:
    """HTML (a whole page, with `lang` and a `<title>`) as a tagged PDF/UA-1 file."""
    from weasyprint import CSS, HTML

    fonts, sheet = _styles()
    sheets = [sheet] + ([CSS(string=extra_css, font_config=fonts)] if extra_css else [])
    page = HTML(string=shorten_long_words(html), base_url=str(STATIC), url_fetcher=_fetcher())
    return page.write_pdf(
        stylesheets=sheets,
        font_config=fonts,
        pdf_variant="pdf/ua-1",
        presentational_hints=True,  # <col width>, so tables need not be measured
        # Reproducible: the same document gives the same bytes.
        pdf_identifier=b"readiness",
        uncompressed_pdf=False,
    )
