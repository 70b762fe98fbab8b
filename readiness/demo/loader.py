"""Load the synthetic demo partnerships into the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from readiness.assessment.services import (
    add_evidence_link,
    find_grade,
    find_judgement,
    update_assessment,
)
from readiness.frameworks.models import Framework
from readiness.reviews.models import Agency, Membership, Phase, Review
from readiness.reviews.services import create_review, make_current

from .domain.actions_demo import link_documents as link_action_documents
from .domain.actions_demo import load_actions
from .domain.partnerships import DEMO_PASSWORD, PARTNERSHIPS, Partnership


def _user(person: object, password: str) -> object:
    users = get_user_model()
    user, created = users.objects.get_or_create(
        username=person.username,
        defaults={
            "first_name": person.first_name,
            "last_name": person.last_name,
            # A reserved domain: the demo's e-mails (`readiness notify`) go to the console.
            "email": f"{person.username}@demo.example",
        },
    )
    if created:
        user.set_password(password)
        user.save()
    return user


@transaction.atomic
def load_partnership(partnership: Partnership, password: str = DEMO_PASSWORD) -> Review:
    """Create (or re-create) one demo review with its people, phases and grades."""
    Review.objects.filter(name=partnership.review_name, area=partnership.area).delete()
    users = {p.username: _user(p, password) for p in partnership.people}
    lead = next(p for p in partnership.people if p.role == Membership.LEAD)
    framework = Framework.objects.get(slug=partnership.framework, is_builtin=True)
    review = create_review(
        name=partnership.review_name,
        area=partnership.area,
        framework=framework,
        lead=users[lead.username],
        agencies=list(partnership.agencies),
        phases=list(partnership.phases),
        window_starts=date.fromisoformat(partnership.window[0]),
        window_ends=date.fromisoformat(partnership.window[1]),
    )
    if lead.username in users:
        users[lead.username].user_permissions.add(*_review_permissions())
    for person in partnership.people:
        if person.role == Membership.LEAD:
            continue
        agency = Agency.objects.get(review=review, name=person.agency) if person.agency else None
        Membership.objects.create(
            review=review, user=users[person.username], role=person.role, agency=agency
        )
    make_current(Phase.objects.get(review=review, position=partnership.current_phase))
    grader = users[lead.username]
    for key, assessment in partnership.assessments.items():
        update_assessment(
            review,
            find_judgement(review, key),
            grader,
            via="demo",
            grade=find_grade(review, assessment.grade),
            rationale=assessment.rationale,
            strengths=assessment.strengths,
            areas_for_improvement=assessment.areas_for_improvement,
            confidence=assessment.confidence,
        )
    for key, links in partnership.evidence.items():
        for reference, shows in links:
            add_evidence_link(review, find_judgement(review, key), grader, reference, shows)
    load_actions(review)  # Anytown's findings, R1 and A9–A15
    return review


def _review_permissions() -> list:
    from django.contrib.auth.models import Permission

    return list(Permission.objects.filter(codename="add_review"))


EVIDENCE_DIR = Path(__file__).resolve().parent / "evidence"


def load_evidence(review: Review, folder: Path, progress: object = None) -> object:
    """Ingest a demo partnership's synthetic evidence set, as its lead."""
    from readiness.evidence.ingest import ingest_path

    lead = Membership.objects.filter(review=review, role=Membership.LEAD).first()
    # The set's README and manifest sit beside the agencies' folders: they are not evidence.
    report = ingest_path(
        review,
        folder,
        user=lead.user if lead else None,
        progress=progress,
        in_subfolders_only=True,
    )
    link_narrative_documents(review)
    link_action_documents(review)
    return report


FIGURES = Path(__file__).resolve().parent / "data"


