"""Aligning a review's evidence again in the background: started by the lead, its page, a
run going on after a worker died ending as one clean run, and who may do what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from readiness.evidence.alignment import realign_review
from readiness.evidence.ingest import ingest_path
from readiness.evidence.jobs import realign_evidence
from readiness.evidence.models import Alignment, EvidenceDocument, RealignJob

from .factories import write_folder

pytestmark = pytest.mark.django_db


def _row(key: str, value: str) -> str:
    return f'<dd class="govuk-summary-list__value" id="{key}">{value}</dd>'


def _suggestions(review) -> list[tuple]:
    return list(
        Alignment.objects.filter(document__review=review)
        .order_by("document_id", "line_of_enquiry_id")
        .values_list("document_id", "line_of_enquiry_id", "confidence", "status")
    )


@pytest.fixture
def documents(review, lead, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    ingest_path(review, write_folder(tmp_path / "evidence"), user=lead)
    return list(EvidenceDocument.objects.filter(review=review).order_by("id"))


def test_the_lead_starts_it_and_its_page_says_what_was_done(as_lead, review, documents):
    Alignment.objects.filter(document__review=review).delete()
    response = as_lead.post(reverse("evidence:realign", args=[review.id]))
    job = RealignJob.objects.get()
    assert response["Location"] == reverse("evidence:realign-job", args=[review.id, job.id])
    assert (job.status, job.done, job.total, job.last_document_id) == (
        "done", 3, 3, documents[-1].id,
    )  # fmt: skip
    assert Alignment.objects.filter(document__review=review).exists()
    html = as_lead.get(response["Location"]).content.decode()
    assert _row("job-status", "Finished") in html
    assert _row("job-progress", "3 of 3") in html
    assert "Aligned 3 documents again." in html
    listed = as_lead.get(reverse("evidence:realign", args=[review.id])).content.decode()
    assert f'href="{response["Location"]}"' in listed


def test_a_run_going_on_after_a_worker_died_ends_as_one_clean_run(lead, review, documents):
    realign_review(review)
    clean = _suggestions(review)
    # As a worker killed after the first document leaves it: that one done, the rest not.
    Alignment.objects.filter(document__in=documents[1:]).delete()
    job = RealignJob.objects.create(
        review=review, created_by=lead, status=RealignJob.RUNNING, total=3, done=1,
        last_document_id=documents[0].id,
    )  # fmt: skip
    realign_evidence.enqueue(job.id)
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 3, 3)
    assert _suggestions(review) == clean
    assert len(clean) > len(documents)


def test_asking_again_while_one_waits_opens_that_one(as_lead, review, lead, documents):
    waiting = RealignJob.objects.create(review=review, created_by=lead)
    response = as_lead.post(reverse("evidence:realign", args=[review.id]))
    assert response["Location"] == reverse("evidence:realign-job", args=[review.id, waiting.id])
    assert RealignJob.objects.count() == 1


def test_a_decision_a_person_made_is_kept(as_lead, review, documents, lead):
    realign_review(review)
    decided = Alignment.objects.filter(document=documents[0]).first()
    decided.status = Alignment.REJECTED
    decided.save()
    as_lead.post(reverse("evidence:realign", args=[review.id]))
    decided.refresh_from_db()
    assert decided.status == Alignment.REJECTED


def test_a_job_under_way_shows_how_far_it_has_got(as_lead, lead, review):
    job = RealignJob.objects.create(
        review=review, created_by=lead, status=RealignJob.RUNNING, total=40, done=12
    )
    html = as_lead.get(reverse("evidence:realign-job", args=[review.id, job.id])).content.decode()
    assert _row("job-status", "Being aligned") in html
    assert _row("job-progress", "12 of 40") in html
    assert '<progress id="job-progress-bar" max="40" value="12">12 of 40</progress>' in html
    assert "Reload to see how far it has got" in html


def test_a_failed_run_shows_its_reason(as_lead, lead, review):
    job = RealignJob.objects.create(
        review=review, created_by=lead, status=RealignJob.FAILED, failure="MemoryError: "
    )
    html = as_lead.get(reverse("evidence:realign-job", args=[review.id, job.id])).content.decode()
    assert '<p class="govuk-body" id="job-failure">MemoryError: </p>' in html
    assert "start it again to finish" in html


def test_only_the_lead_starts_it_others_who_see_all_evidence_may_watch(
    as_reviewer, as_contributor, as_outsider, as_lead, review, documents
):
    url = reverse("evidence:realign", args=[review.id])
    assert as_reviewer.post(url).status_code == 403
    assert as_contributor.post(url).status_code == 403
    assert as_outsider.post(url).status_code == 404
    assert not RealignJob.objects.exists()
    page = as_reviewer.get(url)
    assert page.status_code == 200
    assert "The review's lead can start it." in page.content.decode()
    assert as_contributor.get(url).status_code == 403
    as_lead.post(url)
    job_url = reverse("evidence:realign-job", args=[review.id, RealignJob.objects.get().id])
    assert as_reviewer.get(job_url).status_code == 200
    assert as_contributor.get(job_url).status_code == 403
    assert as_outsider.get(job_url).status_code == 404


@pytest.mark.parametrize("runs", [1, 3])
def test_the_page_lists_runs_in_a_fixed_number_of_queries(
    as_lead, lead, review, runs, django_assert_num_queries
):
    for _ in range(runs):
        RealignJob.objects.create(review=review, created_by=lead)
    with django_assert_num_queries(5):
        response = as_lead.get(reverse("evidence:realign", args=[review.id]))
    assert response.content.decode().count("Waiting for a worker") == runs
