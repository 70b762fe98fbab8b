"""Who sends Northbridge's evidence, and from where: the invented cast of the second demo
partnership (SLAC 2009), its agencies' e-mail domains and the folders they file in.

Every person, school, place and team here is invented. The agencies are those of
`partnerships.NORTHBRIDGE`, so an ingest files each document under its agency.
"""

from __future__ import annotations

from datetime import date

COUNCIL = "Northbridge Borough Council"
POLICE = "Northshire Constabulary"
PCT = "Northbridge Primary Care Trust"
HOSPITALS = "Northbridge Hospitals NHS Trust"
SCHOOLS = "Northbridge Schools Forum"
PROBATION = "Northshire Probation Trust"
CVS = "Northbridge Council for Voluntary Service"
LSCB = "Northbridge Local Safeguarding Children Board"
AGENCIES = (COUNCIL, POLICE, PCT, HOSPITALS, SCHOOLS, PROBATION, CVS, LSCB)
HEALTH = (PCT, HOSPITALS)

DOMAINS = {
    COUNCIL: "northbridge.gov.example",
    POLICE: "northshire.police.example",
    PCT: "northbridgepct.nhs.example",
    HOSPITALS: "northbridgehospitals.nhs.example",
    SCHOOLS: "northbridgeschoolsforum.example",
    PROBATION: "northshireprobation.example",
    CVS: "northbridgecvs.example",
    LSCB: "northbridgelscb.example",
}
REVIEW_TEAM = "Readiness review team <review.team@northbridge.gov.example>"

# key -> (name, job title, agency)
CAST: dict[str, tuple[str, str, str]] = {
    "dcs": ("Gillian Marchbank", "Director of Children's Services", COUNCIL),
    "ad": ("Stuart Ellerby", "Assistant Director, Children's Social Care", COUNCIL),
    "perf": ("Bronwen Hallett", "Head of Performance and Quality Assurance", COUNCIL),
    "lac_head": ("Neil Quarrington", "Head of Service, Looked After Children", COUNCIL),
    "vsh": ("Frances Ottley", "Head of the Virtual School", COUNCIL),
    "member": ("Cllr Derek Amesbury", "Portfolio Holder for Children's Services", COUNCIL),
    "iro": ("Harriet Wynstanley", "Independent Reviewing Officer Manager", COUNCIL),
    "analyst": ("Leon Breckon", "Performance Officer", COUNCIL),
    "complaints": ("Anita Sandhu-Lowe", "Complaints and Representations Manager", COUNCIL),
    "workforce": ("Carl Pennock", "Workforce Development Manager", COUNCIL),
    "participation": ("Margaret Tull", "Participation Officer", COUNCIL),
    "finance": ("Oliver Castleford", "Finance Business Partner, Children's Services", COUNCIL),
    "pa": ("Tracey Dunkley", "PA to the Assistant Director", COUNCIL),
    "police_head": ("Det Ch Insp Helen Marsh-Tindall", "Head of Public Protection", POLICE),
    "police_di": ("DI Robert Fenwick-Hale", "Child Abuse Investigation Unit", POLICE),
    "police_ps": ("PS Kerry Aldous", "Missing from Home Coordinator", POLICE),
    "police_jo": ("Jo Pemberton-Sayle", "Safeguarding Coordinator", POLICE),
    "dd_lac": ("Dr Miriam Oddington", "Designated Doctor for Looked After Children", PCT),
    "dn_lac": ("Sue Carnforth", "Designated Nurse for Looked After Children", PCT),
    "dn_sg": ("Janet Rowcliffe", "Designated Nurse, Safeguarding Children", PCT),
    "gp": ("Dr Peter Halsall-Wright", "Designated GP for Safeguarding Children", PCT),
    "pct_info": ("Imran Chaudhry-Bell", "Information Analyst", PCT),
    "pct_comm": ("Deborah Kettering", "Assistant Director of Commissioning", PCT),
    "pct_admin": ("Lorraine Beavis", "Administrator, Children's Health", PCT),
    "paed": ("Dr Thomas Ashdown-Pryce", "Consultant Community Paediatrician", HOSPITALS),
    "named_nurse": ("Wendy Fallowfield", "Named Nurse, Safeguarding Children", HOSPITALS),
    "named_doc": ("Dr Ruth Abernethy-Cole", "Named Doctor, Safeguarding Children", HOSPITALS),
    "lac_admin": ("Sandra Hoyland", "Looked After Children's Health Administrator", HOSPITALS),
    "nursing": ("Michael Strang", "Director of Nursing", HOSPITALS),
    "camhs": ("Dr Alison Pardew", "Consultant Clinical Psychologist, CAMHS", HOSPITALS),
    "forum_chair": ("Patricia Wolstenholme", "Headteacher, Thornbeck Primary School", SCHOOLS),
    "edu_sg": ("Dev Raithatha", "Education Safeguarding Officer", SCHOOLS),
    "prob_aco": ("Clive Hartigan", "Assistant Chief Officer", PROBATION),
    "prob_sg": ("Nasreen Qadir", "Safeguarding Children Lead", PROBATION),
    "cvs_chief": ("Barbara Tennick", "Chief Officer", CVS),
    "cvs_train": ("Owain Pryddy", "Safeguarding Training Officer", CVS),
    "lscb_chair": ("Professor Anthony Selwood", "Independent Chair", LSCB),
    "lscb_manager": ("Kathryn Dunmore", "LSCB Business Manager", LSCB),
    "lscb_train": ("Rachel Ibbotson", "Multi-agency Training Coordinator", LSCB),
}

