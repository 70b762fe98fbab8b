"""A review's indicators as plain data: series, benchmarks, RAG and trend, in fixed queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from readiness.reviews.models import Review

from .domain.assessment import Point, RagResult, Trend, describe_point, rag, trend_statement
from .domain.library import IndicatorDefinition, load_library
from .models import Comparator, IndicatorValue

COMPARATOR_NAMES = {
    Comparator.ENGLAND: "England",
    Comparator.REGION: "Region",
    Comparator.NEIGHBOURS: "Statistical neighbours",
}


@lru_cache(maxsize=1)
def library() -> tuple[IndicatorDefinition, ...]:
    return tuple(load_library())


def definition(indicator_id: str) -> IndicatorDefinition | None:
    return next((d for d in library() if d.id == indicator_id), None)


def period_label(definition: IndicatorDefinition, period_end: date) -> str:
    """Periods as councils write them: "2025-26", "2024", "2025-26 Q4", "2025"."""

    def span(year_end: int) -> str:
        return f"{year_end - 1}-{str(year_end)[2:]}"

    if definition.period == "calendar_year":
        return str(period_end.year)
    if definition.period == "year_to_30_september":
        return f"September {period_end.year}"
    if definition.period == "academic_year":
        return span(period_end.year if period_end.month < 9 else period_end.year + 1)
    financial_end = period_end.year + (1 if period_end.month > 3 else 0)
    if definition.period == "quarter":
        quarter = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3}.get(period_end.month, 4)
        return f"{span(financial_end)} Q{quarter}"
    return span(financial_end)


@dataclass(frozen=True)
class IndicatorView:
    definition: IndicatorDefinition
    series: tuple[Point, ...]
    period_ends: tuple[date, ...]
    target: float | None
    comparators: dict[str, float | None]
    rag: RagResult
    trend: Trend
    latest: Point | None

    @property
    def latest_words(self) -> str:
        """The latest figure with its counts, e.g. "178 of 200 children (89%)"."""
        if self.latest is None:
            return "no data"
        return describe_point(self.latest, self.definition.unit, self.definition.counted)


def _for_period(entries: list[tuple[date, float]], day: date | None) -> float:
    """The benchmark a figure for the period ending `day` is judged against: that period's,
    else the latest before it; a target set only for a period still to come is used until
    one for an earlier period exists. With no figure at all, the latest held."""
    if day is None:
        return entries[-1][1]
    earlier = [value for end, value in entries if end <= day]
    return earlier[-1] if earlier else entries[0][1]


def review_indicators(review: Review, only: str | None = None) -> list[IndicatorView]:
    values = IndicatorValue.objects.filter(review=review).order_by("indicator", "period_end")
    comparators = Comparator.objects.filter(review=review).order_by("period_end")
    if only:
        values, comparators = values.filter(indicator=only), comparators.filter(indicator=only)
    series: dict[str, list[IndicatorValue]] = {}
    for item in values:
        series.setdefault(item.indicator, []).append(item)
    held: dict[str, dict[str, list[tuple[date, float]]]] = {}
    for item in comparators:  # ordered by period
        held.setdefault(item.indicator, {}).setdefault(item.kind, []).append(
            (item.period_end, item.value)
        )
    views = []
    for item in library():
        if only and item.id != only:
            continue
        rows = series.get(item.id, [])
        points = tuple(
            Point(period_label(item, r.period_end), r.numerator, r.denominator, r.value)
            for r in rows
        )
        latest_end = rows[-1].period_end if rows else None
        benchmarks = {
            kind: _for_period(entries, latest_end)
            for kind, entries in held.get(item.id, {}).items()
        }
        named = {COMPARATOR_NAMES[k]: v for k, v in benchmarks.items() if k in COMPARATOR_NAMES}
        target = benchmarks.get(Comparator.TARGET)
        latest = points[-1] if points else None
        views.append(
            IndicatorView(
                definition=item,
                series=points,
                period_ends=tuple(r.period_end for r in rows),
                target=target,
                comparators=named,
                rag=rag(latest.value if latest else None, target, named, item.polarity,
                        unit=item.unit),
                trend=trend_statement(list(points), item.polarity, item.unit, item.counted),
                latest=latest,
            )
        )  # fmt: skip
    return views
