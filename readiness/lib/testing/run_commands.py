"""Run several `readiness …` command lines in one process, for tests that would otherwise
start Python and Django once per line: JSON list of command lines on standard input, JSON
list of {"status", "stdout", "stderr"} on standard output. Each line goes through
`readiness.cli.main` exactly as the console script sends it. Pipes are not understood: a
test runs such a line through a shell of its own.

    echo '["readiness review list"]' | python -m readiness.lib.testing.run_commands
"""

from __future__ import annotations

import contextlib
import io
import json
import shlex
import sys


def run_line(line: str) -> dict[str, object]:
    from readiness.cli import main

    words = shlex.split(line)
    if words[:1] != ["readiness"]:
        raise ValueError(f"not a readiness command: {line}")
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    status: object = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(words[1:])
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else (1 if exit_.code else 0)
    out.flush()
    return {
        "status": status,
        "stdout": out.buffer.getvalue().decode("utf-8"),
        "stderr": err.getvalue(),
    }


if __name__ == "__main__":
    lines = json.load(sys.stdin)
    results = [run_line(line) for line in lines]
    sys.__stdout__.write(json.dumps(results))
