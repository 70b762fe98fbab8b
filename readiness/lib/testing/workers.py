"""Real workers for tests: `readiness worker` started as its own process on a file database
under a data directory, so a test can kill it as the operating system would."""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment without any Readiness setting, on DATA_DIR's database."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("READINESS_") and name != "DATABASE_URL"
    }
    env.update(
        READINESS_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="readiness.settings",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


_migrated: list[Path] = []


def empty_installation(data_dir: Path) -> None:
    """A migrated installation in DATA_DIR (made if missing): migrated once per test run (a
    fresh SQLite database takes seven seconds to migrate), then copied. For tests of other
    processes on installations of their own; `readiness migrate` itself is tested where the
    documented commands run."""
    if not _migrated:
        template = Path(tempfile.mkdtemp(prefix="readiness-installation-"))
        atexit.register(shutil.rmtree, template, ignore_errors=True)
        subprocess.run(
            [sys.executable, "-m", "readiness", "migrate", "--verbosity", "0"],
            env=environment(template),
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        _migrated.append(template)
    shutil.copytree(_migrated[0], data_dir, dirs_exist_ok=True)


def setup(data_dir: Path, script: str, *args: str) -> str:
    """Run SCRIPT (Python, Django set up) in a process of its own against a migrated
    installation in DATA_DIR; its standard output."""
    empty_installation(data_dir)
    done = subprocess.run(
        [sys.executable, "-c", "import django\ndjango.setup()\n" + script, *args],
        env=environment(data_dir),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def start_worker(
    data_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.Popen:
    """`readiness worker` polling every tenth of a second (EXTRA: more options, `--batch` to
    stop when the queue is empty)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "readiness",
            "worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.1",
            *extra,
        ],  # fmt: skip
        env=env or environment(data_dir),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def query(data_dir: Path, sql: str) -> list[tuple]:
    """Rows of the installation's SQLite database, read as another process would."""
    with sqlite3.connect(data_dir / "readiness.sqlite3", timeout=20) as database:
        return database.execute(sql).fetchall()
