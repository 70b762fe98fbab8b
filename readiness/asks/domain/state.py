"""What state a request is in, and the counts a page shows: plain Python."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

OPEN, ANSWERED, DECLINED, OVERDUE = "open", "answered", "declined", "overdue"
WITHDRAWN = "withdrawn"
LABELS = {OPEN: "Open", ANSWERED: "Answered", DECLINED: "Declined", OVERDUE: "Overdue",
          WITHDRAWN: "Withdrawn"}  # fmt: skip
# GOV.UK tag colours, so the state reads at a glance (and in words for a screen reader).
TAGS = {OPEN: "govuk-tag--blue", ANSWERED: "govuk-tag--green", DECLINED: "govuk-tag--grey",
        OVERDUE: "govuk-tag--red", WITHDRAWN: "govuk-tag--grey"}  # fmt: skip


def state_of(status: str, due_date: date, today: date) -> str:
    """An open request past its due date is overdue; answered, declined and withdrawn stay
    so."""
    if status == OPEN and due_date < today:
        return OVERDUE
    return status


class AskError(ValueError):
    """A request that cannot be made or answered, with a message for a person."""


def check_request(agency_id: int | None, line_ids: Iterable[int], due: date | None,
                  message: str, today: date, *, kept_due: date | None = None) -> None:  # fmt: skip
    """Raise AskError naming the first thing a request lacks. `kept_due` is a changed
    request's date as it was: keeping a date already past is allowed, so that an overdue
    request saved unchanged is neither refused nor loses its date."""
    if agency_id is None:
        raise AskError("Choose the agency you are asking.")
    if not list(line_ids):
        raise AskError("Choose at least one line of enquiry.")
    if due is None:
        raise AskError("Give the date you need the evidence by.")
    if due < today and due != kept_due:
        raise AskError("The date you need the evidence by cannot be in the past.")
    if not message.strip():
        raise AskError("Say what you are asking for.")


def check_decline(reason: str) -> None:
    if not reason.strip():
        raise AskError("Say why the agency cannot supply this evidence.")


# Why a request in each settled state can no longer be changed, withdrawn or answered.
_SETTLED = {
    ANSWERED: "This request has been answered",
    DECLINED: "This request has been declined",
    WITHDRAWN: "This request was withdrawn",
}


def check_changeable(status: str, doing: str = "changed or withdrawn") -> None:
    """Only an open (or overdue) request may be changed or withdrawn: once the agency has
    answered or declined it, what they answered stays what was asked."""
    if status != OPEN:
        raise AskError(f"{_SETTLED[status]}: it can no longer be {doing}.")


def check_answerable(status: str, doing: str = "answered") -> None:
    """A withdrawn request is no longer asked: nothing can be supplied against it."""
    if status == WITHDRAWN:
        raise AskError(f"{_SETTLED[WITHDRAWN]}: it can no longer be {doing}.")


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
    withdrawn: int = 0

    def as_dict(self) -> dict:
        return {
            "open": self.open,
            "overdue": self.overdue,
            "answered": self.answered,
            "declined": self.declined,
            "withdrawn": self.withdrawn,
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
    """Counts by state (open excludes overdue) and the requests still waiting for an answer
    (never a withdrawn one)."""
    rows = list(rows)
    counts = dict.fromkeys(LABELS, 0)
    for row in rows:
        counts[row.state] += 1
    waiting = sorted((r for r in rows if r.state in (OPEN, OVERDUE)),
                     key=lambda r: (r.due_date, r.agency, r.id))  # fmt: skip
    return Summary(counts[OPEN], counts[OVERDUE], counts[ANSWERED], counts[DECLINED],
                   tuple(waiting), counts[WITHDRAWN])  # fmt: skip
