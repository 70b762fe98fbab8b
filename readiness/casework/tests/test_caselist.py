from datetime import date

import pytest

from readiness.casework.domain.caselist import CaseListError, CaseRow, read_case_list


def csv(text: str) -> bytes:
    return text.strip().encode()


def test_it_reads_a_case_list_with_councils_own_words():
    rows = read_case_list(
        csv("""
Child ID,List,Team,Social worker,Age,Plan start
C001,CP,North,SW12,7,2025-03-31
C002,looked after children,South,SW3,,01/02/2024
""")
    )
    assert rows == [
        CaseRow("C001", "child_protection", "North", "SW12", 7, date(2025, 3, 31)),
        CaseRow("C002", "children_in_care", "South", "SW3", None, date(2024, 2, 1)),
    ]


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ("Child name", "looks like a name"),
        ("Forename", "looks like a name"),
        ("NHS Number", "looks like an NHS number"),
        ("DOB", "looks like a date of birth"),
        ("Date of birth", "looks like a date of birth"),
    ],
)
def test_it_refuses_a_column_that_identifies_a_child_naming_it(header, why):
    with pytest.raises(CaseListError) as error:
        read_case_list(csv(f"Case id,List,{header}\nC1,CP,x\n"))
    assert error.value.problems == [
        f"Column “{header}” {why}: the product keeps the council's case id, never a child's "
        "identity. Remove the column and import again."
    ]


def test_it_names_every_bad_row_and_keeps_nothing():
    with pytest.raises(CaseListError) as error:
        read_case_list(
            csv("""
Case id,List,Age
C1,CP,7
,CP,3
C3,fostering,3
C1,CP,8
C5,CIN,thirty
C6,CIN,40
C7,CIN,4
""")
        )
    assert error.value.problems == [
        "Row 3: no case id.",
        "Row 4: list “fostering” is not one of early help, child in need, child protection, "
        "children in care, care leavers, adoption.",
        "Row 5: case C1 is on the child protection list twice (row 2).",
        "Row 6: age “thirty” is not a whole number of years.",
        "Row 7: age 40 is outside 0 to 25.",
    ]


def test_it_says_which_columns_are_missing():
    with pytest.raises(CaseListError) as error:
        read_case_list(csv("Team,Age\nNorth,4\n"), "list.csv")
    assert error.value.problems == [
        "list.csv has no “case id” and “list” column (its columns: Team, Age)."
    ]


def test_it_reads_a_workbook():
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Case ID", "List", "Age", "Start date"])
    book.active.append([1001, "Child in need", 12, date(2026, 1, 5)])
    out = io.BytesIO()
    book.save(out)
    assert read_case_list(out.getvalue()) == [
        CaseRow("1001", "child_in_need", "", "", 12, date(2026, 1, 5))
    ]
