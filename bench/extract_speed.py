"""How fast the evidence library extracts text, against poppler's pdftotext.

Every file under ../shared/data/ofsted/reports/ (published Ofsted reports; a few are
HTML pages saved as .pdf) goes through `extract`, then through `split_passages`: zero
crashes allowed (a `Rejected` is a clean outcome and is counted). In the same command
pdftotext is run file by file on the same PDFs. Both run in this one process, one file at
a time, no pool. Target: our PDF pages/s at least 2x pdftotext's.

Run with `.venv/bin/python bench/extract_speed.py`; writes bench/results/extract-speed.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from machine import describe  # noqa: E402
from needs import shared_or_skip  # noqa: E402

from readiness.evidence.domain.extract import extract  # noqa: E402
from readiness.evidence.domain.passages import split_passages  # noqa: E402
from readiness.evidence.domain.types import Rejected  # noqa: E402

RESULTS = HERE / "results" / "extract-speed.md"
TARGET_RATIO = 2.0


def main() -> int:
    reports = shared_or_skip("ofsted", "reports", result=RESULTS)
    pdftotext = shutil.which("pdftotext")
    files = sorted(path for path in reports.rglob("*") if path.is_file())
    kinds: dict[str, int] = {}
    rejected: dict[str, int] = {}
    crashes: list[str] = []
    pdfs: list[Path] = []
    pdf_pages = passages = 0
    extract_seconds = split_seconds = 0.0
    for path in files:
        data = path.read_bytes()
        started = time.perf_counter()
        try:
            extracted = extract(path.name, data)
        except Rejected as error:
            extract_seconds += time.perf_counter() - started
            rejected[error.reason] = rejected.get(error.reason, 0) + 1
            continue
        except Exception:  # a crash: the one outcome that must never happen
            crashes.append(f"{path}: {traceback.format_exc(limit=3)}")
            continue
        extract_seconds += time.perf_counter() - started
        kinds[extracted.file_type] = kinds.get(extracted.file_type, 0) + 1
        started = time.perf_counter()
        passages += len(split_passages(extracted))
        split_seconds += time.perf_counter() - started
        if extracted.file_type == "pdf":
            pdfs.append(path)
            pdf_pages += len(extracted.pages)

    # Ours again on the PDFs alone, so both tools are timed on exactly the same files.
    started = time.perf_counter()
    for path in pdfs:
        extract(path.name, path.read_bytes())
    ours = time.perf_counter() - started

    poppler = None
    poppler_failures = 0
    if pdftotext:
        started = time.perf_counter()
        for path in pdfs:
            done = subprocess.run([pdftotext, "-q", str(path), "-"], capture_output=True)
            poppler_failures += done.returncode != 0
        poppler = time.perf_counter() - started

    ours_rate = pdf_pages / ours
    lines = [
        "# Extraction speed",
        "",
        "All of `../shared/data/ofsted/reports/` through `extract` and `split_passages`, then",
        "the PDFs among them through `extract` and through poppler's `pdftotext` (one process",
        "per file, text to a pipe), timed in the same command. Single process, one file at a",
        "time, for both: no pool.",
        "",
        describe(),
        f"- Files: {len(files)}; read: "
        + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        + f"; rejected: {sum(rejected.values())}; crashes: **{len(crashes)}**",
    ]
    for reason, count in sorted(rejected.items()):
        lines.append(f"  - rejected {count}×: {reason}")
    lines += [
        f"- All files: extraction {extract_seconds:.2f} s, passage splitting "
        f"{split_seconds:.2f} s, {passages:,} passages",
        "",
        "| PDFs: same files | Pages | Seconds | Pages/s |",
        "|---|---:|---:|---:|",
        f"| `extract` (pypdfium2, paragraphs rebuilt) | {pdf_pages:,} | {ours:.2f} | "
        f"{ours_rate:,.0f} |",
    ]
    ratio = None
    if poppler is not None:
        poppler_rate = pdf_pages / poppler
        ratio = ours_rate / poppler_rate
        lines.append(
            f"| `pdftotext` file by file | {pdf_pages:,} | {poppler:.2f} | {poppler_rate:,.0f} |"
        )
        lines += [
            "",
            f"**Ratio: {ratio:.1f}× pdftotext's pages/s** (target ≥ {TARGET_RATIO:.0f}×)."
            + (f" pdftotext failed on {poppler_failures} files." if poppler_failures else ""),
        ]
    else:
        lines += ["", "pdftotext is not installed: no ratio."]
    if crashes:
        lines += ["", "## Crashes", ""] + [f"    {crash}" for crash in crashes]
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 1 if crashes or (ratio is not None and ratio < TARGET_RATIO) else 0


if __name__ == "__main__":
    sys.exit(main())
