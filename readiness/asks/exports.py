"""The requests as a workbook, drawn from the same plain rows as the page and its JSON."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font

from readiness.lib.text import spreadsheet_cell

from .domain.state import LABELS, RequestRow

COLUMNS = ("Agency", "Lines of enquiry", "Needed by", "State", "Asked by", "Asked for")


def requests_xlsx(rows: Iterable[RequestRow]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Requests for evidence"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append([spreadsheet_cell(v) for v in (
            r.agency, ", ".join(r.lines), r.due_date, LABELS[r.state], r.asked_by, r.message
        )])  # fmt: skip
        sheet.cell(sheet.max_row, 3).number_format = "d mmm yyyy"
    for letter, width in zip("ABCDEF", (28, 30, 14, 12, 24, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
