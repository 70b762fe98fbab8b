"""Northbridge's evidence, agency by agency (1 of 4): the council, and the small helpers
every part of the catalogue uses.

The council sent only what the review asked for, in one folder named by the day it was sent,
with a covering e-mail and a contents page that promise an early help strategy "to follow"
(it never came: the planted gap).
"""

from __future__ import annotations

from datetime import date as d

from readiness.demo.domain import northbridge_papers as papers
from readiness.demo.domain import northbridge_writers as w
from readiness.demo.domain.northbridge_cast import (
    COUNCIL,
    PDF_DEFAULT,
    REVIEW_TEAM,
    WRONG_DATE,
    ZIP_DEFAULT,
)
from readiness.demo.domain.northbridge_make import make
from readiness.demo.domain.northbridge_writers import Doc

QUARTERS = ["Q1 2010-11", "Q2 2010-11", "Q3 2010-11", "Q4 2010-11"]
SENT = "Requested documents 14.06.11"


def _report(keys, panel):
    return lambda rng, doc: w.report(rng, doc, list(keys), panel)


def _of(family, keys):
    return lambda rng, doc: family(rng, doc, list(keys))


def _narrative(key):
    return lambda rng, doc: w.narrative(rng, doc, key)


def _data(keys, periods=QUARTERS):
    return lambda rng, doc: w.data_sheet(rng, doc, list(keys), periods)


def _section(line: str) -> str:
    """Where the council's contents page files a document, by its first line of enquiry."""
    if line.startswith(("sg_eval_workforce", "sg_vfm", "sg_equality", "sg_cfi_resources")):
        return "resources"
    if line.startswith(("sg_oe", "sg_cfi", "sg_ambition", "sg_lm")):
        return "leadership"
    return "lac" if line.startswith("lac_") else "safeguarding"


