"""Northbridge's evidence, agency by agency (4 of 4): schools, probation and the voluntary
sector. They send training records (attendance by course and agency), covering e-mails (some
carrying real attachments, some only listing what was sent), a scan or two and a blank form.
"""

from __future__ import annotations

from datetime import date as d

from readiness.demo.domain import northbridge_papers as papers
from readiness.demo.domain import northbridge_writers as w
from readiness.demo.domain.northbridge_cast import (
    CVS,
    PDF_DEFAULT,
    PROBATION,
    REVIEW_TEAM,
    SCHOOLS,
    SCHOOLS_LIST,
    VENUES,
)
from readiness.demo.domain.northbridge_catalogue import _data, _narrative, _of, _report
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


def schools() -> list[Doc]:
    s = SCHOOLS
    autumn, spring = "Autumn term 2010", "Spring and summer 2011"
    docs = [
        make(
            s,
            "Designated teacher training records 2010-11",
            "xlsx",
            d(2011, 6, 10),
            "training",
            "process",
            lambda rng, doc: papers.training_record(
                rng, doc, d(2010, 9, 1), SCHOOLS_LIST, papers.COURSES[-1:], n=6
            ),
            lines=("lac_edu_support",),
            author_key="edu_sg",
            folder=spring,
        ),
        make(
            s,
            "Safeguarding training by school 2010-11",
            "csv",
            d(2011, 6, 10),
            "training",
            "process",
            lambda rng, doc: papers.training_record(
                rng, doc, d(2010, 9, 1), SCHOOLS_LIST, papers.COURSES[:3]
            ),
            lines=("sg_partner_strategic",),
            author_key="edu_sg",
            folder=spring,
        ),
        make(
            s,
            "Schools safeguarding audit summary 2011",
            "docx",
            d(2011, 3, 21),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["partnership"]),
            lines=("sg_partner_strategic",),
            author_key="edu_sg",
            folder=spring,
        ),
        make(
            s,
            "Anti-bullying charter - report to the Schools Forum",
            "docx",
            d(2010, 11, 9),
            "committee_report",
            "outcomes",
            _report(["bullying", "feel_safe"], "the Schools Forum"),
            topics=("bullying", "feel_safe"),
            author_key="forum_chair",
            folder=autumn,
        ),
        make(
            s,
            "Attendance of looked after pupils by school 2010-11",
            "csv",
            d(2011, 7, 20),
            "performance_data",
            "outcomes",
            _data(["attainment"]),
            topics=("attainment",),
            author_key="edu_sg",
        ),
        make(
            s,
            "Personal education plans - quality audit spring 2011",
            "docx",
            d(2011, 4, 13),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["pep"]),
            topics=("pep",),
            author_key="edu_sg",
            folder=spring,
        ),
        make(
            s,
            "Holiday activities for looked after children - report",
            "docx",
            d(2011, 5, 4),
            "committee_report",
            "outcomes",
            _report(["leisure"], "the Schools Forum"),
            topics=("leisure",),
            author_key="forum_chair",
            folder=spring,
        ),
        make(
            s,
            "Safeguarding leads briefing June 2011",
            "png",
            d(2011, 6, 7),
            "newsletter_or_briefing",
            "process",
            lambda rng, doc: [
                ("h1", doc.title),
                ("p", "Briefing dated 7 June 2011"),
                (
                    "p",
                    "All designated safeguarding leads are asked to attend the termly "
                    "briefing at Thornbeck Primary School on 23 June 2011 at 4pm.",
                ),
                (
                    "p",
                    "Agenda: learning from the Child F serious case review; the new referral "
                    "form; attendance at child protection conferences.",
                ),
            ],
            lines=("sg_partner_frontline",),
            name="DSL briefing poster.png",
            scan="pages",
            planted=("scan",),
            author_key="edu_sg",
        ),
        make(
            s,
            "Schools Forum safeguarding group minutes 12 October 2010",
            "pdf",
            d(2010, 10, 12),
            "minutes",
            "process",
            lambda rng, doc: papers.minutes(
                doc,
                "Schools Forum safeguarding group",
                VENUES[0],
                "forum_chair",
                ["forum_chair", "edu_sg", "vsh"],
                ["dn_sg"],
                [(t.about.capitalize(), list(t.did), []) for t in w.topics_of(["partnership"])],
                d(2011, 1, 18),
            ),
            lines=("sg_partner_strategic",),
            name="Forum SG mins Oct 10.pdf",
            scan="pages",
            meta_date=d(2011, 6, 28),
            planted=("scan",),
            author_key="edu_sg",
            folder=autumn,
        ),
    ]
    listed = [doc.filename for doc in docs]
    email = make(
        s,
        "SLAC review - schools documents",
        "eml",
        d(2011, 7, 1),
        "other",
        "process",
        lambda rng, doc: papers.covering_email(doc, listed, attached=False),
        covering="covering e-mail",
        author_key="edu_sg",
        recipients=REVIEW_TEAM,
    )
    return [email, *docs]


