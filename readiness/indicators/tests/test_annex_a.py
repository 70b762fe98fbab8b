"""The Annex A reader: a tiny messy workbook built here, and the two shared synthetic ones."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from readiness.indicators.domain.annex_a import (
    COLUMNS_FILE,
    AnnexAFileError,
    build_columns,
    columns,
    read_annex_a,
)
from readiness.lib.testing.shared import needs_shared_data, shared_data

SHARED = shared_data("annex_a")
needs_samples = needs_shared_data("annex_a")

LIST_1 = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age",
          "Date of Contact", "Contact Source", "Notes"]  # fmt: skip


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    guidance = wb.active
    guidance.title = "Guidance"
    guidance.append(["Read me first"])
    sheet = wb.create_sheet("list_1 contacts")
    sheet.append(["Annex A list 1: contacts in the last six months"])  # a title above
    sheet.append([])
    sheet.append(LIST_1)
    sheet.append([101, "Female", "WBRI", datetime(2015, 1, 25), 6.7, "05/01/2020", "6"])
    sheet.append(["102", "a) Male", "x) ZZZZ", "#N/A", 3, "=D5+1", "q) 6: Police", "hi"])
    sheet.append([None, None, None, None, None, None, None])  # blank rows are not records
    sheet.append([None, "MALE", "s) NOBT", "not a date", -2, 44000, "j) 3D: Health services"])
    # Sheet named nothing like a list: found by its headers.
    eight = wb.create_sheet("Sheet9")
    names = [spec["name"] for spec in columns()[8].values() if "2019" in spec["layouts"]]
    eight.append(names)
    row = ["201"] + [None] * (len(names) - 1)
    row[names.index("Placement postcode")] = "nope"
    row[names.index("Placement Provider")] = "PR4 - Private provision"
    eight.append(row)
    path = tmp_path / "messy.xlsx"
    wb.save(path)
    return path


def test_reads_a_messy_list(messy: Path) -> None:
    book = read_annex_a(messy)
    assert sorted(book.lists) == [1, 8]
    one = book.lists[1]
    assert (one.sheet, one.header_row, one.layout) == ("list_1 contacts", 3, "2019")
    assert one.row_numbers == [4, 5, 7]
    first, second, third = one.records
    assert first == {
        "child_unique_id": "101",
        "gender": "b) Female",
        "ethnicity": "a) WBRI",
        "date_of_birth": date(2015, 1, 25),
        "age_of_child_years": 6,
        "date_of_contact": date(2020, 1, 5),
        "contact_source": "q) 6: Police",
        "notes": None,
    }
    assert second["ethnicity"] == "x) ZZZZ" and second["date_of_birth"] is None
    assert second["date_of_contact"] is None and second["notes"] == "hi"
    assert third["gender"] == "a) Male" and third["date_of_contact"] == date(2020, 6, 18)
    found = [(i.row_number, i.field, i.reason) for i in one.report.issues]
    assert found == [
        (None, "notes", "unknown column"),
        (2, "ethnicity", "invalid code"),
        (2, "date_of_birth", "spreadsheet error"),
        (2, "date_of_contact", "formula"),  # written here, so never calculated: blank
        (4, "child_unique_id", "missing value"),  # data row 4: the blank row 3 is skipped
        (4, "date_of_birth", "invalid date"),
        (4, "age_of_child_years", "invalid number"),
        (4, "date_of_contact", "date as number"),
    ]
    assert one.report.issues[2].detail == "list_1 contacts!D5: an error value, read as blank"


def test_finds_a_list_by_its_headers_and_reports_the_rest(messy: Path) -> None:
    book = read_annex_a(messy)
    eight = book.lists[8]
    assert eight.sheet == "Sheet9" and eight.records[0]["placement_provider"] == (
        "e) PR4: Private provision"
    )
    assert eight.records[0]["placement_postcode"] == "nope"
    assert "invalid postcode" in eight.report.counts_by_reason()
    workbook_level = [(i.value, i.reason) for i in book.report.issues if i.table == "annex_a"]
    assert workbook_level[0] == ("Guidance", "sheet ignored")
    assert [d for _, d in workbook_level[1:]] == ["missing list"] * 9


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("just text")
    with pytest.raises(AnnexAFileError, match="not an Excel workbook"):
        read_annex_a(path)


@needs_samples
def test_shipped_columns_match_the_shared_specs(tmp_path: Path) -> None:
    target = tmp_path / "columns.json"
    build_columns(
        SHARED / "annex_a_columns_ofsted_codes_liiatools_v1_derived.csv",
        SHARED / "annex_a_columns_2024_liiatools_derived.csv",
        target,
    )
    assert target.read_text(encoding="utf-8") == COLUMNS_FILE.read_text(encoding="utf-8")
    with (SHARED / "annex_a_columns_2024_liiatools_derived.csv").open(encoding="utf-8") as f:
        assert sum(1 for _ in csv.DictReader(f)) == sum(len(c) for c in columns().values())


@needs_samples
@pytest.mark.parametrize(
    ("name", "layout_9", "missing"),
    [
        ("Annex_A_synthetic_liiatools_v1.xlsx", "2019", 7),
        ("Annex_A_2024_Jan_synthetic.xlsx", "2024", 19),
    ],
)
def test_synthetic_workbooks(name: str, layout_9: str, missing: int) -> None:
    book = read_annex_a(SHARED / name)
    assert sorted(book.lists) == list(range(1, 12))
    counts = {n: len(part.records) for n, part in book.lists.items()}
    assert counts == {1: 5, 2: 5, 3: 6, 4: 5, 5: 5, 6: 5, 7: 7, 8: 5, 9: 6, 10: 5, 11: 5}
    assert book.lists[9].layout == layout_9
    reasons = book.report.counts_by_reason()
    assert reasons["missing value"] == missing
    assert reasons["spreadsheet error"] == 10  # the "#N/A" teams and workers of list 6
    first = book.lists[1].records[0]
    assert first["gender"] == "b) Female"  # typed as "Female"
    assert first["date_of_birth"] == date(2015, 1, 25)
    nope = book.lists[8].records[1]
    assert nope["placement_postcode"] == "nope"
    assert [
        (i.row_number, i.value) for i in book.report.issues if i.reason == "invalid postcode"
    ] == [(2, "nope")]
    # List 10's dates are formulas (=H2+5): their saved results are used, and each is noted.
    ten = book.lists[10].records[0]
    assert ten["date_of_decision_that_child_should_be_placed_for_adoption"] == date(2009, 8, 11)
    assert book.lists[10].report.counts_by_reason()["formula"] > 0
