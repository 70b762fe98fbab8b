"""Stale material: documents that are out of date in themselves.

`analyses.py` asks whether the newest evidence on a line of enquiry is recent. That misses
an old document sitting beside newer ones that merely touch the same line (a 2022 procedure
next to a 2026 bulletin that mentions the subject in passing), and it says nothing about a
policy whose own review date has passed. A QA lead preparing for an inspection wants each
such document named, with the reason, so the partnership can replace it, review it or say
why it still stands. Three reasons, each in words:

- **old**: dated more than `older_than_months` before the reference date: the opening of
  the review's inspection window (that is when inspectors will read it, whether it is ahead,
  as in a rehearsal, or past), today only for a review with no window;
- **past its review date**: the document states its own review date ("Review date: October
  2023", "Next review due: 1 May 2025") and that date falls before the reference date;
- **superseded**: a near-duplicate of it with a later date is in the library (a newer
  version). Minutes, newsletters and performance data are exempt: successive meetings or
  issues look alike but do not replace one another.

Plain Python: the caller supplies the facts (dates, the stated review text, near-duplicate
pairs) and the reference dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .extract.dates import date_in_text

# Kinds that come in series: a newer near-duplicate is the next one, not a replacement.
SERIAL_KINDS = frozenset({"minutes", "newsletter_or_briefing", "performance_data"})

# "Review date: October 2023", "**Next review:** 1 May 2025", "Date of next review - ...",
# "Review due: ...", "Due for review: ...", "To be reviewed by ...". Not "last reviewed".
_REVIEW_LABEL = re.compile(
    r"(?:^|[\n|*])\s*\**\s*(?:"
    r"(?:next\s+)?review\s+(?:date|due(?:\s+date)?|by)"
    r"|next\s+review(?:\s+date)?"
    r"|date\s+(?:of|for)\s+(?:next\s+)?review"
    r"|due\s+for\s+review(?:\s+by|\s+on|\s+in)?"
    r"|to\s+be\s+reviewed\s+(?:by|in|on|before)"
    r")\s*\**\s*[:\-–—|]?\s*\**\s*(?P<value>[^\n|*]{4,40})",
    re.IGNORECASE,
)
_HAS_DAY = re.compile(r"^\s*(?:\d{1,2}(?:st|nd|rd|th)?\s|\d{1,2}[/.-]\d|\d{4}-\d)", re.IGNORECASE)


def stated_review_date(text: str) -> tuple[date, str] | None:
    """The review date a document states about itself, and the words it used.

    A month without a day ("October 2023") means the end of that month: the review is
    overdue only once the month is over.
    """
    for match in _REVIEW_LABEL.finditer(text):
        value = match["value"].strip()
        found = date_in_text(value)
        if found is None:
            continue
        if not _HAS_DAY.match(value):
            found = found.replace(day=calendar.monthrange(found.year, found.month)[1])
        return found, value.rstrip(" .;,")
    return None


@dataclass(frozen=True)
class DocumentAge:
    id: int
    title: str
    agency: str
    kind: str
    date: date | None
    review_due: date | None = None
    review_due_text: str = ""  # as the document wrote it
    near_duplicate_of: int | None = None


@dataclass(frozen=True)
class StaleDocument:
    id: int
    title: str
    agency: str
    date: date | None
    severity: str  # "medium": out of date now; "info": falls due before the window
    reasons: tuple[str, ...]
    replaced_by: int | None = None

    @property
    def message(self) -> str:
        return f"'{self.title}' is out of date: " + "; ".join(self.reasons) + "."


def format_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from `earlier` to `later`."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


def months_before(value: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    index = value.year * 12 + value.month - 1 - months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def age_in_words(months: int) -> str:
    """How every page states an age or a limit: 2 years, 1 year 6 months, 6 months."""
    years, rest = divmod(months, 12)
    if years == 0:
        return f"{rest} month{'s' if rest != 1 else ''}"
    text = f"{years} year{'s' if years != 1 else ''}"
    return text + (f" {rest} month{'s' if rest != 1 else ''}" if rest else "")


def measured_to(reference: date, *, window: bool = False, today: bool = False) -> str:
    """How an age is put in words, from the day it is measured to: "ago" for today, the
    window's opening, or another day (an --as-of date, the day of a call)."""
    if today:
        return "ago"
    if window:
        return f"before the inspection window opens on {format_date(reference)}"
    return f"before {format_date(reference)}"


def stale_documents(
    documents: Sequence[DocumentAge],
    reference: date,
    *,
    when: str = "ago",
    older_than_months: int = 24,
) -> list[StaleDocument]:
    """Every out-of-date document with its reasons, oldest first. Ages and review dates are
    measured to `reference` (the inspection window's opening, normally), put in words by
    `when` (see `measured_to`)."""
    limit = months_before(reference, older_than_months)
    by_id = {d.id: d for d in documents}
    newer: dict[int, DocumentAge] = {}
    for doc in documents:
        other = by_id.get(doc.near_duplicate_of) if doc.near_duplicate_of else None
        if other is None or doc.date is None or other.date is None or doc.date == other.date:
            continue
        old, new = (doc, other) if doc.date < other.date else (other, doc)
        if old.kind in SERIAL_KINDS:
            continue
        held = newer.get(old.id)
        if held is None or (held.date or date.min) < (new.date or date.min):
            newer[old.id] = new

    found: list[StaleDocument] = []
    for doc in documents:
        reasons: list[str] = []
        severity = "info"
        if doc.date is not None and doc.date < limit:
            months = months_between(doc.date, reference)
            how_old = (
                age_in_words(months)
                if months > older_than_months
                else "just over " + age_in_words(months)
            )
            reasons.append(
                f"dated {format_date(doc.date)}, {how_old} {when} "
                f"(the limit is {age_in_words(older_than_months)})"
            )
            severity = "medium"
        if doc.review_due is not None and doc.review_due < reference:
            stated = doc.review_due_text or format_date(doc.review_due)
            if when == "ago":
                reasons.append(f"its review date ({stated}) has passed")
            else:
                reasons.append(f"its review date ({stated}) falls {when}: review it first")
            severity = "medium"
        replacement = newer.get(doc.id)
        if replacement is not None and replacement.date is not None:
            reasons.append(
                f"a newer version, '{replacement.title}' dated "
                f"{format_date(replacement.date)}, is also in the library: keep one"
            )
            severity = "medium"
        if reasons:
            found.append(
                StaleDocument(
                    id=doc.id,
                    title=doc.title,
                    agency=doc.agency,
                    date=doc.date,
                    severity=severity,
                    reasons=tuple(reasons),
                    replaced_by=replacement.id if replacement is not None else None,
                )
            )
    found.sort(key=lambda s: (s.severity != "medium", s.date or date.max, s.title, s.id))
    return found
