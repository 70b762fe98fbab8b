"""RAG and trend statements: exact words, because people will read them to inspectors."""

from __future__ import annotations

import pytest

from readiness.indicators.domain.assessment import (
    Point,
    RagResult,
    newcombe_interval,
    poisson_p_value,
    rag,
    trend_statement,
    wilson_interval,
)

# --- red, amber, green ---------------------------------------------------------------------


def test_green_when_at_or_better_than_target_and_england():
    assert rag(85, 80, {"England": 82, "Region": None}, "higher_is_better") == RagResult(
        "green", "85% is better than the target (80%); better than England (82%)."
    )
    assert rag(80, 80, {}, "higher_is_better").status == "green"


def test_amber_within_tolerance_red_beyond():
    amber = rag(78, 80, {"England": 79}, "higher_is_better", tolerance=3)
    assert amber == RagResult(
        "amber",
        "78% is worse than the target (80%) by 2 percentage points, within the tolerance; "
        "worse than England (79%) by 1 percentage point, within the tolerance.",
    )
    red = rag(70, 80, {"England": 72}, "higher_is_better", tolerance=3)
    assert red.status == "red"
    assert "worse than the target (80%) by 10 percentage points;" in red.reason


def test_beating_the_target_but_worse_than_england_is_not_green():
    assert rag(81, 80, {"England": 90}, "higher_is_better").status == "red"
    # The default tolerance is 5% of the benchmark: 4.5 points below England's 90 is amber.
    assert rag(85.5, 80, {"England": 90}, "higher_is_better").status == "amber"


def test_lower_is_better():
    assert rag(20, 25, {"England": 22}, "lower_is_better").status == "green"
    result = rag(30, 25, {}, "lower_is_better", unit="rate_per_1000")
    assert result == RagResult(
        "red", "30 per 1,000 is worse than the target (25 per 1,000) by 5 per 1,000."
    )


def test_other_comparators_count_only_without_target_or_england():
    assert rag(20, None, {"Statistical neighbours": 22}, "lower_is_better").status == "green"
    # England is there, so statistical neighbours do not change the rating.
    assert rag(20, None, {"England": 22, "Region": 10}, "lower_is_better").status == "green"


@pytest.mark.parametrize(
    ("value", "target", "comparators", "polarity", "reason"),
    [
        (None, 80, {}, "higher_is_better", "No figure to rate."),
        (
            70,
            None,
            {"England": None},
            "higher_is_better",
            "No target or comparator to rate against.",
        ),
        (67, 60, {}, "neutral", "Neither higher nor lower is better here, so it is not rated."),
    ],
)
def test_none(value, target, comparators, polarity, reason):
    assert rag(value, target, comparators, polarity) == RagResult("none", reason)


# --- the tests of chance -------------------------------------------------------------------


def test_wilson_and_newcombe_match_published_examples():
    # Newcombe (1998), Statistics in Medicine 17:873, table II example (e): 56/70 vs 48/80.
    # 95% CI for the difference 0.2 is 0.0524 to 0.3339 by the hybrid score method.
    low, high = newcombe_interval(48, 80, 56, 70)
    assert (round(low, 4), round(high, 4)) == (0.0524, 0.3339)
    low, high = wilson_interval(0, 10)
    assert (low, round(high, 4)) == (0.0, 0.2775)


def test_poisson_exact_test():
    assert poisson_p_value(0, 0) == 1.0
    assert poisson_p_value(9, 0) == pytest.approx(2 / 2**9)  # both tails of Binomial(9, 1/2)
    assert poisson_p_value(10, 10) == pytest.approx(1.0)
    assert poisson_p_value(60_000, 61_000) < 0.05  # the normal approximation for big counts


# --- trends: exact words -------------------------------------------------------------------


def test_small_numbers_within_noise():
    series = [Point("2021/22", 12, 15), Point("2022/23", 14, 16)]
    trend = trend_statement(series, "higher_is_better", "percent")
    assert trend.direction == "steady"
    assert trend.significant is False
    assert trend.words == (
        "Rose from 12 of 15 children (80%) in 2021/22 to 14 of 16 children (87.5%) in "
        "2022/23, within what chance alone would give with numbers this small."
    )


def test_large_numbers_significant_improvement():
    series = [Point("2021/22", 600, 1000), Point("2022/23", 655, 1000), Point("2023/24", 700, 1000)]
    trend = trend_statement(series, "higher_is_better", "percent", counted="assessments")
    assert trend.direction == "improving"
    assert trend.words == (
        "Rose from 600 of 1,000 assessments (60%) in 2021/22 to 700 of 1,000 assessments "
        "(70%) in 2023/24: an improvement larger than chance alone would give (95% confidence)."
    )


