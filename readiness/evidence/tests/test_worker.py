"""A real worker (`readiness worker`) on a SQLite file database: killed with SIGKILL in the
middle of an upload's ingest, then another started, ends where one clean run ends."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from readiness.lib.testing.workers import environment, query, setup, start_worker

SETUP = """
import sys
from pathlib import Path

from django.core.files import File
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


def _job(data_dir: Path) -> tuple[str, int, int]:
    return query(data_dir, "SELECT status, done, total FROM evidence_ingestjob")[0]


def _end_state(data_dir: Path) -> dict:
    (report,) = query(data_dir, "SELECT report FROM evidence_ingestjob")[0]
    report = json.loads(report)
    del report["seconds"]
    return {
        "job": _job(data_dir),
        "report": report,
        "documents": query(
            data_dir,
            "SELECT id, title, content_hash, stored_name FROM evidence_evidencedocument "
            "ORDER BY id",
        ),
        "sources": query(
            data_dir, "SELECT document_id, path FROM evidence_documentsource ORDER BY path"
        ),
        "rejected": query(data_dir, "SELECT path, reason FROM evidence_rejectedfile"),
        "passages": query(data_dir, "SELECT count(*) FROM evidence_passage"),
        "alignments": query(
            data_dir,
            "SELECT document_id, line_of_enquiry_id FROM evidence_alignment ORDER BY 1, 2",
        ),
        "tasks": query(data_dir, "SELECT status FROM django_tasks_database_dbtaskresult"),
        "waiting files": (data_dir / "uploads").exists() and any((data_dir / "uploads").rglob("*")),
    }


def test_a_worker_killed_mid_job_and_started_again_ends_as_one_clean_run(tmp_path):
    _evidence(tmp_path / "evidence", 24)
    killed = tmp_path / "killed"
    setup(killed, SETUP, str(tmp_path / "evidence"))
    clean = tmp_path / "clean"
    shutil.copytree(killed, clean)  # the same installation, the same job queued

    worker = start_worker(killed)
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
    assert query(killed, "SELECT status FROM django_tasks_database_dbtaskresult") == [("RUNNING",)]

    again = start_worker(killed, "--batch")
    output, _ = again.communicate(timeout=180)
    assert again.returncode == 0, output
    assert "Put back on the queue 1 task left running by a worker that died." in output

    one_run = start_worker(clean, "--batch")
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

    from readiness.casework.jobs import start_case_import
    from readiness.casework.models import Case, CaseImportJob
    from readiness.evidence.jobs import start_realign_job, start_upload_job
    from readiness.evidence.models import IngestJob, RealignJob
    from readiness.indicators.jobs import start_import_job
    from readiness.indicators.models import DataImport, ImportJob, IndicatorValue
    from readiness.lib.testing.factories import AgencyFactory, ReviewFactory
    from readiness.reports.jobs import start_report_build
    from readiness.reports.models import ReportBuild

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
        # Another kind of task on the same queue: data imports, a period each.
        for year in range(2019, 2023):
            table = (
                f"indicator,period_end,value\nlac_health_assessments,{year}-03-31,{year - 1950}\n"
            )
            upload = SimpleUploadedFile(f"figures-{year}.csv", table.encode())
            start_import_job(review, "table", [upload], user=None)
        # And the other kinds: case lists, a realignment, a prepared report.
        for number in range(2):
            cases = f"case id,list\nC{number}a,CP\nC{number}b,CIN\n".encode()
            start_case_import(review, SimpleUploadedFile(f"cases-{number}.csv", cases))
        start_realign_job(review)
        start_report_build(review, "html")
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    env = environment(settings.DATA_DIR, DATABASE_URL=url)
    workers = [start_worker(settings.DATA_DIR, "--batch", env=env) for _ in range(3)]
    for worker in workers:
        output, _ = worker.communicate(timeout=240)
        assert worker.returncode == 0, output

    from django_tasks_db.models import DBTaskResult

    results = list(DBTaskResult.objects.values_list("status", "worker_ids"))
    assert [status for status, _ in results] == ["SUCCESSFUL"] * 16
    assert all(len(worker_ids) == 1 for _, worker_ids in results)  # claimed once each
    jobs = IngestJob.objects.order_by("id")
    assert [(job.status, job.done, job.report["added"]) for job in jobs] == [("done", 4, 2)] * 8
    imports = ImportJob.objects.order_by("id")
    assert [(job.status, job.data_import.values_stored) for job in imports] == [("done", 1)] * 4
    assert DataImport.objects.count() == 4
    assert sorted(IndicatorValue.objects.values_list("value", flat=True)) == [69, 70, 71, 72]
    lists = CaseImportJob.objects.order_by("id")
    assert [(job.status, job.added) for job in lists] == [("done", 2)] * 2
    assert Case.objects.count() == 4
    realigned = RealignJob.objects.get()
    assert (realigned.status, realigned.done) == ("done", realigned.total)
    assert ReportBuild.objects.get().status == "done"
