"""What every piece of background work shares: a job row that a page reads after a reload.

A job is queued by a view, run by a worker (`readiness worker`, readiness/lib/tasks.py) and
left done or failed with its reason. Each app keeps its own job model (an upload's files,
an import's kind, a report's format) on this abstract base, and its task is a thin wrapper
that finds the row and calls `run`. The work must be safe to run again: a worker that dies
leaves its job running, and the next worker starts the task again from the beginning, so
the work itself goes on from what its last transaction stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import TypeVar

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.utils import timezone


class Job(models.Model):
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [
        (QUEUED, "Waiting for a worker"),
        (RUNNING, "Being checked"),
        (DONE, "Finished"),
        (FAILED, "Stopped with an error"),
    ]

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failure = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    @property
    def finished(self) -> bool:
        return self.status in (self.DONE, self.FAILED)

    @property
    def under_way(self) -> bool:
        return not self.finished


J = TypeVar("J", bound=Job)


def job_storage() -> Storage:
    """Where jobs keep their files: the "uploads" storage (a folder of the data directory, or
    the bucket), which every web server and worker of the installation shares."""
    return storages["uploads"]


def keep_files(kind: str, job_id: int, uploads: Iterable[File]) -> list[list[str]]:
    """Keep UPLOADS for the worker, numbered (their names are untrusted) under KIND/JOB_ID/;
    the pairs [stored name, name given] to record on the job."""
    storage, kept = job_storage(), []
    for number, upload in enumerate(uploads, start=1):
        stored = f"{number:04d}"
        storage.save(f"{kind}/{job_id}/{stored}", upload)
        kept.append([stored, upload.name])
    return kept


def kept_bytes(kind: str, job_id: int, stored: str) -> bytes:
    with job_storage().open(f"{kind}/{job_id}/{stored}", "rb") as kept:
        return kept.read()


def forget_files(kind: str, job_id: int, stored: Iterable[str]) -> None:
    """Delete a finished job's waiting files (and, in the data directory, their folder)."""
    storage = job_storage()
    for name in stored:
        storage.delete(f"{kind}/{job_id}/{name}")
    if isinstance(storage, FileSystemStorage):
        with suppress(OSError):
            storage.delete(f"{kind}/{job_id}")


def set_progress(job: Job, done: int, total: int | None = None, *also: str) -> None:
    """Store how far the job has got (and the fields named in ALSO). Called inside the
    transaction that stores the work done so far, the progress and the work never disagree."""
    job.done = done
    if total is not None:
        job.total = total
    job.save(update_fields=["done", "total", *also])


def describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


def run(job: J, work: Callable[[J], None], reason: Callable[[Exception], str] = describe) -> bool:
    """Run WORK on JOB once: a finished job is left alone (a task run twice does nothing the
    second time). A failure is stored with REASON's words for it and raised again, so the
    queue shows the task failed too. True when the work ran to the end."""
    if job.finished:
        return False
    job.status = Job.RUNNING
    job.save(update_fields=["status"])
    try:
        work(job)
    except Exception as error:
        job.status, job.finished_at, job.failure = Job.FAILED, timezone.now(), reason(error)
        job.save(update_fields=["status", "finished_at", "failure"])
        raise
    job.status, job.finished_at = Job.DONE, timezone.now()
    job.save(update_fields=["status", "finished_at"])
    return True
