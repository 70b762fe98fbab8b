"""A sample as a workbook for the auditors: case ids and reasons, never a name."""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font

from readiness.lib.text import spreadsheet_cell

COLUMNS = [("Number", 8), ("Case id", 16), ("List", 20), ("Team", 18), ("Social worker", 16),
           ("Age", 6), ("Reason drawn", 60)]  # fmt: skip


@dataclass(frozen=True)
class SampleRow:
    position: int
    case_id: str
    list_label: str
    team: str
    worker: str
    age: int | None
    reason: str


def sample_workbook(title: str, facts: list[tuple[str, str]], rows: list[SampleRow]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sample"
    for index, (name, width) in enumerate(COLUMNS, start=1):
        sheet.cell(row=1, column=index, value=name).font = Font(bold=True)
        sheet.column_dimensions[chr(64 + index)].width = width
    for row in rows:
        sheet.append([spreadsheet_cell(v) for v in (
            row.position, row.case_id, row.list_label, row.team, row.worker, row.age, row.reason
        )])  # fmt: skip
    sheet.freeze_panes = "A2"
    about = book.create_sheet("About")
    about.append([spreadsheet_cell(title)])
    for name, value in facts:
        about.append([spreadsheet_cell(name), spreadsheet_cell(value)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
