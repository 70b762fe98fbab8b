"""The countdown: from the call to the day inspectors arrive, what must be refreshed by which
working day, and who owns it.

Counting (docs/countdown.md says the same for people):

- The day of the call is **day 0**. Working days after it are numbered 1, 2, 3 …; weekends
  and England and Wales bank holidays (substitute days included) are not counted. The day
  inspectors arrive is day N, where N is the notice in working days: a call on Monday
  1 December 2026 under a ten-working-day notice (SLAC, JTAI) brings inspectors on Monday
  15 December, day 10, and days 1-9 are the working days to prepare.
- ILACS: inspectors arrive on the Monday after the call (a call on a Monday: the Monday a
  week later). When that Monday is a bank holiday, we take the next working day (Easter
  Monday 29 March 2027 → Tuesday 30 March) and say so: Ofsted's guidance names no rule, so
  the timetable tells the partnership to confirm the start with the lead inspector.
- A call comes on a working day. A date that is a weekend or a bank holiday is refused with
  a message that names the holiday and the next working day.

What must be refreshed, and by when (SCHEDULE; deadlines fall on preparation days 0 … N-1):

- overdue actions (open, due before the call): a progress update by day ⌈0.2 × (N-1)⌉, so
  the partnership knows early where it stands;
- stale evidence (the evidence library's own rule, `evidence/domain/stale.py`, applied on
  the day of the call: too old, past its stated review date, or superseded by a newer
  version): replaced or reviewed by day ⌈0.4 × (N-1)⌉, before the narratives that cite it;
- stale narratives (figures older than the latest import, typed before it, or not refreshed
  for six months: the narrative check's own findings): a new version by the middle,
  day ⌈0.5 × (N-1)⌉;
- other open actions: by their due date when it falls in the notice, otherwise a progress
  update by day ⌈0.7 × (N-1)⌉;
- interview briefs: checked and printed by the day before inspectors arrive, day N-1.

With no preparation day at all (an ILACS call on a Friday, or the Thursday before Easter),
everything falls on day 0, the day of the call, and the timetable says so.

Plain Python with no Django: the page, the exports, the command line and the benchmark all
call `build_timetable` with plain data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Literal

from readiness.lib import workdays

WORKING_DAYS, FOLLOWING_MONDAY = "working_days", "following_monday"
NoticeKind = Literal["working_days", "following_monday"]
TaskKind = Literal["action_overdue", "evidence", "request", "narrative", "action_open", "brief"]

# When each kind of item is due, as a share of the last preparation day (N-1), rounded up.
SCHEDULE: dict[str, Fraction] = {
    "action_overdue": Fraction(1, 5),
    "evidence": Fraction(2, 5),
    # Evidence asked of an agency: by its due date when that falls in the notice, else with
    # the stale evidence, so that the narratives can cite it.
    "request": Fraction(2, 5),
    "narrative": Fraction(1, 2),
    "action_open": Fraction(7, 10),
    "brief": Fraction(1),
}
KIND_ORDER = {kind: i for i, kind in enumerate(SCHEDULE)}
KIND_LABELS = {
    "action_overdue": "Overdue action",
    "evidence": "Stale evidence",
    "request": "Evidence request",
    "narrative": "Stale narrative",
    "action_open": "Open action",
    "brief": "Interview brief",
}
# How a count of each kind reads: "1 open action", "2 stale documents".
COUNT_WORDS = {
    "action_overdue": ("overdue action", "overdue actions"),
    "evidence": ("stale document", "stale documents"),
    "request": ("evidence request", "evidence requests"),
    "narrative": ("stale narrative", "stale narratives"),
    "action_open": ("open action", "open actions"),
    "brief": ("interview brief", "interview briefs"),
}
WEEKEND_NAMES = {(12, 25): "Christmas Day", (12, 26): "Boxing Day", (1, 1): "New Year's Day"}


class CountdownError(ValueError):
    """A call date or a notice the countdown cannot use, with a message for a person."""


def long_date(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


@dataclass(frozen=True)
class Notice:
    """A framework's notice as plain data."""

    framework: str
    kind: NoticeKind
    working_days: int | None
    on_site_working_days: int | None = None
    description: str = ""


def notice_for(
    slug: str,
    framework: str,
    working_days: int | None,
    on_site_working_days: int | None = None,
    description: str = "",
) -> Notice:
    """The notice rule of a framework: ILACS frameworks (slug `ilacs…`) bring inspectors
    the Monday after the call; every other framework gives its stated working days."""
    if slug.lower().startswith("ilacs"):
        return Notice(framework, FOLLOWING_MONDAY, working_days, on_site_working_days, description)
    if not working_days:
        raise CountdownError(
            f"{framework} states no notice period, so there is no countdown: inspectors "
            "arrive without notice."
        )
    return Notice(framework, WORKING_DAYS, working_days, on_site_working_days, description)


