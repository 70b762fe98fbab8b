"""The readiness report as one plain-data document, which every renderer (HTML, Word, PDF)
draws from and which `check.py` checks before anything is drawn.

A document is a title block and a flat run of blocks: headings with anchors, numbered
paragraphs, notes, bullet lists, recommendations and action points (an `Item`, in the body
or in the summary), tables and the contents. Text inside a block is a tuple of spans, each a
plain string or a `Ref` to an anchor, so a cross-reference is data the check can follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace

from readiness.lib.text import printable as printable_text


@dataclass(frozen=True)
class Ref:
    """A cross-reference: `text` shown, linking to the block whose anchor is `target`."""

    target: str
    text: str


# An inline run: plain strings and cross-references, in order.
Inline = tuple  # tuple[str | Ref, ...]


def plain(content: Inline) -> str:
    """The words of an inline run, links flattened to their text."""
    return "".join(part.text if isinstance(part, Ref) else part for part in content)


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = a section, 2 = a sub-section, 3 = a minor heading
    text: str
    anchor: str
    in_contents: bool = True


@dataclass(frozen=True)
class Paragraph:
    content: Inline
    number: int | None = None  # the report's numbered paragraphs; None for plain text
    anchor: str = ""


@dataclass(frozen=True)
class Note:
    """A small line under a paragraph: what it rests on (judgements, evidence, figures)."""

    content: Inline


@dataclass(frozen=True)
class BulletList:
    items: tuple  # tuple[Inline, ...]


@dataclass(frozen=True)
class Item:
    """A recommendation (R…) or an action point (A…), as raised in the body or listed in
    the summary; `guidance` is the advice printed under it, one bullet each."""

    kind: str  # "recommendation" or "action_point"
    code: str
    text: str
    anchor: str
    place: str  # "body" or "summary"
    guidance: tuple[str, ...] = ()
    raised_in: Ref | None = None  # in the summary: the paragraph that raised it

    @property
    def label(self) -> str:
        return "Recommendation" if self.kind == "recommendation" else "Action point"


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple  # tuple[tuple[str | Inline, ...], ...]
    anchor: str = ""
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty


@dataclass(frozen=True)
class ContentsEntry:
    text: str
    target: str
    level: int


@dataclass(frozen=True)
class Contents:
    entries: tuple[ContentsEntry, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Note | BulletList | Item | Table | Contents | PageBreak


@dataclass(frozen=True)
class Branding:
    organisation: str = ""
    colour: str = "#1d70b8"  # headings and rules; a hex colour
    logo_png: bytes | None = None
    logo_alt: str = ""


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    date_line: str
    blocks: tuple
    branding: Branding = field(default_factory=Branding)
    language: str = "en-GB"

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]


def contents_for(blocks: list, depth: int = 2) -> Contents:
    """The contents drawn from the headings themselves, so it cannot point nowhere."""
    return Contents(
        tuple(
            ContentsEntry(b.text, b.anchor, b.level)
            for b in blocks
            if isinstance(b, Heading) and b.in_contents and b.level <= depth
        )
    )


def printable(value):
    """VALUE (a document, or any block or text in one) with the characters no file format
    can hold taken out: the two breaks become spaces, the other controls go."""
    if isinstance(value, str):
        return printable_text(value)
    if isinstance(value, tuple):
        return tuple(printable(part) for part in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: printable(getattr(value, f.name)) for f in fields(value) if f.init}
        return replace(value, **changes)
    return value
