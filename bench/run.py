"""Run every benchmark; each writes its results to bench/results/*.md."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
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
]

failed = []
for name in BENCHMARKS:
    print(f"== {name}", flush=True)
    if subprocess.call([sys.executable, str(HERE / name)]) != 0:
        failed.append(name)
if failed:
    print("Benchmarks that missed their target: " + ", ".join(failed))
sys.exit(1 if failed else 0)
