"""The self-assessment grid as plain data: every judgement with its grade, the suggestion
from its components and, for headlines, the guide from published inspections.

The page, its JSON twin and every export are drawn from this one structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .headline_guide import HeadlineGuide, headline_guide
from .rollup import Component, Grade, Suggestion, suggest_grade


@dataclass(frozen=True)
class JudgementInfo:
    key: str
    title: str
    kind: str  # headline, composite, single
    strand_key: str = ""
    strand_name: str = ""
    published_key: str = ""
    components: tuple[tuple[str, bool], ...] = ()  # (component key, limiting)
    lines_of_enquiry: int = 0


@dataclass(frozen=True)
class AssessmentInfo:
    rank: int | None
    rationale: str = ""
    strengths: str = ""
    areas_for_improvement: str = ""
    confidence: str = ""
    updated_by: str = ""
    updated_at: datetime | None = None
    phase: str = ""
    evidence_links: int = 0


@dataclass(frozen=True)
class GridRow:
    judgement: JudgementInfo
    assessment: AssessmentInfo
    grade: Grade | None
    suggestion: Suggestion | None
    suggested: Grade | None
    guide: HeadlineGuide | None
    differs_from_suggestion: bool


@dataclass(frozen=True)
class Grid:
    scale: tuple[Grade, ...]
    rows: tuple[GridRow, ...]
    strands: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (key, name)

    def row(self, key: str) -> GridRow:
        for row in self.rows:
            if row.judgement.key == key:
                return row
        raise KeyError(key)

    @property
    def graded(self) -> int:
        return sum(1 for row in self.rows if row.grade is not None)


def build_grid(
    scale: Sequence[Grade],
    judgements: Sequence[JudgementInfo],
    assessments: dict[str, AssessmentInfo],
    guide_table: str = "",
) -> Grid:
    by_rank = {grade.rank: grade for grade in scale}
    titles = {j.key: j.title for j in judgements}
    published = {j.key: j.published_key or j.key for j in judgements}
    empty = AssessmentInfo(rank=None)
    rows = []
    for judgement in judgements:
        assessment = assessments.get(judgement.key, empty)
        suggestion = None
        guide = None
        if judgement.components:
            components = [
                Component(key, titles.get(key, key), assessments.get(key, empty).rank, limiting)
                for key, limiting in judgement.components
            ]
            suggestion = suggest_grade(scale, components)
            if judgement.kind == "headline" and guide_table:
                ranks = {published[c.key]: c.rank for c in components if c.rank is not None}
                if len(ranks) == len(components):
                    guide = headline_guide(guide_table, ranks, judgement.published_key or None)
        suggested = by_rank.get(suggestion.rank) if suggestion and suggestion.rank else None
        grade = by_rank.get(assessment.rank) if assessment.rank else None
        rows.append(
            GridRow(
                judgement=judgement,
                assessment=assessment,
                grade=grade,
                suggestion=suggestion,
                suggested=suggested,
                guide=guide,
                differs_from_suggestion=bool(grade and suggested and grade != suggested),
            )
        )
    strands: list[tuple[str, str]] = []
    for judgement in judgements:
        pair = (judgement.strand_key, judgement.strand_name)
        if pair not in strands:
            strands.append(pair)
    return Grid(scale=tuple(scale), rows=tuple(rows), strands=tuple(strands))
