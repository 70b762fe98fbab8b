"""Dates from metadata strings and from the opening of a document's text.

Numeric dates are read in UK order (day first): the documents come from English
partnerships. Impossible dates (31/02/2026) and years outside 1980-2099 are ignored
rather than guessed at.
"""

from __future__ import annotations

import re
from datetime import date, datetime

TEXT_WINDOW = 2000
MIN_YEAR, MAX_YEAR = 1980, 2099

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"

# Alternatives sharing a start position are tried in order, so the fuller forms come first.
_DATE = re.compile(
    r"\b(?:"
    rf"(?P<d1>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})"
    rf"|(?P<m5>{_MONTH}),?\s+(?P<y5>\d{{4}})"
    r"|(?P<y4>\d{4})-(?P<mo4>\d{1,2})-(?P<d4>\d{1,2})"
    r"|(?P<d3>\d{1,2})[/.-](?P<mo3>\d{1,2})[/.-](?P<y3>\d{4})"
    r")\b",
    re.IGNORECASE,
)


def _make(year: str, month: int, day: int) -> date | None:
    number = int(year)
    if not MIN_YEAR <= number <= MAX_YEAR:
        return None
    try:
        return date(number, month, day)
    except ValueError:
        return None


def _month(token: str) -> int | None:
    # "may" and "march" are also ordinary words; a date's month name is capitalised.
    if not token[:1].isupper():
        return None
    return MONTHS.get(token.rstrip(".").lower())


def dates_in_text(text: str) -> list[tuple[date, int, bool]]:
    """Every clear date in `text`, in order, with where it starts and whether it names its
    day ("June 2011" is read as 1 June 2011, without one)."""
    found_all = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        found: date | None = None
        if groups["d1"]:
            month = _month(groups["m1"])
            found = month and _make(groups["y1"], month, int(groups["d1"]))
        elif groups["m2"]:
            month = _month(groups["m2"])
            found = month and _make(groups["y2"], month, int(groups["d2"]))
        elif groups["m5"]:
            month = _month(groups["m5"])
            found = month and _make(groups["y5"], month, 1)
        elif groups["y4"]:
            found = _make(groups["y4"], int(groups["mo4"]), int(groups["d4"]))
        elif groups["d3"]:
            found = _make(groups["y3"], int(groups["mo3"]), int(groups["d3"]))
        if found:
            found_all.append((found, match.start(), not groups["m5"]))
    return found_all


def date_in_text(text: str) -> date | None:
    """The first clear date in the opening of `text`, or None."""
    found = dates_in_text(text[:TEXT_WINDOW])
    return found[0][0] if found else None


def pdf_date(value: str | None) -> date | None:
    """A PDF date string, "D:20260312101500+00'00'", to a date."""
    match = re.match(r"\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?", value or "")
    if not match:
        return None
    return _make(match[1], int(match[2] or 1), int(match[3] or 1))


def iso_date(value: object) -> date | None:
    """An ISO 8601 string or a datetime (Office core properties, HTML meta) to a date."""
    if isinstance(value, datetime):
        return _make(str(value.year), value.month, value.day)
    if isinstance(value, date):
        return _make(str(value.year), value.month, value.day)
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value or ""))
    if not match:
        return None
    return _make(match[1], int(match[2]), int(match[3]))
