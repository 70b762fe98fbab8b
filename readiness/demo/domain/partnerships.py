"""Two synthetic partnerships for the demo and the tests. Every name here is invented.

Anytown prepares for ILACS (April 2026 revision); Northbridge, as the founding review's
council did in 2011, prepares for a SLAC inspection. Grades are chosen to show the
product's behaviour: composites whose suggestion differs from the grade given, a limiting
component near the bottom, and headlines with a guide from published inspections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEMO_PASSWORD = "anytown-demo-2026"


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str
    last_name: str
    role: str
    agency: str | None = None


@dataclass(frozen=True)
class Assessment:
    grade: str
    confidence: str
    rationale: str
    strengths: str = ""
    areas_for_improvement: str = ""


@dataclass(frozen=True)
class Partnership:
    review_name: str
    area: str
    framework: str
    window: tuple[str, str]
    agencies: tuple[str, ...]
    phases: tuple[str, ...]
    current_phase: int
    people: tuple[Person, ...]
    assessments: dict[str, Assessment] = field(default_factory=dict)
    evidence: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


ANYTOWN = Partnership(
    review_name="Anytown readiness review 2026–27",
    area="Anytown",
    framework="ilacs-2026",
    window=("2027-01-11", "2027-03-26"),
    agencies=(
        "Anytown Borough Council",
        "Anyshire Police",
        "Anyshire Integrated Care Board",
        "Anytown Community Health Trust",
        "Anytown Schools Partnership",
        "Probation Service (Anyshire)",
        "Anytown Voluntary Action",
        "Anytown Safeguarding Children Partnership",
    ),
    phases=("Part 1: front door", "Part 2: children in care and care leavers"),
    current_phase=2,
    people=(
        Person("priya.lead", "Priya", "Okonkwo-Hale", "lead"),
        Person("tom.reviewer", "Tom", "Ashcombe", "reviewer"),
        Person("dana.police", "Dana", "Merriweather", "contributor", "Anyshire Police"),
        Person("sam.health", "Sam", "Quillfield", "contributor", "Anyshire Integrated Care Board"),
        Person("lee.viewer", "Lee", "Farrowdale", "viewer"),
    ),
    assessments={
        "impact_of_leaders": Assessment(
            "good",
            "medium",
            "Leaders know their services well through a monthly performance clinic and "
            "practice weeks; the self-evaluation is candid about drift in pre-proceedings.",
            "Stable, experienced senior team; caseloads average 17; audit programme is "
            "moderated and acted on.",
            "Impact of the workforce plan on agency staffing (still 14%) is not yet shown.",
        ),
        "help_and_protection": Assessment(
            "requires_improvement",
            "low",
            "Front door decisions are timely, but the quality of child in need plans is "
            "variable and the threshold for children in need who are not at risk is not "
            "widely understood by partners.",
            "Strategy meetings are convened quickly, with police and health present.",
            "Child in need plans lack measurable outcomes; early help assessments are "
            "used as referral forms.",
        ),
        "children_in_care": Assessment(
            "good",
            "medium",
            "Most children live in stable homes; health assessments are now timely "
            "(91% in 2025–26, up from 64%).",
            "Virtual school's targeted work with the Year 11 cohort.",
            "Dental checks for children placed out of area remain late.",
        ),
        "care_leavers": Assessment(
            "good",
            "high",
            "Personal advisers know their young people well; 96% are in touch and 88% "
            "in suitable accommodation.",
            "Staying put offered to all; local offer co-produced with the care leavers' forum.",
            "Education, employment or training at 19–21 is below statistical neighbours.",
        ),
    },
    evidence={
        "help_and_protection": (
            (
                "Multi-agency case file audit summary, March 2026 (evidence folder 2)",
                "Audit findings on strategy meetings and the resulting practice changes",
            ),
            ("Threshold document, revised 2026 (partnership website)", "Thresholds agreed"),
        ),
        "children_in_care": (
            ("Health assessment timeliness, monthly data to October 2026", "Improvement"),
        ),
    },
)


def _slac(grade: str, confidence: str, rationale: str) -> Assessment:
    return Assessment(grade, confidence, rationale)


NORTHBRIDGE = Partnership(
    review_name="Northbridge safeguarding and looked after children review 2011",
    area="Northbridge",
    framework="slac-2009",
    window=("2011-09-05", "2012-06-29"),
    agencies=(
        "Northbridge Borough Council",
        "Northshire Constabulary",
        "Northbridge Primary Care Trust",
        "Northbridge Hospitals NHS Trust",
        "Northbridge Schools Forum",
        "Northshire Probation Trust",
        "Northbridge Council for Voluntary Service",
        "Northbridge Local Safeguarding Children Board",
    ),
    phases=(
        "Part 1: front-line referral and assessment services",
        "Part 2: safeguarding and looked after children services",
    ),
    current_phase=2,
    people=(
        Person("morgan.lead", "Morgan", "Blythewood", "lead"),
        Person("ravi.reviewer", "Ravi", "Castellan", "reviewer"),
        Person("jo.police", "Jo", "Pemberton-Sayle", "contributor", "Northshire Constabulary"),
        Person("kit.viewer", "Kit", "Underhill", "viewer"),
    ),
    assessments={
        "safeguarding_children_are_safe": _slac(
            "good", "medium", "Strategy meetings are convened quickly and flexibly."
        ),
        "safeguarding_children_feel_safe": _slac(
            "good", "medium", "Surveys and focus groups show most children feel safe."
        ),
        "safeguarding_health_contribution": _slac(
            "good", "high", "Designated GP has raised GP engagement and training."
        ),
        "safeguarding_service_responsiveness": _slac(
            "good", "medium", "Contacts and referrals handled promptly."
        ),
        "safeguarding_assessment_and_direct_work": _slac(
            "adequate", "low", "Joint visits are good but assessment quality varies."
        ),
        "safeguarding_case_planning_reviews_recording": _slac(
            "adequate", "low", "Child in need plans lack clear outcomes."
        ),
        "safeguarding_ambition_and_prioritisation": _slac(
            "good", "medium", "Clear shared priorities across the partnership."
        ),
        "safeguarding_evaluation": _slac(
            "adequate", "medium", "Performance data are improving but QA is not yet embedded."
        ),
        "safeguarding_user_engagement": _slac(
            "adequate", "low", "Children's views inform few service changes."
        ),
        "safeguarding_partnerships": _slac(
            "good", "high", "Front-line partnership working is excellent."
        ),
        "safeguarding_equality_and_diversity": _slac(
            "good", "medium", "Needs of minority communities understood."
        ),
        "safeguarding_value_for_money": _slac("good", "medium", "Costs benchmarked."),
        "safeguarding_quality_of_provision": _slac(
            "adequate", "medium", "Two of three parts adequate."
        ),
        "safeguarding_leadership_and_management": _slac(
            "good", "medium", "Strong ambition and partnerships outweigh weaker evaluation."
        ),
        "safeguarding_overall_effectiveness": _slac(
            "good", "medium", "Children are safe; provision is adequate and improving."
        ),
        "safeguarding_capacity_for_improvement": _slac(
            "good", "medium", "Stable leadership with a record of improvement."
        ),
        "lac_being_healthy": _slac(
            "inadequate",
            "medium",
            "Initial and annual health assessments and dental checks are late; partners "
            "spent months disputing the data before acting.",
        ),
        "lac_staying_safe": _slac("good", "medium", "Placements are stable and safe."),
        "lac_enjoying_and_achieving": _slac(
            "adequate", "low", "Between 4 and 6 of 22 Year 11 pupils expected to get 5 good GCSEs."
        ),
        "lac_making_a_positive_contribution": _slac(
            "good", "medium", "Children in care council is active."
        ),
        "lac_economic_wellbeing": _slac(
            "adequate", "medium", "Care leavers' EET is below average."
        ),
        "lac_service_responsiveness": _slac("good", "medium", "Placements found promptly."),
        "lac_assessment_and_direct_work": _slac("adequate", "medium", "Direct work is variable."),
        "lac_case_planning_reviews_recording": _slac(
            "adequate", "medium", "Reviews on time; plans not always updated."
        ),
        "lac_ambition_and_prioritisation": _slac("good", "medium", "Corporate parenting is owned."),
        "lac_evaluation": _slac("adequate", "medium", "Data on health checks were unreliable."),
        "lac_user_engagement": _slac("good", "medium", "Children in care council shapes services."),
        "lac_partnerships": _slac("adequate", "low", "Health partnership slow to act."),
        "lac_equality_and_diversity": _slac("good", "medium", "Identity needs met in plans."),
        "lac_value_for_money": _slac("adequate", "medium", "High spend on external placements."),
        "lac_quality_of_provision": _slac("adequate", "medium", "Adequate across all three parts."),
        "lac_leadership_and_management": _slac(
            "adequate", "medium", "Half the components adequate."
        ),
        "lac_overall_effectiveness": _slac(
            "adequate", "low", "Health outcomes are the main risk to this judgement."
        ),
    },
)

PARTNERSHIPS = (ANYTOWN, NORTHBRIDGE)
