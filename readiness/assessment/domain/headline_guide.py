"""Headline guide: what overall-effectiveness grade did published inspections get for a profile?

Given the grades a council gives itself for the component judgements of an inspection
framework, show how often *published* Ofsted inspections with the same profile were judged
outstanding, good, requires improvement (adequate) or inadequate overall, as calibrated
probabilities.

Plain Python: takes and returns plain data; no Django imports.

Grades are always passed as RANKS, never as strings:

    1 = outstanding, 2 = good, 3 = requires improvement (SLAC: adequate), 4 = inadequate

Data: ``readiness/assessment/data/published_outcomes.json``, built from the compiled
judgement tables of published Ofsted inspections by :func:`build_table`::

    python -m readiness.assessment.domain.headline_guide build \\
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
table from a small fixed grid by leave-one-out accuracy of ``most_likely`` (ties by
leave-one-out log-loss) at build time and shipped in the JSON. :func:`leave_one_out` with
``nested=True`` repeats that choice inside every fold: the honest estimate of accuracy.

The baseline we must beat is the *median of the component grades*: sort the ranks; with an
odd count take the middle one; with an even count take the WORSE (higher rank) of the two
middle ones. That is ``sorted(ranks)[len(ranks) // 2]`` in both cases.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RANKS: tuple[int, ...] = (1, 2, 3, 4)

#: canonical grade string in judgements.json -> rank (only used when building the table)
GRADE_RANK: dict[str, int] = {
    "outstanding": 1,
    "good": 2,
    "requires_improvement": 3,
    "adequate": 3,
    "inadequate": 4,
}

RANK_LABEL: dict[int, str] = {
    1: "outstanding",
    2: "good",
    3: "requires improvement",
    4: "inadequate",
}
SLAC_RANK_LABEL: dict[int, str] = {1: "outstanding", 2: "good", 3: "adequate", 4: "inadequate"}

ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Compiled from published Ofsted inspection reports."
)

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
SLAC_FRAMEWORK_PREFIX = "SLAC ("
SLAC_LABEL = "SLAC 2009 to 2012"
TABLE_NAMES: tuple[str, ...] = ("ilacs-2018", "ilacs-2023", "slac")

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "published_outcomes.json"

# ----------------------------------------------------------------------------------------
# Model constants fixed a priori (not tuned) and the tuning grid.

#: the ordinal rule: weight exp(-GAMMA * |r - median|), normalised
GAMMA = 2.0
#: pseudo-count of each coarser level inside the shared-feature prior
PRIOR_PSEUDOCOUNT = 1.0
GRID_PERM: tuple[float, ...] = (0.0, 0.3, 1.0)
GRID_ALPHA: tuple[float, ...] = (0.0, 0.1, 0.3, 1.0)
GRID_LAMBDA: tuple[float, ...] = (0.1, 0.3)
GRID_BETA: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0)
GRID_FEATURE: tuple[str, ...] = (
    "median",
    "median+worst",
    "median+worst+leaders",
    "mean",
    "mean+worst",
)

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


def param_grid() -> list[Params]:
    return [
        Params(a, lam, b, f, pm)
        for pm in GRID_PERM
        for f in GRID_FEATURE
        for a in GRID_ALPHA
        for lam in GRID_LAMBDA
        for b in GRID_BETA
    ]


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
# Scoring and leave-one-out


def _log_loss(probs: Sequence[float], y: int) -> float:
    return -math.log(max(probs[y - 1], 1e-15))


def _brier(probs: Sequence[float], y: int) -> float:
    return sum((probs[r - 1] - (1.0 if r == y else 0.0)) ** 2 for r in RANKS)


def _loo_scores(
    model: _Model, rows: Sequence[Row], params: Params, extra_out: Sequence[Row] = ()
) -> tuple[int, float]:
    """LOO over ``rows`` (each also leaving out ``extra_out``): (number right, mean log-loss)."""
    groups: dict[Row, int] = {}
    for r in rows:
        groups[r] = groups.get(r, 0) + 1
    right = 0
    total = 0.0
    for (p, y), n in groups.items():
        probs, _ = model.predict(p, params, leave_out=[(p, y), *extra_out])
        right += n * (_most_likely(probs, median_rank(p)) == y)
        total += n * _log_loss(probs, y)
    return right, total / len(rows)


def tune(
    rows: Sequence[Row],
    pooled_rows: Sequence[Row],
    exclude: Sequence[Row] = (),
    criterion: str = "accuracy",
) -> Params:
    """Grid point with the most leave-one-out right answers on ``rows`` minus ``exclude``.

    The product's promise is that ``most_likely`` beats the median rule, so the criterion is
    LOO accuracy of ``most_likely``; ties (common: accuracy is coarse) go to the lower LOO
    log-loss, which keeps the probabilities calibrated; remaining ties to the earlier grid
    point (no permutation term, simplest feature, smallest alpha first).

    ``criterion="log-loss"`` ranks by LOO log-loss alone (used only for the sensitivity
    check in the bench).
    """
    if criterion not in ("accuracy", "log-loss"):
        raise ValueError(f"unknown criterion {criterion!r}")
    model = _Model(rows, pooled_rows)
    inner = list(rows)
    for r in exclude:
        inner.remove(r)
    best: tuple[int, float, Params] | None = None
    for params in param_grid():
        right, ll = _loo_scores(model, inner, params, extra_out=exclude)
        if criterion == "log-loss":
            right = 0
        if best is None or right > best[0] or (right == best[0] and ll < best[1] - 1e-12):
            best = (right, ll, params)
    assert best is not None
    return best[2]


@dataclass(frozen=True)
class LooResult:
    table: str
    n: int
    baseline_accuracy: float
    guide_accuracy: float
    guide_log_loss: float
    guide_brier: float
    baseline_log_loss: float  # median rule as a lightly smoothed one-hot (see BASELINE_EPS)
    baseline_brier: float
    baseline_onehot_brier: float
    #: (held-out row, guide probabilities for ranks 1..4, median-rule rank)
    predictions: tuple[tuple[Row, tuple[float, ...], int], ...]
    nested: bool
    params: tuple[Params, ...]  # the distinct hyperparameters used across folds


#: the median baseline as a probability: 1 - 3*eps on the median rank, eps on each other
BASELINE_EPS = 0.01


def _baseline_probs(m: int) -> list[float]:
    return [1.0 - 3 * BASELINE_EPS if r == m else BASELINE_EPS for r in RANKS]


def leave_one_out(
    table: str,
    nested: bool = False,
    data: Mapping[str, Any] | None = None,
    criterion: str = "accuracy",
) -> LooResult:
    """Leave-one-out evaluation of the guide and the median baseline on a profile table.

    Each held-out inspection is removed from its own exact counts, the similar-profile counts
    and the pooled prior. With ``nested=False`` the shipped hyperparameters are used (they
    were chosen by LOO on the whole table, so this is slightly optimistic); with
    ``nested=True`` the hyperparameters are re-chosen inside every fold without the held-out
    inspection, which is the honest estimate. ``criterion`` is passed to :func:`tune`.
    """
    data = data if data is not None else _load_data()
    rows = _profile_rows(data, table)
    pooled = _pooled_rows(data)
    model = _Model(rows, pooled)
    shipped = Params(**data["model"][table])
    groups: dict[Row, int] = {}
    for r in rows:
        groups[r] = groups.get(r, 0) + 1
    per_group: dict[Row, tuple[list[float], Params]] = {}
    for p, y in groups:
        params = tune(rows, pooled, exclude=[(p, y)], criterion=criterion) if nested else shipped
        probs, _ = model.predict(p, params, leave_out=[(p, y)])
        per_group[(p, y)] = (probs, params)
    acc = acc_b = ll = br = ll_b = br_b = br_b1 = 0.0
    preds = []
    for p, y in rows:
        probs, _ = per_group[(p, y)]
        m = median_rank(p)
        acc += _most_likely(probs, m) == y
        acc_b += m == y
        ll += _log_loss(probs, y)
        br += _brier(probs, y)
        bp = _baseline_probs(m)
        ll_b += _log_loss(bp, y)
        br_b += _brier(bp, y)
        br_b1 += 0.0 if m == y else 2.0
        preds.append(((p, y), tuple(probs), m))
    n = len(rows)
    used = tuple(sorted({v[1] for v in per_group.values()}, key=lambda x: param_grid().index(x)))
    return LooResult(
        table=table,
        n=n,
        baseline_accuracy=acc_b / n,
        guide_accuracy=acc / n,
        guide_log_loss=ll / n,
        guide_brier=br / n,
        baseline_log_loss=ll_b / n,
        baseline_brier=br_b / n,
        baseline_onehot_brier=br_b1 / n,
        predictions=tuple(preds),
        nested=nested,
        params=used,
    )


def calibration_table(
    predictions: Iterable[tuple[Row, Sequence[float], int]],
    edges: Sequence[float] = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0),
) -> list[tuple[float, float, int, float, float]]:
    """Bins of predicted probability (every rank of every held-out row is one prediction).

    Returns (low, high, count, mean predicted, observed frequency) for each non-empty bin.
    """
    bins: list[list[float]] = [[0, 0.0, 0.0] for _ in range(len(edges) - 1)]
    for (_, y), probs, _ in predictions:
        for r in RANKS:
            pr = probs[r - 1]
            for i in range(len(edges) - 1):
                last = i == len(edges) - 2
                if edges[i] <= pr < edges[i + 1] or (last and pr == edges[-1]):
                    bins[i][0] += 1
                    bins[i][1] += pr
                    bins[i][2] += 1.0 if r == y else 0.0
                    break
    return [
        (edges[i], edges[i + 1], int(b[0]), b[1] / b[0], b[2] / b[0])
        for i, b in enumerate(bins)
        if b[0]
    ]


# ----------------------------------------------------------------------------------------
# Building the shipped table


def _rank(value: Any) -> int | None:
    return GRADE_RANK.get(value) if isinstance(value, str) else None


def build_table(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Build the shipped JSON table from the records of ``judgements.json``.

    Deterministic: rows are sorted by (date, authority); hyperparameters are tuned by LOO.
    """
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    skipped: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    not_tabled: dict[str, int] = {}
    slac_missing_strand: dict[str, int] = {k: 0 for k in SLAC_KEYS}
    slac_verbatim_ri = 0

    for rec in records:
        framework = str(rec.get("framework", ""))
        canon = rec.get("judgements_canonical") or {}
        base = {
            "authority": rec.get("authority"),
            "date": rec.get("date"),
            "source": rec.get("source"),
        }
        name = next(
            (n for n, (pre, _, _) in PROFILE_TABLES.items() if framework.startswith(pre)), None
        )
        if name is not None:
            comps = PROFILE_TABLES[name][1]
            ranks = {c: _rank(canon.get(c)) for c in comps}
            overall = _rank(canon.get("overall_effectiveness"))
            missing = [c for c, v in ranks.items() if v is None]
            if overall is None:
                missing.append("overall_effectiveness")
            if missing:
                skipped[name].append({**base, "missing": missing})
                continue
            tables[name].append({**base, "components": ranks, "overall": overall})
        elif framework.startswith(SLAC_FRAMEWORK_PREFIX):
            strands = {k: _rank(canon.get(k)) for k in SLAC_KEYS}
            for k, v in strands.items():
                if v is None:
                    slac_missing_strand[k] += 1
                elif canon.get(k) == "requires_improvement":
                    slac_verbatim_ri += 1
            present = {k: v for k, v in strands.items() if v is not None}
            if not present:
                skipped["slac"].append({**base, "missing": list(SLAC_KEYS)})
                continue
            tables["slac"].append({**base, "overall": present})
        else:
            not_tabled[framework] = not_tabled.get(framework, 0) + 1

    for name in TABLE_NAMES:
        tables[name].sort(key=lambda r: (str(r["date"]), str(r["authority"])))
        skipped[name].sort(key=lambda r: (str(r["date"]), str(r["authority"])))

    out: dict[str, Any] = {
        "schema": "readiness-published-outcomes/1",
        "attribution": ATTRIBUTION,
        "source_notes": [
            "Built from judgements.json, a compilation of the judgement tables of "
            f"{len(records)} published Ofsted inspections of English local authorities' "
            "children's services; each row's 'source' is the public Ofsted report address.",
            "Ranks: 1 = outstanding, 2 = good, 3 = requires improvement (SLAC: adequate), "
            "4 = inadequate.",
            "SLAC rows hold only the headline overall-effectiveness grade of each strand, as "
            "restated in later Ofsted reports; no component profiles were published for SLAC. "
            f"{slac_verbatim_ri} SLAC grade(s) recorded verbatim as 'requires improvement' by "
            "a later report are counted as adequate (rank 3).",
            "Frameworks not tabled (different judgement structure, or no overall "
            "effectiveness judgement): "
            + "; ".join(f"{k}: {v}" for k, v in sorted(not_tabled.items()))
            + ".",
        ],
        "built_by": "python -m readiness.assessment.domain.headline_guide build "
        "<judgements.json> <published_outcomes.json>",
        "ranks": {str(r): RANK_LABEL[r] for r in RANKS},
        "components": {name: list(spec[1]) for name, spec in PROFILE_TABLES.items()},
        "slac_keys": list(SLAC_KEYS),
        "counts": {
            "records_read": len(records),
            "rows": {name: len(tables[name]) for name in TABLE_NAMES},
            "skipped": {name: len(skipped[name]) for name in TABLE_NAMES},
            "slac_missing_strand": slac_missing_strand,
            "not_tabled": dict(sorted(not_tabled.items())),
        },
        "skipped": skipped,
        "model": {},
        "tables": tables,
    }
    pooled = _pooled_rows(out)
    for name in PROFILE_TABLES:
        out["model"][name] = tune(_profile_rows(out, name), pooled).as_dict()
    return out


