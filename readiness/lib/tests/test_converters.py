"""Ids sent in forms and query strings: anything that is not a row id reads as 0."""

import pytest

from readiness.lib.converters import MAX_ID, posted_id


@pytest.mark.parametrize(
    "sent,read",
    [
        ("7", 7),
        (" 12 ", 12),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), 0),
        ("9" * 30, 0),
        ("0", 0),
        ("-1", 0),
        ("2026-02-30", 0),
        ("x" * 12_000, 0),
        ("١٢", 0),  # Arabic-Indic digits: isdigit() is true, but no id is written so
        ("", 0),
        (None, 0),
    ],
)
def test_a_posted_id_is_a_row_id_or_zero(sent, read):
    assert posted_id(sent) == read
