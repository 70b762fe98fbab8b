"""Ofsted's Annex A workbook (lists 1-11): read it however a council laid it out.

Real workbooks drift from the template: sheets renamed ("List 8 - CLA", "list_8"), header
rows pushed down by a title, codes typed without their "a)" prefix, formulas in date cells,
"#N/A" from lookups, "nope" in a postcode. We find each list by its sheet name or, failing
that, by its headers; find the header row by the column names; and read every cell against
the column spec (`data/annex_a_columns.json`, built from liia-tools' specifications by
`build_columns`). A value we cannot read becomes None, or stays as typed when it is only an
unknown code, and always leaves a `QualityIssue` naming the cell.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl

from readiness.indicators.domain.quality import QualityIssue, QualityReport

COLUMNS_FILE = Path(__file__).resolve().parents[1] / "data" / "annex_a_columns.json"
EXCEL_EPOCH = date(1899, 12, 30)
ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"}
BLANKS = {"", "none", "null", "n/a", "-"}
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y")
YES_NO = {"y": "yes", "yes": "yes", "true": "yes", "1": "yes", "n": "no", "no": "no"}
YES_NO |= {"false": "no", "0": "no"}
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
# Headers councils use for a column whose template name is different.
ALIASES = {"age": "age_of_child_years", "age_of_child": "age_of_child_years"}
# Columns whose code list only adds to free text (an LA's name is as valid as "WAL").
OPEN_CODES = {"la_of_placement"}
SEPARATOR = re.compile(r"\s*(?::| - | – )\s*")
SHEET_NAME = re.compile(r"\blist\s*[_\-.]?\s*(\d{1,2})\b", re.IGNORECASE)
HEADER_SEARCH_ROWS = 20


def slug(text: str) -> str:
    """A column's key: lower case words joined by underscores, punctuation dropped."""
    return re.sub(r"[^a-z0-9]+", "_", str(text).replace("\xa0", " ").lower()).strip("_")


def _clean(text: str) -> str:
    return " ".join(str(text).replace("\xa0", " ").split())


def _code_key(text: str) -> str:
    # "PR4 - Private provision" and "PR4: Private provision" are the same code.
    return SEPARATOR.sub(": ", text.casefold())


