"""The planted surfeit: a long run of health meetings about the timeliness of looked after
children's health assessments and dental checks. Process-heavy on purpose (data disputes,
definitions, actions carried forward, apologies), as the founding review found (paragraph 25).
"""

from __future__ import annotations

import random
from datetime import date

from readiness.demo.domain.evidence_templates import minutes
from readiness.demo.domain.evidence_text import long_date, name

START = date(2025, 6, 1)


def figures(day: date, rng: random.Random) -> dict[str, int]:
    """Performance that creeps up over the year, with the two data sources disagreeing."""
    i = (day.year - START.year) * 12 + day.month - START.month
    iha = round(38 + 3.4 * i + rng.uniform(-3, 3))
    return {
        "iha": iha,
        "iha_council": iha + rng.randint(4, 9) if i < 8 else iha + rng.randint(0, 2),
        "rha": round(71 + 1.3 * i + rng.uniform(-2, 2)),
        "dental": round(58 + 1.6 * i + rng.uniform(-2, 2)),
        "late_notifications": max(3, round(22 - 1.5 * i + rng.uniform(-2, 2))),
        "ooa_waiting": rng.randint(6, 14),
        "wnb": rng.randint(6, 13),
    }


def _items(rng: random.Random, day: date, f: dict, who: dict) -> list[tuple]:
    early = day < date(2026, 1, 1)
    impact = rng.choice([4, 4, 3])
    items = [
        (
            "Performance: initial and review health assessments",
            [
                f"{name(who['analyst'])} presented the performance dashboard. Initial health "
                "assessments "
                f"completed within 20 working days were {f['iha']}% for the period, and review "
                f"health assessments {f['rha']}%.",
                f"{name(who['council'])} said the council's SSDA903 extract showed "
                f"{f['iha_council']}% "
                "for the same period and questioned whether the ICB figure counted from the date "
                "the "
                "child came into care or from the date the notification was received. "
                + (
                    "There was a lengthy discussion and it was not possible to agree which figure "
                    "should be reported to the Quality Committee."
                    if early
                    else "The difference is now small and both figures will be shown side by side."
                ),
                "Members noted that the figures include children placed out of area, whose "
                "assessments are completed by other health providers and are often recorded late.",
            ],
            [
                (
                    "Reconcile the ICB and council data for the quarter, child by child, and "
                    "circulate before the next meeting",
                    who["analyst"],
                ),
            ],
        ),
        (
            "Notifications and consent",
            [
                f"{name(who['trust'])} reported that {f['late_notifications']} notifications of "
                "children coming into care were received more than five working days after the "
                "child's entry to care, and several arrived without signed consent or with the "
                "Part A form incomplete.",
                f"{name(who['council'])} apologised and explained that staffing in the "
                "assessment teams had affected administration. The group discussed whether "
                "notifications could be sent directly from the case management system.",
            ],
            [
                (
                    "Raise late notifications with team managers and report numbers by team",
                    who["council"],
                )
            ],
        ),
        (
            "Dental checks",
            [
                "Dental checks for children in care for 12 months were reported at "
                f"{f['dental']}%. "
                f"{name('trust_dental')} explained that some foster carers could not register "
                "children with a general dental practice and that the community dental service "
                "was prioritising urgent cases.",
                "There was discussion of whether a check by the community dental service counts "
                "for the SSDA903 return and how foster carers should record the date of the check. "
                "It was agreed to write to carers again.",
            ],
            [("Draft a letter to foster carers on recording dental checks", who["trust"])],
        ),
    ]
    extras = [
        (
            "Children placed out of area",
            [
                f"{f['ooa_waiting']} children placed out of area were waiting for an initial "
                "health assessment request to be accepted by the host provider. The group "
                "discussed the tariff and whether invoices would be paid before assessments "
                "were booked.",
            ],
            [("Write to host ICBs with outstanding requests", "icb_dnlac")],
        ),
        (
            "Paediatric clinic capacity",
            [
                f"{name('trust_paed')} reported that two clinic sessions a month had been lost to "
                f"sickness. The 'was not brought' rate for initial assessments was {f['wnb']}%. "
                "Members discussed reminders by text message and whether social workers should "
                "attend with the child.",
            ],
            [("Explore an additional locum clinic session", "trust_hos")],
        ),
        (
            "Terms of reference and membership",
            [
                "The draft terms of reference were discussed. Members agreed to keep monthly "
                "meetings until performance is consistently above target and to invite a "
                "representative of the fostering service.",
            ],
            [("Circulate revised terms of reference", who["chair"])],
        ),
        (
            "Risk register",
            [
                "The risk 'children in care do not receive timely health assessments' remains "
                f"rated {4 * impact} (likelihood 4, impact {impact}). "
                "The group agreed the rating should not change until the data are agreed.",
            ],
            [("Update the risk register entry", "icb_quality")],
        ),
    ]
    forward = (
        "Forward plan",
        [
            "The chair reminded members that the next quarterly report to the Quality Committee "
            "and the corporate parenting panel is due. Members agreed that the report should use "
            "the reconciled data "
            + ("once it is available." if early else "and include the trend since June 2025."),
            "It was noted that several actions have been carried forward for more than two "
            "meetings "
            "and owners were asked to give written updates if they cannot attend.",
        ],
        [],
    )
    return items + extras + [forward]


