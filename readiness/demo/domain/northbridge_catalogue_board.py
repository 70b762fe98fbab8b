"""Northbridge's evidence, agency by agency (2 of 4): the police and the LSCB.

The police alone filed their set in folders named after the SLAC lines of enquiry (the one
ordered agency). The LSCB files by team, and sent a list of documents, an agenda without
minutes and a blank audit form: covering material, not evidence.
"""

from __future__ import annotations

from datetime import date as d
from datetime import timedelta

from readiness.demo.domain import northbridge_papers as papers
from readiness.demo.domain import northbridge_writers as w
from readiness.demo.domain.northbridge_cast import (
    LSCB,
    PDF_DEFAULT,
    POLICE,
    POLICE_FOLDERS,
    VENUES,
    ZIP_DEFAULT,
    dotted,
)
from readiness.demo.domain.northbridge_catalogue import _data, _narrative, _of, _report
from readiness.demo.domain.northbridge_make import make
from readiness.demo.domain.northbridge_writers import Doc

POLICE_TEAMS = ("Public Protection Unit", "Response", "Neighbourhood", "Custody", "Control room")


def police() -> list[Doc]:
    p = POLICE
    folder = {line: name for name, line in POLICE_FOLDERS.items()}
    entries = [
        (
            "sg_safe_identification",
            "Referrals to children's social care - quality sample 2011",
            "docx",
            d(2011, 2, 14),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["identification"]),
            ("identification",),
            {},
        ),
        (
            "sg_safe_identification",
            "Police referral form - guidance for officers",
            "pdf",
            d(2010, 10, 11),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["identification"]),
            ("identification",),
            {},
        ),
        (
            "sg_safe_protection",
            "Child abuse investigation unit performance 2010-11",
            "xlsx",
            d(2011, 4, 28),
            "performance_data",
            "outcomes",
            _data(["protection"]),
            ("protection",),
            {},
        ),
        (
            "sg_safe_protection",
            "Strategy discussions - attendance and timeliness audit",
            "pdf",
            d(2011, 1, 24),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["protection"]),
            ("protection",),
            {"lines": ("sg_safe_protection", "sg_partner_frontline")},
        ),
        (
            "sg_safe_protection",
            "Child abuse investigation procedures 2007",
            "pdf",
            d(2007, 6, 4),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["protection"]),
            ("protection",),
            {"planted": ("stale",)},
        ),
        (
            "sg_safe_wider_risks",
            "Domestic abuse notifications to children's social care - protocol",
            "pdf",
            d(2010, 10, 30),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["wider_risks"]),
            ("wider_risks",),
            {"meta_date": PDF_DEFAULT, "planted": ("metadata-default",)},
        ),
        (
            "sg_safe_wider_risks",
            "Missing from home - return interviews report Q3 2010-11",
            "docx",
            d(2011, 2, 3),
            "committee_report",
            "outcomes",
            _report(["wider_risks"], "the LSCB missing children sub-group"),
            ("wider_risks",),
            {},
        ),
        (
            "sg_safe_wider_risks",
            "Child sexual exploitation problem profile 2010",
            "pdf",
            d(2010, 11, 22),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["wider_risks"]),
            ("wider_risks",),
            {},
        ),
        (
            "sg_feel_bullying",
            "Safer schools partnership report 2010-11",
            "docx",
            d(2011, 7, 5),
            "committee_report",
            "outcomes",
            _report(["bullying"], "the Community Safety Partnership"),
            ("bullying",),
            {},
        ),
        (
            "sg_health_arrangements",
            "Examinations of children who may have been sexually abused - short narrative",
            "docx",
            d(2011, 6, 20),
            "narrative",
            "outcomes",
            _narrative("cse_exams"),
            ("cse_exams",),
            {"planted": ("outcome-narrative",)},
        ),
        (
            "sg_partner_strategic",
            "LSCB attendance by Northshire Constabulary 2010-11",
            "csv",
            d(2011, 4, 1),
            "performance_data",
            "outcomes",
            _data(["partnership"]),
            ("partnership",),
            {"lines": ("sg_partner_strategic",)},
        ),
        (
            "sg_eval_workforce",
            "Police safeguarding training records 2010-11",
            "xlsx",
            d(2011, 4, 15),
            "training",
            "process",
            lambda rng, doc: papers.training_record(rng, doc, d(2010, 4, 1), POLICE_TEAMS),
            (),
            {"lines": ("sg_eval_workforce",)},
        ),
        (
            "lac_safe_missing",
            "Looked after children missing from placements - joint protocol",
            "docx",
            d(2010, 9, 20),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["lac_missing"]),
            ("lac_missing",),
            {},
        ),
        (
            "lac_safe_missing",
            "Missing from care - monthly figures 2010-11",
            "pdf",
            d(2011, 5, 9),
            "performance_data",
            "outcomes",
            _data(["lac_missing"]),
            ("lac_missing",),
            {},
        ),
    ]
    docs = [
        make(
            p,
            title,
            fmt,
            day,
            kind,
            focus,
            write,
            topics=topics,
            folder=folder[line],
            author_key=habits.pop("author_key", "police_jo"),
            planted=("ordered", *habits.pop("planted", ())),
            **habits,
        )
        for line, title, fmt, day, kind, focus, write, topics, habits in entries
    ]
    index = make(
        p,
        "Index of documents by line of enquiry",
        "docx",
        d(2011, 6, 21),
        "other",
        "process",
        lambda rng, doc: papers.contents(
            doc,
            [(name, [x.filename for x in docs if x.folder == name]) for name in POLICE_FOLDERS],
            "Northshire Constabulary evidence for the SLAC inspection, filed by line of enquiry",
        ),
        covering="contents page",
        author_key="police_jo",
    )
    return [index, *docs]


