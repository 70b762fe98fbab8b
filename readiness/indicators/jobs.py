"""Data imports run in the background: the files wait in the uploads storage
(`imports/<job>/`, in the data directory or the bucket) and a worker (`readiness worker`)
reads and stores them.

Reading and computing touch nothing, and report how many files are read; the import is
stored with the job's link to it in one transaction (`services.store_import`), so a worker
killed while reading leaves nothing, and one killed after storing leaves the link that tells
the next run there is nothing more to do. Either way the end state is one clean run's.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django_tasks import task

from readiness.lib.jobs import describe, forget_files, keep_files, kept_bytes, run, set_progress
from readiness.reviews.models import Review

from .domain.imports import ImportFileError
from .models import ImportJob
from .services import read_import, store_import

FOLDER = "imports"  # in the uploads storage


def start_import_job(
    review: Review, kind: str, uploads: list[UploadedFile], *, user: AbstractBaseUser | None
) -> ImportJob:
    """Keep the files (numbered: their names are untrusted) and queue the job."""
    job = ImportJob.objects.create(review=review, kind=kind, created_by=user)
    stored = keep_files(FOLDER, job.id, uploads)
    job.uploads = stored
    job.total = len(stored) + 1  # each file read, then the values stored
    job.save(update_fields=["uploads", "total"])
    import_upload.enqueue(job.id)
    return job


@task()
def import_upload(job_id: int) -> None:
    """The queued task: only finds the job and runs it."""
    run_job(ImportJob.objects.select_related("review", "created_by").get(id=job_id))


def run_job(job: ImportJob) -> None:
    if run(job, _import, reason=_reason):
        forget_files(FOLDER, job.id, [stored for stored, _ in job.uploads])


def _import(job: ImportJob) -> None:
    if job.data_import_id is not None:
        return  # stored by a worker that died before it could say so
    files = {name: kept_bytes(FOLDER, job.id, stored) for stored, name in job.uploads}
    total = len(job.uploads) + 1
    computed = read_import(job.kind, files, progress=lambda read: set_progress(job, read, total))
    set_progress(job, len(job.uploads), total)
    with transaction.atomic():
        job.data_import = store_import(
            job.review, computed, job.created_by, ", ".join(sorted(files))
        )
        set_progress(job, total, total, "data_import")


def _reason(error: Exception) -> str:
    if isinstance(error, ImportFileError):
        said = str(error).rstrip()
    elif isinstance(error, FileNotFoundError):
        said = (
            "The uploaded files were no longer where uploads wait for the worker "
            f"({error.filename or error}): upload them again"
        )
    else:
        said = describe(error)
    stop = "" if said.endswith((".", "!", "?")) else "."
    return f"{said}{stop} Nothing was imported."
