"""The report's paragraph numbers for findings: one sequence through the report, in the
order the report reads (the three evaluations in turn, each area as first written, each
area's paragraphs by position)."""

from __future__ import annotations

from dataclasses import dataclass

EVALUATION_ORDER = ("performance", "robustness", "readiness")


@dataclass(frozen=True)
class FindingRef:
    id: int
    evaluation: str
    area: str
    position: int


def report_order(findings: list[FindingRef]) -> list[FindingRef]:
    first_seen: dict[tuple[str, str], int] = {}
    for finding in sorted(findings, key=lambda f: f.id):
        first_seen.setdefault((finding.evaluation, finding.area), finding.id)

    def key(f: FindingRef) -> tuple:
        evaluation = (
            EVALUATION_ORDER.index(f.evaluation)
            if f.evaluation in EVALUATION_ORDER
            else len(EVALUATION_ORDER)
        )
        return (evaluation, first_seen[(f.evaluation, f.area)], f.position, f.id)

    return sorted(findings, key=key)


def paragraph_numbers(findings: list[FindingRef]) -> dict[int, int]:
    """Finding id -> its paragraph number, 1, 2, 3 … through the whole report."""
    return {f.id: number for number, f in enumerate(report_order(findings), start=1)}


def grouped(findings: list[FindingRef]) -> list[tuple[str, list[tuple[str, list[FindingRef]]]]]:
    """[(evaluation, [(area, [findings in order])])] in report order."""
    result: list[tuple[str, list[tuple[str, list[FindingRef]]]]] = []
    for finding in report_order(findings):
        if not result or result[-1][0] != finding.evaluation:
            result.append((finding.evaluation, []))
        areas = result[-1][1]
        if not areas or areas[-1][0] != finding.area:
            areas.append((finding.area, []))
        areas[-1][1].append(finding)
    return result
