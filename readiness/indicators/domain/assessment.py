"""Judging an indicator: red/amber/green against target and comparators, and a trend in words.

Plain Python, nothing of Django. The trend is honest about small numbers, because a council
with 15 children in a cohort sees its percentage swing by 7 points when one child's check is
late: it shows the counts, and only calls a change an improvement or a worsening when a
proper test says it is larger than chance alone would give (95% confidence):

- proportions (unit percent, with numerator and denominator): Newcombe's hybrid score
  interval for the difference of two independent proportions (Newcombe 1998, method 10,
  built from Wilson intervals); significant when the interval excludes zero. It behaves
  well at 0%, 100% and small denominators, where the z-test does not.
- counts and rates (count, rate_per_1000, rate_per_10000, per_person): the exact
  conditional test for two Poisson counts: given a + b events, b is binomial with
  p = exposure_b / (exposure_a + exposure_b) if the underlying rate has not changed. The
  exposure is the denominator (population, children), or 1 for a plain count.
- averages (days, score) and points without counts: not testable from what is held; the
  words say so rather than pretend.

The trend compares the first and the last period that have a figure; periods without one
are named. Fewer than two figures is "too few points", never an improvement.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054  # two-sided 95%
SMALL = 100  # below this many (children, or events), say "with numbers this small"
SCALE = {"percent": 100.0, "rate_per_1000": 1000.0, "rate_per_10000": 10000.0, "per_person": 1.0}
POISSON_UNITS = {"count", "rate_per_1000", "rate_per_10000", "per_person"}


@dataclass(frozen=True)
class Point:
    period_label: str
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None  # as entered or published; else computed from the counts


@dataclass(frozen=True)
class RagResult:
    status: str  # "red", "amber", "green" or "none"
    reason: str


@dataclass(frozen=True)
class Trend:
    direction: str  # improving, worsening, steady, too few points; rising/falling if neutral
    words: str
    significant: bool | None = None  # None: no test was possible (no counts, or an average)


# --- formatting ----------------------------------------------------------------------------


def format_number(x: float) -> str:
    """One decimal place at most, thousands separated, no trailing ".0"."""
    text = f"{x:,.1f}"
    return text[:-2] if text.endswith(".0") else text


def format_value(value: float, unit: str) -> str:
    number = format_number(value)
    return {
        "percent": f"{number}%",
        "rate_per_1000": f"{number} per 1,000",
        "rate_per_10000": f"{number} per 10,000",
        "days": f"{number} days",
    }.get(unit, number)


def format_difference(diff: float, unit: str) -> str:
    number = format_number(abs(diff))
    return {
        "percent": f"{number} percentage point{'' if number == '1' else 's'}",
        "rate_per_1000": f"{number} per 1,000",
        "rate_per_10000": f"{number} per 10,000",
        "days": f"{number} days",
        "score": f"{number} point{'' if number == '1' else 's'}",
    }.get(unit, number)


def point_value(point: Point, unit: str) -> float | None:
    """The point's figure: as given, else from its counts; None when there is none (0/0)."""
    if point.value is not None:
        return point.value
    if unit == "count":
        return point.numerator
    if unit in SCALE and point.numerator is not None and point.denominator:
        return round(SCALE[unit] * point.numerator / point.denominator, 1)
    return None


def describe_point(point: Point, unit: str, counted: str = "children") -> str:
    """A figure with the counts behind it, e.g. "12 of 15 children (80%)"."""
    value = point_value(point, unit)
    shown = "no figure" if value is None else format_value(value, unit)
    num, den = point.numerator, point.denominator
    if unit == "percent" and num is not None and den:
        return f"{format_number(num)} of {format_number(den)} {counted} ({shown})"
    if unit in SCALE and num is not None and den:
        return f"{shown} ({format_number(num)} across {format_number(den)} {counted})"
    if unit in ("days", "score") and den:
        return f"{shown} (average of {format_number(den)} {counted})"
    if unit == "count" and value is not None:
        return f"{shown} {counted}"
    return shown


# --- red, amber, green ---------------------------------------------------------------------


def rag(
    value: float | None,
    target: float | None,
    comparators: dict[str, float | None] | None,
    polarity: str,
    tolerance: float | None = None,
    *,
    relative_tolerance: float = 0.05,
    unit: str = "percent",
) -> RagResult:
    """Rate a figure against its target and comparators.

    The benchmarks are the target and England, whichever are given; with neither, the other
    comparators given (region, statistical neighbours). Then:

    - green: at or better than every benchmark;
    - amber: worse than one or more, but within the tolerance of each it misses. The
      tolerance is `tolerance` in the figure's own unit (percentage points for a percent),
      or else `relative_tolerance` (5%) of the benchmark;
    - red: worse than a benchmark by more than the tolerance;
    - none: no figure, no benchmark, or an indicator where neither direction is better.
    """
    if value is None:
        return RagResult("none", "No figure to rate.")
    if polarity == "neutral":
        return RagResult("none", "Neither higher nor lower is better here, so it is not rated.")
    given = {k: v for k, v in (comparators or {}).items() if v is not None}
    benchmarks: list[tuple[str, float]] = []
    if target is not None:
        benchmarks.append(("the target", target))
    benchmarks += [(k, v) for k, v in given.items() if k.lower() == "england"]
    if not benchmarks:
        benchmarks = list(given.items())
    if not benchmarks:
        return RagResult("none", "No target or comparator to rate against.")
    sign = 1 if polarity == "higher_is_better" else -1
    parts: list[str] = []
    statuses: list[str] = []
    for name, bench in benchmarks:
        label = f"{name} ({format_value(bench, unit)})"
        gap = round((value - bench) * sign, 9)  # > 0 is better; rounding: 80.1 - 80.0 noise
        band = tolerance if tolerance is not None else relative_tolerance * abs(bench)
        if gap > 0:
            parts.append(f"better than {label}")
            statuses.append("green")
        elif gap == 0:
            parts.append(f"the same as {label}")
            statuses.append("green")
        else:
            by = format_difference(gap, unit)
            if -gap <= band:
                parts.append(f"worse than {label} by {by}, within the tolerance")
                statuses.append("amber")
            else:
                parts.append(f"worse than {label} by {by}")
                statuses.append("red")
    status = "red" if "red" in statuses else "amber" if "amber" in statuses else "green"
    reason = f"{format_value(value, unit)} is " + "; ".join(parts) + "."
    return RagResult(status, reason[0].upper() + reason[1:])


