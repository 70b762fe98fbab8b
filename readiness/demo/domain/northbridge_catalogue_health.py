"""Northbridge's evidence, agency by agency (3 of 4): the health agencies.

The Primary Care Trust and the Hospitals Trust send the planted surfeit: a pile of minutes
about looked after children's health checks (the PCT's in folders by year, the Trust's flat
with scanner names), saved as Word files, PDFs with a writer's default date and scans.
"""

from __future__ import annotations

from datetime import date as d

from readiness.demo.domain import northbridge_papers as papers
from readiness.demo.domain import northbridge_writers as w
from readiness.demo.domain.northbridge_cast import (
    HOSPITALS,
    PCT,
    PDF_DEFAULT,
    REVIEW_TEAM,
    SURFEIT_LINE,
    VENUES,
    WRONG_DATE,
    ZIP_DEFAULT,
    dotted,
)
from readiness.demo.domain.northbridge_catalogue import _data, _narrative, _of, _report
from readiness.demo.domain.northbridge_health import meeting_dates, series_minutes
from readiness.demo.domain.northbridge_make import attach, make
from readiness.demo.domain.northbridge_writers import Doc

VOLUNTARY_GROUPS = (
    "Wellmere Youth Project",
    "Thornbeck Scouts",
    "Northbridge Young Carers",
    "Ashgrove Community Church",
    "Sallow Park Football Club",
    "Northbridge Mosque Madrasah",
    "Brackenfield Dance Academy",
)


def _minutes(series: str):
    return lambda rng, doc: series_minutes(rng, doc, series)


def _habit(number: int) -> dict:
    """How the nth set of minutes of a series was saved: Word, PDF with a writer's default
    date, Word with a wrong date, or a scan."""
    return [
        {"fmt": "docx"},
        {"fmt": "pdf", "meta_date": PDF_DEFAULT, "planted": ("metadata-default",)},
        {"fmt": "docx", "meta_date": WRONG_DATE, "planted": ("metadata-wrong",)},
        {"fmt": "docx"},
        {"fmt": "pdf"},
    ][number % 5]