def test_large_numbers_within_noise_do_not_say_small():
    series = [Point("2022", 300, 1000), Point("2023", 310, 1000)]
    trend = trend_statement(series, "lower_is_better", "percent", counted="referrals")
    assert trend.words == (
        "Rose from 300 of 1,000 referrals (30%) in 2022 to 310 of 1,000 referrals (31%) in "
        "2023, within what chance alone would give."
    )


def test_lower_is_better_falling_is_improving_and_rising_is_worsening():
    fall = [Point("2022/23", 300, 1000), Point("2023/24", 220, 1000)]
    improving = trend_statement(fall, "lower_is_better", "percent", counted="referrals")
    assert improving.direction == "improving"
    assert improving.words == (
        "Fell from 300 of 1,000 referrals (30%) in 2022/23 to 220 of 1,000 referrals (22%) "
        "in 2023/24: an improvement larger than chance alone would give (95% confidence)."
    )
    worsening = trend_statement(fall[::-1], "lower_is_better", "percent", counted="referrals")
    assert worsening.direction == "worsening"
    assert ": a worsening larger than chance alone" in worsening.words


def test_missing_denominators_cannot_be_tested():
    series = [Point("2021/22", value=80.0), Point("2022/23", value=85.0)]
    trend = trend_statement(series, "higher_is_better", "percent")
    assert trend.significant is None
    assert trend.words == (
        "Rose from 80% in 2021/22 to 85% in 2022/23: an improvement, but counts are not "
        "held, so whether it is more than chance cannot be tested."
    )


def test_periods_without_a_figure_are_named_and_zero_denominators_are_no_figure():
    series = [Point("2020/21", 9, 12), Point("2021/22", 0, 0), Point("2022/23", 10, 12)]
    trend = trend_statement(series, "higher_is_better", "percent")
    assert trend.words.endswith(" No figure for 2021/22.")


def test_fewer_than_two_points_is_never_an_improvement():
    assert trend_statement([], "higher_is_better", "percent").words == "No figures yet."
    one = trend_statement(
        [Point("2022/23", 14, 16), Point("2023/24")], "higher_is_better", "percent"
    )
    assert one.direction == "too few points"
    assert one.words == (
        "Only one figure so far: 14 of 16 children (87.5%) in 2022/23; no trend yet. "
        "No figure for 2023/24."
    )


def test_counts_use_a_poisson_test():
    down = [Point("Q1", 9), Point("Q2", 0)]
    trend = trend_statement(down, "lower_is_better", "count", counted="examinations")
    assert trend.words == (
        "Fell from 9 examinations in Q1 to 0 examinations in Q2: an improvement larger than "
        "chance alone would give (95% confidence)."
    )
    small = trend_statement(
        [Point("Q1", 3), Point("Q2", 1)], "lower_is_better", "count", "examinations"
    )
    assert small.direction == "steady"
    assert small.words.endswith("within what chance alone would give with numbers this small.")


def test_rates_use_their_populations():
    series = [Point("2019", 45, 6700), Point("2022", 20, 6800)]
    trend = trend_statement(series, "lower_is_better", "rate_per_1000", "girls aged 15 to 17")
    assert trend.direction == "improving"
    assert trend.words.startswith(
        "Fell from 6.7 per 1,000 (45 across 6,700 girls aged 15 to 17) in 2019 to 2.9 per "
        "1,000 (20 across 6,800 girls aged 15 to 17) in 2022:"
    )


def test_averages_say_they_cannot_be_tested():
    series = [Point("2022", None, 22, 18.2), Point("2023", None, 20, 21.0)]
    trend = trend_statement(series, "higher_is_better", "score", counted="pupils")
    assert trend.words == (
        "Rose from 18.2 (average of 22 pupils) in 2022 to 21 (average of 20 pupils) in 2023: "
        "an improvement, but this is an average, which cannot be tested against chance "
        "without each child's result."
    )


def test_neutral_polarity_rises_and_falls():
    series = [Point("2022", 300, 50000), Point("2024", 400, 50000)]
    trend = trend_statement(series, "neutral", "rate_per_10000", "children aged under 18")
    assert trend.direction == "rising"
    assert ": a change larger than chance alone would give" in trend.words


def test_unchanged():
    series = [Point("2022", 8, 10), Point("2023", 8, 10)]
    trend = trend_statement(series, "higher_is_better", "percent")
    assert trend.direction == "steady"
    assert trend.words == (
        "The same in 2023 as in 2022: 8 of 10 children (80%) in 2022, 8 of 10 children (80%) "
        "in 2023."
    )
