"""When a document was written, and where that date came from.

A file's metadata is the weakest witness: PDF writers stamp 1 January 2000 (or 1980, or the
epoch) when nobody sets a date, and an Office file carries the day its template was made or
the day somebody last opened it. So a date the document states about itself wins: first in
its title ("Minutes, 4 March 2024"), then in its opening text ("Dated 30 October 2026"),
skipping the dates a document gives for something else (its review date, the next meeting).
Only then the metadata, and never a known default, a date before 1990 or one after the day
the file arrived. An e-mail's Date header is the day it was sent: a firmer witness than its
text, though not than its subject line.

Plain Python: the caller passes the day the document arrived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .extract.dates import TEXT_WINDOW, dates_in_text

TITLE, TEXT, SENT, METADATA, PERSON = "title", "text", "sent", "metadata", "person"
SOURCE_LABELS = {
    TITLE: "stated in its title",
    TEXT: "stated in its opening text",
    SENT: "the day the e-mail was sent",
    METADATA: "from the file's properties",
    PERSON: "set by a person",
    "": "no date found",
}
# Dates PDF and Office writers put in when nobody set one.
METADATA_DEFAULTS = frozenset({date(2000, 1, 1), date(1980, 1, 1), date(1970, 1, 1)})
EARLIEST_PLAUSIBLE = date(1990, 1, 1)
# Words just before a date that make it some other date than the document's own.
_NOT_ITS_DATE = re.compile(
    r"(review(ed)?( date| due| by)?|next (meeting|review)|due (for review|by|date)|deadline|"
    r"expires?|valid (until|to)|closing date|by no later than|until|before|date of next|"
    r"(with effect )?from|starting|commencing|effective)"
    r"[\s:*|-]*(on\s+)?$",
    re.IGNORECASE,
)


# File names and titles often write a date short: "LAC Health SG mins 04.01.11".
_SHORT_DATE = re.compile(r"(?<![\w.])(\d{1,2})[./-](\d{1,2})[./-](\d{2})(?![\d.])")


def _short_dates(title: str, arrived: date) -> list[date]:
    found = []
    for day, month, year in _SHORT_DATE.findall(title):
        full = 2000 + int(year)
        if full > arrived.year:
            full -= 100
        try:
            value = date(full, int(month), int(day))
        except ValueError:
            continue
        if EARLIEST_PLAUSIBLE <= value <= arrived:
            found.append(value)
    return found


@dataclass(frozen=True)
class Dated:
    date: date | None
    source: str  # one of TITLE, TEXT, SENT, METADATA, PERSON, or "" for none
    note: str = ""  # what was set aside, for the document page

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self.source]


def _own_dates(text: str, arrived: date) -> list[date]:
    """The dates `text` gives as its own, those naming their day first ("Safeguarding leads
    briefing June 2011 … 7 June 2011" was written on the 7th, not the 1st)."""
    with_day, month_only = [], []
    for value, start, has_day in dates_in_text(text):
        before = text[max(0, start - 40) : start]
        if _NOT_ITS_DATE.search(before):
            continue
        if value > arrived:
            continue  # a meeting to come or a plan's end date, not when it was written
        (with_day if has_day else month_only).append(value)
    return with_day + month_only


def metadata_problem(value: date, arrived: date) -> str:
    """Why a metadata date cannot be trusted, or "" when it can."""
    if value in METADATA_DEFAULTS:
        return "a default that programs write when no date is set"
    if value < EARLIEST_PLAUSIBLE:
        return "before 1990"
    if value > arrived:
        return "after the day the file arrived"
    return ""


def document_date(
    title: str,
    text: str,
    metadata_date: date | None,
    arrived: date,
    *,
    sent: bool = False,
) -> Dated:
    """The document's date: its title's, its opening text's, the e-mail's sending day
    (`sent`: `metadata_date` is a Date header), then trustworthy metadata."""
    note = ""
    if metadata_date is not None and (problem := metadata_problem(metadata_date, arrived)):
        note = (
            f"The file's properties say {metadata_date.day} {metadata_date:%B %Y}: "
            f"{problem}, so it was set aside."
        )
        metadata_date = None
    in_title = _own_dates(title, arrived) or _short_dates(title, arrived)
    if in_title:
        return Dated(in_title[0], TITLE, note)
    if sent and metadata_date is not None:
        return Dated(metadata_date, SENT, note)
    in_text = _own_dates(text[:TEXT_WINDOW], arrived)
    if in_text:
        return Dated(in_text[0], TEXT, note)
    if metadata_date is not None:
        return Dated(metadata_date, METADATA, note)
    return Dated(None, "", note)
