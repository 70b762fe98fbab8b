"""A data import run in the background: its page while it waits and reads, who may see it,
and a task run again (a worker that died) ending as one clean run."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from readiness.indicators.jobs import FOLDER, import_upload, start_import_job
from readiness.indicators.models import DataImport, ImportJob, IndicatorValue
from readiness.lib.jobs import job_storage

from .test_indicator_views import TABLE, upload

pytestmark = pytest.mark.django_db


def _page(review, job):
    return reverse("indicators:import-job", args=[review.id, job.id])


def _row(key: str, value: str) -> str:
    return f'<dd class="govuk-summary-list__value" id="{key}">{value}</dd>'


def test_an_import_waiting_for_a_worker_says_so_and_is_listed(as_lead, lead, review):
    job = ImportJob.objects.create(
        review=review, kind="ssda903", created_by=lead, uploads=[["0001", "header.csv"]]
    )
    html = as_lead.get(_page(review, job)).content.decode()
    assert _row("job-status", "Waiting for a worker") in html
    assert _row("job-progress", "Not started") in html
    assert "Reload to see how far it has got" in html
    assert "header.csv" in html
    imports = as_lead.get(reverse("indicators:imports", args=[review.id])).content.decode()
    assert f'href="{_page(review, job)}">SSDA903 return, ' in imports


def test_an_import_under_way_shows_its_progress(as_lead, lead, review):
    job = ImportJob.objects.create(
        review=review, kind="ssda903", created_by=lead, status=ImportJob.RUNNING, total=6, done=3
    )
    html = as_lead.get(_page(review, job)).content.decode()
    assert _row("job-status", "Being read") in html
    assert _row("job-progress", "3 of 6") in html
    assert '<progress id="job-progress-bar" max="6" value="3">3 of 6</progress>' in html


def test_reading_reports_each_file_then_the_store(lead, review, monkeypatch):
    seen = []
    original = ImportJob.save

    def spy(self, *args, **kwargs):
        if kwargs.get("update_fields") and "done" in kwargs["update_fields"]:
            seen.append((self.done, self.total))
        original(self, *args, **kwargs)

    files = [SimpleUploadedFile(name, TABLE.encode()) for name in ("a.csv", "b.csv", "c.csv")]
    monkeypatch.setattr(ImportJob, "save", spy)
    job = start_import_job(review, "table", files, user=lead)
    job.refresh_from_db()
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert (job.status, job.done, job.total) == ("done", 4, 4)
    assert job.data_import.file_name == "a.csv, b.csv, c.csv"
    assert not job_storage().exists(f"{FOLDER}/{job.id}")  # the waiting files went


def test_a_task_run_again_after_the_store_imports_nothing_twice(lead, review):
    job = start_import_job(
        review, "table", [SimpleUploadedFile("figures.csv", TABLE.encode())], user=lead
    )
    # As a worker killed between storing and saying so leaves it.
    ImportJob.objects.filter(id=job.id).update(status=ImportJob.RUNNING, finished_at=None)
    import_upload.enqueue(job.id)
    job.refresh_from_db()
    assert job.status == "done"
    assert DataImport.objects.count() == 1
    assert IndicatorValue.objects.count() == 2
    # And a finished job's task, run once more, does nothing at all.
    import_upload.enqueue(job.id)
    assert DataImport.objects.count() == 1


def test_the_lead_sees_a_contributor_s_import_and_the_contributor_only_their_own(
    as_lead, as_contributor, as_reviewer, review
):
    upload(as_contributor, review)
    upload(as_lead, review, name="other.csv")
    theirs, leads = ImportJob.objects.order_by("id")
    assert as_lead.get(_page(review, theirs)).status_code == 302  # on to the quality report
    assert as_reviewer.get(_page(review, theirs)).status_code == 302
    assert as_contributor.get(_page(review, theirs)).status_code == 200
    assert as_contributor.get(_page(review, leads)).status_code == 404


def test_an_outsider_gets_404_and_a_viewer_is_refused(as_lead, as_outsider, as_viewer, review):
    upload(as_lead, review)
    job = ImportJob.objects.get()
    assert as_outsider.get(_page(review, job)).status_code == 404
    assert as_viewer.get(_page(review, job)).status_code == 403


def test_a_job_of_another_review_is_not_found(as_lead, review, outsider):
    other = outsider.memberships.get().review
    job = ImportJob.objects.create(review=other, kind="table", created_by=outsider)
    assert as_lead.get(_page(review, job)).status_code == 404


def test_files_gone_from_the_data_directory_fail_with_the_reason(as_lead, lead, review):
    job = ImportJob.objects.create(
        review=review, kind="table", created_by=lead, uploads=[["0001", "figures.csv"]]
    )
    import_upload.enqueue(job.id)
    job.refresh_from_db()
    missing = job_storage().path(f"{FOLDER}/{job.id}/0001")
    assert (job.status, job.failure) == (
        "failed",
        f"The uploaded files were no longer where uploads wait for the worker ({missing}): "
        "upload them again. Nothing was imported.",
    )
    assert not DataImport.objects.exists()
