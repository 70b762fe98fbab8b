"""From an imported file to indicator values, one kind of file at a time.

Every reader returns a quality report; this module turns what it read into plain values
keyed by measure (or, for a table, by indicator id) and period, and says in one sentence
what happened. Nothing here touches the database: storing is all-or-nothing elsewhere.
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .annex_a import AnnexAFileError, read_annex_a
from .cin import CinFileError, read_census
from .cin_measures import all_measures as cin_measures
from .lac_measures import all_measures as lac_measures
from .quality import QualityReport
from .ssda903 import read_ssda903

KINDS = ("ssda903", "cin", "annexa", "table")
COMPARATOR_COLUMNS = ("england", "region", "statistical_neighbours", "target")


# Told the number of files read so far, as each is read (a background import's progress).
FileProgress = Callable[[int], None]


def _no_progress(_read: int) -> None:
    pass


class ImportFileError(ValueError):
    """The file cannot be imported at all; the message says why. Nothing is stored."""


@dataclass(frozen=True)
class ComputedValue:
    key: str  # a measure key (ssda903, cin) or an indicator id (table)
    period_end: date
    numerator: float | None
    denominator: float | None
    value: float | None


@dataclass(frozen=True)
class ComputedComparator:
    key: str
    kind: str  # england, region, statistical_neighbours, target
    period_end: date
    value: float


@dataclass
class Computed:
    kind: str
    values: list[ComputedValue] = field(default_factory=list)
    comparators: list[ComputedComparator] = field(default_factory=list)
    report: QualityReport = field(default_factory=QualityReport)
    records_read: int = 0
    summary: str = ""


def files_from(path: Path) -> dict[str, bytes]:
    """A folder, a zip or one file, as name → bytes (the readers take either)."""
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}
    if zipfile.is_zipfile(path) and path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            return {
                Path(m.filename).name: archive.read(m)
                for m in archive.infolist()
                if not m.is_dir() and not Path(m.filename).name.startswith(".")
            }
    return {path.name: path.read_bytes()}


def compute(
    kind: str,
    files: dict[str, bytes],
    known_indicators: Iterable[str] = (),
    progress: FileProgress = _no_progress,
) -> Computed:
    if kind not in KINDS:
        raise ImportFileError(f"Unknown kind '{kind}': choose one of {', '.join(KINDS)}.")
    if not files:
        raise ImportFileError("There is no file to import.")
    if kind == "ssda903":
        return _ssda903(files, progress)
    if kind == "cin":
        return _cin(files, progress)
    if kind == "annexa":
        return _annex_a(files, progress)
    return _table(files, set(known_indicators), progress)


def _ssda903(files: dict[str, bytes], progress: FileProgress) -> Computed:
    if all(_looks_like_workbook(data) for data in files.values()):
        raise ImportFileError("These look like Excel workbooks, not an SSDA903 return.")
    ret = read_ssda903(files, on_file=progress)
    if not ret.years:
        raise ImportFileError(
            "No SSDA903 table was found: expected header and episodes CSV files or the "
            "DfE XML return."
        )
    result = Computed("ssda903", report=ret.quality)
    for year, measures in lac_measures(ret).items():
        for key, measure in measures.items():
            result.values.append(
                ComputedValue(
                    key, date(year, 3, 31), measure.numerator, measure.denominator,
                    measure.value,
                )
            )  # fmt: skip
    result.records_read = sum(
        len(y.children) + y.episode_count + len(y.oc2) + len(y.oc3) + len(y.missing)
        for y in ret.years.values()
    )
    years = ", ".join(f"{y - 1}/{str(y)[2:]}" for y in sorted(ret.years))
    result.summary = f"SSDA903 return for {years}: {result.records_read} records read."
    return result


def _cin(files: dict[str, bytes], progress: FileProgress) -> Computed:
    result = Computed("cin")
    for read, (name, data) in enumerate(sorted(files.items())):
        progress(read)
        try:
            census = read_census(data)
        except CinFileError as error:
            raise ImportFileError(f"{name}: {error}") from None
        result.report.extend(census.report)
        result.records_read += census.children_read
        if census.reference_date is None:
            raise ImportFileError(f"{name}: the census has no reference date.")
        for key, measure in cin_measures(census).items():
            result.values.append(
                ComputedValue(
                    key, measure.period_end, measure.numerator, measure.denominator,
                    measure.value,
                )
            )  # fmt: skip
    result.summary = f"Children in need census: {result.records_read} children read."
    return result


def _annex_a(files: dict[str, bytes], progress: FileProgress) -> Computed:
    """Annex A lists are for inspectors to sample from, not indicators: the import checks
    them and reports their quality and sizes."""
    result = Computed("annexa")
    sizes = []
    for read, (name, data) in enumerate(sorted(files.items())):
        progress(read)
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
            handle.write(data)
            handle.flush()
            try:
                workbook = read_annex_a(handle.name)
            except AnnexAFileError as error:
                raise ImportFileError(f"{name}: {error}") from None
        result.report.extend(workbook.report)
        for number, annex_list in sorted(workbook.lists.items()):
            result.records_read += len(annex_list.records)
            sizes.append(f"list {number}: {len(annex_list.records)}")
    result.summary = "Annex A rows — " + "; ".join(sizes) + "."
    return result


def _looks_like_workbook(data: bytes) -> bool:
    return data[:2] == b"PK"


def _rows(name: str, data: bytes) -> list[dict[str, str]]:
    if _looks_like_workbook(data):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        except Exception as error:  # openpyxl raises many types for a damaged file
            raise ImportFileError(f"{name}: the workbook cannot be read ({error}).") from None
        rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        text = data.decode("utf-8-sig", errors="replace")
        rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ImportFileError(f"{name}: the table is empty.")
    header = [str(h).strip().lower().replace(" ", "_") for h in rows[0]]
    for required in ("indicator", "period_end", "value"):
        if required not in header:
            raise ImportFileError(
                f"{name}: no '{required}' column (the table needs indicator, period_end and "
                "value; numerator, denominator, england, region, statistical_neighbours and "
                "target are optional)."
            )
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def _number(text: object) -> float | None:
    if text in (None, ""):
        return None
    if isinstance(text, int | float):
        return float(text)
    return float(str(text).replace(",", "").replace("%", "").strip())


def _period(text: object) -> date:
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    value = str(text).strip()
    for parse in (date.fromisoformat, lambda v: datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(value)
        except ValueError:
            continue
    raise ValueError(value)


def _table(files: dict[str, bytes], known: set[str], progress: FileProgress) -> Computed:
    result = Computed("table")
    for read, (name, data) in enumerate(sorted(files.items())):
        progress(read)
        for number, row in enumerate(_rows(name, data), start=2):
            result.records_read += 1
            indicator = str(row.get("indicator", "")).strip()
            if known and indicator not in known:
                result.report.add(name, number, None, "indicator", indicator, "unknown indicator")
                continue
            try:
                period = _period(row.get("period_end"))
            except ValueError:
                result.report.add(
                    name, number, None, "period_end", str(row.get("period_end")),
                    "not a date (write YYYY-MM-DD or DD/MM/YYYY)",
                )  # fmt: skip
                continue
            try:
                value = _number(row.get("value"))
                numerator = _number(row.get("numerator"))
                denominator = _number(row.get("denominator"))
                extra = {c: _number(row.get(c)) for c in COMPARATOR_COLUMNS}
            except ValueError as error:
                result.report.add(name, number, None, None, str(error), "not a number")
                continue
            if value is None and numerator is None and denominator is None:
                if all(v is None for v in extra.values()):
                    result.report.add(
                        name, number, None, "value", "", "no value",
                        "the row has neither a value nor a comparator or target",
                    )  # fmt: skip
                    continue
            else:  # a row of comparators or targets alone stores no empty value
                result.values.append(
                    ComputedValue(indicator, period, numerator, denominator, value)
                )
            for column, comparator in extra.items():
                if comparator is not None:
                    result.comparators.append(
                        ComputedComparator(indicator, column, period, comparator)
                    )
    result.summary = (
        f"Table of values: {len(result.values)} values and {len(result.comparators)} "
        "comparators read."
    )
    return result


def as_path(path: str | Path) -> Path:
    resolved = Path(path)
    if not resolved.exists():
        raise ImportFileError(f"{resolved} does not exist.")
    return resolved
