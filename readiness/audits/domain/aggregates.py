"""What the audits say: grades counted by domain, team, agency, line of enquiry and phase, and
the share of audited cases good or better beside the self-assessment's grade.

Each answer counts once, as its audit's final answer: the moderator's settled grade where
there is one, else the first auditor's (second audits moderate; they are not counted again).
A case is good or better for a judgement when the mean of its grades on questions mapped to
that judgement's lines of enquiry, rounded to the nearest grade with ties going to the worse
grade, is good or better: one outstanding answer does not lift a case of weak ones."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

GOOD_OR_BETTER = 2  # the first two grades of every four-point scale: outstanding, good


@dataclass(frozen=True)
class AnswerRow:
    audit: int
    team: str
    agency: str  # the section's sector, in words
    phase: str
    domain: str
    lines: tuple[str, ...]
    answer: str
    scale: str
    n: int = 1  # how many answers the row stands for (rows come counted from the database)


@dataclass
class Tally:
    label: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def graded(self) -> int:
        return sum(self.counts.values())

    def good_or_better(self, order: list[str]) -> int:
        return sum(self.counts.get(key, 0) for key in order[:GOOD_OR_BETTER])

    def share(self, order: list[str]) -> float | None:
        return None if not self.graded else 100 * self.good_or_better(order) / self.graded


def tally(rows: list[AnswerRow], by: str, order: list[str]) -> list[Tally]:
    """Grade answers (yes/no apart) counted per value of BY (domain, team, agency, phase, line)."""
    groups: dict[str, Tally] = {}
    for row in rows:
        if row.scale != "grade" or row.answer not in order:
            continue
        keys = row.lines if by == "line" else (getattr(row, by),)
        for key in keys:
            group = groups.setdefault(key, Tally(key, {k: 0 for k in order}))
            group.counts[row.answer] += row.n
    return list(groups.values())


def case_grade(ranks: list[int]) -> int:
    """The case's grade (0 best) from its answers' ranks: the rounded mean, ties to worse."""
    return grade_from_sum(sum(ranks), len(ranks))


def grade_from_sum(total: int, count: int) -> int:
    mean = total / count
    whole = int(mean)
    return whole + 1 if mean - whole >= 0.5 else whole


@dataclass(frozen=True)
class JudgementShare:
    judgement: str
    title: str
    cases: int
    good_or_better: int
    self_grade: str  # the self-assessment's label, or ""

    @property
    def percent(self) -> float | None:
        return None if not self.cases else 100 * self.good_or_better / self.cases

    def sentence(self) -> str:
        if not self.cases:
            return f"No audited case speaks to {self.title.lower()} yet."
        one = self.cases == 1
        share = f"{self.percent:.0f}% of {self.cases} audited case{'' if one else 's'}"
        share += f" {'was' if one else 'were'} good or better"
        if not self.self_grade:
            return f"{share}; the self-assessment has no grade yet."
        return f"You graded {self.title.lower()} {self.self_grade.lower()}; {share}."


def rank_sums(
    rows: list[AnswerRow], order: list[str], judgements: list[tuple[str, str, tuple[str, ...]]]
) -> dict[str, dict[int, tuple[int, int]]]:
    """Per judgement, per audit: (sum of grade ranks, number of grades) on questions mapped to
    the judgement's lines. The database computes the same sums directly (queries.py)."""
    line_to_judgements: dict[str, list[str]] = defaultdict(list)
    for key, _, lines in judgements:
        for line in lines:
            line_to_judgements[line].append(key)
    sums: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for row in rows:
        if row.scale != "grade" or row.answer not in order:
            continue
        for judgement in {j for line in row.lines for j in line_to_judgements[line]}:
            total, count = sums[judgement].get(row.audit, (0, 0))
            sums[judgement][row.audit] = (total + order.index(row.answer), count + 1)
    return sums


def shares_by_judgement(
    sums: dict[str, dict[int, tuple[int, int]]],
    judgements: list[tuple[str, str, tuple[str, ...]]],
    self_grades: dict[str, str],
) -> list[JudgementShare]:
    """SUMS from rank_sums; JUDGEMENTS is (key, title, line keys) in framework order;
    SELF_GRADES key → label."""
    result = []
    for key, title, _ in judgements:
        grades = [grade_from_sum(t, c) for t, c in sums.get(key, {}).values() if c]
        if not grades and key not in self_grades:
            continue
        result.append(JudgementShare(
            judgement=key, title=title, cases=len(grades),
            good_or_better=sum(1 for g in grades if g < GOOD_OR_BETTER),
            self_grade=self_grades.get(key, ""),
        ))  # fmt: skip
    return result
