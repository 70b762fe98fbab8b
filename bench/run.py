"""Run every benchmark; each writes its results to bench/results/*.md.

A benchmark whose development data is absent exits with `needs.SKIPPED`, leaving its committed
result as it was: it is listed as skipped, loudly, and does not fail the run."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from needs import SKIPPED  # noqa: E402

BENCHMARKS = [
    "grid_speed.py",
    "headline_guide_accuracy.py",
    "doctype_accuracy.py",
    "extract_speed.py",
    "alignment_harness.py",
    "evidence_speed.py",
    "ssda903_speed.py",
    "countdown_speed.py",
    "report_speed.py",
    "pii_check.py",
    "glance_speed.py",
    "fieldwork_speed.py",
    "load_test.py",
]

failed, skipped = [], []
for name in BENCHMARKS:
    print(f"== {name}", flush=True)
    status = subprocess.call([sys.executable, str(HERE / name)])
    if status == SKIPPED:
        skipped.append(name)
    elif status != 0:
        failed.append(name)
if skipped:
    print("!! Skipped for want of the development data (results left as they were): "
          + ", ".join(skipped))  # fmt: skip
if failed:
    print("Benchmarks that missed their target or failed: " + ", ".join(failed))
sys.exit(1 if failed else 0)
