"""Documents into passages: the units that are aligned, searched and quoted ("p.4 ¶2").

A passage is a paragraph or a short section. Blocks are the page's blank-line-separated
paragraphs (every extractor writes them so). Fragments too short to stand alone
(headings, table headers, "Minutes") join the block that follows, so a heading travels
with its paragraph; blocks far too long to quote are cut at sentence ends (else line
ends, else spaces) into near-equal pieces. Page numbers and marks with no words are
dropped. The same `Extracted` always gives the same passages.
"""

from __future__ import annotations

import math
import re

from .types import Extracted, PassageText

MIN_CHARS = 80  # shorter than this is a fragment (a heading, a label), not a passage
MAX_CHARS = 1200  # longer than this is cut at sentence ends

_BOILERPLATE = re.compile(
    r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"  # "4", "Page 4 of 12", "4/12"
    r"|^[-–—]\s*\d{1,4}\s*[-–—]$"  # "- 4 -"
    r"|^[ivxlc]{1,6}$",  # roman page numbers
    re.IGNORECASE,
)
_WORDY = re.compile(r"[^\W_]")  # a letter or digit
# A sentence ends at . ! ? … (perhaps closed by a quote or bracket) before a space and a
# capital, digit, quote or bullet. "e.g. the" stays whole: the next word is lower case.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'’”)\]]*\s+(?=[A-Z0-9“\"‘'(•\-–])")


def _normalise(block: str) -> str:
    lines = [re.sub(r"[ \u00a0]+", " ", line).strip() for line in block.split("\n")]
    return "\n".join(line for line in lines if line)


def _is_boilerplate(block: str) -> bool:
    return not _WORDY.search(block) or bool(_BOILERPLATE.match(block.strip()))


def _units(text: str) -> list[str]:
    """Sentences (or lines, for tables and lists), with the separator that followed each
    kept on the unit so that joining them back gives the text."""
    units: list[str] = []
    for line in text.split("\n"):
        pieces = _SENTENCE_END.split(line)
        units.extend(piece + " " for piece in pieces[:-1])
        units.append(pieces[-1] + "\n")
    return units


def _hard_split(unit: str, size: int) -> list[str]:
    """A run-on with no sentence ends: cut at the last space before `size`."""
    pieces = []
    while len(unit) > size:
        cut = unit.rfind(" ", size // 2, size)
        cut = cut if cut > 0 else size
        pieces.append(unit[:cut] + " ")
        unit = unit[cut:].lstrip()
    pieces.append(unit)
    return pieces


def _split_long(text: str) -> list[str]:
    if len(text) <= MAX_CHARS:
        return [text]
    # Aim at near-equal pieces, so a 1,300-character block gives two of ~650, not
    # 1,200 and a scrap of 100.
    target = len(text) / math.ceil(len(text) / MAX_CHARS)
    units = [piece for unit in _units(text) for piece in _hard_split(unit, MAX_CHARS)]
    pieces: list[str] = []
    current = ""
    for unit in units:
        # Cut where the piece lands nearest the target: before a unit that would take
        # it further past the target than it now falls short.
        if current and (
            len(current) + len(unit) > MAX_CHARS or len(current) + len(unit) / 2 > target
        ):
            pieces.append(current)
            current = ""
        current += unit
    if current:
        if (
            pieces
            and len(current.strip()) < MIN_CHARS
            and len(pieces[-1]) + len(current) <= (MAX_CHARS * 1.25)
        ):
            pieces[-1] += current  # a scrap at the end joins its predecessor
        else:
            pieces.append(current)
    return [piece.strip() for piece in pieces if piece.strip()]


def _blocks(extracted: Extracted) -> list[tuple[int, str]]:
    blocks: list[tuple[int, str]] = []
    for page in extracted.pages:
        first = True
        for raw in re.split(r"\n[ \t\u00a0]*\n", page.text):
            block = _normalise(raw)
            if not block or _is_boilerplate(block):
                continue
            if first and blocks and block[0].islower() and blocks[-1][1][-1] not in ".!?:":
                # A sentence running on from the previous page belongs to its paragraph,
                # which is cited by the page where it starts.
                blocks[-1] = (blocks[-1][0], blocks[-1][1] + " " + block)
            else:
                blocks.append((page.number, block))
            first = False
    return blocks


def split_passages(extracted: Extracted) -> list[PassageText]:
    """The document's passages in reading order, each with its page and paragraph."""
    merged: list[tuple[int, str]] = []
    pending_page, pending = 0, ""

    def settle_pending() -> None:
        # Fragments with nothing after them on their page (a sign-off, a last table row)
        # join the passage before them on that page, or stand alone: never another page.
        if (
            merged
            and merged[-1][0] == pending_page
            and len(merged[-1][1]) + len(pending) <= (MAX_CHARS)
        ):
            merged[-1] = (pending_page, merged[-1][1] + "\n" + pending)
        else:
            merged.append((pending_page, pending))

    for page, block in _blocks(extracted):
        if pending and page != pending_page:
            settle_pending()
            pending = ""
        if pending:
            block = pending + "\n" + block
            pending = ""
        if len(block) < MIN_CHARS:
            pending_page, pending = page, block  # wait for the block it introduces
            continue
        merged.append((page, block))
    if pending:
        settle_pending()

    passages: list[PassageText] = []
    per_page: dict[int, int] = {}
    for page, block in merged:
        for piece in _split_long(block):
            per_page[page] = per_page.get(page, 0) + 1
            passages.append(
                PassageText(position=len(passages), page=page, paragraph=per_page[page], text=piece)
            )
    return passages