def lscb() -> list[Doc]:
    b = LSCB
    board = "Board papers"

    def board_minutes(rng, doc):
        items = [
            (
                topic.about.capitalize(),
                [*topic.did[:1], *topic.result[:1]],
                [("Bring an update to the next meeting", "lscb_manager")],
            )
            for topic in w.topics_of(["partnership", "leadership"])
        ]
        return papers.minutes(
            doc,
            "Northbridge LSCB Board",
            VENUES[0],
            "lscb_chair",
            ["lscb_chair", "dcs", "police_head", "dn_sg", "prob_sg", "cvs_chief", "forum_chair"],
            ["nursing"],
            items,
            doc.date + timedelta(days=91),
        )

    docs = [
        make(
            b,
            "LSCB annual report 2010-11",
            "pdf",
            d(2011, 6, 29),
            "annual_report",
            "outcomes",
            _of(w.annual_report, ["partnership", "leadership", "quality_overall"]),
            lines=("sg_partner_strategic", "sg_lm_overall", "sg_oe_impact", "sg_qop_overall"),
            author_key="lscb_chair",
            folder=board,
        ),
        make(
            b,
            "LSCB business plan 2011-12",
            "docx",
            d(2011, 4, 19),
            "strategy_or_plan",
            "process",
            _of(w.strategy, ["leadership", "priorities"]),
            lines=("sg_lm_resources_learning", "sg_ambition_priorities"),
            author_key="lscb_manager",
            folder=board,
        ),
        make(
            b,
            "Multi-agency case file audits - what has improved",
            "docx",
            d(2011, 6, 2),
            "narrative",
            "outcomes",
            _narrative("quality_overall"),
            topics=("quality_overall",),
            planted=("outcome-narrative",),
            author_key="lscb_manager",
        ),
        make(
            b,
            "Multi-agency case file audit report - winter 2010-11",
            "pdf",
            d(2011, 2, 25),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["quality_overall", "qa"]),
            topics=("quality_overall", "qa"),
            meta_date=PDF_DEFAULT,
            planted=("metadata-default",),
            author_key="lscb_manager",
        ),
        make(
            b,
            "Serious case review Child F - action plan progress",
            "docx",
            d(2011, 5, 10),
            "committee_report",
            "outcomes",
            _report(["leadership"], "the LSCB Board"),
            topics=("leadership",),
            author_key="lscb_manager",
            folder=board,
        ),
        make(
            b,
            "Private fostering annual report 2010-11",
            "docx",
            d(2011, 7, 14),
            "annual_report",
            "outcomes",
            _of(w.annual_report, ["wider_risks"]),
            lines=("sg_safe_wider_risks",),
            author_key="lscb_manager",
            folder=board,
        ),
        make(
            b,
            "LSCB quality assurance framework",
            "pdf",
            d(2010, 11, 2),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["qa"]),
            topics=("qa",),
            author_key="lscb_manager",
        ),
        make(
            b,
            "Multi-agency training programme 2011-12",
            "pdf",
            d(2011, 3, 30),
            "training",
            "process",
            lambda rng, doc: papers.training_record(rng, doc, d(2011, 4, 1), n=8),
            lines=("lac_eval_workforce",),
            author_key="lscb_train",
            folder="Training",
        ),
        make(
            b,
            "Multi-agency training attendance 2010-11",
            "xlsx",
            d(2011, 4, 14),
            "training",
            "process",
            lambda rng, doc: papers.training_record(rng, doc, d(2010, 4, 1), n=24),
            lines=("lac_eval_workforce",),
            author_key="lscb_train",
            folder="Training",
        ),
        make(
            b,
            "Training attendance by agency Q1 2011-12",
            "csv",
            d(2011, 7, 6),
            "training",
            "process",
            lambda rng, doc: papers.training_record(rng, doc, d(2011, 4, 1), n=10),
            lines=("lac_eval_workforce",),
            author_key="lscb_train",
            folder="Training",
        ),
        make(
            b,
            "LSCB child protection procedures 2007 - summary",
            "pdf",
            d(2007, 4, 2),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["protection"]),
            topics=("protection",),
            planted=("stale",),
            author_key="lscb_manager",
        ),
        make(
            b,
            "Letter from the Independent Chair on schools' engagement",
            "pdf",
            d(2011, 2, 7),
            "other",
            "process",
            lambda rng, doc: w.letter(rng, doc, ["partnership"], "headteachers"),
            lines=("sg_partner_strategic",),
            name="Chair letter scan.pdf",
            scan="pages",
            meta_date=d(2011, 7, 18),
            planted=("scan",),
            author_key="lscb_chair",
        ),
    ]
    for day, lines in (
        (d(2010, 12, 15), ("sg_partner_strategic", "sg_lm_overall")),
        (d(2011, 3, 16), ("sg_lm_overall", "sg_lm_resources_learning")),
    ):
        docs.append(
            make(
                b,
                f"LSCB Board minutes {dotted(day)}",
                "docx",
                day,
                "minutes",
                "process",
                board_minutes,
                lines=lines,
                folder=board,
                meta_date=ZIP_DEFAULT,
                planted=("metadata-default",),
                author_key="lscb_manager",
            )
        )
    covering = [
        make(
            b,
            "Multi-agency case file audit form (blank)",
            "docx",
            d(2010, 9, 20),
            "other",
            "process",
            lambda rng, doc: papers.blank_template(
                doc,
                ["Child's initials", "Date of birth", "Agencies involved", "Auditor"],
                [
                    "Was the child seen and heard?",
                    "Were risks identified early enough?",
                    "Did agencies share information?",
                    "Is the plan making a difference?",
                ],
            ),
            covering="blank template",
            author_key="lscb_manager",
        ),
        make(
            b,
            "LSCB Board agenda 20 July 2011",
            "docx",
            d(2011, 7, 20),
            "other",
            "process",
            lambda rng, doc: papers.agenda(
                doc,
                "Northbridge LSCB Board",
                VENUES[0],
                [
                    ("Minutes and matters arising", "lscb_chair"),
                    ("Annual report 2010-11 for sign-off", "lscb_manager"),
                    ("Health assessments of looked after children", "dn_lac"),
                    ("Readiness for the SLAC inspection", "dcs"),
                ],
            ),
            covering="agenda",
            folder=board,
            author_key="lscb_manager",
        ),
    ]
    listing = make(
        b,
        "List of documents sent to the review team",
        "docx",
        d(2011, 7, 22),
        "other",
        "process",
        lambda rng, doc: papers.contents(
            doc,
            [("Sent by the LSCB business unit", [x.filename for x in docs + covering])],
            "Documents sent by the Northbridge LSCB business unit",
        ),
        covering="list of documents sent",
        author_key="lscb_manager",
    )
    return [*docs, *covering, listing]
