"""Working days in England and Wales: weekdays that are not bank holidays.

Inspection notice (ten working days under SLAC and JTAI) and the DfE's assessment timeliness
(45 working days) are both counted in working days, so a wrong bank holiday moves a deadline.
The regular holidays are computed by rule; the one-off days (royal occasions, a state funeral)
and the moved holidays are an explicit table, checked in the tests against the published lists.

The dates are confirmed for 2010-2030 (LAST_KNOWN_YEAR). Later years, up to 2099, are
*projected* by the same rules: the regular holidays follow them every year, but a one-off
day proclaimed later cannot be predicted, so callers that show a date from those years say it
is projected (`is_projected`). Before 2010 we raise `OutOfRangeError`: those lists are
published and we do not hold them, so a guess there would be a silent error.

`readiness/lib/data/bank_holidays_england_wales.json` holds the same dates, written by
`build_json()` (run `python -m readiness.lib.workdays`) for anything outside Python that needs
them; a test keeps it equal to the rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from pathlib import Path

FIRST_YEAR = 2010
LAST_KNOWN_YEAR = 2030  # checked against the published lists; later years are projected
LAST_YEAR = 2099  # the projection's horizon
DATA_FILE = Path(__file__).resolve().parent / "data" / "bank_holidays_england_wales.json"

# Regular holidays moved by proclamation, keyed by (year, holiday) -> the date it fell on.
MOVED: dict[tuple[int, str], date] = {
    (2012, "Spring bank holiday"): date(2012, 6, 4),  # Diamond Jubilee weekend
    (2020, "Early May bank holiday"): date(2020, 5, 8),  # VE Day 75th anniversary (Friday)
    (2022, "Spring bank holiday"): date(2022, 6, 2),  # Platinum Jubilee weekend (Thursday)
}

# Additional one-off bank holidays.
ONE_OFF: dict[date, str] = {
    date(2011, 4, 29): "Royal wedding",
    date(2012, 6, 5): "Queen's Diamond Jubilee",
    date(2022, 6, 3): "Queen's Platinum Jubilee",
    date(2022, 9, 19): "State Funeral of Queen Elizabeth II",
    date(2023, 5, 8): "Coronation of King Charles III",
}

MONDAY, FRIDAY, SATURDAY, SUNDAY = 0, 4, 5, 6


class OutOfRangeError(ValueError):
    """A date outside the years whose bank holidays we know."""


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(MONDAY - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - MONDAY) % 7)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfRangeError(
            f"England and Wales bank holidays are known only for {FIRST_YEAR}-{LAST_YEAR} "
            f"(projected by rule after {LAST_KNOWN_YEAR}); {year} is outside that range"
        )


def is_projected(year: int) -> bool:
    """True for a year whose holidays come from the rules alone, after the published lists we
    checked: a one-off holiday proclaimed later would be missing."""
    return year > LAST_KNOWN_YEAR


def projection_note(years: Iterable[int]) -> str:
    """A sentence for a reader when any of `years` is projected, else ""."""
    projected = sorted({year for year in years if is_projected(year)})
    if not projected:
        return ""
    named = " and ".join(str(year) for year in projected)
    return (
        f"Bank holidays in {named} are projected from the usual rules (the published lists "
        f"were checked up to {LAST_KNOWN_YEAR}): a one-off holiday announced since would not "
        "be counted, so check gov.uk/bank-holidays."
    )


def _rule_holidays(year: int) -> dict[date, str]:
    days: dict[date, str] = {}

    new_year = date(year, 1, 1)
    if new_year.weekday() >= SATURDAY:
        days[_first_monday(year, 1)] = "New Year's Day (substitute day)"
    else:
        days[new_year] = "New Year's Day"

    easter = easter_sunday(year)
    days[easter - timedelta(days=2)] = "Good Friday"
    days[easter + timedelta(days=1)] = "Easter Monday"

    regular = {
        "Early May bank holiday": _first_monday(year, 5),
        "Spring bank holiday": _last_monday(year, 5),
        "Summer bank holiday": _last_monday(year, 8),
    }
    for name, day in regular.items():
        days[MOVED.get((year, name), day)] = name

    christmas, boxing = date(year, 12, 25), date(year, 12, 26)
    weekday = christmas.weekday()
    if weekday == FRIDAY:  # Boxing Day on Saturday moves to Monday 28th
        days[christmas] = "Christmas Day"
        days[date(year, 12, 28)] = "Boxing Day (substitute day)"
    elif weekday == SATURDAY:  # both fall at the weekend: Monday 27th and Tuesday 28th
        days[date(year, 12, 27)] = "Christmas Day (substitute day)"
        days[date(year, 12, 28)] = "Boxing Day (substitute day)"
    elif weekday == SUNDAY:  # Boxing Day keeps Monday 26th; Christmas moves to Tuesday 27th
        days[boxing] = "Boxing Day"
        days[date(year, 12, 27)] = "Christmas Day (substitute day)"
    else:
        days[christmas] = "Christmas Day"
        days[boxing] = "Boxing Day"

    for day, name in ONE_OFF.items():
        if day.year == year:
            days[day] = name
    return days


@cache
def _holidays(year: int) -> dict[date, str]:
    _check_year(year)
    return dict(sorted(_rule_holidays(year).items()))


def bank_holidays(year: int) -> dict[date, str]:
    """The bank holidays of `year` in England and Wales, date -> name, in date order."""
    return dict(_holidays(year))


def is_bank_holiday(d: date) -> bool:
    return d in _holidays(d.year)


def is_working_day(d: date) -> bool:
    """A weekday that is not a bank holiday in England and Wales."""
    _check_year(d.year)
    return d.weekday() < SATURDAY and d not in _holidays(d.year)


def add_working_days(d: date, n: int) -> date:
    """The date `n` working days after `d` (before it when n < 0); `d` itself is not counted.

    So a call on day `d` with ten working days' notice ends on `add_working_days(d, 10)`, and
    `add_working_days(d, 0)` is `d` whatever day it is.
    """
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    current = d
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(a: date, b: date) -> int:
    """Working days after `a` up to and including `b` (negative when b is before a).

    It is the inverse of `add_working_days` for working days: if
    `add_working_days(a, n) == b` then `working_days_between(a, b) == n`. This is how the
    DfE counts assessment duration: the start day is day 0.
    """
    if b < a:
        return -working_days_between(b, a)
    _check_year(a.year)
    _check_year(b.year)
    total = 0
    # Whole weeks hold five weekdays each; only the remainder is walked, then holidays removed.
    days = (b - a).days
    weeks, rest = divmod(days, 7)
    total = weeks * 5
    for offset in range(1, rest + 1):
        if (a + timedelta(days=offset)).weekday() < SATURDAY:
            total += 1
    for year in range(a.year, b.year + 1):
        for holiday in _holidays(year):
            if a < holiday <= b and holiday.weekday() < SATURDAY:
                total -= 1
    return total


def all_bank_holidays() -> dict[str, dict[str, str]]:
    """Every confirmed year's holidays as JSON-ready data: year -> ISO date -> name."""
    return {
        str(year): {day.isoformat(): name for day, name in _holidays(year).items()}
        for year in range(FIRST_YEAR, LAST_KNOWN_YEAR + 1)
    }


def build_json(path: Path = DATA_FILE) -> None:
    """Write the shipped JSON of dates from the rules."""
    payload = {
        "description": "Bank holidays in England and Wales, substitute and one-off days included",
        "source": "Computed by readiness.lib.workdays; checked against the published lists",
        "years": all_bank_holidays(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build_json()
