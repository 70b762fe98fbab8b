"""Leave-one-out accuracy and calibration of the headline guide against the median rule.

    cd /work/main && .venv/bin/python bench/headline_guide_accuracy.py

Reads only the shipped table (readiness/assessment/data/published_outcomes.json), so it runs
from a clean clone. Writes bench/results/headline-guide-accuracy.md.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from readiness.assessment.domain import headline_guide as hg  # noqa: E402
from readiness.assessment.domain import headline_guide_build as hgb  # noqa: E402

OUT = ROOT / "bench" / "results" / "headline-guide-accuracy.md"


def _machine() -> str:
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores (nproc), RAM {ram}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}"
    )


def _fmt(x: float) -> str:
    return f"{x:.4f}"


def _params(ps: tuple[hg.Params, ...]) -> str:
    return "; ".join(
        f"perm={p.perm}, alpha={p.alpha}, lam={p.lam}, beta={p.beta}, feature={p.feature}"
        for p in ps
    )


def main() -> int:
    data = hg._load_data()
    started = time.perf_counter()
    lines: list[str] = []
    w = lines.append
    w("# Headline guide: leave-one-out accuracy")
    w("")
    w(f"- Date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}")
    w(f"- Machine: {_machine()}")
    w("- Command: `.venv/bin/python bench/headline_guide_accuracy.py`")
    w("- Data: the shipped `readiness/assessment/data/published_outcomes.json` only.")
    w(f"- Shipped hyperparameters: `{data['model']}`")
    w("")
    w("Baseline: the median of the component ranks (1 outstanding .. 4 inadequate); with an even")
    w("number of components, the worse of the two middle grades (`sorted(r)[len(r) // 2]`).")
    w("For log-loss and Brier the baseline is a lightly smoothed one-hot prediction")
    eps = hgb.BASELINE_EPS
    w(f"({1 - 3 * eps:.2f} on the median grade, {eps} on each other grade);")
    w("the pure one-hot Brier is also shown. Every held-out inspection is removed from its own")
    w("exact counts, the similar-profile counts and the pooled prior.")
    w("")
    w("- **shipped**: the shipped hyperparameters (tuned by LOO on the whole table, so slightly")
    w("  optimistic).")
    w("- **nested**: hyperparameters re-tuned inside every fold without the held-out inspection")
    w("  (the honest figure).")
    w("- **nested, log-loss criterion**: sensitivity check, tuning by LOO log-loss alone.")
    w("")
    w(
        "| table | n | evaluation | baseline acc | guide acc | guide log-loss | baseline log-loss "
        "| guide Brier | baseline Brier (smoothed / one-hot) |"
    )
    w("|---|---|---|---|---|---|---|---|---|")
    results: dict[str, dict[str, hgb.LooResult]] = {}
    for table in hg.PROFILE_TABLES:
        runs = {
            "shipped": hgb.leave_one_out(table, nested=False, data=data),
            "nested": hgb.leave_one_out(table, nested=True, data=data),
            "nested, log-loss criterion": hgb.leave_one_out(
                table, nested=True, data=data, criterion="log-loss"
            ),
        }
        results[table] = runs
        for name, r in runs.items():
            w(
                f"| {table} | {r.n} | {name} | {_fmt(r.baseline_accuracy)} "
                f"({round(r.baseline_accuracy * r.n)}/{r.n}) | {_fmt(r.guide_accuracy)} "
                f"({round(r.guide_accuracy * r.n)}/{r.n}) | {_fmt(r.guide_log_loss)} | "
                f"{_fmt(r.baseline_log_loss)} | {_fmt(r.guide_brier)} | "
                f"{_fmt(r.baseline_brier)} / {_fmt(r.baseline_onehot_brier)} |"
            )
    w("")
    w("Hyperparameters used across the nested folds:")
    w("")
    for table, runs in results.items():
        for name in ("nested", "nested, log-loss criterion"):
            w(f"- {table}, {name}: {_params(runs[name].params)}")
    w("")
    w("## Calibration (nested leave-one-out)")
    w("")
    w("Every grade of every held-out inspection is one prediction (4 per inspection), binned by")
    w("the guide's predicted probability; observed = share of those predictions that came true.")
    for table, runs in results.items():
        w("")
        w(f"### {table}")
        w("")
        w("| predicted probability | predictions | mean predicted | observed |")
        w("|---|---|---|---|")
        for lo, hi, n, mean_p, obs in hgb.calibration_table(runs["nested"].predictions):
            w(f"| {lo:.1f}–{hi:.1f} | {n} | {mean_p:.3f} | {obs:.3f} |")
    w("")
    w("### Where the guide and the median rule disagree (nested)")
    w("")
    w("| table | profile | published overall | median rule | guide most likely | P(most likely) |")
    w("|---|---|---|---|---|---|")
    for table, runs in results.items():
        seen: dict[tuple, int] = {}
        for (p, y), probs, m in runs["nested"].predictions:
            g = hg._most_likely(probs, m)
            if g != m:
                key = (p, y, m, g, round(probs[g - 1], 3))
                seen[key] = seen.get(key, 0) + 1
        for (p, y, m, g, pg), n in sorted(seen.items()):
            times = f" (x{n})" if n > 1 else ""
            w(f"| {table} | {p}{times} | {y} | {m} | {g} | {pg} |")
    w("")
    w("## SLAC (base rate only)")
    w("")
    w("No component profiles were published for SLAC, so the guide shows the base rate.")
    w("")
    w("| strand | n | outstanding | good | adequate | inadequate |")
    w("|---|---|---|---|---|---|")
    for key in hg.SLAC_KEYS:
        g = hg.headline_guide("slac", {}, key)
        assert g is not None
        probs = " | ".join(f"{g.probabilities[r]:.3f}" for r in hg.RANKS)
        w(f"| {key} | {g.published_total} | {probs} |")
    w("")
    w(f"Run time: {time.perf_counter() - started:.1f} s.")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(OUT.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
