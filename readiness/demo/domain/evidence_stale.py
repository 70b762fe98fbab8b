"""The planted stale evidence: the only documents on allegations against adults who work
with children and on children missing education are from 2022-2023, with nothing newer.

The evidence analyses name all three as out of date (more than two years old when the
inspection window opens; the procedure is also past its own review date, October 2023):
readiness/evidence/tests/test_stale_reported.py checks it.
"""

from __future__ import annotations

import random
from datetime import date

from readiness.demo.domain.evidence_text import long_date, person


def lado_annual_report(rng: random.Random, title: str, day: date, author: str) -> list:
    referrals = rng.randint(180, 240)
    return [
        ("h1", title),
        (
            "meta",
            [
                ("Author", person("lado")),
                ("Date", long_date(day)),
                ("Period", "April 2022 to March 2023"),
            ],
        ),
        ("h2", "Introduction"),
        (
            "p",
            "This is the annual report of the Designated Officer (LADO) for Anytown. The LADO "
            "manages allegations that an adult who works or volunteers with children has harmed "
            "a child, committed an offence against a child or behaved in a way that indicates "
            "they may pose a risk of harm.",
        ),
        ("h2", "Allegations received by the LADO"),
        (
            "table",
            ["Sector", "2021-22", "2022-23"],
            [
                ["Education", rng.randint(60, 80), rng.randint(70, 95)],
                ["Early years and childcare settings", rng.randint(15, 25), rng.randint(15, 30)],
                ["Foster carers", rng.randint(15, 25), rng.randint(15, 28)],
                ["Police", rng.randint(5, 12), rng.randint(5, 12)],
                ["Health", rng.randint(8, 15), rng.randint(8, 16)],
                ["Sports and faith groups", rng.randint(6, 14), rng.randint(6, 16)],
                ["Total", referrals - 20, referrals],
            ],
            "Allegations",
        ),
        ("h2", "Timeliness"),
        (
            "p",
            f"{rng.randint(68, 78)}% of allegations were resolved within one month and "
            f"{rng.randint(86, 93)}% within three months. Delays were mostly caused by criminal "
            "investigations and employers' disciplinary processes.",
        ),
        ("h2", "Outcomes of allegations"),
        (
            "ul",
            [
                f"Substantiated: {rng.randint(20, 30)}%",
                f"Unsubstantiated: {rng.randint(30, 40)}%",
                f"Unfounded: {rng.randint(15, 25)}%",
                f"Malicious or false: {rng.randint(1, 3)}%",
            ],
        ),
        ("h2", "Priorities for 2023-24"),
        (
            "ul",
            [
                "Raise awareness of the LADO role among sports clubs and faith settings.",
                "Improve the timeliness of employer investigations.",
                "Publish a revised managing allegations procedure.",
            ],
        ),
    ]


def cme_procedure(rng: random.Random, title: str, day: date, author: str) -> list:
    return [
        ("h1", title),
        (
            "meta",
            [
                ("Owner", person("cme")),
                ("Approved", long_date(day)),
                ("Review date", "October 2023"),
            ],
        ),
        ("h2", "1. Purpose"),
        (
            "p",
            "This procedure sets out how schools and the council identify, find and track "
            "children of compulsory school age who are missing education: not on a school roll "
            "and not receiving suitable education otherwise.",
        ),
        ("h2", "2. When a child is missing education"),
        (
            "ul",
            [
                "A school removing a pupil from roll on any of the grounds in the pupil "
                "registration "
                "regulations notifies the children missing education officer the same day.",
                "Where a pupil has been absent for ten consecutive school days without "
                "explanation, "
                "the school makes reasonable enquiries and notifies the council.",
                "The council checks with other local authorities, health, housing and police "
                "databases and, where a child cannot be found, refers to police and children's "
                "social care.",
            ],
        ),
        ("h2", "3. Elective home education"),
        (
            "p",
            "Where parents choose to educate their child at home, the council offers a visit "
            "within 20 school days and asks for evidence that suitable education is provided. "
            "Children subject to a child protection plan who become home educated are discussed "
            "at a multi-agency meeting.",
        ),
        ("h2", "4. Monitoring"),
        (
            "p",
            f"In 2021-22 {rng.randint(140, 190)} children were reported as missing education; "
            f"{rng.randint(90, 97)}% were found and placed in school or confirmed elsewhere "
            "within 30 days.",
        ),
    ]


def ehe_annual(rng: random.Random, title: str, day: date, author: str) -> list:
    total = rng.randint(280, 340)
    return [
        ("h1", title),
        ("meta", [("Author", person("cme")), ("Date", long_date(day))]),
        ("h2", "Summary"),
        (
            "p",
            f"On 31 December 2022 {total} children in Anytown were electively home educated, an "
            f"increase of {rng.randint(12, 20)}% on the previous year. Most are of secondary "
            "school age.",
        ),
        (
            "table",
            ["Year group", "Children"],
            [
                ["Reception to year 6", rng.randint(90, 120)],
                ["Years 7 to 9", rng.randint(80, 110)],
                ["Years 10 and 11", rng.randint(70, 100)],
            ],
            "Home education",
        ),
        ("h2", "Checks on education and welfare"),
        (
            "p",
            f"{rng.randint(70, 82)}% of families accepted an initial visit. {rng.randint(8, 14)} "
            "children were found not to be receiving suitable education and school attendance "
            "orders were considered. Children known to social care who are home educated are "
            "discussed monthly with the social worker.",
        ),
        ("h2", "Children missing education"),
        (
            "p",
            f"{rng.randint(40, 60)} children were on the children missing education register at "
            "the end of the year; all had been referred to the tracking panel.",
        ),
    ]
