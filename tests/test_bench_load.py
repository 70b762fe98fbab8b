"""The load test's own arithmetic (bench/load_client.py): percentiles by nearest rank and
the figures of a page. The load test itself is a benchmark (make bench), not a test."""

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from load_client import Recorder, figures, percentile  # noqa: E402


def test_a_percentile_is_a_time_some_request_took():
    times = [float(n) for n in range(1, 101)]  # 1..100 ms
    assert [percentile(times, p) for p in (0, 50, 95, 99, 100)] == [1.0, 50.0, 95.0, 99.0, 100.0]


def test_the_nearest_rank_rounds_up():
    assert [percentile([10.0, 20.0, 30.0], p) for p in (33, 34, 66, 67)] == [10.0, 20.0, 20.0, 30.0]
    assert percentile([7.0], 95) == 7.0


def test_no_times_give_no_percentile_and_a_bad_share_is_refused():
    assert math.isnan(percentile([], 95))
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_a_page_counts_its_requests_and_errors_across_threads():
    recorder = Recorder()
    for ms, error in ((30.0, None), (10.0, None), (20.0, "500 from /x"), (40.0, None)):
        recorder.record("grid", ms, error)
    recorder.record("plan", 5.0, None)
    (grid, plan) = recorder.pages(["grid", "plan"])
    assert (grid.count, grid.errors, grid.p50, grid.p95, grid.max) == (4, 1, 20.0, 40.0, 40.0)
    overall = recorder.overall()
    assert (overall.count, overall.errors, overall.p50, overall.max) == (5, 1, 20.0, 40.0)
    assert figures("none", [], 0).count == 0
