"""Anytown's synthetic fieldwork, as plain data: about 400 pseudonymised children, a sample of
20, 20 audits (6 moderated, one with a planted disagreement), 6 interviews, 2 focus groups
and a thresholds check with 60 answers. Seeded; every id, team and word is invented. Case
dates are fixed; the thresholds links and answers are dated the day the demo is loaded."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

SEED = 2026
AS_OF = date(2026, 11, 20)
LISTS = (("child_in_need", 150), ("child_protection", 90), ("children_in_care", 110),
         ("care_leavers", 50))  # fmt: skip
TEAMS = {
    "child_in_need": ("North", "South", "East", "Disabled children"),
    "child_protection": ("North", "South", "East"),
    "children_in_care": ("Children in care 1", "Children in care 2", "Disabled children"),
    "care_leavers": ("Leaving care",),
}
AGES = {"child_in_need": (0, 17), "child_protection": (0, 17), "children_in_care": (0, 17),
        "care_leavers": (18, 24)}  # fmt: skip
SAMPLE_SIZES = {"child_in_need": 5, "child_protection": 6, "children_in_care": 6, "care_leavers": 3}
SAMPLE_SEED = 4117
SECTORS = (("police", "police"), ("integrated care", "health"), ("health", "health"),
           ("schools", "education"), ("probation", "probation"), ("voluntary", "voluntary"),
           ("safeguarding", "partnership"))  # fmt: skip


@dataclass(frozen=True)
class Child:
    case_id: str
    list_key: str
    team: str
    worker: str
    age: int
    started: date


def children() -> list[Child]:
    rng = random.Random(SEED)
    result = []
    number = 100000
    for key, count in LISTS:
        for _ in range(count):
            number += rng.randint(1, 9)
            team = rng.choice(TEAMS[key])
            low, high = AGES[key]
            leaver = key == "care_leavers"
            worker = f"PA{rng.randint(1, 6)}" if leaver else f"SW{rng.randint(1, 34):02}"
            result.append(Child(
                case_id=f"AT{number}", list_key=key, team=team, worker=worker,
                age=rng.randint(low, high), started=AS_OF - timedelta(days=rng.randint(20, 1100)),
            ))  # fmt: skip
    return result


def grade_for(rng: random.Random, question: str, lean: float) -> str:
    """A grade leaning towards requires improvement: Anytown's practice is uneven."""
    roll = rng.random() + lean
    if roll < 0.08:
        return "outstanding"
    if roll < 0.45:
        return "good"
    if roll < 0.88:
        return "requires_improvement"
    return "inadequate"


def second_opinion(rng: random.Random, grade: str) -> str:
    """A moderator's blind grade: mostly the same, now and then a near miss."""
    order = ["outstanding", "good", "requires_improvement", "inadequate"]
    if rng.random() < 0.75:
        return grade
    index = order.index(grade) + rng.choice((-1, 1))
    return order[min(max(index, 0), 3)]


# The planted disagreement: on this question of the first moderated audit the first auditor
# says good and the second, blind, inadequate; the lead settles it.
PLANTED = ("plan_smart", "good", "inadequate", "requires_improvement",
           "The plan names actions but no timescales; progress is real but slow.")  # fmt: skip
URGENT = ("No visit recorded for nine weeks: visit this week and see the child alone.",
          "North team manager")  # fmt: skip

INTERVIEWS = [
    (
        "interview",
        "Head of the front door",
        "head of service",
        None,
        ["hp_front_door"],
        {
            1: "Contacts are screened within a working day and the partners sit together in the "
            "hub, so police and health checks come back the same day.\n\nWe audit a dip sample "
            "of contacts each month.",
            3: "Fewer children are re-referred within a year: down from 24% to 17% since the "
            "hub opened, and families tell us they were not passed around.",
        },
    ),
    (
        "interview",
        "Principal social worker",
        "principal social worker",
        None,
        ["iol_learning_culture", "iol_workforce"],
        {
            1: "Audit findings go to every practice forum and managers take the actions back to "
            "supervision.",
            5: "Plans are clearer and children's words now appear in most assessments.",
        },
    ),
    (
        "interview",
        "Virtual school head",
        "virtual school head",
        "Anytown Schools Partnership",
        ["cic_health_and_education"],
        {
            1: "Every child in care has a personal education plan reviewed each term.",
            3: "Attendance of children in care rose to 93% and exclusions halved.",
        },
    ),
    (
        "interview",
        "Designated nurse",
        "designated nurse for children in care",
        "Anyshire Integrated Care Board",
        ["cic_health_and_education"],
        {
            1: "Initial health assessments were late for a third of children last year.",
            3: "Since the joint tracker, 88% are on time; dental checks are still behind.",
        },
    ),
    (
        "interview",
        "Detective inspector, child protection",
        "detective inspector",
        "Anyshire Police",
        ["hp_strategy_and_enquiries"],
        {
            1: "Strategy discussions happen within a day, by video when needed, with health always "
            "invited.",
            3: "Children are interviewed sooner and fewer cases drift.",
        },
    ),
    (
        "interview",
        "Lead Member",
        "lead member for children",
        None,
        ["iol_partnerships_and_corporate_parenting"],
        {
            1: "The corporate parenting board hears from the children in care council every "
            "meeting.",
            3: "Young people asked for free bus travel and now have it.",
        },
    ),
    (
        "focus_group",
        "Social workers' focus group",
        "",
        None,
        ["hp_assessment_and_plans"],
        {
            1: "Caseloads are manageable in the East team but not in North, where agency staff "
            "change often.\n\nSupervision is regular but not always reflective.",
            3: "When plans are clear, families understand what has to change.",
        },
    ),
    (
        "focus_group",
        "Partners' focus group",
        "",
        None,
        ["hp_front_door", "hp_early_help"],
        {
            1: "Thresholds for child protection are well understood; for children in need who are "
            "not at risk, much less so.\n\nSchools still use the early help assessment as a "
            "referral form.",
            5: "Families reached early help sooner where schools and health visitors work "
            "together.",
        },
    ),
]
FOCUS_GROUP_PEOPLE = {
    "Social workers' focus group": [("social worker", None)] * 6 + [("team manager", None)] * 2,
    "Partners' focus group": [
        ("school designated safeguarding lead", "Anytown Schools Partnership")
    ]
    * 3
    + [("health visitor", "Anytown Community Health Trust")] * 2
    + [("police sergeant", "Anyshire Police"), ("youth worker", "Anytown Voluntary Action")],
}
QUOTED = {"Head of the front door": 3, "Virtual school head": 3}  # note position to quote

# 60 thresholds answers: (agency, role, people). Probation and community health stay under
# five, so their answers are held back.
THRESHOLD_PEOPLE = [
    ("Anyshire Police", "police officer", 15),
    ("Anyshire Integrated Care Board", "GP", 7),
    ("Anyshire Integrated Care Board", "school nurse", 8),
    ("Anytown Schools Partnership", "designated safeguarding lead", 15),
    ("Anytown Voluntary Action", "youth worker", 10),
    ("Probation Service (Anyshire)", "probation officer", 3),
    ("Anytown Community Health Trust", "health visitor", 2),
]
# Chance of choosing the intended level, by vignette title; otherwise the misreading given.
READINGS = {
    "Tired in class": (0.7, "child_in_need"),
    "Bruise on the cheek": (0.95, "child_in_need"),
    "Caring for mum": (0.4, "early_help"),
    "New baby, new town": (0.8, "early_help"),
    "Older friends": (0.6, "child_in_need"),
    "Disabled and isolated": (0.45, "early_help"),
}