SCHOOLS_LIST = (
    "Thornbeck Primary School",
    "Ashgrove Junior School",
    "Wellmere High School",
    "Brackenfield Academy",
    "Sallow Park School",
    "Ridding Lane Primary School",
    "St Cuthwin's RC Primary School",
    "Northbridge Pupil Referral Unit",
)
VENUES = (
    "Committee Room 3, Northbridge Town Hall",
    "Seminar Room B, Northbridge General Hospital",
    "Board Room, Alder House (PCT headquarters)",
    "Conference Room, Northshire Police Headquarters",
    "Meeting Room 1, Wellmere Health Centre",
)

# Northshire Constabulary alone filed its set in folders named after the lines of enquiry
# of the SLAC evaluation schedule (founding review, paragraph 28): folder -> line key.
POLICE_FOLDERS: dict[str, str] = {
    "01 Children and young people are safe - identification and referral": (
        "sg_safe_identification"
    ),
    "02 Children and young people are safe - protection and child protection plans": (
        "sg_safe_protection"
    ),
    "03 Children and young people are safe - missing, exploitation and domestic abuse": (
        "sg_safe_wider_risks"
    ),
    "04 Children and young people feel safe - bullying and community safety": "sg_feel_bullying",
    "05 Contribution of health agencies - child sexual abuse examinations": (
        "sg_health_arrangements"
    ),
    "06 Partnerships - LSCB and strategic working": "sg_partner_strategic",
    "07 Evaluation - workforce development and training": "sg_eval_workforce",
    "08 Looked after children staying safe - missing from care": "lac_safe_missing",
}

# The planted gap (founding review, paragraph 29: "our understanding of preventive
# services"): the SLAC lines that ask about early help and prevention.
GAP_LINES = ("sg_resp_timeliness", "lac_vfm_invest")
# No document may say these, except covering material (which must not count as evidence).
GAP_WORDS = (
    r"early help",
    r"early intervention",
    r"prevent",
    r"common assessment",
    r"\bcaf\b",
    r"family support",
    r"children's centre",
    r"edge of care",
    r"team around the",
    r"targeted youth",
    r"step[- ](?:up|down)",
    r"right time",
    r"\binvest(?:ing|ment|ments|ed|s)?\b",
)
# The planted surfeit: the health agencies' minutes on looked after children's health checks.
SURFEIT_LINE = "lac_health_checks"

# Writer defaults and plain mistakes found in real files' metadata.
PDF_DEFAULT = date(2000, 1, 1)
ZIP_DEFAULT = date(1980, 1, 1)
WRONG_DATE = date(2013, 12, 23)
# When the review's inspection window opens: "stale" means more than a year before it.
AS_OF = date(2011, 9, 5)


def name(key: str) -> str:
    return CAST[key][0]


def job(key: str) -> str:
    return CAST[key][1]


def signature(key: str) -> list[str]:
    person, title, agency = CAST[key]
    return [person, title, agency]


def address(key: str) -> str:
    """An e-mail address as the agency's system would write it."""
    person, _, agency = CAST[key]
    parts = [p for p in person.replace("-", " ").split() if p[0].isupper() and "." not in p]
    parts = [p for p in parts if p not in ("Dr", "Cllr", "Professor", "Det", "Ch", "Insp")]
    local = f"{parts[0][0]}.{parts[-1]}".lower()
    return f"{person} <{local}@{DOMAINS[agency]}>"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def dotted(day: date) -> str:
    """The way file names in Northbridge often carry a date: 12.10.10."""
    return f"{day:%d.%m.%y}"
