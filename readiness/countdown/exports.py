"""The timetable as XLSX and DOCX: one table, one function per format."""

from __future__ import annotations

import io
from collections.abc import Callable

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from readiness.lib.text import printable, spreadsheet_cell

from .domain.timetable import Task, Timetable, long_date

COLUMNS = [
    ("day", "Working day"),
    ("date", "Due by the end of"),
    ("label", "Kind"),
    ("what", "What"),
    ("why", "Why"),
    ("owner", "Owner"),
    ("agency", "Agency or service"),
    ("link", "Link"),
]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def rows(timetable: Timetable, link: Callable[[Task], str | None]) -> list[dict[str, object]]:
    return [
        {
            "day": task.day,
            "date": task.due,
            "label": task.label,
            "what": printable(task.what),
            "why": printable(task.why),
            "owner": printable(task.owner),
            "agency": printable(task.agency),
            "link": link(task) or "",
        }
        for task in timetable.tasks
    ]


def summary(timetable: Timetable) -> list[tuple[str, str]]:
    t = timetable
    out = [
        ("Framework", t.framework),
        ("The call (day 0)", long_date(t.called)),
        ("Inspectors arrive", f"{long_date(t.start)} (day {t.notice_days})"),
    ]
    if t.on_site_ends:
        out.append(("On site until", long_date(t.on_site_ends)))
    out.extend(("Not counted", f"{long_date(d)} ({name})") for d, name in t.holidays_skipped)
    out.extend(("Note", note) for note in t.notes)
    return out


def to_xlsx(timetable: Timetable, link: Callable[[Task], str | None], title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Timetable"
    sheet.append([label for _, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(timetable, link):
        sheet.append([spreadsheet_cell(row[key]) for key, _ in COLUMNS])
    widths = {"date": 14, "label": 16, "what": 60, "why": 50, "owner": 24, "agency": 24}
    for index, (key, _) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(key, 12)
        if key == "date":
            for cell in sheet[get_column_letter(index)][1:]:
                cell.number_format = "ddd d mmm yyyy"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet("About")
    for label, value in summary(timetable):
        about.append([label, spreadsheet_cell(value)])
    about.column_dimensions["A"].width = 20
    about.column_dimensions["B"].width = 100
    workbook.properties.title = printable(title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_docx(timetable: Timetable, link: Callable[[Task], str | None], title: str) -> bytes:
    document = Document()
    document.add_heading(printable(title), level=0)
    for label, value in summary(timetable):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(printable(value))
    for day in timetable.days:
        document.add_heading(f"{day.heading} – {long_date(day.date)}", level=1)
        if not day.tasks:
            document.add_paragraph("Inspectors on site." if day.is_start else "Nothing due.")
            continue
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("Kind", "What", "Why", "Owner"), strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for task in day.tasks:
            cells = table.add_row().cells
            cells[0].text = task.label
            cells[1].text = printable(task.what)
            cells[2].text = printable(task.why)
            owner = ", ".join(x for x in (task.owner, task.agency) if x) or "No owner"
            cells[3].text = printable(owner)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
