"""Anytown's findings, its recommendation R1 with an action plan, and action points A9–A15,
on invented data and in our own words.

The founding review left the partnership one recommendation (thresholds) and action points
about telling the story of its work: narratives for A9–A13 (the demo's narratives answer
them), outcome-focused evidence (A14) and interview preparation (A15). Dates are counted
from the day the demo is loaded, so that some items are always overdue, some are due before
the inspection window and some have had no progress for weeks, whenever the demo runs.
Progress updates name demo evidence documents by title; once the evidence library holds
them, `link_documents` turns each title into a link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

AREA = "Anytown"
# Days relative to the day the demo is loaded.
PART_1_STARTED, PART_2_STARTED = -30 * 7, -12 * 7
ITEMS_WRITTEN = -11 * 7  # the report that raised the items went out early in Part 2


@dataclass(frozen=True)
class DemoFinding:
    key: str
    evaluation: str
    area: str
    text: str
    judgements: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # evidence titles
    part: int = 1  # the phase it was first written in


@dataclass(frozen=True)
class DemoUpdate:
    days: int  # relative to load day
    text: str
    status: str
    documents: tuple[str, ...] = ()  # evidence titles
    by: str = ""  # username; the owner when empty


@dataclass(frozen=True)
class DemoItem:
    code: str
    kind: str
    text: str
    finding: str
    owner: str
    agency: str
    due: int  # days relative to load day
    status: str
    rationale: str = ""
    guidance: tuple[str, ...] = ()
    judgements: tuple[str, ...] = ()
    milestones: tuple[tuple[str, int, int | None], ...] = ()  # text, due, done (days)
    updates: tuple[DemoUpdate, ...] = field(default_factory=tuple)


FINDINGS = (
    DemoFinding(
        "strategy",
        "performance",
        "Help and protection",
        "Strategy meetings are arranged quickly, and police and health attended all but two "
        "of the meetings we sampled. Decisions are written up and shared with partners on "
        "the day, so children's safety plans start straight away.",
        ("help_and_protection",),
        ("re_referrals_12_months",),
    ),
    DemoFinding(
        "thresholds",
        "performance",
        "Help and protection",
        "Partners do not share one understanding of when a child in need who is not at risk "
        "of significant harm should be referred to children's social care. Early help "
        "assessments are often sent as referral forms, and the threshold guide was revised "
        "last year by the council with little say from schools, health or the voluntary "
        "sector.",
        ("help_and_protection",),
        ("re_referrals_12_months",),
        ("Anytown thresholds guide - levels of need 2025",),
    ),
    DemoFinding(
        "audits",
        "performance",
        "Help and protection",
        "Multi-agency case file audits are thorough and followed up, but what changed for "
        "children because of them is not written down anywhere an inspector would find it.",
        ("help_and_protection", "impact_of_leaders"),
        ("cp_plans_second_or_subsequent",),
    ),
    DemoFinding(
        "partnership",
        "performance",
        "Partnership working",
        "Partnership working at the front line is strong: practitioners describe open "
        "relationships and problems escalated and settled quickly. Senior leaders meet "
        "often, but their minutes record what was discussed more than what it changed for "
        "children.",
        ("impact_of_leaders",),
        (),
        ("Improvement board minutes 21 January 2026",),
    ),
    DemoFinding(
        "teenage-pregnancy",
        "performance",
        "Partnership working",
        "Teenage conceptions fell after partners chose three wards for targeted work, yet "
        "why those wards were chosen and what the work achieved is not set out in one place.",
        ("impact_of_leaders",),
        ("teenage_conceptions_under_18",),
    ),
    DemoFinding(
        "medicals",
        "performance",
        "Partnership working",
        "No child has been examined in a police station after an allegation of sexual abuse "
        "since partners changed the pathway. Few people outside the agencies involved know "
        "this happened or why.",
        ("help_and_protection",),
        ("sexual_abuse_medicals_in_police_station",),
        ("Paediatric sexual assault pathway update 2025",),
    ),
    DemoFinding(
        "lac-health",
        "performance",
        "Children in care",
        "Most health assessments for children in care are now on time, after a year of "
        "joint work by the council and health partners. Dental checks for children placed "
        "out of the area still lag behind.",
        ("children_in_care",),
        ("lac_health_assessments", "lac_dental_checks"),
        ("Health assessments for children in care - what changed 2025-26",),
        part=2,
    ),
    DemoFinding(
        "gcse",
        "performance",
        "Children in care",
        "The virtual school's work with the Year 11 cohort is well regarded by young people "
        "and carers, but examination results reach leaders months after they are published.",
        ("children_in_care",),
        ("lac_attainment_8",),
        part=2,
    ),
    DemoFinding(
        "procedures",
        "robustness",
        "Policies and procedures",
        "Most policies are current and known, but some procedures are past their review "
        "dates, among them the children missing education procedure, last revised in 2022.",
        ("help_and_protection",),
        (),
        ("Children missing education procedure 2022",),
        part=2,
    ),
    DemoFinding(
        "evidence",
        "readiness",
        "Evidence and narratives",
        "The evidence offered to the review was plentiful but hard to find one's way "
        "through, and much of it describes meetings rather than what changed for children.",
        ("impact_of_leaders",),
        part=2,
    ),
    DemoFinding(
        "interviews",
        "readiness",
        "Interviews and focus groups",
        "Managers could describe their services' impact when asked, but few had the "
        "evidence of it to hand, which is what interviews and focus groups will test.",
        ("impact_of_leaders",),
        part=2,
    ),
)

ITEMS = (
    DemoItem(
        "R1",
        "recommendation",
        "Make sure partners take part in revising the thresholds for help and protection, "
        "and that the revised thresholds are understood by staff in every agency.",
        "thresholds",
        "priya.lead",
        "Anytown Safeguarding Children Partnership",
        45,
        "in_progress",
        rationale="Partners apply different thresholds to children in need, so some "
        "families are referred too early and others too late.",
        guidance=(
            "Ask schools, health, police and the voluntary sector to revise the guide together.",
            "Brief front-line staff in every agency, not only managers.",
            "Audit a sample of threshold decisions after the launch.",
        ),
        judgements=("help_and_protection",),
        milestones=(
            ("Threshold workshop with schools, health, police and the voluntary sector", -42, -44),
            ("Revised guide agreed by the safeguarding partnership board", -7, None),
            ("Briefings for front-line staff in every agency", 21, None),
            ("Multi-agency audit of threshold decisions", 70, None),
        ),
        updates=(
            DemoUpdate(
                -44,
                "Workshop held with 38 practitioners from seven agencies; schools "
                "asked for examples of children in need who are not at risk.",
                "in_progress",
                ("Thresholds training for partners 2025-26",),
            ),
            DemoUpdate(
                -16,
                "Draft guide sent to partners for comment; the board meeting that "
                "was to agree it moved to next month.",
                "in_progress",
                ("Anytown thresholds guide - levels of need 2025",),
                by="tom.reviewer",
            ),
        ),
    ),
    DemoItem(
        "A9",
        "action_point",
        "Write a short narrative about the multi-agency case file audits that shows, with "
        "examples, how practice improved.",
        "audits",
        "tom.reviewer",
        "Anytown Safeguarding Children Partnership",
        -20,
        "done",
        judgements=("help_and_protection", "impact_of_leaders"),
        updates=(
            DemoUpdate(
                -30,
                "Narrative written and checked against the latest figures.",
                "done",
                ("Multi-agency audits - what changed for children",),
            ),
        ),
    ),
    DemoItem(
        "A10",
        "action_point",
        "Write a short narrative on why the three wards were targeted for work on teenage "
        "pregnancy, what was done and what the figures show since.",
        "teenage-pregnancy",
        "priya.lead",
        "Anytown Borough Council",
        -10,
        "done",
        judgements=("impact_of_leaders",),
        updates=(DemoUpdate(-12, "Narrative finished with the 2024 conception rate.", "done"),),
    ),
    DemoItem(
        "A11",
        "action_point",
        "Write a short narrative on how partners ended examinations of children in police "
        "stations, and what comes next.",
        "medicals",
        "dana.police",
        "Anyshire Police",
        14,
        "in_progress",
        judgements=("help_and_protection",),
        updates=(
            DemoUpdate(
                -9,
                "Draft shared with the designated doctor for the figures on the new pathway.",
                "in_progress",
                ("Paediatric sexual assault pathway update 2025",),
            ),
        ),
    ),
    DemoItem(
        "A12",
        "action_point",
        "Write a short narrative showing how partners worked together on health assessments "
        "and dental checks for children in care, with the figures that show the change.",
        "lac-health",
        "sam.health",
        "Anyshire Integrated Care Board",
        -5,
        "in_progress",
        judgements=("children_in_care",),
        updates=(
            DemoUpdate(
                -40,
                "Health assessment section written; waiting for the dental "
                "figures for children placed out of area.",
                "in_progress",
                (
                    "Health assessments for children in care - what changed 2025-26",
                    "LAC health assessment tracker April 2026",
                ),
            ),
        ),
    ),
    DemoItem(
        "A13",
        "action_point",
        "Collect this year's GCSE results of children in care as soon as they are published, "
        "and write a short narrative on the extra work with the cohort and its results.",
        "gcse",
        "tom.reviewer",
        "Anytown Schools Partnership",
        20,
        "not_started",
        judgements=("children_in_care",),
    ),
    DemoItem(
        "A14",
        "action_point",
        "Write short narratives on the areas of work the partnership wants to show, about "
        "outcomes rather than process, and order the evidence by line of enquiry so that it "
        "is easy to find one's way through.",
        "evidence",
        "priya.lead",
        "Anytown Borough Council",
        35,
        "in_progress",
        judgements=("impact_of_leaders",),
        updates=(
            DemoUpdate(
                -50,
                "Evidence library set up with every agency's folder; alignment "
                "to the lines of enquiry under way.",
                "in_progress",
            ),
        ),
    ),
    DemoItem(
        "A15",
        "action_point",
        "Before interviews and focus groups, list the impact each service has had on "
        "outcomes for children and families, with the evidence of it.",
        "interviews",
        "sam.health",
        "Anyshire Integrated Care Board",
        -3,
        "not_started",
        judgements=("impact_of_leaders",),
    ),
)


def load_actions(review, today: date | None = None) -> dict[str, int]:
    """Write Anytown's findings and items into REVIEW (made afresh by the demo loader)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from readiness.actions import services
    from readiness.actions.models import ActionItem, Finding, ProgressUpdate
    from readiness.frameworks.models import Judgement
    from readiness.reviews.models import Agency

    if review.area != AREA:
        return {}
    today = today or timezone.localdate()
    phases = list(review.phases.order_by("position"))
    for phase, days in zip(phases, (PART_1_STARTED, PART_2_STARTED), strict=False):
        if phase.starts is None:
            phase.starts = today + timedelta(days=days)
            phase.save(update_fields=["starts"])
    judgements = {j.key: j for j in Judgement.objects.filter(framework=review.framework)}
    users = {u.username: u for u in get_user_model().objects.filter(memberships__review=review)}
    agencies = {a.name: a for a in Agency.objects.filter(review=review)}
    lead = next(u for name, u in users.items() if name == "priya.lead")

    findings: dict[str, Finding] = {}
    for position, item in enumerate(f for f in FINDINGS if f.part == 1):
        findings[item.key] = _finding(review, item, position, phases[0], lead, judgements)
    if len(phases) > 1:
        carried = services.carry_forward_findings(review, phases[1])
        for copy in carried:
            key = next(k for k, f in findings.items() if f.id == copy.carried_forward_from_id)
            findings[key] = copy
        for position, item in enumerate(f for f in FINDINGS if f.part == 2):
            findings[item.key] = _finding(review, item, position, phases[1], lead, judgements)

    written = timezone.now() + timedelta(days=ITEMS_WRITTEN)
    for item in ITEMS:
        made = services.create_item(
            review, item.kind, item.text, code=item.code, rationale=item.rationale,
            guidance="\n".join(item.guidance), finding=findings[item.finding],
            judgements=[judgements[k] for k in item.judgements], owner=users[item.owner],
            owner_agency=agencies[item.agency], due_date=today + timedelta(days=item.due),
            status="not_started", created_by=lead,
        )  # fmt: skip
        ActionItem.objects.filter(pk=made.pk).update(created_at=written)
        for text, due, done in item.milestones:
            services.add_milestone(
                made, text, today + timedelta(days=due),
                today + timedelta(days=done) if done is not None else None,
            )  # fmt: skip
        for update in item.updates:
            saved = services.add_progress(
                made, users[update.by or item.owner], update.text, update.status,
                reference="; ".join(update.documents),
            )  # fmt: skip
            ProgressUpdate.objects.filter(pk=saved.pk).update(
                written_at=timezone.now() + timedelta(days=update.days)
            )
        if made.status != item.status:
            services.update_item(made, status=item.status)
    link_documents(review)
    return {"findings": len(services.current_findings(review)), "items": len(ITEMS)}


