"""What a benchmark needs from the development data, and how it says it is skipping.

The data lives in `../shared/data` beside the repository (`readiness.lib.testing.shared`
finds it; `READINESS_SHARED_DATA` overrides). A benchmark whose data is absent prints a
banner, leaves its committed result file as it was (never an empty one in its place) and
exits with SKIPPED, which `bench/run.py` reports as skipped, not as a missed target.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from readiness.lib.testing.shared import SHARED_DATA, shared_data  # noqa: E402

SKIPPED = 3


def shared_or_skip(*parts: str, result: Path) -> Path:
    """The shared path, or exit SKIPPED saying what was missing and which result was kept."""
    path = shared_data(*parts)
    if not path.exists():
        bar = "!" * 78
        print(
            f"{bar}\n!! SKIPPED: {path} is absent (development data, expected at {SHARED_DATA}).\n"
            f"!! {result.relative_to(ROOT)} is left as it was.\n{bar}",
            flush=True,
        )
        sys.exit(SKIPPED)
    return path
