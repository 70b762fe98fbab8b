"""Background jobs keep their files in the shared uploads storage: with READINESS_STORAGE=s3
(against moto's real S3 server), an import's and a case list's waiting files and a prepared
report live in the bucket and nowhere on the disk, so a worker or web server on another
machine reads them."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.urls import reverse

from readiness.casework.jobs import import_case_list, start_case_import
from readiness.casework.models import Case
from readiness.indicators.jobs import import_upload, start_import_job
from readiness.indicators.models import IndicatorValue
from readiness.lib.testing import s3
from readiness.reports.jobs import start_report_build

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(scope="module")
def endpoint():
    with s3.moto_server() as url:
        yield url


@pytest.fixture
def bucket(endpoint, settings, monkeypatch, tmp_path) -> str:
    settings.DATA_DIR = tmp_path / "data"
    return s3.use_new_bucket(endpoint, settings, monkeypatch, ("uploads",))


def test_waiting_files_are_in_the_bucket_until_the_worker_is_done(
    endpoint, bucket, review, lead, tmp_path
):
    table = b"indicator,period_end,value\nlac_health_assessments,2026-03-31,91\n"
    with override_settings(TASKS=QUEUE):  # queued, as for a worker on another machine
        figures = start_import_job(
            review, "table", [SimpleUploadedFile("figures.csv", table)], user=lead
        )
        cases = start_case_import(
            review, SimpleUploadedFile("cases.csv", b"case id,list\nA1,CP\n"), user=lead
        )
    assert s3.keys(endpoint, bucket) == [
        f"anytown/uploads/case-lists/{cases.id}/0001",
        f"anytown/uploads/imports/{figures.id}/0001",
    ]
    assert not (tmp_path / "data" / "uploads").exists()
    import_upload.call(figures.id)  # the worker's part
    import_case_list.call(cases.id)
    assert IndicatorValue.objects.get().value == 91
    assert Case.objects.get().case_id == "A1"
    assert s3.keys(endpoint, bucket) == []


def test_a_prepared_report_is_kept_in_the_bucket_and_downloaded_from_it(
    endpoint, bucket, review, lead, as_lead, tmp_path
):
    build = start_report_build(review, "html", user=lead)
    build.refresh_from_db()
    assert build.status == "done"
    assert s3.keys(endpoint, bucket) == [f"anytown/uploads/reports/{build.id}.html"]
    assert not (tmp_path / "data" / "uploads").exists()
    response = as_lead.get(reverse("reports:build-file", args=[review.id, build.id]))
    assert b"".join(response.streaming_content).startswith(b"<!DOCTYPE html>")
