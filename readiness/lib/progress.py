"""A plain progress bar for long commands, written to a terminal stream."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30):
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.perf_counter()
        self.interactive = self.stream.isatty()
        self.last_line = 0.0

    def __call__(self, done: int, total: int, item: str = "") -> None:
        now = time.perf_counter()
        finished = done >= total
        # On a terminal redraw in place; in a log, a line every few seconds.
        if not self.interactive and not finished and now - self.last_line < 5:
            return
        self.last_line = now
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = now - self.started
        line = f"{self.label} [{bar}] {done}/{total} {elapsed:.0f}s {item[-40:]}"
        if self.interactive:
            self.stream.write("\r" + line.ljust(120))
            if finished:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
