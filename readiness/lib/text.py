"""Text on its way into a file. Word, Excel and PDF files are XML or byte streams that cannot
hold every character a person can paste (a vertical tab is Word's own line break, a form
feed its page break), and a spreadsheet runs text that looks like a formula."""

import re
from collections.abc import Iterable
from typing import Any

_BREAKS = re.compile("[\x0b\x0c]")
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """TEXT with the characters no file format can hold taken out: the two breaks become
    spaces, the other controls go."""
    return _UNSAFE.sub("", _BREAKS.sub(" ", text))


def spreadsheet_cell(value: Any) -> Any:
    """VALUE as a spreadsheet cell: printable, and text a spreadsheet would run as a formula
    written as text (a leading apostrophe). Numbers, dates and None pass through."""
    if isinstance(value, str):
        value = printable(value)
        if value[:1] in FORMULA_STARTS:
            return "'" + value
    return value


def spreadsheet_row(values: Iterable[Any]) -> list[Any]:
    """A row of cells for any spreadsheet or CSV we write: every export goes through here or
    spreadsheet_cell, so no text a person typed (or a file carried in) runs as a formula."""
    return [spreadsheet_cell(value) for value in values]


def from_spreadsheet_cell(value: Any) -> Any:
    """Undo spreadsheet_cell's apostrophe on reading a file we wrote."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun: 1 file, 2 files, 0 files. `plural_form` for a word that does
    not just add an s (child, children)."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"
