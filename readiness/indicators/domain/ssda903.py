"""Read an SSDA903 return (CSV tables or the DfE XML; one year or several).

`read_ssda903` takes the uploaded files' bytes (or a folder, for the command line and the
benchmarks) and returns a `Return`: the usable records by collection year and a
`QualityReport` naming every record left out or read differently, and why. The checks on
each record live in `ssda903_checks`; this module only finds the tables and their years.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from readiness.indicators.domain.quality import QualityReport
from readiness.indicators.domain.ssda903_checks import RawTable, build_year, parse_date
from readiness.indicators.domain.ssda903_records import Return

# A CSV's table is known by its columns, not its name: councils' exports are named every
# way ("2017-episodes.csv", "SSDA903_2020_episodes.csv", "Episodes.csv"). First match wins.
_SIGNATURES: list[tuple[str, set[str]]] = [
    ("episodes", {"DECOM"}),
    ("reviews", {"REVIEW"}),
    ("oc2", {"HEALTH_CHECK"}),
    ("oc3", {"IN_TOUCH"}),
    ("missing", {"MIS_START"}),
    ("previous_permanence", {"PREV_PERM"}),
    ("ad1", {"DATE_INT"}),
    ("placed_for_adoption", {"DATE_PLACED"}),
    ("sw_episodes", {"SW_ID"}),
    ("dolo", {"DOLO_START"}),
    ("uasc", {"DUC"}),
    ("header", {"SEX", "ETHNIC"}),
]
_YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_XML_RENAMES = {"CHILDID": "CHILD", "PL": "PLACE"}


def read_ssda903(
    files: dict[str, bytes] | str | Path,
    collection_year: int | None = None,
    today: date | None = None,
    on_file: Callable[[int], None] | None = None,
) -> Return:
    """Read a return. `collection_year` is the year of the 31 March it ends on (2022 for
    2021/22) and applies to files whose names carry no year; otherwise each year is found
    from the name and the dates in the file (see `docs/ssda903.md`). ON_FILE is told how
    many files were read, before each (a background import's progress)."""
    if isinstance(files, str | Path):
        folder = Path(files)
        files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
    result = Return()
    report = result.quality
    # Files group by the year in their name; an XML file is a whole return on its own, so
    # it never merges with CSV tables (the same year twice is reported, not mixed).
    groups: dict[tuple[int, str], list[RawTable]] = {}
    for read, (name, data) in enumerate(files.items()):
        if on_file is not None:
            on_file(read)
        for table in _read_file(name, data, report):
            match = _YEAR_IN_NAME.search(name)
            kind = name if name.lower().endswith(".xml") else ""
            groups.setdefault((int(match.group(1)) if match else 0, kind), []).append(table)
    for (named_year, _kind), tables in sorted(groups.items()):
        year = _decide_year(named_year or None, collection_year, tables, result.notes)
        sources = ", ".join(sorted({t.source for t in tables}))
        if year is None:
            report.add("return", None, None, None, sources, "collection year unknown")
            continue
        if year in result.years:
            report.add("return", None, None, None, sources, "collection year given twice",
                       f"{year - 1}/{year % 100:02d} is already read from other files")  # fmt: skip
            continue
        result.years[year] = build_year(year, tables, report, today or date.today())
    if not result.years and not report.issues:
        report.add("return", None, None, None, None, "missing table", "no SSDA903 tables found")
    return result


def _decode(data: bytes) -> str:
    # utf-8-sig strips the byte-order mark Excel writes; cp1252 is what older exports use.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_file(name: str, data: bytes, report: QualityReport) -> list[RawTable]:
    text = _decode(data)
    if text.lstrip().startswith("<"):
        try:
            return _read_xml(name, text)
        except ET.ParseError as error:
            report.add(name, None, None, None, None, "unreadable file", f"XML: {error}")
            return []
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, None)
    if not header:
        report.add(name, None, None, None, None, "unreadable file", "empty file")
        return []
    columns = [column.strip().upper() for column in header]
    table = next((t for t, needed in _SIGNATURES if needed <= set(columns)), None)
    if table is None:
        report.add(
            name, None, None, None, ",".join(columns[:6]), "not an SSDA903 table",
            "no column set of any SSDA903 table",
        )  # fmt: skip
        return []
    width = len(columns)
    records = []
    for number, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))
        records.append((number, dict(zip(columns, row, strict=False))))
    return [RawTable(table, name, records)]


def _read_xml(name: str, text: str) -> list[RawTable]:
    """The DfE XML: one CHILD per child, holding HEADER (with its reviews, missing
    episodes, OC2, OC3 fields, UASC and adoption data) and EPISODEs. A record's row number
    is its CHILD's position in the file."""
    root = ET.fromstring(text)
    out: dict[str, list[tuple[int, dict[str, str]]]] = {}

    def add(table: str, number: int, element: ET.Element, base: dict[str, str]) -> None:
        record = dict(base)
        for item in element:
            if len(item) == 0:
                record[_XML_RENAMES.get(item.tag.upper(), item.tag.upper())] = item.text or ""
        out.setdefault(table, []).append((number, record))

    for number, child in enumerate(root.iter("CHILD"), start=1):
        header = child.find("HEADER")
        if header is None:
            header = ET.Element("HEADER")
        flat = {
            _XML_RENAMES.get(i.tag.upper(), i.tag.upper()): i.text or ""
            for i in header
            if len(i) == 0
        }
        base = {"CHILD": flat.get("CHILD", ""), "DOB": flat.get("DOB", "")}
        out.setdefault("header", []).append((number, flat))
        for episode in child.iter("EPISODE"):
            add("episodes", number, episode, base)
        for tag, table in (
            ("AREVIEW", "reviews"),
            ("AMISSING", "missing"),
            ("OC2", "oc2"),
            ("PERMANENCE", "previous_permanence"),
            ("AD_PLACED", "placed_for_adoption"),
        ):
            for element in header.iter(tag):
                add(table, number, element, base)
        if any(flat.get(k) for k in ("IN_TOUCH", "ACTIV", "ACCOM")):
            out.setdefault("oc3", []).append((number, flat))
        if flat.get("DUC"):
            out.setdefault("uasc", []).append((number, flat))
    return [RawTable(table, name, rows) for table, rows in out.items()]


def _decide_year(
    named: int | None, given: int | None, tables: list[RawTable], notes: list[str]
) -> int | None:
    """A name's year is ambiguous: some tools name 2017/18 "2017", others "2018". Choose,
    between the two, the collection year in which most of the episodes' dates fall."""
    if named is None and given is not None:
        return given
    votes: Counter[int] = Counter()
    for table in tables:
        if table.table != "episodes":
            continue
        for _, row in table.rows:
            for column in ("DECOM", "DEC"):
                day, _problem = parse_date(row.get(column, ""))
                if day is not None:
                    votes[day.year + 1 if day.month > 3 else day.year] += 1
    sources = ", ".join(sorted({t.source for t in tables}))
    if named is not None:
        year = named + 1 if votes[named + 1] > votes[named] else named
        notes.append(f"{sources}: named {named}, read as the year ending 31 March {year}")
        return year
    if not votes:
        return None
    year = votes.most_common(1)[0][0]
    notes.append(f"{sources}: no year given, read as the year ending 31 March {year}")
    return year
