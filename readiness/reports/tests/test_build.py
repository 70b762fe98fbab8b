"""The report prepared in the background: the page that follows it, the file kept, the
personal data check before it is built and again before it leaves, and who may see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from readiness.actions.models import ActionItem
from readiness.lib.testing.factories import FindingFactory
from readiness.reports.jobs import KEPT, build_report_file, kept_name
from readiness.reports.models import ReportBuild

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def build_path(build: ReportBuild) -> Path:
    """Where the default storage keeps a prepared report: the data directory's uploads."""
    return Path(settings.DATA_DIR) / "uploads" / kept_name(build)


def _prepare(client, review, fmt="html", members=False):
    data = {"fmt": fmt} | ({"members": "on"} if members else {})
    return client.post(reverse("reports:prepare", args=[review.id]), data)


def _page(review, build):
    return reverse("reports:build", args=[review.id, build.id])


def _row(key: str, value: str) -> str:
    return f'<dd class="govuk-summary-list__value" id="{key}">{value}</dd>'


def test_the_lead_prepares_the_report_and_downloads_the_kept_file(as_lead, review):
    response = _prepare(as_lead, review)
    build = ReportBuild.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _page(review, build)
    assert (build.status, build.done, build.total, build.fmt, build.annex) == (
        "done", 3, 3, "html", True,
    )  # fmt: skip
    kept = build_path(build).read_bytes()
    assert build.size == len(kept) and kept.startswith(b"<!DOCTYPE html>")
    html = as_lead.get(_page(review, build)).content.decode()
    assert _row("job-status", "Finished") in html
    assert _row("job-progress", "3 of 3") in html
    file_url = reverse("reports:build-file", args=[review.id, build.id])
    link = f'<a class="govuk-link" href="{file_url}" download>'
    assert f"{link}Download anytown-readiness-report.html</a>" in html
    download = as_lead.get(file_url)
    assert download["Content-Disposition"] == (
        'attachment; filename="anytown-readiness-report.html"'
    )
    assert b"".join(download.streaming_content) == kept
    listed = as_lead.get(reverse("reports:report", args=[review.id])).content.decode()
    assert f'<a class="govuk-link" href="{_page(review, build)}">' in listed


def test_a_copy_for_members_in_word_leaves_the_annex_out(as_lead, review):
    _prepare(as_lead, review, fmt="docx", members=True)
    build = ReportBuild.objects.get()
    assert (build.status, build.fmt, build.annex) == ("done", "docx", False)
    download = as_lead.get(reverse("reports:build-file", args=[review.id, build.id]))
    assert download["Content-Disposition"] == (
        'attachment; filename="anytown-readiness-report-for-members.docx"'
    )
    assert b"".join(download.streaming_content)[:2] == b"PK"


def test_a_build_waiting_for_a_worker_says_so(as_lead, lead, review):
    build = ReportBuild.objects.create(review=review, fmt="pdf", created_by=lead, total=3)
    html = as_lead.get(_page(review, build)).content.decode()
    assert _row("job-status", "Waiting for a worker") in html
    assert _row("job-progress", "0 of 3") in html
    assert "Reload to see how far it has got" in html
    assert "Download" not in html
    file_url = reverse("reports:build-file", args=[review.id, build.id])
    assert as_lead.get(file_url).status_code == 404


def test_a_build_under_way_shows_its_step(as_lead, lead, review):
    build = ReportBuild.objects.create(
        review=review, fmt="pdf", created_by=lead, total=3, done=1, status=ReportBuild.RUNNING
    )
    html = as_lead.get(_page(review, build)).content.decode()
    assert _row("job-status", "Being built") in html
    assert '<progress id="job-progress-bar" max="3" value="1">1 of 3</progress>' in html


def test_a_report_that_fails_its_check_shows_the_reason(as_lead, review, lead):
    build = ReportBuild.objects.create(review=review, fmt="html", created_by=lead, total=3)
    ActionItem.objects.create(review=review, kind="action_point", code="A13", text="")
    build_report_file.enqueue(build.id)
    build.refresh_from_db()
    assert build.status == "failed"
    assert build.failure == (
        "The report check found problems to put right first: no-text: A13 in the body has no "
        "text.; no-text: A13 in the summary has no text."
    )
    html = as_lead.get(_page(review, build)).content.decode()
    assert _row("job-status", "Stopped with an error") in html
    assert "The report was not built" in html
    assert not build_path(build).exists()


