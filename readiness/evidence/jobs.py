"""Evidence work in the background. Uploads: the files wait in a job folder under the data
directory and a worker (`readiness worker`) ingests them one by one.

Each file's documents, sources or rejection and the job's progress are saved in one
transaction, so a worker killed part-way leaves the job exactly where its last whole file
ended, and the next worker goes on from there: the end state is one clean run's.
Realignment goes the same way, one document at a time in the order of their ids.
"""

from __future__ import annotations

import shutil
import time
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django_tasks import task

from readiness.lib.jobs import describe, run, set_progress
from readiness.lib.jobs import job_folder as lib_job_folder
from readiness.reviews.models import Agency, Review

from .alignment import realign_review
from .ingest import Ingester, IngestReport, uploaded_files
from .models import EvidenceDocument, IngestJob, RealignJob


def job_folder(job_id: int) -> Path:
    return lib_job_folder("uploads", job_id)


def start_upload_job(
    review: Review,
    uploads: list[UploadedFile],
    *,
    user: AbstractBaseUser | None = None,
    agency: Agency | None = None,
) -> IngestJob:
    """Keep the uploads in a job folder (numbered: their names are untrusted) and queue the
    job. Django has already streamed each to a temporary file, copied here in chunks."""
    job = IngestJob.objects.create(review=review, agency=agency, created_by=user)
    folder = job_folder(job.id)
    folder.mkdir(parents=True, exist_ok=True)
    stored = []
    for number, upload in enumerate(uploads, start=1):
        name = f"{number:04d}"
        with open(folder / name, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
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
    if run(job, _ingest, reason=_reason):
        # The documents keep their own copies (evidence storage); the waiting files can go.
        shutil.rmtree(job_folder(job.id), ignore_errors=True)


def _ingest(job: IngestJob) -> None:
    folder = job_folder(job.id)
    with ExitStack() as opened:
        uploads = [
            File(opened.enter_context(open(folder / stored, "rb")), name=name)
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


def _reason(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return (
            "The uploaded files were no longer in the data directory "
            f"({error.filename}): upload them again."
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