def pct() -> list[Doc]:
    docs = []
    for n, day in enumerate(meeting_dates(d(2010, 9, 14), 11)):
        habit = _habit(n)
        if n in (4, 9):
            habit = {
                "fmt": "pdf",
                "scan": "pages",
                "meta_date": d(2011, 7, 19),
                "planted": ("scan",),
            }
        fmt = habit.pop("fmt")
        docs.append(
            make(
                PCT,
                f"LAC Health Steering Group minutes {dotted(day)}",
                fmt,
                day,
                "minutes",
                "process",
                _minutes("steering"),
                lines=(SURFEIT_LINE,),
                folder=f"Minutes {day.year}",
                name=f"LAC Health SG mins {dotted(day)}.{fmt}",
                author_key="pct_admin",
                **{**habit, "planted": ("surfeit", *habit.get("planted", ()))},
            )
        )
    for n, day in enumerate(meeting_dates(d(2010, 11, 9), 4, 21)):
        habit = _habit(n + 1)
        fmt = habit.pop("fmt")
        docs.append(
            make(
                PCT,
                f"IHA task and finish group notes {dotted(day)}",
                fmt,
                day,
                "minutes",
                "process",
                _minutes("task"),
                lines=(SURFEIT_LINE,),
                folder=f"Minutes {day.year}",
                author_key="pct_admin",
                **{**habit, "planted": ("surfeit", *habit.get("planted", ()))},
            )
        )
    docs += [
        make(
            PCT,
            "LAC health assessments data Q4 2010-11",
            "xlsx",
            d(2011, 4, 26),
            "performance_data",
            "outcomes",
            _data(["health_checks"]),
            topics=("health_checks",),
            author_key="pct_info",
        ),
        make(
            PCT,
            "Designated professionals' report to the PCT Board - safeguarding children",
            "docx",
            d(2011, 3, 29),
            "committee_report",
            "outcomes",
            _report(["health_practice"], "the PCT Board"),
            topics=("health_practice",),
            author_key="dn_sg",
        ),
        make(
            PCT,
            "GP practice safeguarding training 2010-11",
            "xlsx",
            d(2011, 4, 11),
            "training",
            "process",
            lambda rng, doc: papers.training_record(
                rng,
                doc,
                d(2010, 4, 1),
                tuple(f"Practice {c}" for c in "ABCDEFGH"),
                papers.COURSES[:3],
            ),
            lines=("sg_health_practice",),
            author_key="gp",
        ),
        make(
            PCT,
            "Designated Nurse LAC annual report 2009-10",
            "pdf",
            d(2010, 6, 30),
            "annual_report",
            "process",
            _of(w.annual_report, ["health_checks"]),
            topics=("health_checks",),
            planted=("stale",),
            author_key="dn_lac",
        ),
        make(
            PCT,
            "Joint commissioning of children's health services - section 75 report",
            "docx",
            d(2011, 1, 11),
            "committee_report",
            "process",
            _report(["vfm"], "the Joint Commissioning Board"),
            lines=("sg_vfm_commissioning",),
            author_key="pct_comm",
        ),
    ]
    steering = [doc.filename for doc in docs if "Steering" in doc.title]
    docs += [
        make(
            PCT,
            "LAC Health Steering Group agenda 12 July 2011",
            "docx",
            d(2011, 7, 12),
            "other",
            "process",
            lambda rng, doc: papers.agenda(
                doc,
                "LAC Health Steering Group",
                VENUES[2],
                [
                    ("Minutes and action log", "dn_lac"),
                    ("Health assessment figures", "pct_info"),
                    ("Notifications and consent", "lac_head"),
                    ("Dental checks", "dn_lac"),
                ],
            ),
            covering="agenda",
            folder="Minutes 2011",
            author_key="pct_admin",
        ),
        make(
            PCT,
            "IHA task and finish group agenda 15 March 2011",
            "docx",
            d(2011, 3, 15),
            "other",
            "process",
            lambda rng, doc: papers.agenda(
                doc,
                "IHA Task and Finish Group",
                VENUES[4],
                [
                    ("Notes of last meeting", "pct_comm"),
                    ("Revised notification form", "lac_admin"),
                    ("Data matching", "pct_info"),
                ],
            ),
            covering="agenda",
            folder="Minutes 2011",
            author_key="pct_admin",
        ),
        make(
            PCT,
            "LAC health papers for the review",
            "eml",
            d(2011, 7, 20),
            "other",
            "process",
            lambda rng, doc: papers.covering_email(
                doc,
                steering,
                attached=False,
                note="The minutes show how much work has gone into this over the year.",
            ),
            covering="covering e-mail",
            author_key="dn_lac",
            recipients=REVIEW_TEAM,
        ),
    ]
    return docs