# --- tests of chance -----------------------------------------------------------------------


def wilson_interval(x: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion x/n (n > 0)."""
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe_interval(x1: float, n1: float, x2: float, n2: float) -> tuple[float, float]:
    """95% interval for p2 - p1 (Newcombe's hybrid score method)."""
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson_interval(x1, n1)
    l2, u2 = wilson_interval(x2, n2)
    d = p2 - p1
    return (
        d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
        d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2),
    )


def poisson_p_value(a: int, b: int, exposure_a: float = 1.0, exposure_b: float = 1.0) -> float:
    """Two-sided exact p-value that counts a and b come from the same underlying rate."""
    n = a + b
    if n == 0:
        return 1.0
    p = exposure_b / (exposure_a + exposure_b)
    if n > 100_000:  # the exact sum is slow and the normal approximation is excellent here
        z = (b - n * p) / math.sqrt(n * p * (1 - p))
        return math.erfc(abs(z) / math.sqrt(2))

    def log_pmf(k: int) -> float:
        return (
            math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
            + k * math.log(p) + (n - k) * math.log1p(-p)
        )  # fmt: skip

    observed = log_pmf(b)
    # Sum every outcome no more likely than the one observed (the usual two-sided exact test).
    total = sum(math.exp(lp) for k in range(n + 1) if (lp := log_pmf(k)) <= observed + 1e-7)
    return min(1.0, total)


def _test(first: Point, last: Point, unit: str) -> tuple[bool | None, float]:
    """(significant, size) where size is what "numbers this small" refers to."""
    a, b = first, last
    if unit == "percent":
        if a.numerator is None or b.numerator is None or not a.denominator or not b.denominator:
            return None, 0
        low, high = newcombe_interval(a.numerator, a.denominator, b.numerator, b.denominator)
        return (low > 0 or high < 0), min(a.denominator, b.denominator)
    if unit in POISSON_UNITS:
        if a.numerator is None or b.numerator is None:
            return None, 0
        if unit == "count":
            ea = eb = 1.0
        elif a.denominator and b.denominator:
            ea, eb = a.denominator, b.denominator
        else:
            return None, 0
        x, y = round(a.numerator), round(b.numerator)
        return poisson_p_value(x, y, ea, eb) < 0.05, x + y
    return None, 0


# --- trend ---------------------------------------------------------------------------------


def trend_statement(
    series: list[Point], polarity: str, unit: str, counted: str = "children"
) -> Trend:
    """Say in plain words how the figure moved from its first period to its last."""
    usable = [(p, v) for p in series if (v := point_value(p, unit)) is not None]
    gaps = [p.period_label for p in series if point_value(p, unit) is None]
    missing = f" No figure for {_join(gaps)}." if gaps else ""
    if len(usable) < 2:
        if not usable:
            return Trend("too few points", "No figures yet." + missing)
        point, _ = usable[0]
        only = describe_point(point, unit, counted)
        words = f"Only one figure so far: {only} in {point.period_label}; no trend yet."
        return Trend("too few points", words + missing)
    (first, v1), (last, v2) = usable[0], usable[-1]
    then = f"{describe_point(first, unit, counted)} in {first.period_label}"
    now = f"{describe_point(last, unit, counted)} in {last.period_label}"
    if v1 == v2:
        return Trend("steady", f"The same in {last.period_label} as in {first.period_label}: "
                     f"{then}, {now}." + missing)  # fmt: skip
    verb = "Rose" if v2 > v1 else "Fell"
    movement = f"{verb} from {then} to {now}"
    significant, size = _test(first, last, unit)
    if significant is False:
        small = " with numbers this small" if size < SMALL else ""
        words = f"{movement}, within what chance alone would give{small}."
        return Trend("steady", words + missing, False)
    better = (v2 > v1) == (polarity == "higher_is_better")
    if polarity == "neutral":
        direction, kind = ("rising" if v2 > v1 else "falling"), "a change"
    else:
        direction = "improving" if better else "worsening"
        kind = "an improvement" if better else "a worsening"
    if significant:
        words = f"{movement}: {kind} larger than chance alone would give (95% confidence)."
        return Trend(direction, words + missing, True)
    why = (
        "this is an average, which cannot be tested against chance without each child's result"
        if unit in ("days", "score")
        else "counts are not held, so whether it is more than chance cannot be tested"
    )
    return Trend(direction, f"{movement}: {kind}, but {why}." + missing, None)


def _join(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
