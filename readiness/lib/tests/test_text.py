import pytest

from readiness.lib.text import from_spreadsheet_cell, printable, spreadsheet_cell


def test_breaks_become_spaces_and_other_controls_go():
    assert printable("one\x0btwo\x0cthree\x00\x1f\ufffe") == "one two three"


def test_new_lines_and_tabs_stay():
    assert printable("one\ntwo\tthree\r\n") == "one\ntwo\tthree\r\n"


@pytest.mark.parametrize(
    "value,cell",
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("-1 wrong", "'-1 wrong"),
        ("@user", "'@user"),
        ("plain", "plain"),
        ("\x0b=still a formula", " =still a formula"),
        (42, 42),
        (None, None),
    ],
)
def test_spreadsheet_cells(value, cell):
    assert spreadsheet_cell(value) == cell


def test_a_cell_reads_back_as_written():
    for text in ("=SUM(A1)", "+44 1234", "plain", "'quoted"):
        assert from_spreadsheet_cell(spreadsheet_cell(text)) == text
