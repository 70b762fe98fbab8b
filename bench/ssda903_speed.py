"""SSDA903 import and looked-after-children indicators: speed and memory.

1. The five synthetic years in ../shared/data/ssda903_synthetic_five_years: read and compute
   every indicator for every year; target under 5 s.
2. A generated one-year return of 100,000 episodes (header, episodes, OC2, OC3, missing as
   CSV bytes): read and compute every indicator; target under 10 s and under 1 GB peak.

Each measurement runs in its own process, so that peak memory (the maximum resident set
from resource.getrusage) is that measurement's alone. Writes bench/results/ssda903-speed.md.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULT = HERE / "results" / "ssda903-speed.md"
EPISODES = 100_000
YEAR = 2024  # 2023/24


def generate(episodes: int, seed: int = 903) -> dict[str, bytes]:
    """A plausible return: children with 1-6 contiguous episodes each, some still open at
    31 March, the OC2 and OC3 tables and a few missing incidents. About 3% of rows are
    made dirty (bad dates, unknown codes, overlaps) so the quality checks do real work."""
    sys.path.insert(0, str(ROOT))
    from readiness.indicators.tests import factories_903 as f

    rng = random.Random(seed)
    start_of_year, end = date(YEAR - 1, 4, 1), date(YEAR, 3, 31)
    header, eps, oc2, oc3, missing = [f.HEADER], [f.EPISODES], [f.OC2], [f.OC3], [f.MISSING]
    places = ["U1", "U2", "U3", "U4", "U5", "U6", "K2", "R1", "H5", "A4", "P1", "T2"]
    fmt = "%d/%m/%Y"
    child_number, written = 0, 0
    while written < episodes:
        child_number += 1
        child = str(100000 + child_number)
        dob = end - timedelta(days=rng.randint(200, 17 * 365))
        dob_text = dob.strftime(fmt)
        header.append(f"{child},{rng.choice('12')},{dob_text},WBRI,A{child_number:012d},,")
        day = start_of_year - timedelta(days=rng.randint(0, 4 * 365))
        day = max(day, dob)
        count = min(rng.randint(1, 6), episodes - written)
        for index in range(count):
            length = rng.randint(10, 500)
            dec = day + timedelta(days=length)
            last = index == count - 1 or dec > end  # open at 31 March: nothing follows
            dec_text = "" if dec > end else dec.strftime(fmt)
            rec = "" if not dec_text else ("E13" if last else "X1")
            rne = "S" if index == 0 else rng.choice("PPPLT")
            place = rng.choice(places) if rng.random() > 0.01 else "XX"
            decom_text = day.strftime(fmt) if rng.random() > 0.01 else "=TODAY()"
            eps.append(f.episode(child, decom_text, dec_text, rne, place, rec=rec))
            written += 1
            if not dec_text:
                break
            day = dec
            if rng.random() < 0.01:
                day -= timedelta(days=3)  # an overlap
        if rng.random() < 0.6:
            oc2.append(f.oc2(child, dob_text, imms=rng.randint(0, 1), sdq=str(rng.randint(0, 40))))
        if rng.random() < 0.05:
            activ, accom = rng.choice(["F1", "G5", "P2"]), rng.choice(["B1", "S2"])
            oc3.append(f.oc3(child, dob_text, "YES", activ, accom))
        if rng.random() < 0.05:
            start = start_of_year + timedelta(days=rng.randint(0, 300))
            back = (start + timedelta(days=2)).strftime(fmt)
            missing.append(f.missing(child, dob_text, start.strftime(fmt), back))
    tables = {"header": header, "episodes": eps, "oc2": oc2, "oc3": oc3, "missing": missing}
    return {f"{name}.csv": ("\n".join(rows) + "\n").encode() for name, rows in tables.items()}


def measure(mode: str) -> dict[str, object]:
    """Runs inside a fresh process: one measurement, printed as JSON."""
    import resource
    import time

    sys.path.insert(0, str(ROOT))
    from readiness.indicators.domain.lac_measures import all_measures
    from readiness.indicators.domain.ssda903 import read_ssda903
    from readiness.lib.testing.shared import shared_data

    five = shared_data("ssda903_synthetic_five_years")
    source: object = five if mode == "five" else generate(EPISODES)
    started = time.perf_counter()
    ret = read_ssda903(source, collection_year=None if mode == "five" else YEAR)  # type: ignore[arg-type]
    read = time.perf_counter() - started
    measures = all_measures(ret)
    total = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "years": sorted(ret.years),
        "episodes": sum(y.episode_count for y in ret.years.values()),
        "children": sum(len(y.children) for y in ret.years.values()),
        "issues": len(ret.quality.issues),
        "reasons": ret.quality.counts_by_reason(),
        "indicators": sum(len(v) for v in measures.values()),
        "read_s": round(read, 2),
        "total_s": round(total, 2),
        "peak_mib": round(peak_kib / 1024),
    }


def run(mode: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.machine import describe
    from bench.needs import shared_or_skip

    # Both measurements or neither: a file with the generated row alone would hide the
    # committed five-year figure.
    shared_or_skip("ssda903_synthetic_five_years", result=RESULT)

    lines = ["# SSDA903 import and indicators: speed and memory", "", describe()]
    lines += [
        "| Return | Years | Episodes | Quality issues | Indicators | Read | Read + indicators"
        " | Peak memory | Target |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    results = {"five": run("five"), "generated": run("generated")}
    targets = {"five": (5, None), "generated": (10, 1024)}
    names = {
        "five": "Five synthetic years (2017/18-2021/22)",
        "generated": "Generated, 100,000 episodes",
    }
    for mode, r in results.items():
        seconds, mib = targets[mode]
        ok = r["total_s"] < seconds and (mib is None or r["peak_mib"] < mib)
        target = f"< {seconds} s" + (f", < {mib} MiB" if mib else "")
        lines.append(
            f"| {names[mode]} | {len(r['years'])} | {r['episodes']:,} | {r['issues']:,} | "
            f"{r['indicators']} | {r['read_s']} s | {r['total_s']} s | {r['peak_mib']} MiB | "
            f"{target}: {'met' if ok else 'MISSED'} |"
        )
    lines += ["", "Quality issues by reason:", ""]
    for mode, r in results.items():
        lines.append(f"- {names[mode]}: " + ", ".join(f"{k} {v}" for k, v in r["reasons"].items()))
    lines += ["", "Peak memory is the measuring process's maximum resident set (Python included).",
              "Run with `.venv/bin/python bench/ssda903_speed.py`.", ""]  # fmt: skip
    RESULT.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
    else:
        main()
