"""Who used the cores during a load test run (bench/load_test.py): our processes by group,
read from /proc, and the machine as a whole, so that results from a shared machine say how
much of it the service had."""

from __future__ import annotations

import os
from pathlib import Path


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def cpu_seconds(pid: int) -> float:
    """A process's own CPU time so far (user and system), 0 once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_jiffies() -> tuple[int, int]:
    """(busy, all) ticks of every core since boot, from /proc/stat."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return 0, 0
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle, sum(values)


class CpuSampler:
    """CPU seconds used during a run by each group of our processes, sampled every second
    so that a database connection opened and closed within the run is counted too."""

    def __init__(self, processes, database_url: str) -> None:
        import psycopg

        self.processes = processes  # (database connection) -> {group: pids}
        self.connection = psycopg.connect(database_url, autocommit=True)
        self.first: dict[int, float] = {}
        self.last: dict[int, tuple[str, float]] = {}
        self.sample(at_start=True)

    def sample(self, at_start: bool = False) -> None:
        for group, pids in self.processes(self.connection).items():
            for pid in pids:
                used = cpu_seconds(pid)
                # Born during the run: everything it used was used in the run.
                self.first.setdefault(pid, used if at_start else 0.0)
                if used:
                    self.last[pid] = (group, used)

    def totals(self) -> dict[str, float]:
        self.sample()
        self.connection.close()
        totals: dict[str, float] = {}
        for pid, (group, used) in self.last.items():
            totals[group] = totals.get(group, 0.0) + used - self.first[pid]
        return totals
