"""Measures from the children in need census, following the DfE "Children in need" statistics.

Each measure counts records in the census year (1 April to 31 March) and returns its
numerator, denominator, percentage and the children behind each, plus the records it had to
leave out and why, so a figure can always be traced back. The definitions are written out in
docs/cin-and-annex-a.md; a single census file only shows referrals open during its year, so
pass several years through `combine` when earlier referrals matter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from readiness.indicators.domain.cin import TABLE, Census, Child, Episode, ProtectionPlan
from readiness.indicators.domain.quality import QualityIssue
from readiness.lib import workdays

ASSESSMENT_LIMIT = 45  # working days, Working Together to Safeguard Children


@dataclass(frozen=True)
class MeasureResult:
    key: str
    period_start: date
    period_end: date
    numerator: int
    denominator: int
    numerator_child_ids: tuple[str, ...]
    denominator_child_ids: tuple[str, ...]
    excluded: tuple[QualityIssue, ...] = ()  # records that belonged in the count but could not

    @property
    def value(self) -> float | None:
        """A percentage, or None when nothing was counted (never a misleading 0%)."""
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None


class _Tally:
    def __init__(self, key: str, start: date, end: date) -> None:
        self.key, self.start, self.end = key, start, end
        self.numerator = self.denominator = 0
        self.num_ids: dict[str, None] = {}
        self.den_ids: dict[str, None] = {}
        self.excluded: list[QualityIssue] = []

    def count(self, child: Child, hit: bool) -> None:
        self.denominator += 1
        self.den_ids[child.child_id] = None
        if hit:
            self.numerator += 1
            self.num_ids[child.child_id] = None

    def exclude(self, child: Child, where: str, value: object, reason: str, detail: str) -> None:
        shown = None if value is None else str(value)
        issue = QualityIssue(TABLE, child.row_number, child.child_id, where, shown, reason, detail)
        self.excluded.append(issue)

    def result(self) -> MeasureResult:
        return MeasureResult(
            self.key,
            self.start,
            self.end,
            self.numerator,
            self.denominator,
            tuple(sorted(self.num_ids)),
            tuple(sorted(self.den_ids)),
            tuple(self.excluded),
        )


def years_later(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def census_year(period_end: date) -> tuple[date, date]:
    """The twelve months ending on `period_end` (normally 31 March), both days included."""
    return years_later(period_end, -1) + timedelta(days=1), period_end


def _unique_referrals(child: Child, tally: _Tally) -> list[Episode]:
    seen: dict[date, Episode] = {}
    for episode in child.episodes:
        if episode.referral_date is None:
            continue
        if episode.referral_date in seen:
            tally.exclude(
                child, "CINreferralDate", episode.referral_date, "duplicate", "counted once"
            )
            continue
        seen[episode.referral_date] = episode
    return sorted(seen.values(), key=lambda e: e.referral_date or date.min)


def _unique_plans(child: Child, tally: _Tally) -> list[ProtectionPlan]:
    plans: dict[tuple[date | None, date | None], ProtectionPlan] = {}
    for episode in child.episodes:
        for plan in episode.protection_plans:
            key = (plan.start, plan.end)
            if key in plans:
                tally.exclude(child, "CPPstartDate", plan.start, "duplicate", "counted once")
                continue
            plans[key] = plan
    return list(plans.values())


def re_referrals(children: Iterable[Child], period_end: date) -> MeasureResult:
    """Referrals in the year that came within 12 months of the same child's previous referral."""
    start, end = census_year(period_end)
    tally = _Tally("cin_re_referrals_12_months", start, end)
    for child in children:
        referrals = _unique_referrals(child, tally)
        for i, episode in enumerate(referrals):
            day = episode.referral_date
            if day is None or not start <= day <= end:
                continue
            previous = referrals[i - 1].referral_date if i else None
            tally.count(child, previous is not None and previous >= years_later(day, -1))
    return tally.result()


