"""Where the development data lives (`../shared/data`, beside the repository), for tests and
benchmarks only: the product never reads it. A clean clone elsewhere has none, so every test
that needs it is skipped with a reason that starts with SKIP_REASON, and the test run lists
those skips in a banner at its end (conftest.py) rather than passing quietly."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

REPOSITORY = Path(__file__).resolve().parents[3]
SHARED_DATA = Path(os.getenv("READINESS_SHARED_DATA") or REPOSITORY.parent / "shared" / "data")
SKIP_REASON = "needs ../shared/data"


def shared_data(*parts: str) -> Path:
    """A path under the shared data folder (which may not exist)."""
    return SHARED_DATA.joinpath(*parts)


def needs_shared_data(*parts: str) -> pytest.MarkDecorator:
    """Skip the test when `shared_data(*parts)` is absent, saying which path was missing."""
    import pytest  # here, so the benchmarks can use this module without the test packages

    path = shared_data(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{SKIP_REASON}: {path} is absent")