def _finding(review, item: DemoFinding, position: int, phase, lead, judgements):
    from readiness.actions.models import Finding

    finding = Finding.objects.create(
        review=review, evaluation=item.evaluation, area=item.area, position=position,
        text=item.text, phase=phase, indicators=list(item.indicators), written_by=lead,
    )  # fmt: skip
    finding.judgements.set([judgements[k] for k in item.judgements])
    finding.lines_of_enquiry.set(
        [line for key in item.judgements for line in judgements[key].lines_of_enquiry.all()[:2]]
    )
    finding.documents.set(_documents(review, item.documents))
    return finding


def _documents(review, titles) -> list:
    from readiness.evidence.models import EvidenceDocument

    wanted = {t.casefold() for t in titles}
    return [
        d for d in EvidenceDocument.objects.filter(review=review) if d.title.casefold() in wanted
    ]


def link_documents(review) -> int:
    """Each evidence title named in a progress update's reference, or in a demo finding,
    becomes a link to the document once the library holds it. Running it again links
    nothing more. Returns the links made."""
    from readiness.actions.models import Finding, ProgressUpdate
    from readiness.evidence.models import EvidenceDocument

    by_title = {
        title.casefold(): pk
        for pk, title in EvidenceDocument.objects.filter(review=review).values_list("id", "title")
    }
    if not by_title:
        return 0
    made = 0
    for update in ProgressUpdate.objects.filter(item__review=review).exclude(evidence_reference=""):
        titles = [t.strip() for t in update.evidence_reference.split(";") if t.strip()]
        found = [by_title[t.casefold()] for t in titles if t.casefold() in by_title]
        if found:
            update.documents.add(*found)
            update.evidence_reference = "; ".join(t for t in titles if t.casefold() not in by_title)
            update.save(update_fields=["evidence_reference"])
            made += len(found)
    texts = {f.text: f for f in FINDINGS}
    for finding in Finding.objects.filter(review=review).prefetch_related("documents"):
        demo = texts.get(finding.text)
        if demo and not finding.documents.all():
            found = [by_title[t.casefold()] for t in demo.documents if t.casefold() in by_title]
            finding.documents.add(*found)
            made += len(found)
    return made