class Calendar:
    """Working days against a given table of bank holidays, for the years it covers."""

    def __init__(
        self, holidays: Mapping[date, str], first_year: int, last_year: int, note: str = ""
    ) -> None:
        self.holidays = dict(holidays)
        self.first_year, self.last_year = first_year, last_year
        self.note = note  # what a reader should know about the table, e.g. projected years

    def _check(self, d: date) -> None:
        if not self.first_year <= d.year <= self.last_year:
            raise CountdownError(
                f"Bank holidays are known for {self.first_year}-{self.last_year} only; "
                f"{long_date(d)} is outside that range."
            )

    def is_working_day(self, d: date) -> bool:
        self._check(d)
        return d.weekday() < 5 and d not in self.holidays

    def next_working_day(self, d: date) -> date:
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def add(self, d: date, n: int) -> date:
        """`n` working days after `d` (d itself not counted); n >= 0."""
        while n:
            d += timedelta(days=1)
            n -= self.is_working_day(d)
        return d

    def between(self, a: date, b: date) -> int:
        """Working days after `a` up to and including `b`; 0 when b <= a."""
        count, d = 0, a
        while d < b:
            d += timedelta(days=1)
            count += self.is_working_day(d)
        return count

    def not_working(self, a: date, b: date) -> list[tuple[date, str]]:
        """Weekdays after `a` up to `b` that are bank holidays, with their names."""
        out, d = [], a
        while d < b:
            d += timedelta(days=1)
            if d.weekday() < 5 and d in self.holidays:
                out.append((d, self.holidays[d]))
        return out


def england_and_wales(around: date) -> Calendar:
    """England and Wales bank holidays for the year of `around` and the next (a countdown
    started in December runs into January)."""
    years = (around.year, around.year + 1)
    try:
        holidays = {d: n for y in years for d, n in workdays.bank_holidays(y).items()}
    except workdays.OutOfRangeError:
        raise CountdownError(
            f"Bank holidays are known for {workdays.FIRST_YEAR}-{workdays.LAST_YEAR - 1} "
            f"calls only; {long_date(around)} is outside that range."
        ) from None
    return Calendar(holidays, *years, note=workdays.projection_note(years))


def refuse_if_not_working(called: date, calendar: Calendar) -> None:
    """Raise CountdownError naming why `called` cannot be the day of a call."""
    if calendar.is_working_day(called):
        return
    following = long_date(calendar.next_working_day(called))
    then = f"the call comes on a working day (the next is {following})."
    if called in calendar.holidays:
        raise CountdownError(
            f"{long_date(called)} is {calendar.holidays[called]}, a bank holiday in England "
            f"and Wales: {then}"
        )
    name = WEEKEND_NAMES.get((called.month, called.day))
    moved = [d for d, n in calendar.holidays.items() if name and n == f"{name} (substitute day)"]
    if name and moved:
        what = f"{name}, on a weekend (its bank holiday is {long_date(moved[0])})"
    else:
        what = "a weekend day"
    raise CountdownError(f"{long_date(called)} is {what}: {then}")


def call_today(today: date, calendar: Calendar) -> tuple[date, str]:
    """The call date for "what if the call came today", with a note when today is not a
    working day and the next one is used instead."""
    called = calendar.next_working_day(today)
    if called == today:
        return called, f"If the call came today, {long_date(today)}."
    why = calendar.holidays.get(today) or "not a working day"
    return called, (
        f"Today, {long_date(today)}, is {why}, so this shows a call on the next working day, "
        f"{long_date(called)}."
    )


# The items to refresh, as plain data the caller has gathered.


@dataclass(frozen=True)
class NarrativeItem:
    key: str
    title: str
    owner: str = ""
    agency: str = ""
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentItem:
    """A stale document, or (count > 1, id None) a number of them from one agency whose
    titles the reader may not see."""

    id: int | None
    title: str
    agency: str = ""
    owner: str = ""
    document_date: date | None = None
    count: int = 1
    reasons: tuple[str, ...] = ()  # why it is out of date, from the evidence library


@dataclass(frozen=True)
class ActionFacts:
    code: str
    kind: str  # "Recommendation" or "Action point"
    text: str
    owner: str = ""
    agency: str = ""
    due_date: date | None = None
    status: str = ""


@dataclass(frozen=True)
class RequestFacts:
    """A request for evidence still waiting for the agency's answer."""

    id: int
    agency: str
    due_date: date
    lines: tuple[str, ...] = ()  # line of enquiry keys
    asked_by: str = ""


@dataclass(frozen=True)
class BriefFacts:
    service: str
    impacts: int
    data_backed: int
    owners: tuple[str, ...] = ()


