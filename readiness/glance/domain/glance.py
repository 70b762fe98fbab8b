"""Readiness at a glance, as plain data: what each judgement's self-grade rests on, the
indicators, narratives and actions that need attention, the countdown, and a ranked list
of what to do next with its owner.

Nothing here computes a finding of its own: gaps, surfeits and stale evidence come from the
evidence library's analyses, red and amber from the indicators' RAG, a failing narrative from
the narrative check, overdue from the action plan's rule, the timetable from the countdown.
This module only puts them side by side and ranks them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class JudgementLine:
    key: str
    title: str
    kind: str  # headline, composite, single
    grade: str  # the self-grade's label, "" when not graded
    confidence: str  # the grader's confidence, "" when not stated
    confirmed: int  # documents a person confirmed
    suggested: int  # strong machine suggestions not yet decided
    unreviewed: int  # every machine suggestion not yet decided, weak ones included
    gaps: int = 0
    weak: int = 0
    surfeits: int = 0
    stale: int = 0
    first_gap_line: int | None = None  # the line of enquiry to open for the first gap


@dataclass(frozen=True)
class IndicatorLine:
    id: str
    name: str
    status: str  # red or amber
    reason: str
    latest: str
    trend: str
    values: tuple[float | None, ...]  # oldest first, for the trend chart


@dataclass(frozen=True)
class NarrativeLine:
    key: str
    title: str
    owner: str
    owner_id: int | None
    problems: tuple[str, ...]


@dataclass(frozen=True)
class ActionLine:
    code: str
    text: str
    owner: str
    owner_id: int | None
    agency: str
    due: date | None
    overdue_days: int  # 0 when not overdue


@dataclass(frozen=True)
class CountdownLine:
    called: date
    start: date
    working_days_left: int  # working days from today to the first day on site
    due_now: int  # tasks due today or earlier still on the timetable
    tasks: int


@dataclass(frozen=True)
class Step:
    """One line of "what to do next": what, why, who, and where to do it (kind, ref)."""

    kind: str
    ref: str
    what: str
    why: str
    owner: str
    owner_id: int | None = None


@dataclass(frozen=True)
class Glance:
    judgements: tuple[JudgementLine, ...]
    indicators: tuple[IndicatorLine, ...]
    narratives: tuple[NarrativeLine, ...]
    actions: tuple[ActionLine, ...]  # open items, overdue first
    countdown: CountdownLine | None
    steps: tuple[Step, ...]
    mine: tuple[Step, ...]
    sees_all_evidence: bool
    graded: int = 0
    open_actions: int = 0
    overdue_actions: int = 0
    stale_documents: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


# The order of "what to do next": what cannot wait comes first.
PRIORITY = (
    "countdown",  # the call has come and a task is due
    "action_overdue",
    "gap",
    "indicator_red",
    "narrative",
    "ungraded",
    "unreviewed",
    "indicator_amber",
    "stale",
)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def next_steps(
    judgements: list[JudgementLine],
    indicators: list[IndicatorLine],
    narratives: list[NarrativeLine],
    actions: list[ActionLine],
    countdown: CountdownLine | None,
    *,
    lead: tuple[str, int | None],
    stale_documents: int = 0,
) -> list[Step]:
    """Every step, ranked: by PRIORITY, then by size within a kind (the most overdue, the
    most unreviewed). Steps with no owner of their own fall to the review lead."""
    lead_name, lead_id = lead
    steps: list[tuple[int, float, Step]] = []

    def add(kind: str, size: float, step: Step) -> None:
        steps.append((PRIORITY.index(kind), -size, step))

    if countdown is not None and countdown.due_now:
        tasks = _plural(countdown.due_now, "task", "tasks")
        days = _plural(countdown.working_days_left, "working day", "working days")
        what = f"Do the {tasks} due on the countdown"
        add(
            "countdown",
            countdown.due_now,
            Step("countdown", "", what, f"inspectors arrive in {days}", lead_name, lead_id),
        )
    for item in actions:
        if item.overdue_days:
            owner = item.owner or item.agency or lead_name
            owner_id = item.owner_id if item.owner else lead_id
            why = f"overdue by {_plural(item.overdue_days, 'day', 'days')}"
            add(
                "action_overdue",
                item.overdue_days,
                Step("action", item.code, f"{item.code}: {item.text}", why, owner, owner_id),
            )
    for line in judgements:
        if line.gaps:
            lines = _plural(line.gaps, "line of enquiry has", "lines of enquiry have")
            add(
                "gap",
                line.gaps,
                Step(
                    "gap",
                    str(line.first_gap_line or ""),
                    f"Find evidence for {line.title}",
                    f"{lines} no evidence",
                    lead_name,
                    lead_id,
                ),
            )
        if not line.grade and line.kind != "headline":
            add(
                "ungraded",
                0,
                Step(
                    "ungraded",
                    line.key,
                    f"Grade {line.title}",
                    "not yet graded",
                    lead_name,
                    lead_id,
                ),
            )
        if line.unreviewed:
            waiting = _plural(line.unreviewed, "suggestion", "suggestions")
            add(
                "unreviewed",
                line.unreviewed,
                Step(
                    "unreviewed",
                    line.key,
                    f"Confirm or reject the evidence for {line.title}",
                    f"{waiting} not yet reviewed",
                    lead_name,
                    lead_id,
                ),
            )
    for indicator in indicators:
        kind = "indicator_red" if indicator.status == "red" else "indicator_amber"
        why = f"{indicator.status}: {indicator.reason}"
        add(
            kind,
            0,
            Step(
                "indicator",
                indicator.id,
                f"Explain or improve: {indicator.name}",
                why,
                lead_name,
                lead_id,
            ),
        )
    for narrative in narratives:
        owner = narrative.owner or lead_name
        owner_id = narrative.owner_id if narrative.owner else lead_id
        add(
            "narrative",
            len(narrative.problems),
            Step(
                "narrative",
                narrative.key,
                f"Revise the narrative “{narrative.title}”",
                "; ".join(narrative.problems),
                owner,
                owner_id,
            ),
        )
    if stale_documents:
        documents = _plural(stale_documents, "document is", "documents are")
        add(
            "stale",
            stale_documents,
            Step(
                "stale",
                "",
                "Replace out-of-date evidence",
                f"{documents} out of date",
                lead_name,
                lead_id,
            ),
        )
    return [step for _, _, step in sorted(steps, key=lambda s: (s[0], s[1]))]


def my_work(steps: list[Step], actions: list[ActionLine], user_id: int) -> list[Step]:
    """The signed-in person's share: the steps they own, then their other open actions."""
    mine = [step for step in steps if step.owner_id == user_id]
    listed = {step.ref for step in mine if step.kind == "action"}
    for item in actions:
        if item.owner_id == user_id and item.code not in listed:
            due = f"due {item.due.strftime('%-d %B %Y')}" if item.due else "no due date"
            what = f"{item.code}: {item.text}"
            mine.append(Step("action", item.code, what, due, item.owner, item.owner_id))
    return mine
