"""The action plan as an XLSX workbook, and back.

Two sheets: "Action plan" (one row per recommendation or action point) and "Milestones" (a
recommendation's plan, one row per step). Reading checks every cell and reports every
problem with its sheet and row number; it never stops at the first. Text that a
spreadsheet would run as a formula is written with a leading apostrophe, which reading
takes off again, so a plan survives the round trip word for word."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from readiness.lib.text import from_spreadsheet_cell, spreadsheet_cell

from .codes import CODE_PATTERN
from .lists import KIND_LABELS, STATUS_LABELS

PLAN_SHEET, MILESTONE_SHEET = "Action plan", "Milestones"
PLAN_COLUMNS = [
    ("code", "Code", 8),
    ("kind", "Kind", 16),
    ("text", "Text", 60),
    ("rationale", "Rationale", 40),
    ("guidance", "Guidance", 40),
    ("finding", "Finding paragraph", 10),
    ("judgements", "Judgements", 24),
    ("owner", "Owner (username)", 18),
    ("agency", "Agency", 28),
    ("due_date", "Due date", 12),
    ("status", "Status", 14),
    ("last_update", "Last progress", 12),
    ("latest_progress", "Latest progress", 50),
]
MILESTONE_COLUMNS = [
    ("code", "Recommendation", 14),
    ("text", "Milestone", 60),
    ("due_date", "Due date", 12),
    ("done_on", "Done on", 12),
]
# Written for people to read; reading ignores them (progress is added through the service).
READ_ONLY = ("last_update", "latest_progress")
MAX_BYTES = 10 * 1024 * 1024
MAX_EXPANDED = 100 * 1024 * 1024


@dataclass(frozen=True)
class PlanRow:
    code: str
    kind: str  # "recommendation" or "action_point"
    text: str
    rationale: str = ""
    guidance: str = ""
    finding: int | None = None  # paragraph number in the report
    judgements: tuple[str, ...] = ()  # judgement keys
    owner: str = ""  # username
    agency: str = ""  # agency name
    due_date: date | None = None
    status: str = "not_started"
    last_update: date | None = None
    latest_progress: str = ""


@dataclass(frozen=True)
class MilestoneRow:
    code: str
    text: str
    due_date: date | None = None
    done_on: date | None = None


@dataclass
class ReadPlan:
    items: list[tuple[int, PlanRow]]  # (row number in the sheet, row)
    milestones: list[tuple[int, MilestoneRow]]
    problems: list[str]


def _sheet(workbook: Workbook, title: str, columns: list, rows: list[list[Any]]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([label for _, label, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_cell(value) for value in row])
    for index, (key, _, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        if key in ("due_date", "done_on", "last_update"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "yyyy-mm-dd"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"


def write_plan(items: list[PlanRow], milestones: list[MilestoneRow], title: str = "") -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(
        workbook,
        PLAN_SHEET,
        PLAN_COLUMNS,
        [
            [
                row.code,
                KIND_LABELS[row.kind],
                row.text,
                row.rationale,
                row.guidance,
                row.finding,
                ", ".join(row.judgements),
                row.owner,
                row.agency,
                row.due_date,
                STATUS_LABELS[row.status],
                row.last_update,
                row.latest_progress,
            ]
            for row in items
        ],
    )
    _sheet(
        workbook,
        MILESTONE_SHEET,
        MILESTONE_COLUMNS,
        [[m.code, m.text, m.due_date, m.done_on] for m in milestones],
    )
    workbook.properties.title = title or "Action plan"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Reading ------------------------------------------------------------------------------


def _by_label(labels: dict[str, str], value: str) -> str | None:
    """The key whose label (or key) is VALUE, ignoring case and spacing."""
    wanted = " ".join(value.replace("_", " ").split()).lower()
    for key, label in labels.items():
        if wanted in (label.lower(), key.replace("_", " ")):
            return key
    return None


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date like 2026-12-01")


class _Row:
    """One sheet row's cells by column key, collecting problems as it is read."""

    def __init__(self, sheet: str, number: int, cells: dict[str, Any], problems: list[str]):
        self.sheet, self.number, self.cells, self.problems = sheet, number, cells, problems
        self.flagged: set[str] = set()

    def problem(self, column: str, message: str) -> None:
        self.flagged.add(column)
        self.problems.append(f"{self.sheet}, row {self.number}: {column}: {message}.")

    def text(self, key: str, column: str) -> str:
        value = self.cells.get(key)
        if value is None:
            return ""
        if isinstance(value, str) and value.startswith("="):
            self.problem(column, "is a formula; type the words or the value instead")
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return from_spreadsheet_cell(str(value).strip())

    def day(self, key: str, column: str) -> date | None:
        value = self.cells.get(key)
        if isinstance(value, str) and value.startswith("="):
            self.problem(column, "is a formula; type the date instead")
            return None
        try:
            return _date(value)
        except ValueError as error:
            self.problem(column, str(error))
            return None