# The result.


@dataclass(frozen=True)
class Task:
    kind: TaskKind
    ref: str  # narrative key, action code, document id, service; "" for a group
    what: str
    why: str
    owner: str
    agency: str
    day: int
    due: date

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class Day:
    number: int
    date: date
    tasks: tuple[Task, ...] = ()
    is_call: bool = False
    is_start: bool = False

    @property
    def heading(self) -> str:
        if self.is_call:
            return "Day 0: the call"
        if self.is_start:
            return f"Day {self.number}: inspectors arrive"
        return f"Day {self.number}"


@dataclass(frozen=True)
class Timetable:
    framework: str
    called: date
    start: date
    on_site_ends: date | None
    notice_days: int  # working days after the call up to and including the start
    days: tuple[Day, ...]
    notes: tuple[str, ...] = ()
    holidays_skipped: tuple[tuple[date, str], ...] = ()
    deadlines: dict[str, int] = field(default_factory=dict)

    @property
    def tasks(self) -> list[Task]:
        return [task for day in self.days for task in day.tasks]

    @property
    def preparation_days(self) -> int:
        return max(self.notice_days - 1, 0)

    def as_dict(self) -> dict:
        return {
            "framework": self.framework,
            "called": self.called.isoformat(),
            "start": self.start.isoformat(),
            "on_site_ends": self.on_site_ends.isoformat() if self.on_site_ends else None,
            "notice_working_days": self.notice_days,
            "notes": list(self.notes),
            "bank_holidays_skipped": [
                {"date": d.isoformat(), "name": n} for d, n in self.holidays_skipped
            ],
            "deadlines": dict(self.deadlines),
            "days": [
                {
                    "day": day.number,
                    "date": day.date.isoformat(),
                    "heading": day.heading,
                    "tasks": [
                        {**asdict(t), "due": t.due.isoformat(), "label": t.label} for t in day.tasks
                    ],
                }
                for day in self.days
            ],
        }


def inspection_start(called: date, notice: Notice, calendar: Calendar) -> tuple[date, list[str]]:
    """The first day on site, with notes on anything a reader should know about it."""
    if notice.kind == FOLLOWING_MONDAY:
        monday = called + timedelta(days=7 - called.weekday())
        start = calendar.next_working_day(monday)
        if start != monday:
            return start, [
                f"The Monday after the call, {long_date(monday)}, is "
                f"{calendar.holidays.get(monday, 'not a working day')}: this timetable assumes "
                f"inspectors arrive on the next working day, {long_date(start)}. Confirm the "
                "start with the lead inspector on the call."
            ]
        return start, []
    return calendar.add(called, notice.working_days or 0), []


