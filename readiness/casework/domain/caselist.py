"""A council's list of children to sample from, read from CSV or XLSX, pseudonymised.

The product keeps the council's own case id and never a name: a file with a column that
looks like a name, an NHS number or a date of birth is refused, naming the column, before a
single row is read. Every other problem is reported with its row, and a file with any bad row
stores nothing."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

LISTS: dict[str, str] = {
    "early_help": "early help",
    "child_in_need": "child in need",
    "child_protection": "child protection",
    "children_in_care": "children in care",
    "care_leavers": "care leavers",
    "adoption": "adoption",
}
# What councils call the lists in their own files (compared lower-case, spaces squeezed).
LIST_ALIASES: dict[str, str] = {
    "eh": "early_help",
    "cin": "child_in_need",
    "children in need": "child_in_need",
    "cp": "child_protection",
    "cpp": "child_protection",
    "child protection plan": "child_protection",
    "lac": "children_in_care",
    "cla": "children_in_care",
    "looked after": "children_in_care",
    "looked after children": "children_in_care",
    "child in care": "children_in_care",
    "care leaver": "care_leavers",
    "leaving care": "care_leavers",
}
COLUMNS: dict[str, tuple[str, ...]] = {
    "case_id": ("case id", "child id", "id", "child unique id", "case reference", "case ref"),
    "list": ("list", "annex a list", "cohort", "status"),
    "team": ("team",),
    "worker": ("social worker", "worker", "allocated worker", "worker id"),
    "age": ("age", "age in years", "age of child (years)", "age of child"),
    "started": ("started", "start date", "plan start", "episode start", "date started"),
}
REQUIRED = ("case_id", "list")
# Columns that look like personal identifiers. Matched on the normalised header's words.
_NAME = re.compile(r"\b(name|names|forename|forenames|surname|first ?name|last ?name)\b")
_NHS = re.compile(r"\bnhs\b|\bchi number\b")
_DOB = re.compile(r"\b(dob|d o b|date of birth|birth ?date|born)\b")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$")
MAX_BYTES = 20 * 1024 * 1024
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    list_key: str
    team: str = ""
    worker: str = ""
    age: int | None = None
    started: date | None = None


class CaseListError(ValueError):
    """The file cannot be used; `problems` says every reason, one a line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _normal(header: object) -> str:
    text = re.sub(r"[^a-z0-9()]+", " ", str(header or "").lower()).strip()
    return re.sub(r"\s+", " ", text)


def identifying_column(header: str) -> str | None:
    """Why HEADER looks like it holds a child's identity, or None."""
    text = _normal(header).replace("(", " ").replace(")", " ")
    if _NHS.search(text):
        return "looks like an NHS number"
    if _DOB.search(text):
        return "looks like a date of birth"
    if _NAME.search(text):
        return "looks like a name"
    return None


def list_key(value: str) -> str | None:
    text = _normal(value)
    if text.replace(" ", "_") in LISTS:
        return text.replace(" ", "_")
    for key, label in LISTS.items():
        if text == label:
            return key
    return LIST_ALIASES.get(text)


def _rows_from_bytes(data: bytes, filename: str) -> list[list[Any]]:
    if len(data) > MAX_BYTES:
        raise CaseListError([f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB."])
    if data[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise CaseListError(
                [f"{filename} is not a workbook that can be read ({error})."]
            ) from None
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return [row for row in csv.reader(io.StringIO(text))]


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(str(value).strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError


def read_case_list(data: bytes, filename: str = "the file") -> list[CaseRow]:
    """The rows of a case list, or CaseListError naming every problem."""
    rows = [
        row for row in _rows_from_bytes(data, filename) if any(str(c or "").strip() for c in row)
    ]
    if not rows:
        raise CaseListError([f"{filename} has no rows."])
    headers = [str(cell or "").strip() for cell in rows[0]]
    problems = [
        f"Column “{header}” {why}: the product keeps the council's case id, never a child's "
        "identity. Remove the column and import again."
        for header in headers
        if (why := identifying_column(header))
    ]
    if problems:
        raise CaseListError(problems)
    where: dict[str, int] = {}
    for index, header in enumerate(headers):
        for field, names in COLUMNS.items():
            if _normal(header) in names and field not in where:
                where[field] = index
    missing = [field for field in REQUIRED if field not in where]
    if missing:
        wanted = " and ".join(f"“{COLUMNS[f][0]}”" for f in missing)
        raise CaseListError(
            [f"{filename} has no {wanted} column (its columns: {', '.join(headers)})."]
        )
    result: list[CaseRow] = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in enumerate(rows[1:], start=2):

        def cell(field: str, row: list[Any] = row) -> Any:
            index = where.get(field)
            return row[index] if index is not None and index < len(row) else None

        case_id = str(cell("case_id") or "").strip()
        if isinstance(cell("case_id"), float) and cell("case_id").is_integer():
            case_id = str(int(cell("case_id")))
        if not case_id:
            problems.append(f"Row {number}: no case id.")
            continue
        if not _ID.match(case_id):
            problems.append(
                f"Row {number}: case id “{case_id}” is not an id (letters, digits, - _ . / only)."
            )
            continue
        key = list_key(str(cell("list") or ""))
        if key is None:
            problems.append(
                f"Row {number}: list “{cell('list') or ''}” is not one of "
                f"{', '.join(LISTS.values())}."
            )
            continue
        if (case_id, key) in seen:
            problems.append(
                f"Row {number}: case {case_id} is on the {LISTS[key]} list twice "
                f"(row {seen[case_id, key]})."
            )
            continue
        seen[case_id, key] = number
        age = cell("age")
        if age in (None, ""):
            age_value = None
        else:
            try:
                age_value = int(float(str(age).strip()))
            except ValueError:
                problems.append(f"Row {number}: age “{age}” is not a whole number of years.")
                continue
            if not 0 <= age_value <= 25:
                problems.append(f"Row {number}: age {age_value} is outside 0 to 25.")
                continue
        started = cell("started")
        try:
            started_value = None if started in (None, "") else _date(started)
        except ValueError:
            problems.append(f"Row {number}: start date “{started}” is not a date like 2025-03-31.")
            continue
        result.append(
            CaseRow(
                case_id=case_id,
                list_key=key,
                team=str(cell("team") or "").strip()[:80],
                worker=str(cell("worker") or "").strip()[:80],
                age=age_value,
                started=started_value,
            )
        )
    if problems:
        raise CaseListError(problems)
    return result
