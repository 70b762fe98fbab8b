"""The action plan's lists, as plain data: overdue, due before the inspection window, no
progress for some weeks, and the filters people use (owner, agency, status, kind, mine)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .codes import CODE_PATTERN

OPEN_STATUSES = ("not_started", "in_progress")
STATUS_LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
KIND_LABELS = {"recommendation": "Recommendation", "action_point": "Action point"}

OVERDUE, BEFORE_WINDOW, STALE = "overdue", "due-before-window", "stale"
VIEWS = {
    OVERDUE: "Overdue",
    BEFORE_WINDOW: "Due before the inspection window",
    STALE: "No progress for some weeks",
}
DEFAULT_STALE_WEEKS = 4


@dataclass(frozen=True)
class ItemRow:
    id: int
    code: str
    kind: str
    text: str
    status: str
    owner_id: int | None
    owner_name: str
    agency_id: int | None
    agency_name: str
    due_date: date | None
    created: date
    last_progress: date | None  # the day of the latest progress update, if any

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class ItemFilter:
    owner_id: int | None = None
    agency_id: int | None = None
    status: str = ""  # a status, "open", or "" for any
    kind: str = ""
    mine: int | None = None  # a user id: items that person owns
    view: str = ""  # "", OVERDUE, BEFORE_WINDOW or STALE
    stale_weeks: int = DEFAULT_STALE_WEEKS


def is_overdue(row: ItemRow, today: date) -> bool:
    return row.is_open and row.due_date is not None and row.due_date < today


def is_due_before_window(row: ItemRow, window_starts: date | None) -> bool:
    """Still open and due before the first day inspectors could arrive."""
    return (
        row.is_open
        and row.due_date is not None
        and window_starts is not None
        and row.due_date < window_starts
    )


def last_activity(row: ItemRow) -> date:
    return row.last_progress or row.created


def weeks_without_progress(row: ItemRow, today: date) -> int:
    return max(0, (today - last_activity(row)).days // 7)


def is_stale(row: ItemRow, today: date, weeks: int) -> bool:
    """Still open with no progress update (or, if none yet, no creation) in WEEKS weeks."""
    return row.is_open and last_activity(row) <= today - timedelta(weeks=weeks)


def code_key(code: str) -> tuple[int, int, str]:
    """Recommendations first, then action points, each by number (A9 before A10)."""
    match = CODE_PATTERN.match(code)
    if not match:
        return (2, 0, code)
    return (0 if match["prefix"] == "R" else 1, int(match["number"]), code)


def select(
    rows: list[ItemRow], chosen: ItemFilter, today: date, window_starts: date | None
) -> list[ItemRow]:
    """The rows that pass every filter, in code order."""
    if chosen.view not in ("", *VIEWS):
        raise ValueError(f"There is no list called “{chosen.view}”.")
    if chosen.stale_weeks < 1:
        raise ValueError("The number of weeks without progress must be 1 or more.")
    kept = []
    for row in rows:
        if chosen.owner_id is not None and row.owner_id != chosen.owner_id:
            continue
        if chosen.mine is not None and row.owner_id != chosen.mine:
            continue
        if chosen.agency_id is not None and row.agency_id != chosen.agency_id:
            continue
        if chosen.status == "open" and not row.is_open:
            continue
        if chosen.status not in ("", "open") and row.status != chosen.status:
            continue
        if chosen.kind and row.kind != chosen.kind:
            continue
        if chosen.view == OVERDUE and not is_overdue(row, today):
            continue
        if chosen.view == BEFORE_WINDOW and not is_due_before_window(row, window_starts):
            continue
        if chosen.view == STALE and not is_stale(row, today, chosen.stale_weeks):
            continue
        kept.append(row)
    return sorted(kept, key=lambda r: code_key(r.code))


@dataclass(frozen=True)
class Counts:
    total: int
    open: int
    overdue: int
    before_window: int
    stale: int


def counts(rows: list[ItemRow], today: date, window_starts: date | None, weeks: int) -> Counts:
    return Counts(
        total=len(rows),
        open=sum(r.is_open for r in rows),
        overdue=sum(is_overdue(r, today) for r in rows),
        before_window=sum(is_due_before_window(r, window_starts) for r in rows),
        stale=sum(is_stale(r, today, weeks) for r in rows),
    )
