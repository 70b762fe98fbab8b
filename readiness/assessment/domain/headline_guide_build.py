"""Headline guide, offline: build the shipped table, tune it and evaluate it by leave-one-out.

Nothing here runs in the product, which only reads the shipped table through
:mod:`.headline_guide` (the model, :func:`~.headline_guide.headline_guide` and
:func:`~.headline_guide.load_table`). This module holds:

- building ``readiness/assessment/data/published_outcomes.json`` from the compiled judgement
  tables of published Ofsted inspections (``judgements.json``): :func:`build_table` and its
  deterministic serialisation :func:`dump_table`;
- hyperparameter tuning: ``perm``, ``alpha``, ``lam``, ``beta`` and the shared feature are
  chosen per table from a small fixed grid (:func:`param_grid`) by leave-one-out accuracy of
  ``most_likely`` (ties by leave-one-out log-loss) in :func:`tune`, at build time, and
  shipped in the JSON;
- leave-one-out evaluation against the median baseline (:func:`leave_one_out`,
  :class:`LooResult`, :func:`calibration_table`). With ``nested=True`` the hyperparameters
  are re-chosen inside every fold: the honest estimate of accuracy;
- the command line::

    python -m readiness.assessment.domain.headline_guide_build build \\
        /work/shared/data/ofsted/judgements.json \\
        readiness/assessment/data/published_outcomes.json
    python -m readiness.assessment.domain.headline_guide_build loo [--nested]

Plain Python: takes and returns plain data; no Django imports. Method and results:
``docs/headline-guide.md``.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .headline_guide import (
    PROFILE_TABLES,
    RANK_LABEL,
    RANKS,
    SLAC_KEYS,
    Params,
    Row,
    _load_data,
    _Model,
    _most_likely,
    _pooled_rows,
    _profile_rows,
    median_rank,
)

#: canonical grade string in judgements.json -> rank (only used when building the table)
GRADE_RANK: dict[str, int] = {
    "outstanding": 1,
    "good": 2,
    "requires_improvement": 3,
    "adequate": 3,
    "inadequate": 4,
}

ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Compiled from published Ofsted inspection reports."
)

SLAC_FRAMEWORK_PREFIX = "SLAC ("
TABLE_NAMES: tuple[str, ...] = ("ilacs-2018", "ilacs-2023", "slac")

# ----------------------------------------------------------------------------------------
# The tuning grid.

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


def param_grid() -> list[Params]:
    return [
        Params(a, lam, b, f, pm)
        for pm in GRID_PERM
        for f in GRID_FEATURE
        for a in GRID_ALPHA
        for lam in GRID_LAMBDA
        for b in GRID_BETA
    ]


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
        # the command as it stood when the shipped table was built (before the module was
        # split); kept so that a rebuild stays byte-identical to the shipped JSON
        "built_by": "python -m readiness.assessment.domain.headline_guide_build build "
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
# Command line


def _main(argv: Sequence[str]) -> int:
    usage = (
        "usage: python -m readiness.assessment.domain.headline_guide_build build "
        "JUDGEMENTS OUT_JSON\n"
        "       python -m readiness.assessment.domain.headline_guide_build loo [--nested]"
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
