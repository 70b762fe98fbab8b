"""What state a request is in, and the counts a page shows: plain Python."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

OPEN, ANSWERED, DECLINED, OVERDUE = "open", "answered", "declined", "overdue"
LABELS = {OPEN: "Open", ANSWERED: "Answered", DECLINED: "Declined", OVERDUE: "Overdue"}
# GOV.UK tag colours, so the state reads at a glance (and in words for a screen reader).
TAGS = {OPEN: "govuk-tag--blue", ANSWERED: "govuk-tag--green", DECLINED: "govuk-tag--grey",
        OVERDUE: "govuk-tag--red"}  # fmt: skip


def state_of(status: str, due_date: date, today: date) -> str:
    """An open request past its due date is overdue; answered and declined stay so."""
    if status == OPEN and due_date < today:
        return OVERDUE
    return status


class AskError(ValueError):
    """A request that cannot be made or answered, with a message for a person."""


def check_request(agency_id: int | None, line_ids: Iterable[int], due: date | None,
                  message: str, today: date) -> None:  # fmt: skip
    """Raise AskError naming the first thing a request lacks."""
    if agency_id is None:
        raise AskError("Choose the agency you are asking.")
    if not list(line_ids):
        raise AskError("Choose at least one line of enquiry.")
    if due is None:
        raise AskError("Give the date you need the evidence by.")
    if due < today:
        raise AskError("The date you need the evidence by cannot be in the past.")
    if not message.strip():
        raise AskError("Say what you are asking for.")


def check_decline(reason: str) -> None:
    if not reason.strip():
        raise AskError("Say why the agency cannot supply this evidence.")


@dataclass(frozen=True)
class RequestRow:
    """One request as the summary, the countdown and e-mails read it."""

    id: int
    agency: str
    agency_id: int
    lines: tuple[str, ...]  # line of enquiry keys
    message: str
    due_date: date
    state: str
    asked_by: str = ""


@dataclass(frozen=True)
class Summary:
    open: int
    overdue: int
    answered: int
    declined: int
    rows: tuple[RequestRow, ...]  # open and overdue, soonest due first

    def as_dict(self) -> dict:
        return {
            "open": self.open,
            "overdue": self.overdue,
            "answered": self.answered,
            "declined": self.declined,
            "waiting": [
                {
                    "id": r.id,
                    "agency": r.agency,
                    "lines_of_enquiry": list(r.lines),
                    "due_date": r.due_date.isoformat(),
                    "state": r.state,
                    "asked_by": r.asked_by,
                }
                for r in self.rows
            ],
        }


def summarise(rows: Iterable[RequestRow]) -> Summary:
    """Counts by state (open excludes overdue) and the requests still waiting for an answer."""
    rows = list(rows)
    counts = dict.fromkeys(LABELS, 0)
    for row in rows:
        counts[row.state] += 1
    waiting = sorted((r for r in rows if r.state in (OPEN, OVERDUE)),
                     key=lambda r: (r.due_date, r.agency, r.id))  # fmt: skip
    return Summary(counts[OPEN], counts[OVERDUE], counts[ANSWERED], counts[DECLINED],
                   tuple(waiting))  # fmt: skip