def probation() -> list[Doc]:
    p = PROBATION
    first = make(
        p,
        "Safeguarding audit for the review",
        "eml",
        d(2011, 6, 24),
        "other",
        "process",
        lambda rng, doc: papers.covering_email(
            doc, ["Probation safeguarding children audit 2010-11.docx"], attached=True
        ),
        covering="covering e-mail",
        author_key="prob_sg",
        recipients=REVIEW_TEAM,
        name="RE Safeguarding audit for the review.eml",
    )
    second = make(
        p,
        "Joint working report for the review",
        "eml",
        d(2011, 6, 24),
        "other",
        "process",
        lambda rng, doc: papers.covering_email(
            doc, ["Young people in care moving to adult probation.pdf"], attached=True
        ),
        covering="covering e-mail",
        author_key="prob_sg",
        recipients=REVIEW_TEAM,
    )
    attach(
        first,
        make(
            p,
            "Probation safeguarding children audit 2010-11",
            "docx",
            d(2011, 2, 28),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["partnership"]),
            lines=("sg_partner_frontline",),
            author_key="prob_sg",
        ),
    )
    attach(
        second,
        make(
            p,
            "Young people in care moving to adult probation",
            "pdf",
            d(2011, 5, 16),
            "committee_report",
            "outcomes",
            _report(["offending"], "the Youth Justice Board"),
            topics=("offending",),
            meta_date=PDF_DEFAULT,
            planted=("metadata-default",),
            author_key="prob_aco",
        ),
    )
    return [
        first,
        second,
        make(
            p,
            "Probation staff safeguarding training 2010-11",
            "csv",
            d(2011, 4, 8),
            "training",
            "process",
            lambda rng, doc: papers.training_record(
                rng,
                doc,
                d(2010, 4, 1),
                ("Northbridge office", "Wellmere office", "Approved premises"),
                papers.COURSES[:4],
                n=8,
            ),
            lines=("sg_eval_workforce",),
            author_key="prob_sg",
        ),
        make(
            p,
            "Child safeguarding policy - Northshire Probation Trust",
            "pdf",
            d(2010, 12, 1),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["wider_risks"]),
            lines=("sg_safe_wider_risks",),
            author_key="prob_aco",
        ),
    ]


def cvs() -> list[Doc]:
    v = CVS
    email = make(
        v,
        "Training records for the review",
        "eml",
        d(2011, 6, 28),
        "other",
        "process",
        lambda rng, doc: papers.covering_email(
            doc,
            ["Free safeguarding training for voluntary groups 2010-11.xlsx"],
            attached=True,
            greeting="Hello,",
        ),
        covering="covering e-mail",
        author_key="cvs_train",
        recipients=REVIEW_TEAM,
    )
    attach(
        email,
        make(
            v,
            "Free safeguarding training for voluntary groups 2010-11",
            "xlsx",
            d(2011, 4, 30),
            "training",
            "process",
            lambda rng, doc: papers.training_record(
                rng, doc, d(2010, 4, 1), VOLUNTARY_GROUPS, papers.COURSES[:2]
            ),
            lines=("sg_partner_frontline",),
            author_key="cvs_train",
        ),
    )
    return [
        email,
        make(
            v,
            "Safeguarding training sign-in records April-June 2011",
            "csv",
            d(2011, 6, 30),
            "training",
            "process",
            lambda rng, doc: papers.training_record(
                rng, doc, d(2011, 4, 1), VOLUNTARY_GROUPS, papers.COURSES[:2], n=6
            ),
            lines=("sg_partner_frontline",),
            author_key="cvs_train",
            folder="2011-06",
        ),
        make(
            v,
            "Safeguarding Matters - issue 3",
            "pdf",
            d(2011, 3, 15),
            "newsletter_or_briefing",
            "process",
            lambda rng, doc: w.newsletter(
                rng, doc, ["wider_risks", "workforce"], "Voluntary sector newsletter, issue 3"
            ),
            lines=("sg_safe_wider_risks",),
            author_key="cvs_chief",
            folder="2011-03",
        ),
        make(
            v,
            "Voluntary sector safeguarding self-assessment summary 2011",
            "docx",
            d(2011, 4, 20),
            "audit_or_review",
            "outcomes",
            _of(w.audit, ["partnership"]),
            lines=("sg_partner_frontline",),
            author_key="cvs_chief",
            folder="2011-04",
        ),
        make(
            v,
            "Young people's panel - what changed 2010-11",
            "docx",
            d(2011, 5, 25),
            "narrative",
            "outcomes",
            _narrative("user_voice"),
            topics=("user_voice",),
            planted=("outcome-narrative",),
            author_key="cvs_chief",
            folder="2011-05",
        ),
        make(
            v,
            "Safeguarding checklist for voluntary groups (blank)",
            "docx",
            d(2011, 1, 10),
            "other",
            "process",
            lambda rng, doc: papers.blank_template(
                doc,
                ["Name of group", "Safeguarding lead", "Date of last training"],
                [
                    "Do you have a written safeguarding policy?",
                    "Are volunteers checked?",
                    "Do you know how to refer a concern?",
                ],
            ),
            covering="blank template",
            author_key="cvs_train",
        ),
        make(
            v,
            "Faith groups safeguarding seminar - notes",
            "pdf",
            d(2010, 11, 17),
            "minutes",
            "process",
            lambda rng, doc: papers.minutes(
                doc,
                "Faith groups safeguarding seminar",
                VENUES[0],
                "cvs_train",
                ["cvs_train", "cvs_chief", "edu_sg"],
                [],
                [
                    (t.about.capitalize(), list(t.did[:1]), [])
                    for t in w.topics_of(["partnership", "workforce"])
                ],
                d(2011, 5, 18),
            ),
            lines=("sg_equality_access",),
            name="seminar notes scan.pdf",
            scan="pages",
            meta_date=d(2011, 6, 27),
            planted=("scan",),
            author_key="cvs_train",
        ),
        make(
            v,
            "Safeguarding policy for voluntary groups 2007",
            "docx",
            d(2007, 9, 3),
            "policy_or_procedure",
            "process",
            _of(w.policy, ["partnership"]),
            lines=("sg_partner_frontline",),
            planted=("stale",),
            author_key="cvs_chief",
        ),
    ]
