"""The grid exported as CSV, XLSX and JSON: one function per format, all from one table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from readiness.lib.text import spreadsheet_cell

from .domain.grid import Grid, GridRow

COLUMNS = [
    ("judgement_id", "Judgement id"),
    ("judgement", "Judgement"),
    ("kind", "Kind"),
    ("strand", "Strand"),
    ("grade", "Grade"),
    ("grade_rank", "Grade rank (1 = best)"),
    ("suggested_grade", "Suggested from components"),
    ("suggestion_rule", "Why suggested"),
    ("headline_guide", "Headline guide"),
    ("confidence", "Confidence"),
    ("rationale", "Rationale"),
    ("strengths", "Strengths"),
    ("areas_for_improvement", "Areas for improvement"),
    ("phase", "Graded in phase"),
    ("updated_by", "Last changed by"),
    ("updated_at", "Last changed"),
]


def guide_text(row: GridRow, grid: Grid) -> str:
    if row.guide is None:
        return ""
    labels = {g.rank: g.label for g in grid.scale}
    shares = "; ".join(
        f"{labels[rank]} {probability:.0%}"
        for rank, probability in sorted(row.guide.probabilities.items())
        if rank in labels
    )
    return f"{shares}. {row.guide.basis}"


def grid_table(grid: Grid) -> list[dict[str, Any]]:
    return [
        {
            "judgement_id": row.judgement.key,
            "judgement": row.judgement.title,
            "kind": row.judgement.kind,
            "strand": row.judgement.strand_name,
            "grade": row.grade.label if row.grade else "",
            "grade_rank": row.grade.rank if row.grade else None,
            "suggested_grade": row.suggested.label if row.suggested else "",
            "suggestion_rule": row.suggestion.rule if row.suggestion else "",
            "headline_guide": guide_text(row, grid),
            "confidence": row.assessment.confidence,
            "rationale": row.assessment.rationale,
            "strengths": row.assessment.strengths,
            "areas_for_improvement": row.assessment.areas_for_improvement,
            "phase": row.assessment.phase,
            "updated_by": row.assessment.updated_by,
            "updated_at": row.assessment.updated_at.isoformat(timespec="seconds")
            if row.assessment.updated_at
            else "",
        }
        for row in grid.rows
    ]


def to_csv(grid: Grid) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([label for _, label in COLUMNS])
    for item in grid_table(grid):
        writer.writerow([spreadsheet_cell(item[key]) for key, _ in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(grid: Grid, title: str = "Self-assessment") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Judgements"
    sheet.append([label for _, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in grid_table(grid):
        sheet.append([spreadsheet_cell(item[key]) for key, _ in COLUMNS])
    widths = {"judgement": 45, "suggestion_rule": 50, "headline_guide": 50, "rationale": 60}
    for index, (key, _) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(key, 18)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_json_data(grid: Grid, review: dict[str, Any]) -> dict[str, Any]:
    rows = []
    for row, item in zip(grid.rows, grid_table(grid), strict=True):
        rows.append(
            {
                **item,
                "components": [
                    {"judgement_id": key, "limiting": limiting}
                    for key, limiting in row.judgement.components
                ],
                "suggested_rank": row.suggested.rank if row.suggested else None,
                "differs_from_suggestion": row.differs_from_suggestion,
                "evidence_links": row.assessment.evidence_links,
                "headline_guide": None
                if row.guide is None
                else {
                    "table": row.guide.table,
                    "probabilities": {
                        grade.key: round(row.guide.probabilities.get(grade.rank, 0.0), 4)
                        for grade in grid.scale
                    },
                    "most_likely": next(
                        (g.key for g in grid.scale if g.rank == row.guide.most_likely), None
                    ),
                    "exact_matches": row.guide.exact_matches,
                    "published_total": row.guide.published_total,
                    "basis": row.guide.basis,
                },
            }
        )
    return {
        "review": review,
        "scale": [{"rank": g.rank, "key": g.key, "label": g.label} for g in grid.scale],
        "graded": grid.graded,
        "judgements": rows,
    }


def to_json(grid: Grid, review: dict[str, Any]) -> bytes:
    return json.dumps(to_json_data(grid, review), indent=2, ensure_ascii=False).encode()
