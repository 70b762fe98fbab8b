"""A case list imported in the background (`readiness worker`): the file waits in the uploads
storage (`case-lists/<job>/`); every row is checked, then the cases and the job's counts are
stored in one transaction. A run after a worker died reads again, or, when the cases were
stored, sees that its last step is done and stops: the end state is one clean run's."""

from __future__ import annotations

import tempfile

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django_tasks import task

from readiness.lib.jobs import describe, forget_files, keep_files, kept_bytes, run, set_progress
from readiness.lib.text import plural
from readiness.reviews.models import Review

from . import services
from .access import log_view
from .domain.annex import rows_from_annex_a
from .domain.caselist import CaseListError, CaseRow, read_case_list
from .models import CaseImportJob

FOLDER = "case-lists"  # in the uploads storage
STEPS = 2  # every row read and checked; the cases stored


def start_case_import(
    review: Review,
    upload: UploadedFile,
    *,
    annex_a: bool = False,
    replace: bool = False,
    user: AbstractBaseUser | None = None,
) -> CaseImportJob:
    job = CaseImportJob.objects.create(
        review=review, file_name=upload.name[:300], annex_a=annex_a, replace=replace,
        created_by=user, total=STEPS,
    )  # fmt: skip
    keep_files(FOLDER, job.id, [upload])  # as 0001: its name is untrusted, kept on the row
    import_case_list.enqueue(job.id)
    return job


@task()
def import_case_list(job_id: int) -> None:
    """The queued task: only finds the job and runs it."""
    job = CaseImportJob.objects.select_related("review", "created_by").get(id=job_id)
    if run(job, _import, reason=_reason):
        forget_files(FOLDER, job.id, ["0001"])


def _import(job: CaseImportJob) -> None:
    if job.done == STEPS:
        return  # stored by a worker that died before it could say so
    set_progress(job, 0, STEPS)
    data = kept_bytes(FOLDER, job.id, "0001")
    try:
        rows = (
            _annex_a_rows(data, job.file_name)
            if job.annex_a
            else read_case_list(data, job.file_name)
        )
    except CaseListError as error:
        job.problems = list(error.problems)
        job.save(update_fields=["problems"])
        raise
    set_progress(job, 1)
    with transaction.atomic():
        job.added, job.updated = services.import_cases(job.review, rows, job.replace)
        job.rows = len(rows)
        set_progress(job, STEPS, STEPS, "added", "updated", "rows")
    if job.created_by is not None:
        log_view(job.created_by, job.review, "case list imported", rows=len(rows))


def _annex_a_rows(data: bytes, name: str) -> list[CaseRow]:
    # The Annex A reader opens a path; the file goes through a private temporary file.
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
        handle.write(data)
        handle.flush()
        return rows_from_annex_a(handle.name, name)


def _reason(error: Exception) -> str:
    if isinstance(error, CaseListError):
        return f"Nothing was imported: {plural(len(error.problems), 'problem')} in the file."
    if isinstance(error, FileNotFoundError):
        return "The uploaded file was no longer where uploads wait for the worker: upload it again."
    return f"{describe(error)}. Nothing was imported."