def dump_table(data: Mapping[str, Any]) -> str:
    """Serialise the table deterministically: one row per line, keys in a fixed order."""
    top = {k: v for k, v in data.items() if k not in ("tables", "skipped")}
    lines = ["{"]
    for k, v in top.items():
        lines.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    for section in ("skipped", "tables"):
        lines.append(f" {json.dumps(section)}: {{")
        names = list(data[section])
        for i, name in enumerate(names):
            rows = data[section][name]
            body = ",\n".join(f"   {json.dumps(r, ensure_ascii=False)}" for r in rows)
            tail = "," if i < len(names) - 1 else ""
            lines.append(f"  {json.dumps(name)}: [" + (f"\n{body}\n  ]" if rows else "]") + tail)
        lines.append(" }," if section == "skipped" else " }")
    lines.append("}")
    return "\n".join(lines) + "\n"


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


# ----------------------------------------------------------------------------------------
# Command line


def _main(argv: Sequence[str]) -> int:
    usage = (
        "usage: python -m readiness.assessment.domain.headline_guide build JUDGEMENTS OUT_JSON\n"
        "       python -m readiness.assessment.domain.headline_guide loo [--nested]"
    )
    if len(argv) == 3 and argv[0] == "build":
        with open(argv[1], encoding="utf-8") as fh:
            records = json.load(fh)
        data = build_table(records)
        Path(argv[2]).write_text(dump_table(data), encoding="utf-8")
        c = data["counts"]
        print(f"wrote {argv[2]}: rows {c['rows']}, skipped {c['skipped']}, model {data['model']}")
        return 0
    if argv and argv[0] == "loo":
        nested = "--nested" in argv[1:]
        for name in PROFILE_TABLES:
            r = leave_one_out(name, nested=nested)
            print(
                f"{name}: n={r.n} baseline acc={r.baseline_accuracy:.4f} guide acc="
                f"{r.guide_accuracy:.4f} log-loss={r.guide_log_loss:.4f} "
                f"(baseline {r.baseline_log_loss:.4f}) brier={r.guide_brier:.4f} "
                f"(baseline {r.baseline_brier:.4f})"
            )
        return 0
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