def deadline_day(kind: str, last_preparation_day: int) -> int:
    return math.ceil(SCHEDULE[kind] * last_preparation_day)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def build_timetable(
    called: date,
    notice: Notice,
    calendar: Calendar,
    *,
    narratives: Sequence[NarrativeItem] = (),
    documents: Sequence[DocumentItem] = (),
    actions: Sequence[ActionFacts] = (),
    briefs: Sequence[BriefFacts] = (),
    undated_documents: int = 0,
    requests: Sequence[RequestFacts] = (),
) -> Timetable:
    """The timetable for a call on `called`. Raises CountdownError for a call date that is
    not a working day or outside the years whose bank holidays are known."""
    refuse_if_not_working(called, calendar)
    start, notes = inspection_start(called, notice, calendar)
    if calendar.note:
        notes.append(calendar.note)
    notice_days = calendar.between(called, start)
    last = max(notice_days - 1, 0)
    deadlines = {kind: deadline_day(kind, last) for kind in SCHEDULE}
    dates = [called] + [calendar.add(called, n) for n in range(1, notice_days + 1)]

    def task(kind: TaskKind, ref: str, what: str, why: str, owner: str, agency: str, day: int):
        day = min(max(day, 0), last)
        return Task(kind, ref, what, why, owner, agency, day, dates[day])

    tasks: list[Task] = []
    for a in actions:
        due = f"due {long_date(a.due_date)}" if a.due_date else "no due date"
        if a.due_date and a.due_date < called:
            why = f"{a.status}, {due}: overdue by {_plural((called - a.due_date).days, 'day')}"
            what = f"{a.code}: a progress update on \u201c{a.text}\u201d"
            tasks.append(task("action_overdue", a.code, what, why, a.owner, a.agency,
                              deadlines["action_overdue"]))  # fmt: skip
        elif a.due_date and a.due_date < start:
            what = f"{a.code}: complete \u201c{a.text}\u201d"
            day = calendar.between(called, a.due_date)
            tasks.append(task("action_open", a.code, what, f"{a.status}, {due}", a.owner,
                              a.agency, day))  # fmt: skip
        else:
            what = f"{a.code}: a progress update on \u201c{a.text}\u201d"
            tasks.append(task("action_open", a.code, what, f"{a.status}, {due}", a.owner,
                              a.agency, deadlines["action_open"]))  # fmt: skip
    for doc in documents:
        if doc.count > 1 or doc.id is None:
            what = f"{_plural(doc.count, 'document')} from {doc.agency or 'no agency'}"
            why = "out of date (titles shown to those who see every agency's evidence)"
        else:
            what = f"Replace or review \u201c{doc.title}\u201d"
            why = "; ".join(doc.reasons) or "out of date"
        ref = "" if doc.id is None else str(doc.id)
        tasks.append(task("evidence", ref, what, why, doc.owner, doc.agency,
                          deadlines["evidence"]))  # fmt: skip
    for r in requests:
        asked = f"asked by {r.asked_by}, " if r.asked_by else ""
        lines = _plural(len(r.lines), "line") + " of enquiry"
        what = f"{r.agency} to answer the request for evidence on {lines}"
        due = long_date(r.due_date)
        if r.due_date < called:
            why = f"{asked}due {due}: overdue by {_plural((called - r.due_date).days, 'day')}"
            day = deadlines["request"]
        elif r.due_date < start:
            why, day = f"{asked}due {due}", calendar.between(called, r.due_date)
        else:
            why = f"{asked}due {due}, after inspectors arrive: needed before"
            day = deadlines["request"]
        tasks.append(task("request", str(r.id), what, why, "Agency contributors", r.agency, day))
    for n in narratives:
        why = "; ".join(n.reasons) or "figures to refresh"
        tasks.append(task("narrative", n.key, f"A new version of \u201c{n.title}\u201d", why,
                          n.owner, n.agency, deadlines["narrative"]))  # fmt: skip
    for b in briefs:
        what = f"Check and print the {b.service} interview brief"
        why = f"{_plural(b.impacts, 'impact')}, {b.data_backed} backed by data"
        tasks.append(task("brief", b.service, what, why, ", ".join(b.owners), b.service,
                          deadlines["brief"]))  # fmt: skip

    tasks.sort(key=lambda t: (t.day, KIND_ORDER[t.kind], t.agency, t.owner, t.ref))
    by_day: dict[int, list[Task]] = {}
    for t in tasks:
        by_day.setdefault(t.day, []).append(t)
    days = tuple(
        Day(n, d, tuple(by_day.get(n, ())), is_call=n == 0, is_start=n == notice_days)
        for n, d in enumerate(dates)
    )

    if last == 0:
        notes.append(
            "Inspectors arrive on the first working day after the call: there is no full "
            "day to prepare, so everything falls on the day of the call."
        )
    if undated_documents:
        notes.append(
            f"{_plural(undated_documents, 'document')} "
            f"{'carries' if undated_documents == 1 else 'carry'} no date, so nobody can tell "
            "whether they are current: date them when you can."
        )
    skipped = tuple(calendar.not_working(called, start))
    on_site_ends = (
        calendar.add(start, notice.on_site_working_days - 1)
        if notice.on_site_working_days
        else None
    )
    return Timetable(
        framework=notice.framework,
        called=called,
        start=start,
        on_site_ends=on_site_ends,
        notice_days=notice_days,
        days=days,
        notes=tuple(notes),
        holidays_skipped=skipped,
        deadlines=deadlines,
    )


def as_text(timetable: Timetable) -> str:
    """The timetable for a terminal or an e-mail."""
    t = timetable
    lines = [
        f"Countdown under {t.framework}",
        f"The call: {long_date(t.called)}",
        f"Inspectors arrive: {long_date(t.start)} "
        f"(day {t.notice_days}, {_plural(t.notice_days, 'working day')} after the call)",
    ]
    if t.on_site_ends:
        lines.append(f"On site until: {long_date(t.on_site_ends)}")
    for d, name in t.holidays_skipped:
        lines.append(f"Not counted: {long_date(d)} ({name})")
    lines.extend(f"Note: {note}" for note in t.notes)
    for day in t.days:
        lines.append("")
        lines.append(f"{day.heading} – {long_date(day.date)}")
        for task in day.tasks:
            owner = ", ".join(x for x in (task.owner, task.agency) if x) or "no owner"
            lines.append(f"  [{task.label}] {task.what} – {task.why} – owner: {owner}")
        if not day.tasks and not day.is_start:
            lines.append("  nothing due")
    return "\n".join(lines) + "\n"


def count_by_kind(tasks: Iterable[Task]) -> dict[str, int]:
    counts = dict.fromkeys(SCHEDULE, 0)
    for t in tasks:
        counts[t.kind] += 1
    return counts
