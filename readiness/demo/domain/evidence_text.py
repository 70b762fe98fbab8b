"""Shared pieces for the synthetic evidence: the invented cast, places and the placeholder filler.

Every person, school and place here is invented for the Anytown demo.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from readiness.demo.domain.evidence_themes import THEMES
from readiness.demo.domain.evidence_themes_care import CARE_THEMES

ALL_THEMES = {**THEMES, **CARE_THEMES}

COUNCIL = "Anytown Borough Council"
POLICE = "Anyshire Police"
ICB = "Anyshire Integrated Care Board"
TRUST = "Anytown Community Health Trust"
SCHOOLS = "Anytown Schools Partnership"
PROBATION = "Probation Service (Anyshire)"
VCS = "Anytown Voluntary Action"
ASCP = "Anytown Safeguarding Children Partnership"

# role key -> (name, job title, agency)
CAST: dict[str, tuple[str, str, str]] = {
    "dcs": ("Rowena Blakemore", "Director of Children's Services", COUNCIL),
    "ad_safe": ("Daniel Okafor-Reid", "Assistant Director, Safeguarding", COUNCIL),
    "ad_care": ("Fiona Castleton", "Assistant Director, Children in Care", COUNCIL),
    "qa": ("Priya Okonkwo-Hale", "Head of Quality Assurance and Performance", COUNCIL),
    "psw": ("Gareth Linwood", "Principal Social Worker", COUNCIL),
    "vsh": ("Alison Penrose", "Virtual School Head", COUNCIL),
    "iro": ("Hannah Westerby", "Service Manager, Independent Reviewing Officers", COUNCIL),
    "lead_member": ("Cllr Bernard Ashworth-Lyle", "Lead Member for Children", COUNCIL),
    "cpp_chair": ("Cllr Maureen Tillotson", "Chair, Corporate Parenting Panel", COUNCIL),
    "leaving_care": ("Kwame Adjei-Brook", "Head of Service, Care Leavers", COUNCIL),
    "lado": ("Suzanne Hartfield", "Designated Officer (LADO)", COUNCIL),
    "cme": ("Colin Braithwaite", "Children Missing Education Officer", COUNCIL),
    "workforce": ("Nadia Qureshi-Bell", "Head of Workforce Development", COUNCIL),
    "hos_cic": ("Matthew Greenhalgh", "Head of Service, Children in Care", COUNCIL),
    "ssda": ("Ellie Vantongeren", "Performance Analyst, Children's Services", COUNCIL),
    "ceo": ("Andrew Pemberton-Kaye", "Chief Executive", COUNCIL),
    "fostering": ("Julie Harcastle", "Fostering Service Manager", COUNCIL),
    "police_pp": ("Det Supt Claire Wexley", "Head of Public Protection", POLICE),
    "police_dci": ("DCI Mark Tennant", "Child Exploitation and Missing", POLICE),
    "police_di": ("DI Dana Merriweather", "Child Abuse Investigation Team", POLICE),
    "police_insp": ("Insp Owen Fairclough", "Missing Persons Coordinator", POLICE),
    "police_sgt": ("PS Ruth Halloway", "Domestic Abuse Safeguarding Unit", POLICE),
    "icb_dn": ("Sam Quillfield", "Designated Nurse, Safeguarding Children", ICB),
    "icb_dd": ("Dr Imogen Sallis", "Designated Doctor, Looked After Children", ICB),
    "icb_dnlac": ("Joanne Pettifer", "Designated Nurse, Looked After Children", ICB),
    "icb_cno": ("Graham Doyle-Anders", "Chief Nursing Officer", ICB),
    "icb_quality": ("Lucy Brightwell", "Head of Quality", ICB),
    "icb_analyst": ("Tariq Hollins", "Senior Business Intelligence Analyst", ICB),
    "icb_comm": ("Beverley Crane", "Children's Commissioning Manager", ICB),
    "icb_chair": ("Dr Philippa Rennard", "Non-executive Member and Chair, Quality Committee", ICB),
    "trust_named": ("Karen Mottram", "Named Nurse, Children in Care", TRUST),
    "trust_lead": ("Emma Stroud", "Team Leader, Looked After Children's Health Team", TRUST),
    "trust_paed": ("Dr Rajiv Menon-Clarke", "Consultant Community Paediatrician", TRUST),
    "trust_hos": ("Paula Everdene", "Head of Safeguarding", TRUST),
    "trust_admin": ("Denise Fowell", "Administration Lead, Children's Health", TRUST),
    "trust_dental": ("Dr Alan Whitcombe", "Clinical Lead, Community Dental Service", TRUST),
    "trust_camhs": (
        "Dr Sunita Ravel",
        "Clinical Psychologist, Children in Care Wellbeing Service",
        TRUST,
    ),
    "schools_chair": (
        "Jonathan Beddows",
        "Headteacher, Kingsmead School; Chair, Schools Safeguarding Group",
        SCHOOLS,
    ),
    "schools_dsl": ("Rachel Obuya", "Safeguarding Adviser to Schools", SCHOOLS),
    "prob_head": ("Stella Marwick", "Head of Probation Delivery Unit", PROBATION),
    "prob_spo": ("Ian Pellow", "Senior Probation Officer, Safeguarding Lead", PROBATION),
    "vcs_ceo": ("Grace Tembo-Hughes", "Chief Executive", VCS),
    "vcs_safe": ("Martin Fernsby", "Safeguarding Development Officer", VCS),
    "ascp_scrutineer": ("Professor Elaine Corrigan", "Independent Scrutineer", ASCP),
    "ascp_manager": ("Lydia Haverstock", "Partnership Business Manager", ASCP),
    "ascp_training": ("Owen Castellan", "Multi-agency Training Coordinator", ASCP),
}

SCHOOL_NAMES = [
    "Kingsmead School",
    "Millbrook Primary School",
    "St Aldric's CE Primary School",
    "Hollow Lane Primary School",
    "Anytown Academy",
    "Westmoor Community College",
    "Riverside Learning Centre",
    "Eastfield Junior School",
]
TEAMS = [
    "Assessment Team 1",
    "Assessment Team 2",
    "Child Protection and Court Team North",
    "Child Protection and Court Team South",
    "Children in Care Team",
    "Disabled Children's Team",
    "Care Leavers Team",
    "Adolescent Safeguarding Team",
]
VENUES = [
    "Committee Room 2, Anytown Civic Centre",
    "Microsoft Teams",
    "Boardroom, Anyshire House",
    "Meeting Room 4, Millbrook Health Centre",
    "Training Suite, Westmoor Police Station",
    "Hybrid: Anytown Civic Centre and Microsoft Teams",
]
EXTRA_NAMES = [
    "Helen Ashby-Crowe",
    "Marcus Delacourt",
    "Bethany Nwosu",
    "Peter Langridge",
    "Shona McAllister",
    "Yusuf Karimjee",
    "Clare Ridgeway",
    "Tom Oyelaran",
    "Gemma Purslow",
    "Anita Sorensby",
]

FIRST_LETTERS = "ABCDEFGHJKLMNPRSTW"


def person(key: str) -> str:
    name, title, agency = CAST[key]
    return f"{name}, {title}, {agency}" if agency else f"{name}, {title}"


def name(key: str) -> str:
    return CAST[key][0]


def theme(key: str) -> dict:
    return ALL_THEMES[key]


def long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def plus_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


_PLACEHOLDER = re.compile(r"\{(pct|num|days|person|month|school|team)(?::(\d+)-(\d+))?\}")
MONTHS = [
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "January",
    "February",
    "March",
]


def fill(rng: random.Random, text: str) -> str:
    """Replace {pct:a-b}, {num:a-b}, {days:a-b}, {person}, {month}, {school}, {team}."""

    def one(match: re.Match) -> str:
        kind, low, high = match.group(1), match.group(2), match.group(3)
        if kind in ("pct", "num", "days"):
            value = rng.randint(int(low or 1), int(high or 9))
            return f"{value}%" if kind == "pct" else str(value)
        if kind == "person":
            return rng.choice(EXTRA_NAMES)
        if kind == "month":
            return rng.choice(MONTHS)
        if kind == "school":
            return rng.choice(SCHOOL_NAMES)
        return rng.choice(TEAMS)

    return _PLACEHOLDER.sub(one, text)


def pick(rng: random.Random, items: list[str], k: int) -> list[str]:
    """k items in their original order, filled."""
    chosen = sorted(rng.sample(range(len(items)), min(k, len(items))))
    return [fill(rng, items[i]) for i in chosen]


def measure_rows(rng: random.Random, theme_key: str, periods: list[str], improving: bool = True):
    """Rows of (measure, value per period) drifting from low to high (or high to low)."""
    rows = []
    for label, low, high, unit in theme(theme_key)["measures"]:
        values = sorted(rng.uniform(low, high) for _ in periods)
        if improving == lower_is_better(label):
            values.reverse()
        fmt = (lambda v: f"{v:.0f}%") if unit == "%" else (lambda v: f"{v:.0f}")
        rows.append([label] + [fmt(v) for v in values])
    return rows


LOWER_IS_BETTER = (
    "inadequate",
    "repeat",
    "second",
    "vacanc",
    "agency",
    "turnover",
    "three or more",
    "missing",
    "waiting",
    "duration",
    "suspensions",
    "call-outs",
    "lasting",
    "caseload",
    "bed and breakfast",
    "pre-proceedings",
    "plans lasting",
    "alerts",
)


def lower_is_better(label: str) -> bool:
    return any(word in label.lower() for word in LOWER_IS_BETTER)


CONTEXT = [
    "Anytown is a unitary borough of about {num:255-270},000 people, {num:58-63},000 of them "
    "children. "
    "{pct:18-24} of children live in low-income families, concentrated in Northgate, Eastfield "
    "and the "
    "Riverside estate, and {pct:28-34} of pupils are from minority ethnic backgrounds.",
    "The council's children's services were last inspected under ILACS in March 2023 and judged to "
    "require improvement to be good, with good judgements for children in care and care leavers. "
    "A focused visit in June 2024 found progress on management oversight.",
    "The rate of children in care is {num:68-76} per 10,000 children, close to statistical "
    "neighbours "
    "({num:70-78}) and above England ({num:67-71}). The rate of child protection plans is "
    "{num:40-48} per 10,000.",
]
GOVERNANCE = [
    "This report was considered by the departmental management team and will be shared with the "
    "corporate parenting panel and the safeguarding partnership executive.",
    "Data are taken from the case management system and validated by the performance team; figures "
    "for the latest quarter are provisional until the statutory returns are submitted.",
    "Equality monitoring shows no significant difference in outcomes by sex; boys of mixed "
    "heritage "
    "remain over-represented among children in care and are the focus of a deep dive.",
]


def context(rng: random.Random, k: int = 2) -> list[str]:
    return pick(rng, CONTEXT, k)


def governance(rng: random.Random, k: int = 2) -> list[str]:
    return pick(rng, GOVERNANCE, k)


def child_example(rng: random.Random, theme_key: str) -> str:
    letter = rng.choice(FIRST_LETTERS)
    age = rng.randint(4, 16)
    about = theme(theme_key)["about"]
    before = rng.choice(
        [
            "had experienced several changes of worker",
            "was not attending school regularly",
            "had not been seen alone by professionals",
            "was described in records only through the concerns of adults",
            "had waited for a service for some months",
        ]
    )
    after = rng.choice(
        [
            "now has a consistent worker and a plan they helped write",
            "is attending school every day and says they feel safer",
            "was seen alone, and what they said changed the plan",
            "is settled and the family's situation has improved measurably",
            "now gets the help they need and their views are recorded in their own words",
        ]
    )
    return (
        f"Child {letter} (aged {age}) {before}. The audit of work on {about} led to a "
        f"change of approach, and Child {letter} {after}."
    )
