"""Headline guide: what overall-effectiveness grade did published inspections get for a profile?

Given the grades a council gives itself for the component judgements of an inspection
framework, show how often *published* Ofsted inspections with the same profile were judged
outstanding, good, requires improvement (adequate) or inadequate overall, as calibrated
probabilities.

This module is what the product uses at run time: the :class:`HeadlineGuide` result,
:func:`headline_guide`, :func:`load_table`, the scoring model they need and the baseline
:func:`median_rank`. Building the shipped table, tuning its hyperparameters, leave-one-out
evaluation and the command line are in :mod:`.headline_guide_build`.

Plain Python: takes and returns plain data; no Django imports.

Grades are always passed as RANKS, never as strings:

    1 = outstanding, 2 = good, 3 = requires improvement (SLAC: adequate), 4 = inadequate

Data: ``readiness/assessment/data/published_outcomes.json``, built from the compiled
judgement tables of published Ofsted inspections by ``headline_guide_build.build_table``::

    python -m readiness.assessment.domain.headline_guide_build build \\
        /work/shared/data/ofsted/judgements.json \\
        readiness/assessment/data/published_outcomes.json

Method (details and leave-one-out results in ``docs/headline-guide.md``)::

    score(r) = exact(r)                                  # same profile, exact counts
             + perm * permuted(r)                        # same grades, different order
             + alpha * sum_q lam ** L1(p, q) * count_q(r)  # other similar profiles in the table
             + beta  * prior(r)                          # shared-feature prior
    P(r) = score(r) / sum(score)

``prior`` is the frequency of each overall grade among inspections of *both* ILACS tables
that share a coarse feature of the profile (e.g. its median, worst grade and impact of
leaders), backed off to coarser features and finally to an ordinal rule centred on the
median grade. ``perm``, ``alpha``, ``lam``, ``beta`` and the shared feature are chosen per
table at build time (see :mod:`.headline_guide_build`) and shipped in the JSON.

The baseline we must beat is the *median of the component grades*: sort the ranks; with an
odd count take the middle one; with an even count take the WORSE (higher rank) of the two
middle ones. That is ``sorted(ranks)[len(ranks) // 2]`` in both cases.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RANKS: tuple[int, ...] = (1, 2, 3, 4)

RANK_LABEL: dict[int, str] = {
    1: "outstanding",
    2: "good",
    3: "requires improvement",
    4: "inadequate",
}
SLAC_RANK_LABEL: dict[int, str] = {1: "outstanding", 2: "good", 3: "adequate", 4: "inadequate"}

SLAC_KEYS: tuple[str, ...] = (
    "Safeguarding services: Overall effectiveness",
    "Services for looked after children: Overall effectiveness",
)

#: table name -> (framework prefix in judgements.json, component keys, plain-English label)
PROFILE_TABLES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "ilacs-2018": (
        "ILACS (2018-2022",
        ("impact_of_leaders", "help_and_protection", "children_in_care_and_care_leavers"),
        "ILACS 2018 to 2022",
    ),
    "ilacs-2023": (
        "ILACS (2023+",
        ("impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers"),
        "ILACS 2023 onwards",
    ),
}
SLAC_LABEL = "SLAC 2009 to 2012"

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "published_outcomes.json"

# ----------------------------------------------------------------------------------------
# Model constants fixed a priori (not tuned); the tuning grid is in headline_guide_build.

#: the ordinal rule: weight exp(-GAMMA * |r - median|), normalised
GAMMA = 2.0
#: pseudo-count of each coarser level inside the shared-feature prior
PRIOR_PSEUDOCOUNT = 1.0

Profile = tuple[int, ...]
Row = tuple[Profile, int]


def median_rank(ranks: Iterable[int]) -> int:
    """The baseline rule: median grade; with an even count, the worse of the two middle."""
    s = sorted(ranks)
    return s[len(s) // 2]


#: shared-feature prior: each feature backs off to coarser ones (pseudo-count PRIOR_PSEUDOCOUNT
#: each), and the coarsest to the ordinal rule. An unseen profile with an inadequate grade
#: thus borrows from all inspections with the same worst grade.
BACKOFF: dict[str, tuple[str, ...]] = {
    "median": ("median",),
    "median+worst": ("median+worst", "worst"),
    "median+worst+leaders": ("median+worst+leaders", "median+worst", "worst"),
    "mean": ("mean",),
    "mean+worst": ("mean+worst", "worst"),
}


def _feature(name: str, p: Profile) -> tuple[int, ...]:
    # every profile starts with impact_of_leaders in both ILACS tables
    if name == "worst":
        return (max(p),)
    if name == "median":
        return (median_rank(p),)
    if name == "median+worst":
        return (median_rank(p), max(p))
    if name == "median+worst+leaders":
        return (median_rank(p), max(p), p[0])
    # the mean grade as an exact fraction (numerator, denominator) in lowest terms: profiles
    # with the same grades in any order share it, and so can 3- and 4-component profiles
    g = math.gcd(sum(p), len(p))
    if name == "mean":
        return (sum(p) // g, len(p) // g)
    if name == "mean+worst":
        return (sum(p) // g, len(p) // g, max(p))
    raise ValueError(f"unknown feature {name!r}")


def _ordinal_rule(m: int) -> list[float]:
    w = [math.exp(-GAMMA * abs(r - m)) for r in RANKS]
    z = sum(w)
    return [x / z for x in w]


@dataclass(frozen=True)
class Params:
    alpha: float
    lam: float
    beta: float
    feature: str
    perm: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "perm": self.perm,
            "alpha": self.alpha,
            "lam": self.lam,
            "beta": self.beta,
            "feature": self.feature,
        }


class _Model:
    """Counts of one profile table plus the pooled (both ILACS tables) shared-feature counts.

    ``predict`` can leave out any rows (for leave-one-out) without rebuilding counts.
    """

    def __init__(self, rows: Sequence[Row], pooled_rows: Sequence[Row]):
        self.counts: dict[Profile, list[int]] = {}
        for p, y in rows:
            self.counts.setdefault(p, [0, 0, 0, 0])[y - 1] += 1
        self.pooled_rows = list(pooled_rows)
        self._pooled: dict[str, dict[tuple[int, ...], list[int]]] = {}
        self._neigh: dict[tuple[Profile, float], list[float]] = {}
        self._perm: dict[Profile, list[int]] = {}

    def _pooled_counts(self, feature: str) -> dict[tuple[int, ...], list[int]]:
        if feature not in self._pooled:
            d: dict[tuple[int, ...], list[int]] = {}
            for p, y in self.pooled_rows:
                d.setdefault(_feature(feature, p), [0, 0, 0, 0])[y - 1] += 1
            self._pooled[feature] = d
        return self._pooled[feature]

    def _neighbours(self, p: Profile, lam: float) -> list[float]:
        """sum over other profiles q of lam ** L1(p, q) * count_q (permutations of p excluded)."""
        key = (p, lam)
        if key not in self._neigh:
            s = [0.0, 0.0, 0.0, 0.0]
            for q, c in self.counts.items():
                if _is_permutation(p, q):
                    continue
                w = lam ** _l1(p, q)
                for i in range(4):
                    s[i] += w * c[i]
            self._neigh[key] = s
        return self._neigh[key]

    def _permutations(self, p: Profile) -> list[int]:
        """Counts of profiles with the same grades in a different order."""
        if p not in self._perm:
            s = [0, 0, 0, 0]
            for q, c in self.counts.items():
                if q != p and _is_permutation(p, q):
                    for i in range(4):
                        s[i] += c[i]
            self._perm[p] = s
        return self._perm[p]

    def predict(
        self, p: Profile, params: Params, leave_out: Sequence[Row] = ()
    ) -> tuple[list[float], list[int]]:
        """Probabilities for ranks 1..4 and the exact counts, leaving out ``leave_out`` rows.

        Rows left out must belong to this table (and therefore also to the pooled rows).
        """
        exact = list(self.counts.get(p, [0, 0, 0, 0]))
        neigh = list(self._neighbours(p, params.lam))
        perm = list(self._permutations(p))
        chain = BACKOFF[params.feature]
        keys = [_feature(name, p) for name in chain]
        pooled = [
            list(self._pooled_counts(name).get(k, [0, 0, 0, 0]))
            for name, k in zip(chain, keys, strict=True)
        ]
        for x, yx in leave_out:
            if x == p:
                exact[yx - 1] -= 1
            elif _is_permutation(p, x):
                perm[yx - 1] -= 1
            else:
                neigh[yx - 1] -= params.lam ** _l1(p, x)
            for name, k, counts in zip(chain, keys, pooled, strict=True):
                if _feature(name, x) == k:
                    counts[yx - 1] -= 1
        # back off from the finest shared feature to the coarsest, then to the ordinal rule
        prior = _ordinal_rule(median_rank(p))
        for counts in reversed(pooled):
            tot = sum(counts)
            prior = [
                (counts[i] + PRIOR_PSEUDOCOUNT * prior[i]) / (tot + PRIOR_PSEUDOCOUNT)
                for i in range(4)
            ]
        score = [
            exact[i]
            + params.perm * perm[i]
            + params.alpha * max(neigh[i], 0.0)
            + params.beta * prior[i]
            for i in range(4)
        ]
        z = sum(score)
        return [s / z for s in score], exact


def _is_permutation(p: Profile, q: Profile) -> bool:
    return sorted(p) == sorted(q)


def _l1(p: Profile, q: Profile) -> int:
    return sum(abs(a - b) for a, b in zip(p, q, strict=True))


def _most_likely(probs: Sequence[float], median: int | None) -> int:
    """Highest probability; ties go to the rank nearest the median rule, then the worse grade."""

    def key(r: int) -> tuple[float, int, int]:
        return (round(probs[r - 1], 12), -abs(r - median) if median is not None else 0, r)

    return max(RANKS, key=key)


# ----------------------------------------------------------------------------------------
# Loading and the guide


@cache
def _load_data_cached(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _load_data() -> dict[str, Any]:
    return _load_data_cached(str(DATA_PATH))


def load_table(name: str) -> list[dict[str, Any]]:
    """Rows of a shipped table (cached; do not mutate). Unknown name -> KeyError."""
    return _load_data()["tables"][name]


def _profile_rows(data: Mapping[str, Any], table: str) -> list[Row]:
    comps = data["components"][table]
    return [
        (tuple(int(r["components"][c]) for c in comps), int(r["overall"]))
        for r in data["tables"][table]
    ]


def _pooled_rows(data: Mapping[str, Any]) -> list[Row]:
    return [row for name in PROFILE_TABLES for row in _profile_rows(data, name)]


@cache
def _model(table: str) -> _Model:
    data = _load_data()
    return _Model(_profile_rows(data, table), _pooled_rows(data))


@dataclass(frozen=True)
class HeadlineGuide:
    table: str  # e.g. "ilacs-2023"
    probabilities: dict[int, float]  # rank -> probability, sums to 1, all four ranks present
    exact_matches: int  # published inspections with exactly this profile
    exact_counts: dict[int, int]  # rank -> count among exact matches
    published_total: int  # rows in the table (SLAC: rows with a grade for that strand)
    basis: str  # one or two plain-English sentences
    most_likely: int  # rank


def _valid_rank(v: Any) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int) or v not in RANKS:
        raise ValueError(f"grade rank must be 1, 2, 3 or 4, not {v!r}")
    return v


def _count_phrase(counts: Mapping[int, int], labels: Mapping[int, str]) -> str:
    parts = [f"{counts[r]} {labels[r]}" for r in RANKS if counts.get(r)]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def headline_guide(
    table: str, component_ranks: Mapping[str, int | None], published_key: str | None = None
) -> HeadlineGuide | None:
    """The headline guide for a profile of component grade ranks.

    ``table``: "ilacs-2018", "ilacs-2023" or "slac". For the ILACS tables every component of
    the table must have a rank (1..4) in ``component_ranks``, else None (extra keys are
    ignored; a rank outside 1..4 raises ValueError). ``published_key`` is ignored for them.
    For "slac" ``component_ranks`` is ignored and ``published_key`` must be one of the two
    strand keys (e.g. "Safeguarding services: Overall effectiveness"): the result is the base
    rate of that strand's published overall grades. Unknown table or key -> None.
    """
    if table == "slac":
        return _slac_guide(published_key)
    if table not in PROFILE_TABLES:
        return None
    _, comps, label = PROFILE_TABLES[table]
    ranks = [_valid_rank(component_ranks.get(c)) for c in comps]
    if any(r is None for r in ranks):
        return None
    p: Profile = tuple(r for r in ranks if r is not None)
    data = _load_data()
    params = Params(**data["model"][table])
    model = _model(table)
    probs, exact = model.predict(p, params)
    n_exact = sum(exact)
    exact_counts = {r: exact[r - 1] for r in RANKS}
    most = _most_likely(probs, median_rank(p))
    total = len(data["tables"][table])
    if n_exact == 0:
        basis = (
            f"None of the {total} published inspections ({label}) had exactly this profile, "
            "so the probabilities come from similar profiles and the usual outcome for its "
            "median grade."
        )
    elif n_exact == 1:
        y = next(r for r in RANKS if exact_counts[r])
        basis = (
            f"1 published inspection ({label}) had exactly this profile: it was judged "
            f"{RANK_LABEL[y]} overall. Probabilities blend it with similar profiles."
        )
    else:
        if sum(1 for r in RANKS if exact_counts[r]) == 1:
            y = next(r for r in RANKS if exact_counts[r])
            everyone = "both" if n_exact == 2 else f"all {n_exact}"
            phrase = f"{everyone} were judged {RANK_LABEL[y]} overall"
        else:
            phrase = _split_phrase(exact_counts)
        basis = (
            f"{n_exact} published inspections ({label}) had exactly this profile: {phrase}. "
            "Probabilities blend these with similar profiles."
        )
    return HeadlineGuide(
        table=table,
        probabilities={r: probs[r - 1] for r in RANKS},
        exact_matches=n_exact,
        exact_counts=exact_counts,
        published_total=total,
        basis=basis,
        most_likely=most,
    )


def _split_phrase(counts: Mapping[int, int], labels: Mapping[int, str] = RANK_LABEL) -> str:
    """e.g. '10 were judged good overall, 2 requires improvement'."""
    present = [r for r in RANKS if counts.get(r)]
    first, rest = present[0], present[1:]
    text = (
        f"{counts[first]} {'was' if counts[first] == 1 else 'were'} judged {labels[first]} overall"
    )
    return text + "".join(f", {counts[r]} {labels[r]}" for r in rest)


def _slac_guide(published_key: str | None) -> HeadlineGuide | None:
    if published_key not in SLAC_KEYS:
        return None
    rows = load_table("slac")
    counts = {r: 0 for r in RANKS}
    for row in rows:
        v = row["overall"].get(published_key)
        if v is not None:
            counts[int(v)] += 1
    total = sum(counts.values())
    if total == 0:
        return None
    probs = {r: counts[r] / total for r in RANKS}
    most = _most_likely([probs[r] for r in RANKS], None)
    strand = "safeguarding" if published_key.startswith("Safeguarding") else "looked after children"
    basis = (
        f"No component profiles were published for SLAC inspections (2009 to 2012), so this is "
        f"the base rate only: of {total} published {strand} overall-effectiveness grades, "
        f"{_count_phrase(counts, SLAC_RANK_LABEL)}."
    )
    return HeadlineGuide(
        table="slac",
        probabilities=probs,
        exact_matches=0,
        exact_counts={r: 0 for r in RANKS},
        published_total=total,
        basis=basis,
        most_likely=most,
    )
