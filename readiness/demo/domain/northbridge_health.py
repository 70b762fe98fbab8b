"""The planted surfeit: the health agencies' pile of minutes about looked after children's
health assessments and dental checks (founding review, paragraph 25): data disputes,
blame, forms and actions carried forward, with little outcome data. Three series of meetings
from the Primary Care Trust and the Hospitals Trust.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from readiness.demo.domain.northbridge_cast import VENUES, name
from readiness.demo.domain.northbridge_papers import minutes
from readiness.demo.domain.northbridge_writers import Blocks, Doc

# (meeting, chair, members, venue)
STEERING = (
    "Looked After Children Health Steering Group (PCT)",
    "dn_lac",
    ["dn_lac", "dd_lac", "pct_info", "lac_head", "paed", "lac_admin", "analyst"],
    VENUES[2],
)
TASK_GROUP = (
    "Initial Health Assessments Task and Finish Group (PCT)",
    "pct_comm",
    ["pct_comm", "dn_lac", "lac_admin", "analyst", "pa"],
    VENUES[4],
)
OPERATIONAL = (
    "Paediatric Looked After Children Assessments - Operational Meeting",
    "paed",
    ["paed", "named_nurse", "lac_admin", "dn_lac"],
    VENUES[1],
)
SERIES = {"steering": STEERING, "task": TASK_GROUP, "operational": OPERATIONAL}


def _figures(day: date, rng: random.Random) -> dict[str, int]:
    # Little movement and two sources that disagree: the point is the argument, not the data.
    month = (day.year - 2010) * 12 + day.month - 9
    pct = 58 + month + rng.randint(-3, 3)
    return {
        "pct": pct,
        "council": pct + rng.randint(5, 12) if month < 7 else pct + rng.randint(0, 3),
        "dental": 60 + month // 2 + rng.randint(-2, 2),
        "late": max(4, 19 - month + rng.randint(-2, 2)),
        "ooa": rng.randint(5, 12),
        "dna": rng.randint(3, 9),
    }


def _items(rng: random.Random, day: date, chair: str) -> list[tuple]:
    f = _figures(day, rng)
    early = day < date(2011, 3, 1)
    items = [
        (
            "Health assessment figures",
            [
                f"{name('pct_info')} tabled the PCT's figures: {f['pct']}% of looked after "
                "children had an up-to-date health assessment. "
                f"{name('analyst')} said the council's return showed {f['council']}% and that "
                "the PCT was counting children who had left care.",
                "A long discussion followed about which list of children should be used. "
                + (
                    "No agreement was reached and the item was deferred."
                    if early
                    else "It was agreed to report both figures until the lists match."
                ),
            ],
            [("Compare the two lists child by child before the next meeting", "pct_info")],
        ),
        (
            "Notification of children coming into care",
            [
                f"{f['late']} notifications reached the health team more than a week after the "
                "child came into care; several had no consent form attached.",
                f"{name('lac_head')} said that team administrators had changed and reminded "
                "members that the form had been revised twice. Health colleagues asked that "
                "the old form stop being used.",
            ],
            [("Remind team managers to use the current notification form", "lac_head")],
        ),
        (
            "Dental checks",
            [
                f"Dental checks were reported at {f['dental']}%. Carers say some dentists will "
                "not register children placed for a short time. It was not clear whether a "
                "check by the community dental service is counted.",
            ],
            [("Find out how other areas count community dental checks", "dn_lac")],
        ),
    ]
    extras = [
        (
            "Children placed out of area",
            [
                f"{f['ooa']} children placed outside Northbridge were waiting for another PCT to "
                "agree to do their review health assessment. Members discussed who should pay.",
            ],
            [("Write to the host PCTs again", "dd_lac")],
        ),
        (
            "Appointments not attended",
            [
                f"{f['dna']} initial health assessment appointments were not attended. Members "
                "discussed whether social workers or carers were responsible for bringing the "
                "child.",
            ],
            [("Agree a letter to carers about appointments", "lac_admin")],
        ),
        (
            "Terms of reference",
            [
                "The terms of reference were discussed again. Membership from the fostering "
                "service was suggested and deferred to the next meeting.",
            ],
            [("Recirculate the terms of reference", chair)],
        ),
        (
            "Action log",
            [
                "Most actions from the last meeting were carried forward. The chair asked "
                "members to send updates in writing before the meeting in future.",
            ],
            [],
        ),
    ]
    return items + [extras[i] for i in sorted(rng.sample(range(len(extras)), 2))]


def series_minutes(rng: random.Random, doc: Doc, series: str, next_in_days: int = 28) -> Blocks:
    meeting, chair, members, venue = SERIES[series]
    present = [m for m in members if rng.random() > 0.25 or m == chair]
    apologies = [m for m in members if m not in present]
    return minutes(
        doc,
        meeting,
        venue,
        chair,
        present,
        apologies,
        _items(rng, doc.date, chair),
        doc.date + timedelta(days=next_in_days),
    )


def meeting_dates(start: date, count: int, every_days: int = 28) -> list[date]:
    """Meeting days, moved off weekends."""
    days = []
    day = start
    for _ in range(count):
        while day.weekday() >= 5:
            day += timedelta(days=1)
        days.append(day)
        day += timedelta(days=every_days)
    return days