def repeat_protection_plans(children: Iterable[Child], period_end: date) -> MeasureResult:
    """Plans starting in the year for a child who had been on a plan before."""
    start, end = census_year(period_end)
    tally = _Tally("cin_cpp_second_or_subsequent", start, end)
    for child in children:
        plans = _unique_plans(child, tally)
        for plan in plans:
            if plan.start is None or not start <= plan.start <= end:
                continue
            # The census records earlier plans (anywhere) in NumberOfPreviousCPP; an earlier
            # plan in the data counts too, in case that field was left blank.
            earlier = any(p.start is not None and p.start < plan.start for p in plans)
            tally.count(child, earlier or (plan.previous_plans or 0) > 0)
    return tally.result()


def long_protection_plans(children: Iterable[Child], period_end: date) -> MeasureResult:
    """Plans ending in the year that had lasted two years or more."""
    start, end = census_year(period_end)
    tally = _Tally("cin_cpp_ended_two_years_or_more", start, end)
    for child in children:
        for plan in _unique_plans(child, tally):
            if plan.end is None or not start <= plan.end <= end:
                continue
            if plan.start is None:
                tally.exclude(child, "CPPstartDate", None, "missing date", "plan has no start")
            elif plan.end < plan.start:
                tally.exclude(child, "CPPendDate", plan.end, "end before start", "left out")
            else:
                tally.count(child, plan.end >= years_later(plan.start, 2))
    return tally.result()


def assessments_within_45_days(children: Iterable[Child], period_end: date) -> MeasureResult:
    """Assessments authorised in the year within 45 working days of their start."""
    start, end = census_year(period_end)
    tally = _Tally("cin_assessments_within_45_working_days", start, end)
    for child in children:
        seen: set[tuple[date | None, date]] = set()
        for assessment in (a for e in child.episodes for a in e.assessments):
            done = assessment.authorised
            if done is None or not start <= done <= end:
                continue
            if (assessment.start, done) in seen:
                tally.exclude(child, "AssessmentActualStartDate", done, "duplicate", "once")
                continue
            seen.add((assessment.start, done))
            if assessment.start is None:
                tally.exclude(child, "AssessmentActualStartDate", None, "missing date", "no start")
                continue
            if done < assessment.start:
                tally.exclude(
                    child, "AssessmentAuthorisationDate", done, "end before start", "left out"
                )
                continue
            try:
                days = workdays.working_days_between(assessment.start, done)
            except workdays.OutOfRangeError as exc:
                tally.exclude(
                    child, "AssessmentActualStartDate", assessment.start, "date", str(exc)
                )
                continue
            tally.count(child, days <= ASSESSMENT_LIMIT)
    return tally.result()


MEASURES = {
    "cin_re_referrals_12_months": re_referrals,
    "cin_cpp_second_or_subsequent": repeat_protection_plans,
    "cin_cpp_ended_two_years_or_more": long_protection_plans,
    "cin_assessments_within_45_working_days": assessments_within_45_days,
}


def combine(censuses: Iterable[Census]) -> tuple[Child, ...]:
    """The children of several census years, each child's referrals from all of them.

    A later census's copy of a referral replaces an earlier one (it holds the closure and plan
    end dates that the earlier year had not seen yet).
    """
    merged: dict[str, Child] = {}
    ordered = sorted(censuses, key=lambda c: c.reference_date or date.min)
    for census in ordered:
        for child in census.children:
            before = merged.get(child.child_id)
            if before is None:
                merged[child.child_id] = child
                continue
            # Referrals without a date cannot be matched across years, so each is kept.
            episodes: dict[object, Episode] = {}
            for episode in (*before.episodes, *child.episodes):
                episodes[episode.referral_date or object()] = episode
            merged[child.child_id] = replace(child, episodes=tuple(episodes.values()))
    return tuple(merged.values())


def all_measures(
    census: Census | Iterable[Child], period_end: date | None = None
) -> dict[str, MeasureResult]:
    """Every measure for the census year (its reference date unless `period_end` is given)."""
    if isinstance(census, Census):
        period_end = period_end or census.reference_date
        children: Iterable[Child] = census.children
    else:
        children = tuple(census)
    if period_end is None:
        raise ValueError("the census has no reference date: give period_end")
    return {key: measure(children, period_end) for key, measure in MEASURES.items()}
