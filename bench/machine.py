"""The machine a benchmark ran on, for its results file."""

import os
import platform
from datetime import UTC, datetime


def _now() -> datetime:
    """The machine's clock, even inside a benchmark that fixed its own today (time-machine)."""
    try:
        from time_machine import escape_hatch
    except ImportError:
        return datetime.now(UTC)
    if not escape_hatch.is_travelling():
        return datetime.now(UTC)
    return escape_hatch.datetime.datetime.now(UTC)


def describe() -> str:
    memory = "unknown"
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return (
        f"- When: {_now():%Y-%m-%d %H:%M} UTC\n"
        f"- Machine: {os.cpu_count()} cores, {memory} RAM, {platform.machine()}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}\n"
    )
