"""A case list from an Annex A workbook, list by list, through the indicators' reader.

Only the child's unique id, age, allocated team and worker and the list's start date are
kept: Annex A also carries dates of birth, gender and ethnicity, which are never read into
the case list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from readiness.indicators.domain.annex_a import read_annex_a

from .caselist import CaseListError, CaseRow

LISTS = {2: "early_help", 6: "child_in_need", 7: "child_protection", 8: "children_in_care",
         9: "care_leavers", 10: "adoption"}  # fmt: skip
STARTED = {
    6: "cin_start_date",
    7: "child_protection_plan_start_date",
    8: "date_started_to_be_looked_after",
}


def rows_from_annex_a(path: str | Path, name: str | None = None) -> list[CaseRow]:
    """The case rows in the Annex A workbook at PATH; NAME is how problems call the file."""
    name = name or Path(path).name
    from readiness.indicators.domain.annex_a import AnnexAFileError

    try:
        book = read_annex_a(path)
    except AnnexAFileError as error:
        raise CaseListError([f"{name}: {error}"]) from None
    rows: list[CaseRow] = []
    problems: list[str] = []
    for number, key in LISTS.items():
        found = book.lists.get(number)
        if found is None:
            continue
        seen: set[str] = set()
        for record, row_number in zip(found.records, found.row_numbers, strict=True):
            case_id = str(record.get("child_unique_id") or "").strip()
            if not case_id:
                problems.append(f"List {number} ({found.sheet}), row {row_number}: no child id.")
                continue
            if case_id in seen:
                continue  # the same child twice on one list: one case
            seen.add(case_id)
            age = record.get("age_of_child_years")
            started = record.get(STARTED.get(number, ""))
            rows.append(CaseRow(
                case_id=case_id[:40], list_key=key,
                team=str(record.get("allocated_team") or "")[:80],
                worker=str(record.get("allocated_worker") or "")[:80],
                age=age if isinstance(age, int) and 0 <= age <= 25 else None,
                started=started if isinstance(started, date) else None,
            ))  # fmt: skip
    if problems:
        raise CaseListError(problems)
    if not rows:
        raise CaseListError([f"{name} has none of Annex A's lists 2 and 6 to 10."])
    return rows
