"""Working days: the rules against the published England and Wales lists, and the counting."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from readiness.lib import workdays
from readiness.lib.workdays import (
    OutOfRangeError,
    add_working_days,
    bank_holidays,
    easter_sunday,
    is_working_day,
    working_days_between,
)

# Written out by hand from the published GOV.UK lists, not from the rules under test.
PUBLISHED = {
    2024: [
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06",
        "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
    ],
    2025: [
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
        "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
    ],
    2026: [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
        "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
    ],
    2027: [
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
        "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    ],
}  # fmt: skip

# Substitute, moved and one-off days from earlier published lists.
SPECIAL = {
    "2011-01-03": "New Year's Day (substitute day)",
    "2011-04-29": "Royal wedding",
    "2012-06-04": "Spring bank holiday",
    "2012-06-05": "Queen's Diamond Jubilee",
    "2016-12-27": "Christmas Day (substitute day)",
    "2020-05-08": "Early May bank holiday",
    "2020-12-28": "Boxing Day (substitute day)",
    "2021-12-27": "Christmas Day (substitute day)",
    "2021-12-28": "Boxing Day (substitute day)",
    "2022-01-03": "New Year's Day (substitute day)",
    "2022-06-02": "Spring bank holiday",
    "2022-06-03": "Queen's Platinum Jubilee",
    "2022-09-19": "State Funeral of Queen Elizabeth II",
    "2022-12-26": "Boxing Day",
    "2022-12-27": "Christmas Day (substitute day)",
    "2023-05-08": "Coronation of King Charles III",
}
NOT_HOLIDAYS = ["2020-05-04", "2012-05-28", "2022-05-30", "2022-12-25", "2021-12-25"]


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_rules_match_the_published_list(year: int) -> None:
    assert [d.isoformat() for d in bank_holidays(year)] == PUBLISHED[year]


def test_substitute_moved_and_one_off_days() -> None:
    for iso, name in SPECIAL.items():
        day = date.fromisoformat(iso)
        assert bank_holidays(day.year).get(day) == name, iso
        assert not is_working_day(day)
    for iso in NOT_HOLIDAYS:
        assert date.fromisoformat(iso) not in bank_holidays(int(iso[:4])), iso


def test_every_year_has_eight_holidays_plus_its_one_offs() -> None:
    extra = {2011: 1, 2012: 1, 2022: 2, 2023: 1}
    for year in range(2010, 2031):
        days = bank_holidays(year)
        assert len(days) == 8 + extra.get(year, 0), year
        assert all(d.weekday() < 5 for d in days), year


def test_easter_computus() -> None:
    known = {2010: (4, 4), 2019: (4, 21), 2024: (3, 31), 2026: (4, 5), 2027: (3, 28)}
    for year, (month, day) in known.items():
        assert easter_sunday(year) == date(year, month, day)
    assert easter_sunday(2285) == date(2285, 3, 22)  # the earliest possible date
    assert easter_sunday(2038) == date(2038, 4, 25)  # the latest possible date


def test_before_the_known_years_is_an_error() -> None:
    with pytest.raises(OutOfRangeError, match="2010-2099"):
        is_working_day(date(2009, 12, 31))
    with pytest.raises(OutOfRangeError):
        add_working_days(date(2010, 1, 15), -20)
    with pytest.raises(OutOfRangeError):
        bank_holidays(2100)


def test_after_the_published_lists_the_years_are_projected_by_rule() -> None:
    # Worked out by hand: Easter Sunday 2031 is 13 April; Christmas is a Thursday.
    assert [d.isoformat() for d in bank_holidays(2031)] == [
        "2031-01-01", "2031-04-11", "2031-04-14", "2031-05-05",
        "2031-05-26", "2031-08-25", "2031-12-25", "2031-12-26",
    ]  # fmt: skip
    assert add_working_days(date(2030, 12, 20), 10) == date(2031, 1, 8)
    assert (workdays.is_projected(2030), workdays.is_projected(2031)) == (False, True)
    assert workdays.projection_note([2030]) == ""
    assert workdays.projection_note([2031, 2032]) == (
        "Bank holidays in 2031 and 2032 are projected from the usual rules (the published "
        "lists were checked up to 2030): a one-off holiday announced since would not be "
        "counted, so check gov.uk/bank-holidays."
    )


def test_countdown_over_christmas_2026() -> None:
    # Called Friday 18 December 2026: 21, 22, 23, 24, 29, 30, 31 Dec, 4, 5, 6 Jan.
    assert add_working_days(date(2026, 12, 18), 10) == date(2027, 1, 6)
    assert is_working_day(date(2026, 12, 24))
    assert not is_working_day(date(2026, 12, 28))
    assert is_working_day(date(2026, 12, 29))
    # Called Wednesday 22 December 2027: 23, 24, 29, 30, 31 Dec, then 4, 5, 6, 7, 10 Jan:
    # 1 January 2028 is a Saturday, so Monday 3 January 2028 is its substitute.
    assert bank_holidays(2028).get(date(2028, 1, 3)) == "New Year's Day (substitute day)"
    assert add_working_days(date(2027, 12, 22), 10) == date(2028, 1, 10)


def test_countdown_over_easter() -> None:
    # Called Monday 30 March 2026: 31 Mar, 1, 2 Apr, (3 and 6 Apr off), 7, 8, 9, 10, 13, 14, 15.
    assert add_working_days(date(2026, 3, 30), 10) == date(2026, 4, 15)
    # Called Tuesday 23 March 2027: 24, 25, (26, 29 off), 30, 31 Mar, 1, 2, 5, 6, 7, 8 Apr.
    assert add_working_days(date(2027, 3, 23), 10) == date(2027, 4, 8)


def test_add_working_days_edges() -> None:
    saturday = date(2026, 12, 26)
    assert add_working_days(saturday, 0) == saturday
    assert add_working_days(saturday, 1) == date(2026, 12, 29)
    assert add_working_days(date(2026, 12, 29), -1) == date(2026, 12, 24)


def test_working_days_between_agrees_with_walking() -> None:
    start = date(2021, 12, 20)
    for n in range(0, 70):
        end = add_working_days(start, n)
        assert working_days_between(start, end) == n
        assert working_days_between(end, start) == -n
    # A brute-force count over awkward spans: year ends, jubilees, a bank holiday start.
    spans = [
        ("2022-05-27", "2022-06-10"),
        ("2022-12-23", "2023-01-03"),
        ("2026-04-03", "2026-04-06"),
    ]
    for a, b in spans:
        first, last = date.fromisoformat(a), date.fromisoformat(b)
        walked = sum(
            is_working_day(first + timedelta(days=i)) for i in range(1, (last - first).days + 1)
        )
        assert working_days_between(first, last) == walked


def test_shipped_json_equals_the_rules() -> None:
    shipped = json.loads(workdays.DATA_FILE.read_text(encoding="utf-8"))
    assert shipped["years"] == workdays.all_bank_holidays()


def test_build_json_writes_the_same_data(tmp_path) -> None:
    target = tmp_path / "holidays.json"
    workdays.build_json(target)
    assert target.read_text(encoding="utf-8") == workdays.DATA_FILE.read_text(encoding="utf-8")