def test_building_again_writes_the_same_file(as_lead, review):
    _prepare(as_lead, review)
    build = ReportBuild.objects.get()
    first = build_path(build).read_bytes()
    # As a worker killed after writing the file, before saying so, leaves it.
    ReportBuild.objects.filter(id=build.id).update(status=ReportBuild.RUNNING, done=2)
    build_report_file.enqueue(build.id)
    build.refresh_from_db()
    assert (build.status, build.done) == ("done", 3)
    assert build_path(build).read_bytes() == first
    assert [p.name for p in build_path(build).parent.iterdir()] == [f"{build.id}.html"]


def test_only_the_newest_five_prepared_reports_are_kept(as_lead, review, lead):
    _prepare(as_lead, review)
    first = ReportBuild.objects.get()
    for _ in range(5):
        _prepare(as_lead, review)
    builds = list(ReportBuild.objects.order_by("id"))
    assert len(builds) == KEPT == 5
    assert first not in builds  # the oldest went, row and file
    files = sorted(p.name for p in build_path(first).parent.iterdir())
    assert files == sorted(f"{b.id}.html" for b in builds)


def test_a_report_naming_a_child_is_not_prepared_until_a_lead_confirms(as_lead, review):
    FindingFactory(
        review=review, text="Ella Price, born 4 June 2014, waited eleven weeks for a plan."
    )
    response = _prepare(as_lead, review)
    assert response.status_code == 409
    assert [h.value for h in response.context["check"].hits] == ["Ella Price", "4 June 2014"]
    # Once confirmed, the lead goes back to the report page, not to a form's address.
    assert response.context["next"] == reverse("reports:report", args=[review.id])
    assert not ReportBuild.objects.exists()


def test_the_kept_file_is_stopped_when_the_report_names_a_child_since(as_lead, review):
    _prepare(as_lead, review)
    build = ReportBuild.objects.get()
    FindingFactory(
        review=review, text="Ella Price, born 4 June 2014, waited eleven weeks for a plan."
    )
    response = as_lead.get(reverse("reports:build-file", args=[review.id, build.id]))
    assert response.status_code == 409


def test_the_lead_and_reviewers_prepare_and_those_who_read_the_report_download(
    as_lead, as_viewer, as_contributor, as_outsider, review
):
    _prepare(as_lead, review)
    build = ReportBuild.objects.get()
    file_url = reverse("reports:build-file", args=[review.id, build.id])
    assert as_viewer.get(_page(review, build)).status_code == 200
    assert as_viewer.get(file_url).status_code == 200
    assert _prepare(as_viewer, review).status_code == 403  # they download; writers prepare
    page = as_viewer.get(reverse("reports:report", args=[review.id])).content.decode()
    assert "Prepare the report" not in page
    assert f'href="{_page(review, build)}"' in page
    for client, status in ((as_contributor, 403), (as_outsider, 404)):
        assert client.get(_page(review, build)).status_code == status
        assert client.get(file_url).status_code == status
        assert _prepare(client, review).status_code == status
    assert ReportBuild.objects.count() == 1


def test_a_build_of_another_review_is_not_found(as_lead, review, outsider):
    other = outsider.memberships.get().review
    build = ReportBuild.objects.create(review=other, fmt="html", created_by=outsider)
    assert as_lead.get(_page(review, build)).status_code == 404


def test_an_unknown_format_is_refused(as_lead, review):
    response = _prepare(as_lead, review, fmt="rtf")
    assert response.status_code == 400
    assert not ReportBuild.objects.exists()


@pytest.mark.parametrize("builds", [1, 3])
def test_the_report_page_lists_builds_in_a_fixed_number_of_queries(
    as_lead, lead, review, builds, django_assert_num_queries
):
    for _ in range(builds):
        ReportBuild.objects.create(review=review, fmt="pdf", created_by=lead, total=3)
    with django_assert_num_queries(30):
        response = as_lead.get(reverse("reports:report", args=[review.id]))
    assert response.content.decode().count("Waiting for a worker") == builds
