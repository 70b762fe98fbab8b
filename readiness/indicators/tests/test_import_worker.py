"""A real worker (`readiness worker`) on a SQLite file database, killed with SIGKILL while it
reads a data import, then another started: the end state is one clean run's."""

from __future__ import annotations

import json
import shutil
import signal
import time
from pathlib import Path

import pytest

from readiness.lib.testing.workers import query, setup, start_worker

pytestmark = pytest.mark.slow

SETUP = """
import sys
from pathlib import Path

from django.core.files import File
from readiness.indicators.jobs import start_import_job
from readiness.lib.testing.factories import ReviewFactory, UserFactory
review = ReviewFactory(name="Anytown import review", area="Anytown")
lead = UserFactory(username="lead")
files = [File(open(path, "rb"), name=path.name) for path in sorted(Path(sys.argv[1]).iterdir())]
print(start_import_job(review, "table", files, user=lead).id)
"""

FIGURES = (
    "indicator,period_end,value,numerator,denominator,england,target\n"
    "lac_health_assessments,2025-03-31,80,80,100,88,90\n"
    "lac_health_assessments,2026-03-31,91,91,100,89,90\n"
)


def _files(folder: Path) -> None:
    """A table of figures, then ten files of a council's local measures the library does not
    know (each row read, checked and reported): enough reading to be killed in the middle."""
    folder.mkdir()
    (folder / "figures.csv").write_text(FIGURES)
    rows = "".join(f"local_measure_{n % 50},2026-03-31,{n}\n" for n in range(20_000))
    for part in range(10):
        (folder / f"part-{part:02d}.csv").write_text("indicator,period_end,value\n" + rows)


def _job(data_dir: Path) -> tuple[str, int, int]:
    return query(data_dir, "SELECT status, done, total FROM indicators_importjob")[0]


def _end_state(data_dir: Path) -> dict:
    imports = query(
        data_dir,
        "SELECT kind, file_name, records_read, records_left_out, records_corrected, "
        "values_stored, summary, quality FROM indicators_dataimport",
    )
    return {
        "job": _job(data_dir),
        "imports": [(*row[:-1], json.loads(row[-1])) for row in imports],
        "linked": query(
            data_dir,
            "SELECT count(*) FROM indicators_importjob j JOIN indicators_dataimport d "
            "ON j.data_import_id = d.id",
        ),
        "values": query(
            data_dir,
            "SELECT indicator, period_end, numerator, denominator, value "
            "FROM indicators_indicatorvalue ORDER BY 1, 2",
        ),
        "comparators": query(
            data_dir,
            "SELECT indicator, kind, period_end, value FROM indicators_comparator ORDER BY 1, 2, 3",
        ),
        "changes": query(
            data_dir,
            "SELECT indicator, kind, period_end, old_value, new_value, via "
            "FROM indicators_comparatorchange ORDER BY 1, 2, 3",
        ),
        "tasks": query(data_dir, "SELECT status FROM django_tasks_database_dbtaskresult"),
        "waiting files": any((data_dir / "uploads" / "imports").rglob("*")),
    }


def test_a_worker_killed_mid_import_and_started_again_ends_as_one_clean_run(tmp_path):
    _files(tmp_path / "files")
    killed = tmp_path / "killed"
    setup(killed, SETUP, str(tmp_path / "files"))
    clean = tmp_path / "clean"
    shutil.copytree(killed, clean)  # the same installation, the same import queued

    worker = start_worker(killed)
    deadline = time.monotonic() + 120
    while _job(killed)[1] < 3:
        assert worker.poll() is None, worker.stdout.read()
        assert time.monotonic() < deadline, "the worker never started the import"
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    status, done, total = _job(killed)
    assert (status, total) == ("running", 12)
    assert 3 <= done < 11  # killed while reading, before the store
    assert query(killed, "SELECT count(*) FROM indicators_dataimport") == [(0,)]
    assert query(killed, "SELECT status FROM django_tasks_database_dbtaskresult") == [("RUNNING",)]

    again = start_worker(killed, "--batch")
    one_run = start_worker(clean, "--batch")  # side by side: separate installations
    output, _ = again.communicate(timeout=180)
    assert again.returncode == 0, output
    assert "Put back on the queue 1 task left running by a worker that died." in output
    output, _ = one_run.communicate(timeout=180)
    assert one_run.returncode == 0, output

    end = _end_state(killed)
    assert end == _end_state(clean)
    assert end["job"] == ("done", 12, 12)
    assert end["linked"] == [(1,)]
    (imported,) = end["imports"]
    assert imported[:6] == (
        "table", "figures.csv, part-00.csv, part-01.csv, part-02.csv, part-03.csv, part-04.csv, "
        "part-05.csv, part-06.csv, part-07.csv, part-08.csv, part-09.csv",
        200_002, 200_000, 0, 2,
    )  # fmt: skip
    assert imported[7]["counts_by_reason"] == {"unknown indicator": 200_000}
    assert end["values"] == [
        ("lac_health_assessments", "2025-03-31", 80.0, 100.0, 80.0),
        ("lac_health_assessments", "2026-03-31", 91.0, 100.0, 91.0),
    ]
    assert len(end["comparators"]) == len(end["changes"]) == 4
    assert end["tasks"] == [("SUCCESSFUL",)]
    assert end["waiting files"] is False
