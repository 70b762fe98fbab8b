"""How far two auditors agree: the share of questions graded alike, and Cohen's kappa, which
discounts the agreement chance alone would give. On the four-point scale a near miss (good
against requires improvement) is less of a disagreement than a far one (outstanding against
inadequate), so grades use weighted kappa (Cohen 1968, linear weights by default); yes/no
answers use the unweighted kappa."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    pairs: int
    agreed: int
    kappa: float | None  # None when chance alone explains everything (one category used)

    @property
    def percent(self) -> float | None:
        return None if not self.pairs else 100 * self.agreed / self.pairs


def cohen_kappa(
    pairs: Sequence[tuple[int, int]], categories: int, weights: str | None = None
) -> float | None:
    """Kappa for PAIRS of ratings, each a category 0 … CATEGORIES-1 (in scale order).

    WEIGHTS: None (unweighted), "linear" or "quadratic". None is returned when the expected
    disagreement is zero (both raters used one and the same category throughout), where kappa
    is undefined."""
    n = len(pairs)
    if n == 0 or categories < 2:
        return None
    observed = [[0.0] * categories for _ in range(categories)]
    for a, b in pairs:
        observed[a][b] += 1
    rows = [sum(observed[i]) for i in range(categories)]
    cols = [sum(observed[i][j] for i in range(categories)) for j in range(categories)]

    def weight(i: int, j: int) -> float:
        if weights is None:
            return 0.0 if i == j else 1.0
        distance = abs(i - j) / (categories - 1)
        return distance if weights == "linear" else distance**2

    observed_disagreement = sum(
        weight(i, j) * observed[i][j] for i in range(categories) for j in range(categories)
    )
    expected_disagreement = sum(
        weight(i, j) * rows[i] * cols[j] / n for i in range(categories) for j in range(categories)
    )
    if expected_disagreement == 0:
        return None
    return 1 - observed_disagreement / expected_disagreement


def agreement(
    pairs: Sequence[tuple[int, int]], categories: int, weights: str | None = "linear"
) -> Agreement:
    return Agreement(
        pairs=len(pairs),
        agreed=sum(1 for a, b in pairs if a == b),
        kappa=cohen_kappa(pairs, categories, weights),
    )


def describe(kappa: float | None) -> str:
    """Landis and Koch's (1977) words for a kappa, as audit teams usually report it."""
    if kappa is None:
        return "not measurable"
    for limit, words in ((0, "poor"), (0.2, "slight"), (0.4, "fair"), (0.6, "moderate"),
                         (0.8, "substantial")):  # fmt: skip
        if kappa <= limit:
            return words
    return "almost perfect"
