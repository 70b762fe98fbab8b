"""The risks panel: judgements at or near the bottom grade, and components that would cap
a headline or composite if they were (or stay) at the bottom grade."""

from __future__ import annotations

from dataclasses import dataclass

from .grid import Grid
from .rollup import at_bottom, near_bottom

HIGH, MEDIUM = "high", "medium"


@dataclass(frozen=True)
class Risk:
    level: str  # high or medium
    judgement_key: str
    judgement_title: str
    reason: str
    strand: str = ""


def find_risks(grid: Grid) -> list[Risk]:
    scale = grid.scale
    bottom = grid.scale[-1].label.lower()
    risks: list[Risk] = []
    for row in grid.rows:
        title = row.judgement.title
        strand = row.judgement.strand_name
        if at_bottom(scale, row.assessment.rank):
            risks.append(Risk(HIGH, row.judgement.key, title, f"Graded {bottom}.", strand))
        elif near_bottom(scale, row.assessment.rank):
            label = row.grade.label.lower() if row.grade else ""
            if row.assessment.confidence in ("low", ""):
                confidence = row.assessment.confidence or "unstated"
                reason = f"Graded {label} with {confidence} confidence: it could fall to {bottom}."
                risks.append(Risk(MEDIUM, row.judgement.key, title, reason, strand))
        if (
            row.suggested is not None
            and at_bottom(scale, row.suggested.rank)
            and not at_bottom(scale, row.assessment.rank)
        ):
            risks.append(
                Risk(
                    HIGH,
                    row.judgement.key,
                    title,
                    f"Its components suggest {bottom}: {row.suggestion.rule}."
                    if row.suggestion
                    else "",
                    strand,
                )
            )
    risks.extend(_caps(grid))
    order = {HIGH: 0, MEDIUM: 1}
    return sorted(risks, key=lambda r: order[r.level])


def _caps(grid: Grid) -> list[Risk]:
    scale = grid.scale
    bottom = grid.scale[-1].label.lower()
    titles = {row.judgement.key: row.judgement.title for row in grid.rows}
    strands = {row.judgement.key: row.judgement.strand_name for row in grid.rows}
    ranks = {row.judgement.key: row.assessment.rank for row in grid.rows}
    risks = []
    for row in grid.rows:
        for key, limiting in row.judgement.components:
            if not limiting:
                continue
            rank = ranks.get(key)
            if at_bottom(scale, rank):
                risks.append(
                    Risk(
                        HIGH,
                        key,
                        titles[key],
                        f"At {bottom}, it caps '{row.judgement.title}' at {bottom}.",
                        strands[key],
                    )
                )
            elif near_bottom(scale, rank):
                risks.append(
                    Risk(
                        MEDIUM,
                        key,
                        titles[key],
                        f"One grade above {bottom}: if it falls, it caps "
                        f"'{row.judgement.title}' at {bottom}.",
                        strands[key],
                    )
                )
    return risks