def hospitals() -> list[Doc]:
    h = HOSPITALS
    docs = []
    names = [
        "LAC assessments op meeting.docx",
        "scan0001.pdf",
        "Op mtg notes Jan.docx",
        "scan0004.pdf",
        "LAC op meeting minutes.docx",
        "Minutes - Jul.pdf",
    ]
    for n, day in enumerate(meeting_dates(d(2010, 10, 6), 6, 56)):
        fmt = names[n].rsplit(".", 1)[1]
        habit = (
            {"scan": "pages", "meta_date": d(2011, 6, 30), "planted": ("scan",)}
            if ("scan" in names[n])
            else {"meta_date": ZIP_DEFAULT, "planted": ("metadata-default",)}
        )
        docs.append(
            make(
                h,
                f"Paediatric LAC assessments operational meeting {dotted(day)}",
                fmt,
                day,
                "minutes",
                "process",
                _minutes("operational"),
                lines=(SURFEIT_LINE,),
                name=names[n],
                author_key="lac_admin",
                **{**habit, "planted": ("surfeit", *habit["planted"])},  # type: ignore[dict-item]
            )
        )
    docs += [
        make(
            h,
            "Named Nurse safeguarding children annual report 2010-11",
            "pdf",
            d(2011, 5, 17),
            "annual_report",
            "outcomes",
            _of(w.annual_report, ["health_practice"]),
            topics=("health_practice",),
            meta_date=ZIP_DEFAULT,
            planted=("metadata-default",),
            author_key="named_nurse",
            name="Named Nurse AR 10-11.pdf",
        ),
        make(
            h,
            "Safeguarding children training compliance March 2011",
            "xlsx",
            d(2011, 4, 4),
            "training",
            "process",
            lambda rng, doc: papers.training_record(
                rng,
                doc,
                d(2010, 4, 1),
                (
                    "Paediatrics",
                    "Emergency department",
                    "Maternity",
                    "Adult wards",
                    "Community nursing",
                ),
            ),
            lines=("sg_health_practice",),
            author_key="named_nurse",
            name="Training.xlsx",
        ),
        make(
            h,
            "Emergency department audit - children with injuries 2010",
            "docx",
            d(2010, 12, 13),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["health_practice", "identification"]),
            topics=("health_practice", "identification"),
            author_key="named_doc",
        ),
        make(
            h,
            "CAMHS looked after children's service report 2010-11",
            "docx",
            d(2011, 6, 8),
            "committee_report",
            "outcomes",
            _report(["lac_emotional"], "the Trust Board"),
            topics=("lac_emotional",),
            author_key="camhs",
        ),
        make(
            h,
            "Changes to the LAC health clinic from April 2011",
            "png",
            d(2011, 3, 21),
            "newsletter_or_briefing",
            "process",
            lambda rng, doc: [
                ("h1", doc.title),
                ("p", "Notice dated 21 March 2011"),
                (
                    "p",
                    "From 4 April 2011 initial health assessments for looked after children "
                    "will be held on Tuesday and Thursday mornings at Northbridge General "
                    "Hospital, Children's Outpatients, Clinic 4.",
                ),
                ("p", "Please bring the child's red book and the signed consent form."),
            ],
            lines=(SURFEIT_LINE,),
            name="IMG_0412.png",
            scan="pages",
            planted=("scan",),
            author_key="lac_admin",
        ),
        make(
            h,
            "Unreadable scan",
            "pdf",
            d(2011, 6, 30),
            "",
            "",
            lambda rng, doc: [],
            lines=(),
            name="scan0007.pdf",
            scan="noise",
            planted=("unreadable",),
            author_key="lac_admin",
        ),
        make(
            h,
            "Child protection policy 2008",
            "docx",
            d(2008, 2, 4),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["health_practice"]),
            topics=("health_practice",),
            meta_date=WRONG_DATE,
            planted=("stale", "metadata-wrong"),
            author_key="named_nurse",
        ),
        make(
            h,
            "Safeguarding Children Committee agenda 18.05.11",
            "docx",
            d(2011, 5, 18),
            "other",
            "process",
            lambda rng, doc: papers.agenda(
                doc,
                "Safeguarding Children Committee",
                VENUES[1],
                [
                    ("Named Nurse annual report", "named_nurse"),
                    ("Training compliance", "named_nurse"),
                ],
            ),
            covering="agenda",
            author_key="named_nurse",
        ),
    ]
    email = make(
        h,
        "Hospital Trust documents for the review",
        "eml",
        d(2011, 7, 8),
        "other",
        "process",
        lambda rng, doc: papers.covering_email(
            doc,
            [
                "Paediatric examination suite - service summary.pdf",
                "Safeguarding children policy 2011.docx",
            ],
            attached=True,
            greeting="Hi Morgan,",
        ),
        covering="covering e-mail",
        author_key="named_nurse",
        recipients=REVIEW_TEAM,
    )
    attach(
        email,
        make(
            h,
            "Paediatric examination suite - service summary",
            "pdf",
            d(2011, 6, 15),
            "narrative",
            "outcomes",
            _narrative("cse_exams"),
            topics=("cse_exams",),
            meta_date=PDF_DEFAULT,
            planted=("metadata-default",),
            author_key="paed",
        ),
        make(
            h,
            "Safeguarding children policy 2011",
            "docx",
            d(2011, 3, 1),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["health_practice"]),
            topics=("health_practice",),
            author_key="named_nurse",
        ),
    )
    return [*docs, email]