def load_figures_and_narratives(review: Review) -> object:
    """Anytown's published and local figures (invented), then the narratives the founding
    review asked for, written after the import so that their figures are current."""
    from readiness.indicators.services import import_data
    from readiness.narratives.domain.demo_narratives import DEMO_NARRATIVES
    from readiness.narratives.models import Narrative, NarrativeVersion

    lead = Membership.objects.filter(review=review, role=Membership.LEAD).first()
    path = FIGURES / f"{review.area.lower()}-figures.csv"
    record = import_data(
        review, "table", {path.name: path.read_bytes()}, user=lead.user if lead else None
    )
    load_ssda903(review)
    from readiness.actions.models import ActionItem

    # A narrative belongs to the agency that owns its action point, whose contributors
    # may then write its new versions (for the lead to approve).
    owners = dict(ActionItem.objects.filter(review=review).values_list("code", "owner_agency_id"))
    for item in DEMO_NARRATIVES:
        narrative, _ = Narrative.objects.update_or_create(
            review=review,
            key=item.key,
            defaults={"action_point": item.action_point,
                      "judgement_areas": list(item.judgement_areas),
                      "agency_id": owners.get(item.action_point)},
        )  # fmt: skip
        narrative.versions.all().delete()
        NarrativeVersion.objects.create(
            narrative=narrative,
            number=1,
            title=item.title,
            targeted_and_why=item.targeted_and_why,
            what_we_did=item.what_we_did,
            impact_for_children=item.impact_for_children,
            whats_next=item.whats_next,
            indicators=[
                {
                    "indicator": r.indicator_id,
                    "period": r.period_label_shown,
                    "value": r.value_shown,
                }
                for r in item.indicators
            ],  # fmt: skip
            evidence=list(item.evidence),
            written_by=lead.user if lead else None,
        )
    link_narrative_documents(review)
    load_impacts(review, lead.user if lead else None)
    return record


def load_ssda903(review: Review) -> object | None:
    """Anytown's invented child-level SSDA903 return (2024/25 and 2025/26), imported through
    the same service as `readiness data import --kind ssda903`, so the looked after
    children's figures come from records, with a quality report on the imports page."""
    if review.area != "Anytown":
        return None
    from readiness.demo.domain.ssda903_demo import anytown_return
    from readiness.indicators.services import import_data

    lead = Membership.objects.filter(review=review, role=Membership.LEAD).first()
    return import_data(
        review, "ssda903", anytown_return(), user=lead.user if lead else None,
        file_name="Anytown SSDA903 return 2024-25 and 2025-26 (synthetic)",
    )  # fmt: skip


def link_narrative_documents(review: Review) -> int:
    """The demo narratives name their evidence by title; once the evidence library holds
    those documents, each title becomes a link to its document. Returns the links made."""
    from readiness.evidence.models import EvidenceDocument
    from readiness.narratives.models import NarrativeVersion

    by_title = {
        title.casefold(): pk
        for pk, title in EvidenceDocument.objects.filter(review=review).values_list("id", "title")
    }
    made = 0
    for version in NarrativeVersion.objects.filter(narrative__review=review):
        found = [by_title[t.casefold()] for t in version.evidence if t.casefold() in by_title]
        if found:
            version.documents.add(*found)
            version.evidence = [t for t in version.evidence if t.casefold() not in by_title]
            version.save(update_fields=["evidence"])
            made += len(found)
    return made


DEMO_IMPACTS = (
    (
        "Children in care health team",
        "Children in care have their health assessments on time",
        "lac_health_assessments",
        "A monthly paediatric clinic cleared the waiting list.",
        "The nurse came to my school so I didn't miss football.",
    ),
    (
        "Children in care health team",
        "Children placed out of area see a dentist sooner",
        "lac_dental_checks",
        "A 'fast slot' with a community dental service.",
        "",
    ),
    (
        "Front door (MASH)",
        "Fewer children come back to the front door within a year",
        "re_referrals_12_months",
        "Audits found clearer step-down plans after the first referral.",
        "",
    ),
    (
        "Virtual school",
        "Children in care do better at GCSE",
        "lac_attainment_8",
        "Year 11 revision plans agreed with every young person.",
        "My designated teacher helped me finish my coursework.",
    ),
)


def load_impacts(review: Review, user: object) -> None:
    from readiness.narratives.models import ServiceImpact

    ServiceImpact.objects.filter(review=review).delete()
    ServiceImpact.objects.bulk_create(
        ServiceImpact(review=review, service=service, text=text, indicator=indicator,
                      example=example, feedback_quote=quote, added_by=user)
        for service, text, indicator, example, quote in DEMO_IMPACTS
    )  # fmt: skip


def load_demo(password: str = DEMO_PASSWORD) -> list[Review]:
    return [load_partnership(p, password) for p in PARTNERSHIPS]
