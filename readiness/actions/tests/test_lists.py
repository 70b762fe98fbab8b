from datetime import date

import pytest

from readiness.actions.domain.lists import (
    BEFORE_WINDOW,
    OVERDUE,
    STALE,
    ItemFilter,
    ItemRow,
    code_key,
    counts,
    is_stale,
    select,
    weeks_without_progress,
)

TODAY = date(2026, 11, 26)
WINDOW = date(2027, 1, 11)


def row(code, **kw):
    values = dict(
        id=len(code), code=code, kind="action_point" if code[0] == "A" else "recommendation",
        text=f"{code} text", status="not_started", owner_id=None, owner_name="", agency_id=None,
        agency_name="", due_date=None, created=date(2026, 9, 1), last_progress=None,
    )  # fmt: skip
    values.update(kw)
    return ItemRow(**values)


ROWS = [
    row("A10", due_date=date(2026, 11, 1), owner_id=1, agency_id=5),  # overdue
    row(
        "A9",
        due_date=date(2026, 12, 20),
        owner_id=2,
        status="in_progress",
        last_progress=date(2026, 11, 20),
    ),  # fmt: skip
    row("R1", due_date=date(2027, 2, 1), agency_id=5, last_progress=date(2026, 10, 1)),
    row("A11", due_date=date(2026, 10, 1), status="done"),  # late but done: not overdue
]


def codes(rows):
    return [r.code for r in rows]


def test_codes_sort_recommendations_first_then_by_number():
    assert sorted(["A10", "A9", "R2", "R10", "A1"], key=code_key) == [
        "R2", "R10", "A1", "A9", "A10",
    ]  # fmt: skip


def test_overdue_is_open_and_past_its_due_date():
    assert codes(select(ROWS, ItemFilter(view=OVERDUE), TODAY, WINDOW)) == ["A10"]


def test_due_before_the_window_counts_open_items_only():
    assert codes(select(ROWS, ItemFilter(view=BEFORE_WINDOW), TODAY, WINDOW)) == ["A9", "A10"]


def test_no_window_means_nothing_is_due_before_it():
    assert select(ROWS, ItemFilter(view=BEFORE_WINDOW), TODAY, None) == []


def test_stale_counts_from_the_last_update_or_the_creation():
    assert codes(select(ROWS, ItemFilter(view=STALE, stale_weeks=4), TODAY, WINDOW)) == [
        "R1", "A10",
    ]  # fmt: skip
    assert codes(select(ROWS, ItemFilter(view=STALE, stale_weeks=12), TODAY, WINDOW)) == ["A10"]
    assert weeks_without_progress(ROWS[2], TODAY) == 8
    assert is_stale(ROWS[1], TODAY, 1) is False  # six days since its update


def test_filters_combine():
    assert codes(select(ROWS, ItemFilter(agency_id=5), TODAY, WINDOW)) == ["R1", "A10"]
    assert codes(select(ROWS, ItemFilter(owner_id=2), TODAY, WINDOW)) == ["A9"]
    assert codes(select(ROWS, ItemFilter(mine=1), TODAY, WINDOW)) == ["A10"]
    assert codes(select(ROWS, ItemFilter(status="open"), TODAY, WINDOW)) == ["R1", "A9", "A10"]
    assert codes(select(ROWS, ItemFilter(status="done"), TODAY, WINDOW)) == ["A11"]
    assert codes(select(ROWS, ItemFilter(kind="recommendation"), TODAY, WINDOW)) == ["R1"]
    assert codes(select(ROWS, ItemFilter(agency_id=5, kind="action_point"), TODAY, WINDOW)) == [
        "A10"
    ]


def test_bad_views_and_weeks_are_refused():
    with pytest.raises(ValueError, match="There is no list called “soon”"):
        select(ROWS, ItemFilter(view="soon"), TODAY, WINDOW)
    with pytest.raises(ValueError, match="must be 1 or more"):
        select(ROWS, ItemFilter(view=STALE, stale_weeks=0), TODAY, WINDOW)


def test_counts():
    result = counts(ROWS, TODAY, WINDOW, 4)
    assert (result.total, result.open, result.overdue, result.before_window, result.stale) == (
        4, 3, 1, 2, 2,
    )  # fmt: skip
