import random

import pytest

from readiness.audits.domain.agreement import agreement, cohen_kappa, describe


def table(counts: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    return [pair for pair, n in counts.items() for _ in range(n)]


def test_kappa_matches_the_published_worked_example():
    """Wikipedia's "Cohen's kappa" worked example: 50 applications read by two readers,
    20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: p_o = 0.7, p_e = 0.5, kappa = 0.4."""
    pairs = table({(0, 0): 20, (0, 1): 5, (1, 0): 10, (1, 1): 15})
    assert cohen_kappa(pairs, 2) == pytest.approx(0.4)
    result = agreement(pairs, 2, weights=None)
    assert (result.pairs, result.agreed, result.percent) == (50, 35, 70.0)


def test_on_two_categories_every_weighting_is_the_plain_kappa():
    pairs = table({(0, 0): 20, (0, 1): 5, (1, 0): 10, (1, 1): 15})
    assert cohen_kappa(pairs, 2, "linear") == pytest.approx(0.4)
    assert cohen_kappa(pairs, 2, "quadratic") == pytest.approx(0.4)


def test_weighted_kappa_by_hand_on_three_grades():
    """Four cases: (0,0), (1,1), (0,1), (2,0); linear weights 0, 0.5, 1. Observed
    disagreement 0.5 + 1 = 1.5. Rows 2, 1, 1; columns 2, 2, 0; n = 4. Expected
    disagreement (r0c1 0.5*4 + r1c0 0.5*2 + r2c0 1*2 + r2c1 0.5*2) / 4 = 6 / 4 = 1.5,
    so kappa = 1 - 1.5 / 1.5 = 0: no better than chance."""
    assert cohen_kappa([(0, 0), (1, 1), (0, 1), (2, 0)], 3, "linear") == pytest.approx(0.0)


def test_a_near_miss_costs_less_than_a_far_one():
    near = [(0, 0), (1, 1), (2, 2), (3, 3), (1, 2)]
    far = [(0, 0), (1, 1), (2, 2), (3, 3), (0, 3)]
    assert cohen_kappa(near, 4, "linear") > cohen_kappa(far, 4, "linear")
    assert cohen_kappa(near, 4) == pytest.approx(cohen_kappa(far, 4))  # unweighted: alike


def test_kappa_agrees_with_scikit_learn_on_random_tables():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = random.Random(12)
    for _ in range(20):
        pairs = [(rng.randrange(4), rng.randrange(4)) for _ in range(rng.randrange(5, 40))]
        pairs += [(k, k) for k in range(4)]  # every grade appears
        a, b = [p[0] for p in pairs], [p[1] for p in pairs]
        for weights in (None, "linear", "quadratic"):
            expected = metrics.cohen_kappa_score(a, b, labels=[0, 1, 2, 3], weights=weights)
            assert cohen_kappa(pairs, 4, weights) == pytest.approx(expected)


def test_one_category_throughout_has_no_kappa():
    assert cohen_kappa([(1, 1), (1, 1)], 4) is None
    assert describe(None) == "not measurable"
    assert [describe(k) for k in (-0.1, 0.1, 0.3, 0.5, 0.7, 0.9)] == [
        "poor", "slight", "fair", "moderate", "substantial", "almost perfect",
    ]  # fmt: skip