def _rows(sheet: Any, columns: list, name: str, problems: list[str]) -> list[_Row]:
    header = [str(c or "").strip().lower() for c in next(sheet.iter_rows(values_only=True), ())]
    positions: dict[str, int] = {}
    for key, label, _ in columns:
        if label.lower() in header:
            positions[key] = header.index(label.lower())
        elif key not in READ_ONLY:
            problems.append(f"{name}, row 1: the column “{label}” is missing.")
    if len(positions) < len([c for c in columns if c[0] not in READ_ONLY]):
        return []
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        cells = {key: values[i] if i < len(values) else None for key, i in positions.items()}
        rows.append(_Row(name, number, cells, problems))
    return rows


def by_row(problems: list[str]) -> list[str]:
    """Problems in sheet and row order, keeping their order within a row."""
    sheets = {PLAN_SHEET: 0, MILESTONE_SHEET: 1}

    def key(indexed: tuple[int, str]) -> tuple[int, int, int]:
        index, problem = indexed
        match = re.match(r"^(.*?), row (\d+): ", problem)
        if not match:
            return (-1, 0, index)
        return (sheets.get(match[1], 2), int(match[2]), index)

    return [problem for _, problem in sorted(enumerate(problems), key=key)]


def _check_size(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        return "The file is larger than 10 MB; an action plan is much smaller."
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_EXPANDED:
                return "The file would expand to more than 100 MB; it is not an action plan."
    except zipfile.BadZipFile:
        return "The file is not an Excel workbook (.xlsx)."
    return ""


def read_plan(data: bytes) -> ReadPlan:
    """Every row of the workbook, and every problem found in it."""
    problems: list[str] = []
    refusal = _check_size(data)
    if refusal:
        return ReadPlan([], [], [refusal])
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        return ReadPlan([], [], ["The file is not an Excel workbook (.xlsx)."])
    if PLAN_SHEET not in workbook.sheetnames:
        return ReadPlan([], [], [f"The workbook has no sheet called “{PLAN_SHEET}”."])
    items: list[tuple[int, PlanRow]] = []
    seen_codes: dict[str, int] = {}
    for row in _rows(workbook[PLAN_SHEET], PLAN_COLUMNS, PLAN_SHEET, problems):
        item = _plan_row(row, seen_codes)
        if item is not None:
            items.append((row.number, item))
    milestones: list[tuple[int, MilestoneRow]] = []
    if MILESTONE_SHEET in workbook.sheetnames:
        for row in _rows(workbook[MILESTONE_SHEET], MILESTONE_COLUMNS, MILESTONE_SHEET, problems):
            code = row.text("code", "Recommendation").upper()
            text = row.text("text", "Milestone")
            if not code:
                row.problem("Recommendation", "give the code of the recommendation, like R1")
            if not text:
                row.problem("Milestone", "is empty")
            due, done = row.day("due_date", "Due date"), row.day("done_on", "Done on")
            milestones.append((row.number, MilestoneRow(code, text[:300], due, done)))
    workbook.close()
    return ReadPlan(items, milestones, problems)


def _plan_row(row: _Row, seen_codes: dict[str, int]) -> PlanRow | None:
    code = row.text("code", "Code").upper()
    kind_text = row.text("kind", "Kind")
    kind = _by_label(KIND_LABELS, kind_text) if kind_text else None
    if kind_text and kind is None:
        row.problem("Kind", f"“{kind_text}” is neither Recommendation nor Action point")
    if code:
        match = CODE_PATTERN.match(code)
        if not match:
            row.problem("Code", f"“{code}” is not a code like R1 or A9")
        else:
            implied = "recommendation" if match["prefix"] == "R" else "action_point"
            if kind and kind != implied:
                article = "a" if kind == "recommendation" else "an"
                row.problem(
                    "Code", f"{code} is not a code for {article} {KIND_LABELS[kind].lower()}"
                )
            kind = kind or implied
            if code in seen_codes:
                row.problem("Code", f"{code} is also on row {seen_codes[code]}")
            seen_codes.setdefault(code, row.number)
    if kind is None and not kind_text:
        row.problem("Kind", "say Recommendation or Action point")
    text = row.text("text", "Text")
    if not text and "Text" not in row.flagged:
        row.problem("Text", "is empty; every item needs its text")
    finding_text = row.text("finding", "Finding paragraph")
    finding = None
    if finding_text:
        if finding_text.isdigit() and int(finding_text) > 0:
            finding = int(finding_text)
        else:
            row.problem("Finding paragraph", f"“{finding_text}” is not a paragraph number")
    judgements = tuple(
        part.strip() for part in row.text("judgements", "Judgements").split(",") if part.strip()
    )
    owner, agency = row.text("owner", "Owner (username)"), row.text("agency", "Agency")
    due_date = row.day("due_date", "Due date")
    status_text = row.text("status", "Status")
    status = _by_label(STATUS_LABELS, status_text) if status_text else "not_started"
    if status is None:
        row.problem("Status", f"“{status_text}” is not one of {', '.join(STATUS_LABELS.values())}")
    return PlanRow(
        code=code,
        kind=kind or "action_point",
        text=text,
        rationale=row.text("rationale", "Rationale"),
        guidance=row.text("guidance", "Guidance"),
        finding=finding,
        judgements=judgements,
        owner=owner,
        agency=agency,
        due_date=due_date,
        status=status or "not_started",
    )
