"""Evidence work in the background. Uploads: the files wait in the "uploads" storage (a
folder of the data directory, or the evidence bucket: see storage.py) and a worker
(`readiness worker`) ingests them one by one.

Each file's documents, sources or rejection and the job's progress are saved in one
transaction, so a worker killed part-way leaves the job exactly where its last whole file
ended, and the next worker goes on from there: the end state is one clean run's.
Realignment goes the same way, one document at a time in the order of their ids.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from contextlib import ExitStack, suppress
from dataclasses import asdict
from pathlib import Path
from typing import BinaryIO

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django_tasks import task

from readiness.lib.jobs import describe, run, set_progress
from readiness.reviews.models import Agency, Review

from .alignment import realign_review
from .ingest import Ingester, IngestReport, uploaded_files
from .models import EvidenceDocument, IngestJob, RealignJob
from .storage import upload_storage


def upload_name(job_id: int, stored: str) -> str:
    """Where one waiting file of a job is kept in the uploads storage."""
    return f"{job_id}/{stored}"


def start_upload_job(
    review: Review,
    uploads: list[UploadedFile],
    *,
    user: AbstractBaseUser | None = None,
    agency: Agency | None = None,
) -> IngestJob:
    """Keep the uploads for the worker (numbered: their names are untrusted) and queue the
    job. Django has already streamed each to a temporary file, copied on in chunks."""
    job = IngestJob.objects.create(review=review, agency=agency, created_by=user)
    waiting = upload_storage()
    stored = []
    for number, upload in enumerate(uploads, start=1):
        name = f"{number:04d}"
        waiting.save(upload_name(job.id, name), upload)
        stored.append([name, upload.name])
    job.uploads = stored
    job.save(update_fields=["uploads"])
    ingest_upload.enqueue(job.id)
    return job


@task()
def ingest_upload(job_id: int) -> None:
    """The queued task: only finds the job and runs it."""
    run_job(IngestJob.objects.select_related("review", "agency", "created_by").get(id=job_id))


def report_of(job: IngestJob) -> IngestReport:
    """The job's report so far, as the ingest's own object (its summary, its lists)."""
    saved = dict(job.report)
    saved["rejected"] = [tuple(pair) for pair in saved.get("rejected", [])]
    saved["removed"] = [tuple(pair) for pair in saved.get("removed", [])]
    return IngestReport(**saved)


def run_job(job: IngestJob) -> None:
    if not run(job, _ingest, reason=_reason):
        return
    # The documents keep their own copies (evidence storage); the waiting files can go.
    waiting = upload_storage()
    for stored, _ in job.uploads:
        waiting.delete(upload_name(job.id, stored))
    if isinstance(waiting, FileSystemStorage):
        with suppress(OSError):
            waiting.delete(str(job.id))  # the emptied folder (a bucket has none)


def _ingest(job: IngestJob) -> None:
    waiting = upload_storage()
    with ExitStack() as opened:
        work = Path(opened.enter_context(tempfile.TemporaryDirectory(prefix="readiness-job-")))
        uploads = [
            File(opened.enter_context(_local(waiting, job.id, stored, work)), name=name)
            for stored, name in job.uploads
        ]
        files = uploaded_files(uploads)
        ingester = Ingester(job.review, user=job.created_by, agency=job.agency)
        ingester.report = report_of(job)
        set_progress(job, job.done, total=len(files))
        for number, incoming in enumerate(files[job.done :], start=job.done + 1):
            started = time.perf_counter()
            with transaction.atomic():
                ingester.ingest_one(incoming)
                ingester.report.seconds += time.perf_counter() - started
                job.report = asdict(ingester.report)
                set_progress(job, number, None, "report")


def _local(waiting: Storage, job_id: int, stored: str, work: Path) -> BinaryIO:
    """A waiting file open for reading: where it is in the data directory, or fetched from
    a bucket into the job's temporary folder first, one at a time, so that a job of 500
    files never holds them all in memory."""
    name = upload_name(job_id, stored)
    try:
        return open(waiting.path(name), "rb")
    except NotImplementedError:
        pass
    target = work / stored
    with waiting.open(name, "rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out, 1024 * 1024)
    return target.open("rb")


def _reason(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return (
            "The uploaded files were no longer where uploads wait for the worker "
            f"({error.filename or error}): upload them again."
        )
    return describe(error)


def start_realign_job(review: Review, *, user: AbstractBaseUser | None = None) -> RealignJob:
    """Queue a realignment, or give the one already waiting or under way: two at once would
    rewrite the same suggestions side by side."""
    with transaction.atomic():
        Review.objects.select_for_update().filter(id=review.id).first()  # one asker at a time
        waiting = RealignJob.objects.filter(
            review=review, status__in=(RealignJob.QUEUED, RealignJob.RUNNING)
        ).first()
        if waiting is not None:
            return waiting
        job = RealignJob.objects.create(review=review, created_by=user)
    realign_evidence.enqueue(job.id)
    return job


@task()
def realign_evidence(job_id: int) -> None:
    """The queued task: only finds the job and runs it."""
    run(RealignJob.objects.select_related("review").get(id=job_id), _realign)


def _realign(job: RealignJob) -> None:
    if not job.total:  # counted once: a run going on keeps the first run's count
        set_progress(job, 0, EvidenceDocument.objects.filter(review=job.review).count())

    def saved(document: EvidenceDocument) -> None:
        job.last_document_id = document.id
        set_progress(job, job.done + 1, max(job.total, job.done + 1), "last_document_id")

    realign_review(job.review, after=job.last_document_id, on_document=saved)
