"""A real worker (`readiness worker`) on a SQLite file database: killed with SIGKILL in the
middle of an upload's ingest, then another started, ends where one clean run ends."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files import File

ROOT = Path(__file__).resolve().parents[3]

SETUP = """
import django, sys
from pathlib import Path

import pytest
from django.core.files import File
django.setup()
from django.core.files import File
from django.core.management import call_command
call_command("migrate", verbosity=0)
from readiness.evidence.jobs import start_upload_job
from readiness.lib.testing.factories import AgencyFactory, ReviewFactory, UserFactory
review = ReviewFactory(name="Anytown worker review", area="Anytown")
police = AgencyFactory(review=review, name="Anyshire Police")
lead = UserFactory(username="lead")
files = sorted(Path(sys.argv[1]).iterdir())
opened = [File(open(path, "rb"), name=path.name) for path in files]
print(start_upload_job(review, opened, user=lead, agency=police).id)
"""

TOPICS = [
    "missing from home and care return interviews",
    "private fostering notifications and visits",
    "care leavers' accommodation and staying put",
    "strategy discussions for children at risk of exploitation",
    "early help assessments and step-down from social care",
    "disabled children's short breaks and transition planning",
    "children in need visits and supervision",
    "adoption matching and support after the order",
]


def _evidence(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        topic = TOPICS[number % len(TOPICS)]
        lines = [f"# Audit {number}: {topic}", ""]
        for paragraph in range(30):
            lines.append(
                f"Paragraph {paragraph} of audit {number} looked at {topic}. Managers checked "
                f"that plans for case {number * 100 + paragraph} were reviewed on time, that the "
                "child's views were recorded and that partner agencies attended meetings."
            )
        (folder / f"audit-{number:02d}.md").write_text("\n\n".join(lines))
    (folder / "empty.pdf").write_bytes(b"")  # refused: "The file is empty."
    shutil.copy(folder / "audit-00.md", folder / "audit-00 copy.md")  # a second source


def _environment(data_dir: Path) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("READINESS_") and name != "DATABASE_URL"
    }
    env.update(
        READINESS_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="readiness.settings",
        PYTHONPATH=str(ROOT),
    )
    return env


def _worker(data_dir: Path, *extra: str) -> subprocess.Popen:
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
        env=_environment(data_dir),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _query(data_dir: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(data_dir / "readiness.sqlite3", timeout=20) as database:
        return database.execute(sql).fetchall()


def _job(data_dir: Path) -> tuple[str, int, int]:
    return _query(data_dir, "SELECT status, done, total FROM evidence_ingestjob")[0]


def _end_state(data_dir: Path) -> dict:
    (report,) = _query(data_dir, "SELECT report FROM evidence_ingestjob")[0]
    report = json.loads(report)
    del report["seconds"]
    return {
        "job": _job(data_dir),
        "report": report,
        "documents": _query(
            data_dir,
            "SELECT id, title, content_hash, stored_name FROM evidence_evidencedocument "
            "ORDER BY id",
        ),
        "sources": _query(
            data_dir, "SELECT document_id, path FROM evidence_documentsource ORDER BY path"
        ),
        "rejected": _query(data_dir, "SELECT path, reason FROM evidence_rejectedfile"),
        "passages": _query(data_dir, "SELECT count(*) FROM evidence_passage"),
        "alignments": _query(
            data_dir,
            "SELECT document_id, line_of_enquiry_id FROM evidence_alignment ORDER BY 1, 2",
        ),
        "tasks": _query(data_dir, "SELECT status FROM django_tasks_database_dbtaskresult"),
        "waiting files": (data_dir / "uploads").exists() and any((data_dir / "uploads").rglob("*")),
    }


def test_a_worker_killed_mid_job_and_started_again_ends_as_one_clean_run(tmp_path):
    _evidence(tmp_path / "evidence", 24)
    killed = tmp_path / "killed"
    subprocess.run(
        [sys.executable, "-c", SETUP, str(tmp_path / "evidence")],
        env=_environment(killed),
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    clean = tmp_path / "clean"
    shutil.copytree(killed, clean)  # the same installation, the same job queued

    worker = _worker(killed)
    deadline = time.monotonic() + 120
    while _job(killed)[1] < 3:
        assert worker.poll() is None, worker.stdout.read()
        assert time.monotonic() < deadline, "the worker never started the job"
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    status, done, total = _job(killed)
    assert (status, total) == ("running", 26)
    assert 3 <= done < total  # killed in the middle, not after the end
    assert _query(killed, "SELECT status FROM django_tasks_database_dbtaskresult") == [("RUNNING",)]

    again = _worker(killed, "--batch")
    output, _ = again.communicate(timeout=180)
    assert again.returncode == 0, output
    assert "Put back on the queue 1 task left running by a worker that died." in output

    one_run = _worker(clean, "--batch")
    output, _ = one_run.communicate(timeout=180)
    assert one_run.returncode == 0, output

    end = _end_state(killed)
    assert end == _end_state(clean)
    assert end["job"] == ("done", 26, 26)
    assert end["report"]["added"] == 24
    assert end["report"]["new_sources"] == 1
    assert end["rejected"] == [("empty.pdf", "The file is empty.")]
    assert len(end["documents"]) == 24
    assert end["tasks"] == [("SUCCESSFUL",)]
    assert end["waiting files"] is False


@pytest.mark.skipif(
    not os.getenv("DATABASE_URL", "").startswith("postgres"),
    reason="several workers share a queue on PostgreSQL (row locks); SQLite has one writer",
)
def test_several_workers_on_postgresql_never_do_a_task_twice(transactional_db, tmp_path, settings):
    from django.db import connection
    from django.test.utils import override_settings

    from readiness.evidence.jobs import start_upload_job
    from readiness.evidence.models import IngestJob
    from readiness.lib.testing.factories import AgencyFactory, ReviewFactory

    settings.DATA_DIR = tmp_path / "data"
    _evidence(tmp_path / "evidence", 2)
    review = ReviewFactory(name="Anytown worker review", area="Anytown")
    police = AgencyFactory(review=review, name="Anyshire Police")
    files = sorted((tmp_path / "evidence").iterdir())
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for number in range(8):
            # Each job's files differ, so each adds its own documents.
            for path in files:
                if path.suffix == ".md":
                    path.write_text(path.read_text() + f"\nJob {number}.")
            opened = [File(open(path, "rb"), name=path.name) for path in files]
            start_upload_job(review, opened, agency=police)
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    workers = []
    for _ in range(3):
        env = _environment(settings.DATA_DIR) | {"DATABASE_URL": url}
        workers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "readiness",
                    "worker",
                    "--no-reload",
                    "--batch",
                    "--no-startup-delay",
                    "--interval",
                    "0",
                ],  # fmt: skip
                env=env,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        )
    for worker in workers:
        output, _ = worker.communicate(timeout=240)
        assert worker.returncode == 0, output

    from django_tasks_db.models import DBTaskResult

    results = list(DBTaskResult.objects.values_list("status", "worker_ids"))
    assert [status for status, _ in results] == ["SUCCESSFUL"] * 8
    assert all(len(worker_ids) == 1 for _, worker_ids in results)  # claimed once each
    jobs = IngestJob.objects.order_by("id")
    assert [(job.status, job.done, job.report["added"]) for job in jobs] == [("done", 4, 2)] * 8
