"""Meeting papers, training records and covering material in Northbridge's habits.

Covering material (a covering e-mail, a list of documents sent, a contents page, an agenda
without minutes, a blank template) is written here too: it names evidence, or is about to
hold it, without being evidence itself. The founding review's gap (early help) is mentioned
only in such material, promised "to follow".
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from readiness.demo.domain.northbridge_cast import AGENCIES, CAST, long_date, name, signature
from readiness.demo.domain.northbridge_writers import Blocks, Doc


def _who(keys: list[str]) -> str:
    return "; ".join(f"{CAST[k][0]} ({CAST[k][1]}, {CAST[k][2]})" for k in keys)


def minutes(
    doc: Doc,
    meeting: str,
    venue: str,
    chair: str,
    present: list[str],
    apologies: list[str],
    items: list[tuple[str, list[str], list[tuple[str, str]]]],
    next_meeting: date,
) -> Blocks:
    """Minutes as Northbridge writes them: capitals, numbered items, ACTION lines."""
    blocks: Blocks = [
        ("h1", f"{meeting.upper()}"),
        ("p", f"Minutes of the meeting held on {doc.date:%A} {long_date(doc.date)} at {venue}"),
        ("p", f"PRESENT: {CAST[chair][0]} (Chair); {_who([k for k in present if k != chair])}"),
        ("p", f"APOLOGIES: {_who(apologies) if apologies else 'None received'}"),
        ("p", f"Minutes taken by {name('pct_admin') if 'PCT' in meeting else 'the secretariat'}"),
    ]
    number = 1
    blocks += [
        ("h2", f"{number}. MINUTES OF THE LAST MEETING AND MATTERS ARISING"),
        ("p", "The minutes of the last meeting were agreed as a correct record."),
    ]
    for heading, paragraphs, actions in items:
        number += 1
        blocks.append(("h2", f"{number}. {heading.upper()}"))
        blocks += [("p", text) for text in paragraphs]
        blocks += [("p", f"ACTION: {text} - {CAST[owner][0]}") for text, owner in actions]
    blocks += [
        ("h2", f"{number + 1}. ANY OTHER BUSINESS"),
        ("p", "None."),
        ("p", f"DATE OF NEXT MEETING: {next_meeting:%A} {long_date(next_meeting)}"),
    ]
    return blocks


def agenda(doc: Doc, meeting: str, venue: str, items: list[tuple[str, str]]) -> Blocks:
    """An agenda on its own: the meeting's papers were never sent with it."""
    rows = [[str(n), item, CAST[lead][0]] for n, (item, lead) in enumerate(items, start=1)]
    return [
        ("h1", f"{meeting} - Agenda"),
        ("p", f"{doc.date:%A} {long_date(doc.date)}, 2.00pm to 4.00pm, {venue}"),
        ("table", ["Item", "Subject", "Lead"], rows),
        ("p", "Papers to follow. Please send apologies to the administrator."),
    ]


# --- training records ---------------------------------------------------------------------------

COURSES = (
    "Safeguarding children: basic awareness (level 1)",
    "Working together to safeguard children (level 2)",
    "Child protection conferences and core groups (level 3)",
    "Domestic abuse and its impact on children",
    "Child sexual exploitation awareness",
    "Safer recruitment",
    "Learning from serious case reviews",
    "Designated teacher for looked after children",
)


def training_rows(
    rng: random.Random, start: date, agencies: tuple[str, ...], courses: tuple[str, ...], n: int
) -> list[list]:
    """Attendance by course and agency: places booked, attended and did not attend."""
    rows = []
    day = start
    for _ in range(n):
        day += timedelta(days=rng.randint(5, 16))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        course = rng.choice(courses)
        most = min(4, len(agencies))
        for agency in sorted(rng.sample(agencies, rng.randint(min(2, most), most))):
            booked = rng.randint(2, 14)
            attended = booked - rng.randint(0, min(3, booked - 1))
            rows.append([day.strftime("%d/%m/%Y"), course, agency, booked, attended])
    return rows


def training_record(
    rng: random.Random,
    doc: Doc,
    start: date,
    agencies: tuple[str, ...] = AGENCIES,
    courses: tuple[str, ...] = COURSES,
    n: int = 14,
) -> Blocks:
    rows = training_rows(rng, start, agencies, courses, n)
    totals: dict[str, list[int]] = {}
    for _, _, agency, booked, attended in rows:
        total = totals.setdefault(agency, [0, 0])
        total[0] += booked
        total[1] += attended
    summary = [
        [agency, booked, attended, f"{100 * attended / booked:.0f}%"]
        for agency, (booked, attended) in sorted(totals.items())
    ]
    return [
        ("h1", doc.title),
        ("p", f"Training records to {long_date(doc.date)}. Prepared by {name(doc.author_key)}."),
        (
            "table",
            ["Date", "Course", "Agency", "Places booked", "Attended"],
            rows,
            "Attendance",
        ),
        ("table", ["Agency", "Booked", "Attended", "Attendance rate"], summary, "By agency"),
    ]


# --- covering material --------------------------------------------------------------------------


def covering_email(
    doc: Doc,
    files: list[str],
    *,
    attached: bool,
    to_follow: tuple[str, ...] = (),
    note: str = "",
    greeting: str = "Dear Morgan,",
) -> Blocks:
    """The body of an e-mail that only says what was sent (and, maybe, what will follow)."""
    verb = "Please find attached" if attached else "I am sending separately"
    blocks: Blocks = [
        ("p", greeting),
        (
            "p",
            f"{verb} the following documents from {doc.agency} for the readiness review, "
            f"as requested:",
        ),
        ("ul", files),
    ]
    if to_follow:
        blocks += [("p", "To follow:"), ("ul", list(to_follow))]
    if note:
        blocks.append(("p", note))
    blocks += [("p", "Kind regards,"), *[("p", line) for line in signature(doc.author_key)]]
    return blocks


def contents(doc: Doc, sections: list[tuple[str, list[str]]], intro: str) -> Blocks:
    """A contents page or list of what was sent, section by section."""
    blocks: Blocks = [("h1", doc.title), ("p", f"{intro} ({long_date(doc.date)})")]
    for number, (section, entries) in enumerate(sections, start=1):
        blocks += [("h2", f"Section {number}: {section}")]
        blocks.append(("ul", [f"{number}.{i} {entry}" for i, entry in enumerate(entries, 1)]))
    return blocks


def blank_template(doc: Doc, fields: list[str], questions: list[str]) -> Blocks:
    """A form nobody filled in: labels, empty boxes and tick boxes."""
    return [
        ("h1", doc.title),
        ("p", f"Template issued {long_date(doc.date)}. Complete one form per case."),
        ("table", ["Field", "Entry"], [[label, ""] for label in fields]),
        ("table", ["Question", "Yes / No / Partly", "Evidence"], [[q, "", ""] for q in questions]),
        ("p", "Auditor's signature: ____________________   Date: ____________"),
    ]