def council() -> list[Doc]:
    c = COUNCIL
    requested = [
        (
            "Children's services self-assessment 2011",
            "docx",
            d(2011, 5, 27),
            "narrative",
            "outcomes",
            _narrative("self_assessment"),
            ("self_assessment",),
            {"meta_date": WRONG_DATE, "planted": ("metadata-wrong",), "author_key": "dcs"},
        ),
        (
            "Thresholds for referral to children's social care",
            "pdf",
            d(2010, 10, 30),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["identification"]),
            ("identification",),
            {"meta_date": PDF_DEFAULT, "planted": ("metadata-default",), "author_key": "ad"},
        ),
        (
            "Child protection performance Q4 2010-11",
            "xlsx",
            d(2011, 4, 20),
            "performance_data",
            "outcomes",
            _data(["protection", "plans"]),
            ("protection", "plans"),
            {"author_key": "analyst"},
        ),
        (
            "Core assessments and visits by team March 2011",
            "csv",
            d(2011, 4, 6),
            "performance_data",
            "outcomes",
            _data(["assessment", "consistency"]),
            ("assessment", "consistency"),
            {"author_key": "analyst"},
        ),
        (
            "Placement stability - report to Corporate Parenting Panel",
            "docx",
            d(2011, 3, 15),
            "committee_report",
            "outcomes",
            _report(["placements"], "the Corporate Parenting Panel"),
            ("placements",),
            {"author_key": "lac_head"},
        ),
        (
            "Virtual School Head's annual report 2010-11",
            "pdf",
            d(2011, 7, 12),
            "annual_report",
            "outcomes",
            _of(w.annual_report, ["attainment", "pep", "leisure"]),
            ("attainment", "pep", "leisure"),
            {"meta_date": ZIP_DEFAULT, "planted": ("metadata-default",), "author_key": "vsh"},
        ),
        (
            "GCSE results of looked after children 2011 - short narrative",
            "docx",
            d(2011, 8, 26),
            "narrative",
            "outcomes",
            _narrative("attainment"),
            ("attainment",),
            {"planted": ("outcome-narrative",), "author_key": "vsh"},
        ),
        (
            "Independent Reviewing Officers' annual report 2010-11",
            "pdf",
            d(2011, 6, 1),
            "annual_report",
            "outcomes",
            _of(w.annual_report, ["permanence", "cic_council"]),
            ("permanence", "cic_council"),
            {"author_key": "iro"},
        ),
        (
            "Care leavers data 2010-11",
            "xlsx",
            d(2011, 5, 10),
            "performance_data",
            "outcomes",
            _data(["care_leavers"]),
            ("care_leavers",),
            {"author_key": "analyst"},
        ),
        (
            "Corporate parenting strategy 2010-2013",
            "pdf",
            d(2010, 11, 18),
            "strategy_or_plan",
            "process",
            _of(w.strategy, ["lac_leadership", "lac_overview"]),
            ("lac_leadership", "lac_overview"),
            {
                "meta_date": PDF_DEFAULT,
                "planted": ("metadata-default",),
                "author_key": "lac_head",
                "meta_title": "Microsoft Word - CP strategy FINAL v3.doc",
            },
        ),
        (
            "Social work workforce strategy 2011-13",
            "docx",
            d(2011, 2, 8),
            "strategy_or_plan",
            "process",
            _of(w.strategy, ["workforce"]),
            ("workforce",),
            {"author_key": "workforce", "lines": ("sg_cfi_resources", "lac_eval_workforce")},
        ),
        (
            "Social work workforce data 2010-11",
            "xlsx",
            d(2011, 4, 18),
            "performance_data",
            "outcomes",
            _data(["workforce"]),
            ("workforce",),
            {"author_key": "workforce"},
        ),
        (
            "Supervision audit 2011",
            "docx",
            d(2011, 5, 3),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["workforce"]),
            ("workforce",),
            {"author_key": "perf"},
        ),
        (
            "Social work recruitment and caseloads - short narrative",
            "docx",
            d(2011, 6, 6),
            "narrative",
            "outcomes",
            _narrative("workforce"),
            ("workforce",),
            {"planted": ("outcome-narrative",), "author_key": "workforce"},
        ),
        (
            "Children's services budget and unit costs 2011-12",
            "docx",
            d(2011, 2, 22),
            "committee_report",
            "process",
            _report(["vfm"], "Cabinet"),
            ("vfm",),
            {"author_key": "finance", "lines": ("sg_vfm_spend", "lac_vfm_placements")},
        ),
        (
            "Complaints and representations annual report 2010-11",
            "pdf",
            d(2011, 6, 30),
            "annual_report",
            "outcomes",
            _of(w.annual_report, ["complaints"]),
            ("complaints",),
            {"author_key": "complaints"},
        ),
        (
            "Equality impact assessment - children's social care",
            "docx",
            d(2010, 12, 7),
            "audit_or_review",
            "process",
            _of(w.audit, ["equality", "uasc"]),
            ("equality", "uasc"),
            {"meta_date": WRONG_DATE, "planted": ("metadata-wrong",), "author_key": "ad"},
        ),
        (
            "Management oversight audit March 2011",
            "docx",
            d(2011, 4, 5),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["recording", "assessment"]),
            ("recording", "assessment"),
            {"author_key": "perf"},
        ),
        (
            "Direct work with children - practice review",
            "docx",
            d(2011, 1, 19),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["direct_work", "lac_needs"]),
            ("direct_work", "lac_needs"),
            {"author_key": "perf"},
        ),
        (
            "Participation strategy 2010-2012",
            "pdf",
            d(2010, 10, 5),
            "strategy_or_plan",
            "process",
            _of(w.strategy, ["user_voice"]),
            ("user_voice",),
            {"author_key": "participation"},
        ),
        (
            "Pupil survey 2010 - feeling safe results",
            "xlsx",
            d(2010, 12, 15),
            "performance_data",
            "outcomes",
            _data(["feel_safe"], ["2009", "2010"]),
            ("feel_safe",),
            {"author_key": "analyst"},
        ),
        (
            "Children in care council - what we changed",
            "docx",
            d(2011, 5, 20),
            "newsletter_or_briefing",
            "outcomes",
            lambda rng, doc: w.newsletter(rng, doc, ["cic_council"], "Our news, issue 6"),
            ("cic_council",),
            {"author_key": "participation"},
        ),
        (
            "Disabled children's team - service review",
            "docx",
            d(2011, 3, 2),
            "audit_or_review",
            "process",
            _of(w.audit, ["consistency", "equality"]),
            ("consistency", "equality"),
            {"author_key": "perf"},
        ),
        (
            "Looked after children joint management group - report",
            "pdf",
            d(2011, 4, 12),
            "committee_report",
            "outcomes",
            _report(["lac_partners", "offending"], "the Children's Trust board"),
            ("lac_partners", "offending"),
            {"author_key": "lac_head"},
        ),
        (
            "Cabinet report - children's services priorities 2011-14",
            "docx",
            d(2011, 3, 8),
            "committee_report",
            "process",
            _report(["priorities"], "Cabinet"),
            ("priorities",),
            {"author_key": "dcs"},
        ),
        (
            "Adoption and permanence - short narrative",
            "docx",
            d(2011, 5, 31),
            "narrative",
            "outcomes",
            _narrative("permanence"),
            ("permanence",),
            {"planted": ("outcome-narrative",), "author_key": "lac_head"},
        ),
    ]
    docs = [
        make(c, title, fmt, day, kind, focus, write, topics=topics, folder=SENT, **habits)
        for title, fmt, day, kind, focus, write, topics, habits in requested
    ]
    docs += [
        make(
            c,
            "Signed pledge to children in care",
            "pdf",
            d(2010, 11, 18),
            "strategy_or_plan",
            "process",
            _of(w.strategy, ["lac_leadership"]),
            topics=("lac_leadership",),
            name="scan_pledge_130611.pdf",
            scan="pages",
            meta_date=d(2011, 6, 13),
            planted=("scan",),
            author_key="member",
        ),
        make(
            c,
            "Children and Young People's Plan 2006-2009",
            "pdf",
            d(2006, 4, 3),
            "strategy_or_plan",
            "process",
            _of(w.strategy, ["priorities"]),
            topics=("priorities",),
            planted=("stale",),
            author_key="dcs",
        ),
        make(
            c,
            "Fostering service statement of purpose 2008",
            "docx",
            d(2008, 5, 12),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["placements"]),
            topics=("placements",),
            planted=("stale",),
            author_key="lac_head",
        ),
    ]
    sent = [doc.filename for doc in docs if doc.folder == SENT]
    sections: dict[str, list[str]] = {}
    for doc in docs:
        if doc.folder == SENT:
            sections.setdefault(_section(doc.lines[0]), []).append(doc.filename)
    email = make(
        c,
        "Documents for the SLAC readiness review",
        "eml",
        d(2011, 6, 14),
        "other",
        "process",
        lambda rng, doc: papers.covering_email(
            doc,
            sent,
            attached=False,
            to_follow=(
                "Early help strategy 2011-14 (in draft)",
                "Early intervention and prevention: CAF procedures (being revised)",
            ),
            note="The early help documents will follow once they have been to Cabinet.",
        ),
        covering="covering e-mail",
        planted=("gap-decoy",),
        author_key="pa",
        recipients=REVIEW_TEAM,
    )
    contents = make(
        c,
        "Contents of documents supplied by Children's Services",
        "docx",
        d(2011, 6, 14),
        "other",
        "process",
        lambda rng, doc: papers.contents(
            doc,
            [
                ("Leadership and self-assessment", sections["leadership"]),
                ("Safeguarding", sections["safeguarding"]),
                (
                    "Early help and prevention",
                    ["Early help strategy 2011-14 - to follow", "CAF guidance - to follow"],
                ),
                ("Looked after children", sections["lac"]),
                ("Resources, workforce and equality", sections["resources"]),
            ],
            "Documents supplied by Northbridge Borough Council Children's Services",
        ),
        covering="contents page",
        planted=("gap-decoy",),
        author_key="pa",
    )
    return [email, contents, *docs]
