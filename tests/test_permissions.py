"""Every page of a review, for every role and for an outsider: the whole matrix in one place.

A new URL under a review fails here until someone decides who may use it."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from readiness.evidence import storage
from readiness.evidence.models import Alignment, EvidenceDocument, IngestJob, RealignJob
from readiness.frameworks.models import LineOfEnquiry
from readiness.indicators.models import DataImport, ImportJob
from readiness.lib.jobs import job_storage
from readiness.lib.testing.factories import (
    ActionItemFactory,
    FindingFactory,
    MilestoneFactory,
)
from readiness.lib.testing.world import every_route, one_of_everything, url_for
from readiness.narratives.models import Narrative, NarrativeVersion, ServiceImpact
from readiness.reports.jobs import kept_name
from readiness.reports.models import ReportBuild, ReviewActivity
from readiness.reviews.models import Phase

pytestmark = pytest.mark.django_db

# (url name, extra args, method, status for: lead, reviewer, contributor, viewer, outsider)
MATRIX = [
    ("reviews:detail", (), "get", (200, 200, 200, 200, 404)),
    ("reviews:members", (), "get", (200, 200, 200, 200, 404)),
    ("reviews:members", (), "post", (400, 403, 403, 403, 404)),
    ("reviews:remove-member", ("membership",), "post", (302, 403, 403, 403, 404)),
    ("reviews:change-role", ("membership",), "post", (302, 403, 403, 403, 404)),
    ("reviews:invite", (), "post", (400, 403, 403, 403, 404)),
    ("reviews:settings", (), "get", (200, 403, 403, 403, 404)),
    ("reviews:settings", (), "post", (400, 403, 403, 403, 404)),
    ("reviews:remove-agency", ("agency",), "post", (302, 403, 403, 403, 404)),
    ("reviews:phases", (), "get", (200, 200, 200, 200, 404)),
    ("reviews:phases", (), "post", (400, 403, 403, 403, 404)),
    ("reviews:start-phase", ("phase",), "post", (302, 403, 403, 403, 404)),
    ("assessment:grid", (), "get", (200, 200, 200, 200, 404)),
    ("assessment:grid-json", (), "get", (200, 200, 200, 200, 404)),
    ("assessment:export", ("xlsx",), "get", (200, 200, 200, 200, 404)),
    ("assessment:judgement", ("care_leavers",), "get", (200, 200, 200, 200, 404)),
    ("assessment:judgement", ("care_leavers",), "post", (302, 302, 403, 403, 404)),
    ("assessment:add-link", ("care_leavers",), "post", (302, 302, 403, 403, 404)),
    ("assessment:risks", (), "get", (200, 200, 200, 200, 404)),
    ("assessment:risks-json", (), "get", (200, 200, 200, 200, 404)),
    ("evidence:by-line", (), "get", (200, 200, 200, 200, 404)),
    ("evidence:by-line-json", (), "get", (200, 200, 200, 200, 404)),
    ("evidence:by-agency", (), "get", (200, 200, 200, 200, 404)),
    ("evidence:documents-json", (), "get", (200, 200, 200, 200, 404)),
    ("evidence:document", ("document",), "get", (200, 200, 200, 200, 404)),
    ("evidence:decide", ("document", "alignment"), "post", (302, 302, 403, 403, 404)),
    # The document is the police's, and the contributor works for the police.
    ("evidence:correct", ("document",), "get", (200, 200, 200, 403, 404)),
    ("evidence:correct", ("document",), "post", (400, 400, 400, 403, 404)),
    # No file is stored for this document, so even those who may open it get 404.
    ("evidence:original", ("document",), "get", (404, 404, 404, 404, 404)),
    ("evidence:add-alignment", ("document",), "post", (302, 302, 403, 403, 404)),
    ("evidence:original", ("stored",), "get", (200, 200, 200, 200, 404)),
    ("evidence:correct", ("document",), "get", (200, 200, 200, 403, 404)),
    ("evidence:correct", ("document",), "post", (400, 400, 400, 403, 404)),
    ("evidence:upload", (), "get", (200, 200, 200, 403, 404)),
    # The contributor's own upload, followed in the background (issue 14).
    ("evidence:upload-job", ("job",), "get", (200, 200, 200, 403, 404)),
    ("evidence:realign", (), "get", (200, 200, 403, 200, 404)),
    ("evidence:realign", (), "post", (302, 403, 403, 403, 404)),
    ("evidence:realign-job", ("realign-job",), "get", (200, 200, 403, 200, 404)),
    ("evidence:analyses", (), "get", (200, 200, 403, 200, 404)),
    ("evidence:analyses-json", (), "get", (200, 200, 403, 200, 404)),
    ("evidence:search", (), "get", (200, 200, 200, 200, 404)),
    ("evidence:line", ("line",), "get", (200, 200, 200, 200, 404)),
    ("evidence:judgement", ("care_leavers",), "get", (200, 200, 200, 200, 404)),
    ("evidence:decide-many", (), "post", (302, 302, 403, 403, 404)),
    # The document is the police's: their contributor may remove it, a reviewer may not.
    ("evidence:remove", ("document",), "post", (302, 403, 302, 403, 404)),
    ("evidence:removed", (), "get", (200, 403, 403, 403, 404)),
    ("evidence:restore", ("removed",), "post", (302, 403, 403, 403, 404)),
    ("evidence:index", ("html",), "get", (200, 200, 403, 200, 404)),
    ("evidence:index", ("pdf",), "get", (200, 200, 403, 200, 404)),
    ("indicators:index", (), "get", (200, 200, 200, 200, 404)),
    ("indicators:index-json", (), "get", (200, 200, 200, 200, 404)),
    ("indicators:detail", ("lac_health_assessments",), "get", (200, 200, 200, 200, 404)),
    ("indicators:detail", ("lac_health_assessments",), "post", (400, 400, 403, 403, 404)),
    ("indicators:imports", (), "get", (200, 200, 200, 200, 404)),
    ("indicators:imports", (), "post", (400, 400, 400, 403, 404)),
    ("indicators:import", ("import",), "get", (200, 200, 403, 200, 404)),
    ("indicators:import-job", ("import-job",), "get", (200, 200, 200, 403, 404)),
    ("narratives:index", (), "get", (200, 200, 200, 200, 404)),
    ("narratives:index-json", (), "get", (200, 200, 200, 200, 404)),
    ("narratives:new", (), "get", (200, 200, 200, 403, 404)),
    ("narratives:new", (), "post", (400, 400, 400, 403, 404)),
    ("narratives:detail", ("narrative",), "get", (200, 200, 200, 200, 404)),
    # The narrative is the police's, and the contributor works for the police.
    ("narratives:edit", ("narrative",), "get", (200, 200, 200, 403, 404)),
    ("narratives:approve", ("narrative", 1), "post", (302, 403, 403, 403, 404)),
    ("narratives:docx", ("narrative",), "get", (200, 200, 200, 200, 404)),
    ("narratives:pdf", ("narrative",), "get", (200, 200, 200, 200, 404)),
    ("narratives:briefs", (), "get", (200, 200, 200, 200, 404)),
    ("narratives:briefs", (), "post", (400, 400, 400, 403, 404)),
    ("narratives:brief", ("service",), "get", (200, 200, 200, 200, 404)),
    ("actions:findings", (), "get", (200, 200, 200, 200, 404)),
    ("actions:new-finding", (), "get", (200, 200, 403, 403, 404)),
    ("actions:new-finding", (), "post", (400, 400, 403, 403, 404)),
    ("actions:edit-finding", ("finding",), "get", (200, 200, 403, 403, 404)),
    ("actions:edit-finding", ("finding",), "post", (400, 400, 403, 403, 404)),
    ("actions:carry-forward", (), "post", (302, 302, 403, 403, 404)),
    ("actions:plan", (), "get", (200, 200, 200, 200, 404)),
    ("actions:plan-json", (), "get", (200, 200, 200, 200, 404)),
    ("actions:new", (), "get", (200, 200, 403, 403, 404)),
    ("actions:new", (), "post", (400, 400, 403, 403, 404)),
    ("actions:export", (), "get", (200, 200, 200, 200, 404)),
    ("actions:import", (), "get", (200, 200, 403, 403, 404)),
    ("actions:import", (), "post", (400, 400, 403, 403, 404)),
    ("actions:item", ("item",), "get", (200, 200, 200, 200, 404)),
    ("actions:edit", ("item",), "get", (200, 200, 403, 403, 404)),
    ("actions:edit", ("item",), "post", (400, 400, 403, 403, 404)),
    # The item belongs to the contributor's agency, so they may add progress to it.
    ("actions:progress", ("item",), "post", (400, 400, 400, 403, 404)),
    ("actions:milestone", ("item",), "post", (400, 400, 403, 403, 404)),
    ("actions:milestone-done", ("item", "milestone"), "post", (302, 302, 403, 403, 404)),
    ("actions:milestone-edit", ("item", "milestone"), "get", (200, 200, 403, 403, 404)),
    ("actions:milestone-edit", ("item", "milestone"), "post", (400, 400, 403, 403, 404)),
    # Without "confirm", removing asks first (200); nothing is removed.
    ("actions:milestone-remove", ("item", "milestone"), "post", (200, 200, 403, 403, 404)),
    ("actions:findings-json", (), "get", (200, 200, 200, 200, 404)),
    ("reports:report", (), "get", (200, 200, 403, 200, 404)),
    ("reports:download", ("html",), "get", (200, 200, 403, 200, 404)),
    ("reports:download", ("docx",), "get", (200, 200, 403, 200, 404)),
    ("reports:download", ("pdf",), "get", (200, 200, 403, 200, 404)),
    ("reports:sef", (), "get", (200, 200, 403, 200, 404)),
    ("reports:prepare", (), "post", (400, 400, 403, 403, 404)),
    ("reports:build", ("build",), "get", (200, 200, 403, 200, 404)),
    ("reports:build-file", ("built",), "get", (200, 200, 403, 200, 404)),
    ("reports:template", (), "post", (400, 403, 403, 403, 404)),
    ("reports:remove-template", (), "post", (302, 403, 403, 403, 404)),
    ("reports:activities", (), "post", (400, 400, 403, 403, 404)),
    ("reports:remove-activity", ("activity",), "post", (302, 302, 403, 403, 404)),
    ("countdown:index", (), "get", (200, 200, 200, 200, 404)),
    ("countdown:index-json", (), "get", (200, 200, 200, 200, 404)),
    ("countdown:export", ("xlsx",), "get", (200, 200, 200, 200, 404)),
    ("countdown:export", ("docx",), "get", (200, 200, 200, 200, 404)),
    # issue 14: the lead's audit log, and the lead's confirmation of personal data in an export
    # (409 here: nothing was shown to confirm).
    ("audit:log", (), "get", (200, 403, 403, 403, 404)),
    ("audit:csv", (), "get", (200, 403, 403, 403, 404)),
    ("privacy:confirm", ("report",), "post", (409, 403, 403, 403, 404)),
    ("countdown:call", (), "post", (302, 403, 403, 403, 404)),
    ("glance:json", (), "get", (200, 200, 200, 200, 404)),
]
ROLES = ("lead", "reviewer", "contributor", "viewer", "outsider")
CHECKED_NAMESPACES = ("reviews", "assessment", "evidence", "indicators", "narratives", "actions",
                      "reports", "countdown", "audit", "privacy", "glance")  # fmt: skip


def test_every_review_url_is_in_the_matrix():
    names = {
        f"{namespace}:{name}"
        for namespace in CHECKED_NAMESPACES
        for name in get_resolver().namespace_dict[namespace][1].reverse_dict
        if isinstance(name, str)
    }
    # An invitation's link is opened before its invitee belongs to any review.
    outside = ("reviews:index", "reviews:create", "reviews:join")
    review_urls = {name for name in names if name not in outside}
    assert review_urls == {row[0] for row in MATRIX}


@pytest.mark.parametrize("name,extra,method,statuses", MATRIX)
@pytest.mark.parametrize("role", range(len(ROLES)), ids=ROLES)
def test_each_role_gets_the_expected_status(
    request,
    review,
    police,
    lead,
    reviewer,
    contributor,
    viewer,
    outsider,
    settings,
    tmp_path,
    name,
    extra,
    method,
    statuses,
    role,
):
    client = request.getfixturevalue(f"as_{ROLES[role]}")
    args = [review.id]
    document = EvidenceDocument.objects.create(
        review=review,
        content_hash="0" * 64,
        title="Police audit",
        agency=police,
        file_type="txt",
        size_bytes=1,
        stored_name="x",
    )
    line = LineOfEnquiry.objects.filter(judgement__framework=review.framework).first()
    alignment = Alignment.objects.create(document=document, line_of_enquiry=line, confidence=0.7)
    for item in extra:
        if item == "membership":
            args.append(review.memberships.get(user=viewer).id)
        elif item == "service":
            ServiceImpact.objects.create(review=review, service="Police", text="Seen quickly")
            args.append("police")
        elif item == "narrative":
            narrative = Narrative.objects.create(review=review, key="story", agency=police)
            NarrativeVersion.objects.create(
                narrative=narrative,
                number=1,
                title="Story",
                targeted_and_why="a",
                what_we_did="b",
                impact_for_children="c",
                whats_next="d",
            )
            args.append("story")
        elif item == "finding":
            args.append(FindingFactory(review=review).id)
        elif item == "item":
            action_item = ActionItemFactory(review=review, owner_agency=police)
            args.append(action_item.code)
        elif item == "milestone":
            args.append(MilestoneFactory(item=action_item).id)
        elif item == "import":
            args.append(DataImport.objects.create(review=review, kind="table").id)
        elif item == "job":
            args.append(IngestJob.objects.create(review=review, created_by=contributor).id)
        elif item == "realign-job":
            args.append(RealignJob.objects.create(review=review).id)
        elif item == "import-job":
            job = ImportJob.objects.create(review=review, kind="table", created_by=contributor)
            args.append(job.id)
        elif item in ("build", "built"):
            settings.DATA_DIR = tmp_path / "data"
            status = ReportBuild.DONE if item == "built" else ReportBuild.QUEUED
            build = ReportBuild.objects.create(review=review, fmt="html", status=status)
            job_storage().save(kept_name(build), ContentFile(b"<!DOCTYPE html>"))
            args.append(build.id)
        elif item == "agency":
            args.append(police.id)
        elif item == "document":
            args.append(document.id)
        elif item == "alignment":
            args.append(alignment.id)
        elif item == "stored":
            settings.DATA_DIR = tmp_path / "data"
            # The download checks the bytes against the document's hash: give it real ones.
            document.content_hash = hashlib.sha256(b"Police audit").hexdigest()
            document.save(update_fields=["content_hash"])
            storage.store(document.content_hash, b"Police audit")
            args.append(document.id)
        elif item == "line":
            args.append(line.id)
        elif item == "removed":
            removed = EvidenceDocument.objects.create(
                review=review,
                content_hash="1" * 64,
                title="Old police audit",
                agency=police,
                file_type="txt",
                size_bytes=1,
                stored_name="y",
                removed_at=timezone.now(),
            )
            args.append(removed.id)
        elif item == "activity":
            args.append(ReviewActivity.objects.create(review=review, kind="interview", count=3).id)
        elif item == "phase":
            args.append(Phase.objects.create(review=review, name="P", position=9).id)
        else:
            args.append(item)
    data = None
    if method == "post":
        data = {
            "grade": "good",
            # The judgement form refuses a POST that lacks any of its fields.
            "rationale": "",
            "strengths": "",
            "areas_for_improvement": "",
            "confidence": "",
            "reference": "Audit report",
            "decision": "confirm",
            "line": line.key,
        }
    response = getattr(client, method)(reverse(name, args=args), data)
    assert response.status_code == statuses[role]


REVIEW_ROUTES = [r for r in every_route() if r[1].startswith("reviews/<id:review_id>/")]


def test_an_outsider_finds_no_page_of_another_council_s_review(
    review, police, lead, viewer, as_outsider
):
    """Every URL under a review, of every app (the matrix above covers the first ones role by
    role; the fieldwork apps test their own roles): the lead of another council's review gets
    404 for a GET and for a POST, and nothing else. A GET to a URL that only takes a POST is
    refused (405) before anything is looked up, the same for every review, so it tells the
    outsider nothing."""
    values = one_of_everything(review, police, lead, viewer)
    answers = {}
    for namespace, route in REVIEW_ROUTES:
        url = url_for(namespace, route, values)
        answers[url] = (as_outsider.get(url).status_code, as_outsider.post(url).status_code)
    assert len(answers) >= 120
    post_only = {url for url, a in answers.items() if a == (405, 404)}
    assert {url: a for url, a in answers.items() if a != (404, 404) and url not in post_only} == {}
    assert len(post_only) == 32