CARRIED = [
    ("Reconcile ICB and council data child by child", "icb_analyst"),
    ("Send revised notification form to team managers", "hos_cic"),
    ("Write to foster carers on recording dental checks", "trust_lead"),
    ("Agree out of area tariff with host ICBs", "icb_comm"),
    ("Circulate revised terms of reference", "icb_dnlac"),
    ("Confirm locum paediatric clinic dates", "trust_hos"),
    ("Provide list of children waiting over 20 days", "trust_admin"),
]


def carried_actions(rng: random.Random, day: date) -> list[tuple]:
    early = day < date(2026, 1, 1)
    rows = []
    for text, owner in rng.sample(CARRIED, 5):
        status = rng.choice(
            ["Carried forward", "Carried forward", "Complete"]
            if early
            else ["Complete", "Complete", "Carried forward"]
        )
        update = {
            "Complete": "Done; see paper.",
            "Carried forward": rng.choice(
                [
                    "Not yet received.",
                    "Owner absent; update to follow.",
                    "In progress, awaiting data.",
                    "Delayed by staffing.",
                ]
            ),
        }[status]
        rows.append((text, name(owner), update, status))
    return rows


ICB_GROUP = {
    "chair": "icb_dnlac",
    "analyst": "icb_analyst",
    "council": "hos_cic",
    "trust": "trust_lead",
    "present": [
        "icb_dnlac",
        "icb_dd",
        "icb_analyst",
        "hos_cic",
        "trust_lead",
        "trust_named",
        "icb_comm",
        "trust_paed",
        "trust_dental",
        "trust_hos",
        "icb_quality",
        "fostering",
        "ssda",
    ],
    "absent": ["icb_dd", "trust_named", "icb_comm", "fostering", "ssda", "icb_quality"],
    "venue": "Boardroom, Anyshire House",
}
TRUST_GROUP = {
    "chair": "trust_named",
    "analyst": "trust_admin",
    "council": "hos_cic",
    "trust": "trust_lead",
    "present": [
        "trust_named",
        "trust_lead",
        "trust_admin",
        "trust_paed",
        "trust_dental",
        "hos_cic",
        "icb_dnlac",
        "icb_comm",
        "trust_hos",
        "icb_quality",
        "fostering",
        "ssda",
    ],
    "absent": ["icb_dnlac", "fostering", "ssda", "icb_quality"],
    "venue": "Meeting Room 4, Millbrook Health Centre",
}


