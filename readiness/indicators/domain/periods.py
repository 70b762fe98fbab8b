"""The periods an indicator is reported for, by the day each ends on.

A comparator or target belongs to one period. Offering only the days a period of that
indicator can end on (31 March for a year to 31 March, 31 August for an academic year …)
means a person can never enter England's figure for a twelve months nobody publishes.
"""

from __future__ import annotations

from datetime import date

# Month and day each kind of period ends on; quarters end on four days a year.
_ENDS: dict[str, tuple[tuple[int, int], ...]] = {
    "financial_year": ((3, 31),),
    "academic_year": ((8, 31),),
    "calendar_year": ((12, 31),),
    "year_to_30_september": ((9, 30),),
    "quarter": ((3, 31), (6, 30), (9, 30), (12, 31)),
}


def is_period_end(period: str, day: date) -> bool:
    return (day.month, day.day) in _ENDS[period]


def period_ends(period: str, today: date, back: int = 6, ahead: int = 2) -> list[date]:
    """Period ends from `back` years before `today` to `ahead` years after, newest first.
    Targets are set for periods still to come, hence `ahead`."""
    days = [
        date(year, month, day)
        for year in range(today.year - back, today.year + ahead + 1)
        for month, day in _ENDS[period]
    ]
    return sorted(days, reverse=True)


def latest_ended(period: str, today: date) -> date:
    """The most recent period end on or before `today`."""
    return next(day for day in period_ends(period, today) if day <= today)
