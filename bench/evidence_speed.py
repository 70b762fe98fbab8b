"""Evidence library speed and memory.

1. The Anytown demo set (about 190 files): ingest + align + analyses; target under 30 s and
   under 1 GB peak.
2. Generated sets of 500, 1,500 and 5,000 documents: documents/s, pages/s, peak memory and
   the exponent of time against size (1.0 is linear).
3. The evidence-by-line-of-enquiry page at 5,000 documents: median under 200 ms, with the
   same query count as at 500.

Each measurement runs in its own process with its own SQLite database (peak memory is that
process's maximum resident set). Writes bench/results/evidence-speed.md.
"""

from __future__ import annotations

import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEMO = ROOT / "readiness" / "demo" / "evidence" / "anytown"
SIZES = [500, 1500, 5000]
PAGE_RUNS = 30


def generate(target: Path, count: int) -> None:
    """`count` distinct documents made from the demo set's text-like files and PDFs, each
    changed a little so that every one is a new document (not a duplicate)."""
    sources = sorted(
        p for p in DEMO.rglob("*") if p.suffix in (".txt", ".md", ".html", ".csv", ".pdf")
    )
    for number in range(count):
        source = sources[number % len(sources)]
        agency = source.relative_to(DEMO).parts[0]
        folder = target / agency
        folder.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        marker = f"\nCopy {number} for the benchmark.\n".encode()
        if source.suffix == ".pdf":
            data += b"%" + marker.strip() + b"\n"  # a PDF comment after %%EOF
        else:
            data += marker
        (folder / f"{number:05d} {source.name}").write_bytes(data)


def child(mode: str, data_dir: str, folder: str) -> None:
    """Runs inside a fresh process: one measurement, printed as JSON."""
    os.environ["READINESS_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "readiness.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from readiness.demo.domain.partnerships import ANYTOWN
    from readiness.demo.loader import load_partnership
    from readiness.evidence.ingest import ingest_path
    from readiness.evidence.models import EvidenceDocument, Passage
    from readiness.evidence.queries import review_analysis
    from readiness.reviews.models import Membership

    call_command("migrate", verbosity=0)
    review = load_partnership(ANYTOWN)
    lead = Membership.objects.get(review=review, role="lead").user
    started = time.perf_counter()
    report = ingest_path(review, Path(folder), user=lead, in_subfolders_only=True)
    ingested = time.perf_counter()
    findings = review_analysis(review).findings
    finished = time.perf_counter()
    again = ingest_path(review, Path(folder), user=lead, in_subfolders_only=True)
    rerun_seconds = time.perf_counter() - finished
    pages = sum(EvidenceDocument.objects.filter(review=review).values_list("page_count", flat=True))
    result = {
        "documents": report.added,
        "rejected": len(report.rejected),
        "pages": pages,
        "passages": Passage.objects.count(),
        "ingest_seconds": ingested - started,
        "rerun_seconds": rerun_seconds,
        "rerun_added": again.added + again.new_sources,
        "analyses_seconds": finished - ingested,
        "findings": len(findings),
        "gaps": sum(1 for f in findings if f.kind == "gap"),
        "surfeits": sum(1 for f in findings if f.kind == "surfeit"),
    }
    if mode == "page":
        client = Client()
        client.force_login(lead)
        url = f"/reviews/{review.id}/evidence/"
        client.get(url)
        samples = []
        for _ in range(PAGE_RUNS):
            start = time.perf_counter()
            assert client.get(url).status_code == 200
            samples.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        samples.sort()
        result["page_median_ms"] = samples[len(samples) // 2]
        result["page_queries"] = len(queries)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(mode: str, folder: Path) -> dict:
    data_dir = tempfile.mkdtemp(prefix="readiness-evidence-bench-")
    try:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        output = subprocess.run(
            [sys.executable, __file__, "--child", mode, data_dir, str(folder)],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
        return json.loads(output.strip().splitlines()[-1])
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> int:
    from machine import describe

    demo = measure("ingest", DEMO)
    rows, scaling = [], []
    page_small = None
    for size in SIZES:
        folder = Path(tempfile.mkdtemp(prefix="readiness-generated-"))
        try:
            generate(folder, size)
            result = measure("page", folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if page_small is None:
            page_small = result
        rows.append((size, result))
        scaling.append((size, result["ingest_seconds"]))
    slope = exponent(scaling)
    big = rows[-1][1]
    demo_total = demo["ingest_seconds"] + demo["analyses_seconds"]
    rerun_share = demo["rerun_seconds"] / demo["ingest_seconds"]
    checks = {
        "demo under 30 s": demo_total < 30,
        "demo under 1 GB": demo["peak_mb"] < 1024,
        "re-run adds nothing": demo["rerun_added"] == 0,
        "re-run under a tenth of the first": demo["rerun_seconds"] < demo["ingest_seconds"] / 10,
        "page under 200 ms at 5,000": big["page_median_ms"] < 200,
        "constant queries": big["page_queries"] == page_small["page_queries"],
    }
    lines = [
        "# Evidence library speed and memory\n",
        describe(),
        "- Each run: its own process and SQLite database (WAL); peak = that process's "
        "maximum resident set size\n",
        "## The Anytown demo set\n",
        f"{demo['documents']} documents ({demo['pages']} pages, {demo['passages']} passages, "
        f"{demo['rejected']} rejected): ingest + align {demo['ingest_seconds']:.1f} s, "
        f"analyses {demo['analyses_seconds']:.2f} s, total {demo_total:.1f} s (target 30 s); "
        f"peak {demo['peak_mb']:.0f} MB (target 1,024 MB). Findings: {demo['gaps']} gaps, "
        f"{demo['surfeits']} surfeits, {demo['findings']} in all. Running the same folder "
        f"again: {demo['rerun_seconds']:.2f} s ({rerun_share:.0%} of the first run), "
        f"{demo['rerun_added']} added.\n",
        "## Generated sets\n",
        "| documents | pages | ingest s | documents/s | pages/s | peak MB | by-line page "
        "median ms | queries |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for size, r in rows:
        lines.append(
            f"| {size} | {r['pages']} | {r['ingest_seconds']:.1f} | "
            f"{r['documents'] / r['ingest_seconds']:.1f} | "
            f"{r['pages'] / r['ingest_seconds']:.1f} | {r['peak_mb']:.0f} | "
            f"{r['page_median_ms']:.1f} | {r['page_queries']} |"
        )
    lines += [
        "",
        f"Time grows with size to the power **{slope:.2f}** (1.00 is linear; least squares on "
        "log time against log size).\n",
        "## Targets\n",
        *[f"- {name}: **{'met' if ok else 'NOT met'}**" for name, ok in checks.items()],
        "",
    ]
    report = "\n".join(lines)
    (HERE / "results" / "evidence-speed.md").write_text(report)
    print(report)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
    else:
        sys.path.insert(0, str(HERE))
        sys.exit(main())