def surfeit_minutes(rng: random.Random, title: str, day: date, next_day: date, group: dict) -> list:
    f = figures(day, rng)
    present = list(group["present"])
    absent = rng.sample(group["absent"], rng.randint(1, 2))
    present = [p for p in present if p not in absent]
    return minutes(
        rng,
        title,
        day,
        group["chair"],
        present,
        absent,
        _items(rng, day, f, group),
        next_day,
        venue=group["venue"],
        carried=carried_actions(rng, day),
    )


def quality_committee(rng: random.Random, title: str, day: date, next_day: date) -> list:
    f = figures(day, rng)
    items = [
        (
            "Patient safety and quality report",
            [
                "The committee received the quarterly patient safety report. No new serious "
                "incidents relating to children were declared in the period."
            ],
            [],
        ),
        (
            "Safeguarding children: health assessments for looked after children",
            [
                f"{name('icb_dn')} and {name('icb_dnlac')} presented the quarterly report. "
                f"Initial health assessments within 20 working days were {f['iha']}% against a "
                f"target of 85%; review health assessments {f['rha']}%; dental checks "
                f"{f['dental']}%.",
                f"The chair asked why the figures differed from those reported to the corporate "
                f"parenting panel ({f['iha_council']}%). It was explained that the council and the "
                "ICB use different start dates and that a reconciliation is under way.",
                "Members asked for assurance that children waiting for assessments are safe. The "
                "designated nurse explained that health needs are reviewed by the looked after "
                "children's nurses while children wait. The committee noted limited assurance.",
                "The committee agreed to receive a further update at its next meeting and asked "
                "that the improvement group's action plan be appended.",
            ],
            [
                (
                    "Bring the health assessment action plan and reconciled data to the next "
                    "meeting",
                    "icb_dn",
                )
            ],
        ),
        (
            "Any other items for escalation to the Board",
            [
                "The committee agreed to escalate the limited assurance on looked after children's "
                "health assessments to the Board."
            ],
            [],
        ),
    ]
    present = ["icb_chair", "icb_cno", "icb_quality", "icb_dn", "icb_dnlac", "icb_comm"]
    return minutes(
        rng,
        title,
        day,
        "icb_chair",
        present,
        ["icb_dd"],
        items,
        next_day,
        venue="Boardroom, Anyshire House",
    )


def outcome_narrative(day: date) -> list:
    """The one short narrative the founding review asked for (action point A12)."""
    return [
        (
            "h1",
            "Health assessments and dental checks for children in care: what changed in 2025-26",
        ),
        (
            "meta",
            [
                (
                    "Prepared by",
                    "Anyshire Integrated Care Board with Anytown Borough Council and "
                    "Anytown Community Health Trust",
                ),
                ("Date", long_date(day)),
            ],
        ),
        ("h2", "Why we targeted this"),
        (
            "p",
            "In spring 2025 only 38% of children coming into care in Anytown had their initial "
            "health assessment within 20 working days, and 58% of children in care for a year "
            "had a dental check. Children were waiting too long for their health needs to be "
            "known.",
        ),
        ("h2", "What we did"),
        (
            "ul",
            [
                "Notifications and consent now go to the health team within two working days, sent "
                "from the case management system.",
                "An extra paediatric clinic each month and text reminders to carers.",
                "A community dental service 'fast slot' for children in care without a dentist.",
                "One agreed data set: council and ICB figures reconciled child by child every "
                "month.",
            ],
        ),
        ("h2", "What difference it made"),
        (
            "table",
            ["Measure", "2024-25", "2025-26"],
            [
                ["Initial health assessments within 20 working days", "38%", "77%"],
                ["Review health assessments on time", "71%", "86%"],
                ["Dental checks (children in care 12 months)", "58%", "76%"],
            ],
            "Impact",
        ),
        (
            "p",
            "'The nurse came to my school so I didn't miss football.' (young person, 12). Next: "
            "reach 85% for initial assessments by September 2026 and close the gap for children "
            "placed out of area.",
        ),
    ]
