"""Moderation: two auditors' answers side by side, question by question, the grade a
moderator settled, and how far auditors agree (per pair of auditors and overall)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .agreement import Agreement, agreement
from .tool import GRADE, YES_NO_ANSWERS, AuditToolSpec


@dataclass(frozen=True)
class Compared:
    section: str
    question: str
    text: str
    scale: str
    first: str | None
    second: str | None
    settled: str | None
    reason: str

    @property
    def agree(self) -> bool:
        return self.first is not None and self.first == self.second

    @property
    def final(self) -> str | None:
        """The answer that counts: the moderator's when settled, else the first auditor's."""
        return self.settled or self.first


def compare(
    tool: AuditToolSpec,
    first: dict[str, str],
    second: dict[str, str],
    decisions: dict[str, tuple[str, str]],
) -> list[Compared]:
    """Each question of TOOL with both answers (question id → answer) and any decision
    (question id → (answer, reason))."""
    return [
        Compared(
            section=section.title,
            question=question.id,
            text=question.text,
            scale=question.scale,
            first=first.get(question.id),
            second=second.get(question.id),
            settled=decisions.get(question.id, (None, ""))[0],
            reason=decisions.get(question.id, (None, ""))[1],
        )
        for section, question in tool.questions()
    ]


@dataclass(frozen=True)
class PairAgreement:
    first: str
    second: str
    audits: int
    grades: Agreement
    yes_no: Agreement


def _pairs(rows: list[Compared], scale: str, order: list[str]) -> list[tuple[int, int]]:
    return [
        (order.index(r.first), order.index(r.second))
        for r in rows
        if r.scale == scale and r.first in order and r.second in order
    ]


def agreement_by_pair(
    moderated: list[tuple[str, str, list[Compared]]], grade_order: list[str]
) -> tuple[list[PairAgreement], PairAgreement]:
    """MODERATED is (first auditor, second auditor, comparison) per moderated audit; GRADE_ORDER
    the framework's grade keys best first. Grades get linearly weighted kappa; yes/no answers
    (not applicable apart) the plain kappa."""
    yes_no = [k for k in YES_NO_ANSWERS if k != "not_applicable"]
    grouped: dict[tuple[str, str], list[list[Compared]]] = defaultdict(list)
    for first, second, rows in moderated:
        grouped[tuple(sorted((first, second)))].append(rows)  # type: ignore[index]

    def measure(first: str, second: str, audits: list[list[Compared]]) -> PairAgreement:
        rows = [row for audit in audits for row in audit]
        return PairAgreement(
            first=first,
            second=second,
            audits=len(audits),
            grades=agreement(_pairs(rows, GRADE, grade_order), len(grade_order), "linear"),
            yes_no=agreement(_pairs(rows, "yes_no", yes_no), 2, None),
        )

    pairs = [measure(a, b, audits) for (a, b), audits in sorted(grouped.items())]
    overall = measure("all", "all", [rows for *_, rows in moderated])
    return pairs, overall
