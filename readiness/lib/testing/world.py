"""One of everything a URL of the service can name, for tests that visit every URL (the fuzz
run, the outsider's sweep): each route, and the values that fill its placeholders."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from readiness.asks.tests.factories import make_request
from readiness.audits import services as audits
from readiness.casework import services as casework
from readiness.casework.domain.caselist import CaseRow
from readiness.casework.models import CaseImportJob
from readiness.conversations.models import Comment
from readiness.evidence.models import Alignment, EvidenceDocument, IngestJob, RealignJob
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.indicators.models import DataImport, ImportJob
from readiness.interviews import services as interviews
from readiness.interviews.models import NotePassage
from readiness.lib.testing.factories import ActionItemFactory, FindingFactory, MilestoneFactory
from readiness.narratives.models import Narrative, NarrativeVersion, ServiceImpact
from readiness.reports.models import ReportBuild, ReviewActivity
from readiness.reviews.models import Agency, Phase, Review
from readiness.thresholds import services as thresholds


def every_route() -> list[tuple[str, str]]:
    """(namespace, route) for every URL pattern of the service, sorted."""
    return _routes(get_resolver().url_patterns)


def _routes(patterns: list, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += _routes(pattern.url_patterns, route, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            found.append((namespace, route))
    return sorted(set(found))


def url_for(namespace: str, route: str, values: dict) -> str:
    """ROUTE with each placeholder filled from VALUES ("namespace:segment/name" first, for
    two ids of one name in an app, then "namespace:name", then "name"); one nobody filled
    becomes "x", which no id matches."""

    def fill(match: re.Match) -> str:
        name = match.group(2)
        segment = route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
        for key in (f"{namespace}:{segment}/{name}", f"{namespace}:{name}", name):
            if key in values:
                return str(values[key])
        return "x"

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def one_of_everything(review: Review, agency: Agency, lead, viewer) -> dict:
    """Create one of every object a review's URLs name, the action item and document owned by
    AGENCY, and return the placeholder values that reach them."""
    document = EvidenceDocument.objects.create(
        review=review, content_hash="0" * 64, title="Police audit", agency=agency,
        file_type="txt", size_bytes=1, stored_name="x",
    )  # fmt: skip
    line = LineOfEnquiry.objects.filter(judgement__framework=review.framework).first()
    item = ActionItemFactory(review=review, owner_agency=agency)
    narrative = Narrative.objects.create(review=review, key="story")
    NarrativeVersion.objects.create(
        narrative=narrative, number=1, title="Story", targeted_and_why="a", what_we_did="b",
        impact_for_children="c", whats_next="d",
    )  # fmt: skip
    ServiceImpact.objects.create(review=review, service="Police", text="Seen quickly")
    judgement = Judgement.objects.filter(framework=review.framework).first()
    return (
        {
            "review_id": review.id,
            "document_id": document.id,
            "alignment_id": Alignment.objects.create(
                document=document, line_of_enquiry=line, confidence=0.7
            ).id,
            "membership_id": review.memberships.get(user=viewer).id,
            "phase_id": Phase.objects.create(review=review, name="P", position=9).id,
            "finding_id": FindingFactory(review=review).id,
            "code": item.code,
            "milestone_id": MilestoneFactory(item=item).id,
            "import_id": DataImport.objects.create(review=review, kind="table").id,
            "activity_id": ReviewActivity.objects.create(
                review=review, kind="interview", count=3
            ).id,
            "framework_id": review.framework_id,
            "indicator_id": "lac_health_assessments",
            "service": "police",
            "assessment:key": judgement.key,
            "narratives:key": "story",
        }
        | _jobs(review)
        | _requests_comments_and_fieldwork(review, agency, lead, document)
    )


def _jobs(review: Review) -> dict:
    """Background work's pages, each job finished with nothing to show."""
    return {
        "evidence:upload/job_id": IngestJob.objects.create(review=review).id,
        "evidence:realign/job_id": RealignJob.objects.create(review=review).id,
        "indicators:job_id": ImportJob.objects.create(review=review, kind="table").id,
        "casework:job_id": CaseImportJob.objects.create(review=review, file_name="x.csv").id,
        "reports:build_id": ReportBuild.objects.create(review=review, fmt="html").id,
    }


def _requests_comments_and_fieldwork(review, agency, lead, document) -> dict:
    casework.import_cases(review, [
        CaseRow(f"AT{n:03}", "child_protection", "North", f"W{n}", 6, date(2025, 1, 1))
        for n in range(3)
    ])  # fmt: skip
    sample = casework.draw(review, {"child_protection": 2}, 3, date(2026, 11, 26), lead)
    case = sample.cases.first().case
    audit = audits.start_audit(review, case, "social-care-ilacs-2026", lead, date(2026, 11, 20),
                               sample)  # fmt: skip
    interview = interviews.schedule(
        review, "interview", "Front door manager", timezone.make_aware(datetime(2026, 12, 3)),
        agency, "", ["hp_front_door"], lead, [("team manager", agency)],
    )  # fmt: skip
    interviews.write_notes(interview, {n.position: "Thresholds are understood by schools."
                                       for n in interview.notes.all()}, lead)  # fmt: skip
    passage = NotePassage.objects.filter(note__interview=interview).first()
    check = thresholds.create_check(review, "Thresholds check", lead)
    comment = Comment.objects.create(
        review=review, target=Comment.DOCUMENT, target_id=document.id, author=lead, text="Seen"
    )
    return {
        "request_id": make_request(review, agency, due=date(2026, 12, 20), asked_by=lead).id,
        "target": Comment.DOCUMENT,
        "target_id": document.id,
        "comment_id": comment.id,
        "export": "report",
        "sample_id": sample.id,
        "audit_id": audit.id,
        "action_id": audits.raise_action(audit, "See the child", False, "", lead).id,
        "interview_id": interview.id,
        "passage_id": passage.id if passage else 0,
        "check_id": check.id,
        "vignette_id": check.vignettes.first().id,
        "token": thresholds.make_links(check, agency, "officer", 1, 14)[0],
    }
