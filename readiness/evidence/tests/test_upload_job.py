"""The page of an upload being ingested in the background: who may see it, how far it has got,
what it added and refused, and why it stopped when it failed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks import TaskResultStatus

from readiness.evidence.jobs import ingest_upload, upload_name
from readiness.evidence.models import EvidenceDocument, IngestJob
from readiness.evidence.storage import upload_storage

from .factories import CARE_LEAVERS, STRATEGY


@pytest.fixture(autouse=True)
def data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def _upload(client, review, *files, agency=None):
    data = {"files": list(files)}
    if agency is not None:
        data["agency"] = agency.id
    return client.post(reverse("evidence:upload", args=[review.id]), data)


def _row(key: str, value: str) -> str:
    return f'<dd class="govuk-summary-list__value" id="{key}">{value}</dd>'


def _page(review, job):
    return reverse("evidence:upload-job", args=[review.id, job.id])


def test_an_upload_redirects_to_its_job_page_which_lists_what_it_did(as_lead, review, police):
    response = _upload(
        as_lead,
        review,
        SimpleUploadedFile("offer.md", CARE_LEAVERS.encode()),
        SimpleUploadedFile("scan.pdf", b""),
        agency=police,
    )
    job = IngestJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _page(review, job)
    page = as_lead.get(_page(review, job))
    html = page.content.decode()
    document = EvidenceDocument.objects.get()
    assert (job.status, job.done, job.total, job.agency) == ("done", 2, 2, police)
    assert _row("job-status", "Finished") in html
    assert _row("job-progress", "2 of 2") in html
    assert "Checked 2 files: 1 added." in html
    assert reverse("evidence:document", args=[review.id, document.id]) in html
    assert '<td class="govuk-table__cell">scan.pdf</td><td class="govuk-table__cell">' in html
    assert "The file is empty." in html
    assert page.context["added"][0].id == document.id
    # The waiting files went once the documents had their own copies.
    assert upload_storage().listdir("") == ([], [])


def test_the_lead_sees_a_contributor_s_upload_and_the_contributor_only_their_own(
    as_lead, as_contributor, as_reviewer, review, police
):
    _upload(as_contributor, review, SimpleUploadedFile("offer.md", CARE_LEAVERS.encode()))
    _upload(as_lead, review, SimpleUploadedFile("strategy.md", STRATEGY.encode()), agency=police)
    theirs, leads = IngestJob.objects.order_by("id")
    assert theirs.agency == police
    assert as_lead.get(_page(review, theirs)).status_code == 200
    assert as_reviewer.get(_page(review, theirs)).status_code == 200
    assert as_contributor.get(_page(review, theirs)).status_code == 200
    assert as_contributor.get(_page(review, leads)).status_code == 404


def test_an_outsider_gets_404_and_a_viewer_is_refused(as_lead, as_outsider, as_viewer, review):
    _upload(as_lead, review, SimpleUploadedFile("offer.md", CARE_LEAVERS.encode()))
    job = IngestJob.objects.get()
    assert as_outsider.get(_page(review, job)).status_code == 404
    assert as_viewer.get(_page(review, job)).status_code == 403


def test_a_job_of_another_review_is_not_found(as_lead, review, lead, outsider):
    other = outsider.memberships.get().review
    job = IngestJob.objects.create(review=other, created_by=outsider)
    assert as_lead.get(_page(review, job)).status_code == 404


def test_a_job_under_way_shows_how_far_it_has_got(as_lead, lead, review):
    job = IngestJob.objects.create(
        review=review,
        created_by=lead,
        status=IngestJob.RUNNING,
        total=5,
        done=2,
        report={"seen": 2, "added": 1, "rejected": [["scan.pdf", "The file is empty."]]},
    )
    html = as_lead.get(_page(review, job)).content.decode()
    assert _row("job-status", "Being checked") in html
    assert _row("job-progress", "2 of 5") in html
    assert '<progress id="job-progress-bar" max="5" value="2">2 of 5</progress>' in html
    assert "What happened so far" in html
    assert "2 files: 1 added, 0 already held" in html
    assert "The file is empty." in html
    assert "Reload to see how far it has got" in html
    assert "Checked 2 files" not in html


def test_a_job_waiting_for_a_worker_says_so(as_lead, lead, review):
    job = IngestJob.objects.create(review=review, created_by=lead)
    html = as_lead.get(_page(review, job)).content.decode()
    assert _row("job-status", "Waiting for a worker") in html
    assert _row("job-progress", "Not started") in html
    assert "What happened" not in html


def test_a_failed_task_shows_its_reason(as_lead, lead, review, data_dir):
    job = IngestJob.objects.create(review=review, created_by=lead, uploads=[["0001", "offer.md"]])
    result = ingest_upload.enqueue(job.id)  # its files never reached the job folder
    assert result.status == TaskResultStatus.FAILED
    job.refresh_from_db()
    missing = upload_storage().path(upload_name(job.id, "0001"))
    reason = (
        "The uploaded files were no longer where uploads wait for the worker "
        f"({missing}): upload them again."
    )
    assert (job.status, job.failure) == ("failed", reason)
    html = as_lead.get(_page(review, job)).content.decode()
    assert _row("job-status", "Stopped with an error") in html
    assert f'<p class="govuk-body" id="job-failure">{reason}</p>' in html
    assert EvidenceDocument.objects.count() == 0


@pytest.mark.parametrize("files", [1, 3])
def test_the_job_page_query_count_is_constant(as_lead, review, files, django_assert_num_queries):
    uploads = [
        SimpleUploadedFile(f"offer-{n}.md", (CARE_LEAVERS + f"\nPart {n}.").encode())
        for n in range(files)
    ]
    _upload(as_lead, review, *uploads)
    job = IngestJob.objects.get()
    assert job.report["added"] == files
    with django_assert_num_queries(6):
        assert as_lead.get(_page(review, job)).status_code == 200


def test_the_upload_page_lists_recent_uploads_a_contributor_only_their_own(
    as_lead, as_contributor, lead, contributor, review
):
    theirs = IngestJob.objects.create(review=review, created_by=contributor, total=3, done=1)
    leads = IngestJob.objects.create(review=review, created_by=lead)
    upload_page = reverse("evidence:upload", args=[review.id])
    assert list(as_lead.get(upload_page).context["recent"]) == [leads, theirs]
    assert list(as_contributor.get(upload_page).context["recent"]) == [theirs]
    html = as_contributor.get(upload_page).content.decode()
    assert f'href="{_page(review, theirs)}"' in html
    assert "Waiting for a worker" in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1 of 3</td>' in html


@pytest.mark.parametrize("jobs", [1, 3])
def test_the_upload_page_query_count_is_constant(
    as_lead, lead, review, jobs, django_assert_num_queries
):
    for _ in range(jobs):
        IngestJob.objects.create(review=review, created_by=lead)
    with django_assert_num_queries(5):
        assert as_lead.get(reverse("evidence:upload", args=[review.id])).status_code == 200