def build_columns(csv_2019: Path, csv_2024: Path, target: Path = COLUMNS_FILE) -> None:
    """Write the shipped column spec from the two derived CSVs (see data/README.md).

    Codes come from the Ofsted template (2019); the 2024 layout adds four list 9 columns, and
    its code lists are liia-tools' cleaned groupings rather than Ofsted's codes, so only its
    yes/no columns keep codes.
    """
    lists: dict[str, dict[str, Any]] = {}
    with csv_2019.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            number = row["list"].split()[-1]
            codes = [c.strip() for c in row["allowed_codes"].split("|") if c.strip()]
            column = {"name": row["column"].strip(), "type": row["type"], "codes": codes}
            column |= {"blank": row["canbeblank"] == "True", "layouts": ["2019", "2024"]}
            lists.setdefault(number, {})[slug(row["column"])] = column
    with csv_2024.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            number, key = row["list"].split("_")[-1], slug(row["column"])
            if key in lists[number]:
                continue
            codes = {c.strip() for c in row["allowed_codes"].split("|")}
            yes_no = codes and codes <= {"False", "True", "Unknown"}
            kind = "integer" if "integer" in row["type"] else row["type"].split()[0]
            kind = "string" if kind == "category" else kind
            lists[number][key] = {
                "name": row["column"].strip(),
                "type": kind,
                "codes": ["a) Yes", "b) No", "c) Unknown"] if yes_no else [],
                "blank": row["canbeblank"] == "True",
                "layouts": ["2024"],
            }
    payload = {
        "source": "Derived from liia-tools Annex A specifications (MIT); see README.md",
        "lists": lists,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@cache
def columns() -> dict[int, dict[str, dict[str, Any]]]:
    """List number -> column key -> spec (name, type, codes, blank, layouts)."""
    data = json.loads(COLUMNS_FILE.read_text(encoding="utf-8"))
    return {int(n): cols for n, cols in data["lists"].items()}


@cache
def _code_lookup(number: int, key: str) -> dict[str, str]:
    """Every spelling we accept for a coded column -> the code as Ofsted writes it.

    "a) WBRI" is also accepted as "WBRI"; "q) 6: Police" as "6: Police" and "6"; a label
    ("Female", "Physical abuse") when no other code shares it; yes/no in any usual form.
    """
    lookup: dict[str, str] = {}
    labels: dict[str, list[str]] = {}
    for code in columns()[number][key]["codes"]:
        bare = re.sub(r"^[a-z]\)\s*", "", code)
        lookup[_code_key(code)] = lookup[_code_key(bare)] = code
        parts = SEPARATOR.split(bare, maxsplit=1)
        if len(parts) == 2:
            lookup.setdefault(_code_key(parts[0]), code)
        labels.setdefault(_code_key(parts[-1]), []).append(code)
        if bare.casefold() in ("yes", "no"):
            for spelling, meaning in YES_NO.items():
                if meaning == bare.casefold():
                    lookup[spelling] = code
    for label, codes in labels.items():
        if len(codes) == 1:
            lookup.setdefault(label, codes[0])
    return lookup


@dataclass
class AnnexAList:
    number: int
    sheet: str | None = None
    header_row: int | None = None  # as Excel numbers it
    layout: str = "2019"  # "2024" when the January 2024 columns are present
    records: list[dict[str, Any]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)  # each record's Excel row
    report: QualityReport = field(default_factory=QualityReport)


@dataclass
class AnnexAWorkbook:
    lists: dict[int, AnnexAList]
    report: QualityReport  # workbook-level issues, then every list's, in list order


class AnnexAFileError(ValueError):
    """Not a workbook we can open at all."""


@dataclass
class _Sheet:
    list_: AnnexAList
    table: str
    keys: list[str | None] = field(default_factory=list)

    def issue(self, row: int | None, where: str | None, value: object, reason: str, detail: str,
              kept: bool = True, child: str | None = None) -> None:  # fmt: skip
        shown = None if value is None else _clean(str(value))
        self.list_.report.issues.append(
            QualityIssue(self.table, row, child, where, shown, reason, detail, kept)
        )


def _find_header(rows: list[tuple[Any, ...]], known: set[str]) -> int | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {ALIASES.get(slug(v), slug(v)) for v in row if isinstance(v, str)}
        if len(keys & known) >= 3:
            return index
    return None


def _guess_list(rows: list[tuple[Any, ...]]) -> int | None:
    """The list whose columns best match a header near the top, if most of them do."""
    best, best_share = None, 0.6
    for number, cols in columns().items():
        index = _find_header(rows, set(cols))
        if index is None:
            continue
        keys = {ALIASES.get(slug(v), slug(v)) for v in rows[index] if isinstance(v, str)}
        share = len(keys & set(cols)) / len(cols)
        if share > best_share:
            best, best_share = number, share
    return best


def read_annex_a(path: str | Path) -> AnnexAWorkbook:
    """Read every list in an Annex A workbook, with a quality report per list."""
    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise AnnexAFileError(f"not an Excel workbook we can read: {exc}") from exc
    report = QualityReport()
    lists: dict[int, AnnexAList] = {}
    try:
        for sheet in values.worksheets:
            rows = list(sheet.iter_rows(values_only=True))
            match = SHEET_NAME.search(sheet.title)
            number = int(match.group(1)) if match else _guess_list(rows)
            if number not in columns():
                detail = "not recognised as one of lists 1-11; ignored"
                report.add("annex_a", None, None, None, sheet.title, "sheet ignored", detail, True)
                continue
            if number in lists:
                detail = f"list {number} already read from {lists[number].sheet!r}; ignored"
                report.add("annex_a", None, None, None, sheet.title, "duplicate list", detail)
                continue
            raw = list(formulas[sheet.title].iter_rows(values_only=True))
            lists[number] = _read_list(number, sheet.title, rows, raw)
    finally:
        values.close()
        formulas.close()
    for number in columns():
        if number not in lists:
            report.add("annex_a", None, None, None, None, "missing list", f"no list {number}")
    for number in sorted(lists):
        report.extend(lists[number].report)
    return AnnexAWorkbook(dict(sorted(lists.items())), report)


def _read_list(
    number: int, title: str, rows: list[tuple[Any, ...]], raw: list[tuple[Any, ...]]
) -> AnnexAList:
    cols = columns()[number]
    result = AnnexAList(number, sheet=title)
    sheet = _Sheet(result, f"annex_a_list_{number}")
    header = _find_header(rows, set(cols))
    if header is None:
        sheet.issue(None, None, title, "no header row", "no row names three of the list's columns")
        return result
    result.header_row = header + 1
    for cell in rows[header]:
        key = ALIASES.get(slug(cell), slug(cell)) if cell is not None else None
        if key and key not in cols:
            sheet.issue(None, key, cell, "unknown column", "not in Annex A; kept under this key")
        sheet.keys.append(key or None)
    present = {k for k in sheet.keys if k}
    only_2024 = any(k in cols and cols[k]["layouts"] == ["2024"] for k in present)
    result.layout = "2024" if only_2024 else "2019"
    expected = [k for k, spec in cols.items() if result.layout in spec["layouts"]]
    for key in expected:
        if key not in present:
            sheet.issue(None, key, None, "missing column", f"no {cols[key]['name']!r} column")
    id_key = expected[0]
    for offset, row in enumerate(rows[header + 1 :], start=1):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue  # an empty row holds no record
        formula_row = raw[header + offset] if header + offset < len(raw) else ()
        record: dict[str, Any] = dict.fromkeys(expected)
        raw_id = row[sheet.keys.index(id_key)] if id_key in sheet.keys else None
        child = _clean(str(raw_id)) if raw_id is not None else None
        for index, key in enumerate(sheet.keys):
            if key is None:
                continue
            value = row[index] if index < len(row) else None
            formula = formula_row[index] if index < len(formula_row) else None
            where = f"{title}!{openpyxl.utils.get_column_letter(index + 1)}{header + 1 + offset}"
            record[key] = _cell(sheet, number, key, value, formula, offset, where, child)
        result.records.append(record)
        result.row_numbers.append(header + 1 + offset)
    return result


def _cell(
    sheet: _Sheet, number: int, key: str, value: Any, formula: Any, row: int, where: str,
    child: str | None,
) -> Any:  # fmt: skip
    spec = columns()[number].get(key, {"type": "string", "codes": [], "blank": True})

    def issue(reason: str, detail: str, kept: bool = True, shown: object = value) -> None:
        sheet.issue(row, key, shown, reason, f"{where}: {detail}", kept, child)

    if isinstance(formula, str) and formula.startswith("="):
        if value is None:
            issue("formula", "a formula with no saved result; read as blank", shown=formula)
            return None
        issue("formula", f"a formula ({formula}); its saved result is used", shown=value)
    if isinstance(value, str):
        value = _clean(value)
        if value in ERRORS:
            issue("spreadsheet error", "an error value, read as blank")
            return None
        if value.casefold() in BLANKS:
            value = None
    if value is None:
        if not spec["blank"]:
            issue("missing value", "required by Annex A")
        return None
    kind = spec["type"]
    if kind == "date":
        return _date(value, issue)
    if kind == "integer" and key == "age_of_child_years" and isinstance(value, float):
        return int(value) if value >= 0 else _integer(value, issue)  # ages come as decimals
    if kind == "integer":
        return _integer(value, issue)
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else _clean(value)
    if spec["codes"]:
        code = _code_lookup(number, key).get(_code_key(text))
        if code is None and key in OPEN_CODES:
            return text
        if code is None:
            issue("invalid code", "not an Annex A code for this column; kept as typed")
            return text
        return code
    if key == "placement_postcode" and not POSTCODE.match(text.upper()):
        issue("invalid postcode", "not a UK postcode; kept as typed")
    return text


def _date(value: Any, issue: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1 <= value < 2958466:
        # A date stored as Excel's day count, e.g. a formula cell without a date format.
        issue("date as number", "an Excel day number, read as a date")
        return EXCEL_EPOCH + timedelta(days=int(value))
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(str(value), fmt).date()
        except ValueError:
            continue
    issue("invalid date", "not a date; read as blank")
    return None


def _integer(value: Any, issue: Any) -> int | None:
    if isinstance(value, bool):
        issue("invalid number", "true/false, not a number; read as blank")
        return None
    if isinstance(value, int | float):
        if float(value).is_integer() and value >= 0:
            return int(value)
        if value >= 0:
            issue("not a whole number", f"read as {int(value)}")
            return int(value)
    elif str(value).isdigit():
        return int(str(value))
    issue("invalid number", "not a whole number of zero or more; read as blank")
    return None


if __name__ == "__main__":
    import sys

    build_columns(Path(sys.argv[1]), Path(sys.argv[2]))
