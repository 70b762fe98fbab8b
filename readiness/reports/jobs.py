"""The report built in the background: a worker reads the review, checks and draws the
report, and keeps the file in the storage jobs share (`readiness worker`).

The file is stored whole, so a worker killed part-way leaves either no file or a whole one,
and the next run writes the same file again: the end state is one clean run's.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django_tasks import task

from readiness.lib.jobs import describe, job_storage, run, set_progress
from readiness.reviews.models import Review

from .domain.check import ReportCheckError
from .domain.word import TemplateError, check_template
from .models import ReportBuild
from .services import FORMATS, render, report_document, stored_template

KEPT = 5  # prepared reports kept per review, newest first


def kept_name(build: ReportBuild) -> str:
    """The prepared file's name in the storage jobs share (job_storage)."""
    return f"reports/{build.id}.{FORMATS[build.fmt][1]}"


def start_report_build(
    review: Review, fmt: str, *, annex: bool = True, user: AbstractBaseUser | None = None
) -> ReportBuild:
    build = ReportBuild.objects.create(
        review=review, fmt=fmt, annex=annex, created_by=user, total=ReportBuild.STEPS
    )
    build_report_file.enqueue(build.id)
    return build


@task()
def build_report_file(build_id: int) -> None:
    """The queued task: only finds the build and runs it."""
    run(ReportBuild.objects.select_related("review").get(id=build_id), _build, reason=_reason)


def _build(build: ReportBuild) -> None:
    template = stored_template(build.review) if build.fmt == "docx" else None
    if template is not None:
        check_template(template)
    set_progress(build, 0, ReportBuild.STEPS)
    built = report_document(build.review, annex=build.annex)
    if built.problems:
        raise ReportCheckError(built.problems)
    set_progress(build, 1)
    data = render(built.document, build.fmt, template)
    set_progress(build, 2)
    # Written whole (the data directory's storage renames a finished file into place; a
    # bucket's object appears whole), over the same name on a second run.
    job_storage().save(kept_name(build), ContentFile(data))
    build.size = len(data)
    set_progress(build, ReportBuild.STEPS, None, "size")
    _forget_older(build)


def _forget_older(build: ReportBuild) -> None:
    """Keep the files of the review's newest builds only: each is a whole report, and the
    page lists only the newest (KEPT) anyway."""
    older = ReportBuild.objects.filter(review=build.review).order_by("-created_at", "-id")[KEPT:]
    for old in older:
        job_storage().delete(kept_name(old))
        old.delete()


def _reason(error: Exception) -> str:
    if isinstance(error, ReportCheckError):
        return "The report check found problems to put right first: " + "; ".join(
            str(problem) for problem in error.problems
        )
    if isinstance(error, TemplateError):
        return str(error)
    return describe(error)
