"""Document families: each turns a theme (or a few) into the blocks of one kind of document.

A block is ("h1", text), ("h2", text), ("p", text), ("ul", items), ("meta", pairs) or
("table", header, rows[, sheet name]). Variation comes from a seeded random.Random.
"""

from __future__ import annotations

import random
from datetime import date

from readiness.demo.domain.evidence_text import (
    CAST,
    VENUES,
    child_example,
    context,
    fill,
    governance,
    long_date,
    lower_is_better,
    measure_rows,
    name,
    person,
    pick,
    plus_days,
    theme,
)


def _years(day: date, n: int = 3) -> list[str]:
    end = day.year if day.month >= 4 else day.year - 1
    return [f"{y - 1}-{str(y)[2:]}" for y in range(end - n + 1, end + 1)]


def _next_year(period: str) -> str:
    year = int(period[:4]) + 1
    return f"{year}-{str(year + 1)[2:]}"


def _headline(rng, themes, periods) -> tuple:
    rows = []
    for key in themes:
        rows += measure_rows(rng, key, periods)
    return ("table", ["Measure"] + periods, rows, "Headline data")


def _colleagues(author: str) -> list[str]:
    agency = CAST[author][2]
    return [v[0] for v in CAST.values() if v[2] == agency]


def annual_report(rng: random.Random, title: str, day: date, author: str, themes) -> list:
    main = theme(themes[0])
    periods = _years(day)
    blocks = [
        ("h1", title),
        ("meta", [("Author", person(author)), ("Date", long_date(day)), ("Status", "Final")]),
        ("h2", "Foreword"),
        (
            "p",
            fill(
                rng,
                f"This report sets out what we have achieved this year for children in Anytown "
                f"in relation to {main['about']}, what we have learned and what we will do next. "
                "It is written for councillors, partners and, in its summary version, for "
                "children and young people themselves.",
            ),
        ),
        ("p", main["intro"]),
        ("h2", "Context"),
        *[("p", para) for para in context(rng, 3)],
        ("h2", "Headline data"),
        _headline(rng, themes, periods),
        ("h2", "What went well"),
        ("ul", sum((pick(rng, theme(k)["strengths"], 4) for k in themes), [])),
        ("h2", "What we need to do better"),
        ("ul", sum((pick(rng, theme(k)["concerns"], 2) for k in themes), [])),
        ("h2", "What children and young people told us"),
        ("p", " ".join(theme(k)["voice"][0] for k in themes)),
        ("p", child_example(rng, themes[0])),
        ("h2", f"Priorities for {_next_year(periods[-1])}"),
        ("ul", sum((pick(rng, theme(k)["actions"], 3) for k in themes), [])),
        ("h2", "Governance and data"),
        *[("p", para) for para in governance(rng, 3)],
    ]
    return blocks


def self_evaluation(rng: random.Random, title: str, day: date, author: str, themes) -> list:
    """The ILACS annual self-evaluation: what we know, how we know it, what we will do."""
    blocks = [
        ("h1", title),
        (
            "meta",
            [
                ("Author", person(author)),
                ("Date", long_date(day)),
                ("Shared with", "Ofsted annual engagement meeting"),
            ],
        ),
        ("h2", "Context"),
        *[("p", para) for para in context(rng, 3)],
        ("h2", "1. What do we know about the quality and impact of social work practice?"),
    ]
    for key in themes:
        t = theme(key)
        blocks += [
            ("p", f"On {t['about']}: " + " ".join(pick(rng, t["strengths"], 3))),
            (
                "p",
                "Where practice is not yet good enough: " + " ".join(pick(rng, t["concerns"], 2)),
            ),
        ]
    blocks += [
        ("h2", "2. How do we know it?"),
        ("ul", pick(rng, theme("knowledge")["strengths"], 4)),
        (
            "table",
            ["Measure"] + _years(day),
            sum((measure_rows(rng, k, _years(day)) for k in themes), []),
            "Trends",
        ),
        ("p", child_example(rng, themes[0])),
        ("h2", "3. What are our plans to maintain or improve practice?"),
        ("ul", sum((pick(rng, theme(k)["actions"], 2) for k in themes), [])),
        *[("p", para) for para in governance(rng, 2)],
    ]
    return blocks


def committee_report(rng, title, day, author, themes, committee: str) -> list:
    main = theme(themes[0])
    periods = ["Q1", "Q2", "Q3", "Q4"]
    return [
        ("h1", title),
        (
            "meta",
            [
                ("Report to", committee),
                ("Date of meeting", long_date(day)),
                ("Report of", person(author)),
                ("Classification", "Open"),
            ],
        ),
        ("h2", "1. Purpose of the report"),
        ("p", f"To update {committee} on {main['about']} and to seek its views on next steps."),
        ("h2", "2. Recommendations"),
        (
            "ul",
            [
                f"{committee} is asked to note the progress described in section 4.",
                "To comment on the areas for improvement and the actions proposed.",
            ],
        ),
        ("h2", "3. Background"),
        ("p", main["intro"]),
        *[("p", para) for para in context(rng, 2)],
        ("h2", "4. Performance and progress"),
        ("table", ["Measure"] + periods, measure_rows(rng, themes[0], periods), "Performance"),
        ("ul", pick(rng, main["strengths"], 3)),
        ("h2", "5. Issues and risks"),
        ("ul", pick(rng, main["concerns"], 2)),
        ("h2", "6. Next steps"),
        ("ul", pick(rng, main["actions"], 3)),
        ("h2", "7. Implications"),
        (
            "p",
            "Financial: the actions are met from existing budgets unless stated. Legal: the "
            "council's duties under the Children Act 1989 and 2004 are met. Equalities: data "
            "are monitored by ethnicity, sex and disability and no adverse impact is identified.",
        ),
        ("p", f"Contact officer: {person(author)}."),
    ]


def audit_report(rng, title, day, author, themes, agencies: str = "") -> list:
    main = theme(themes[0])
    sample = rng.randint(12, 30)
    grades = [rng.randint(1, 3), rng.randint(5, 12), rng.randint(3, 8), rng.randint(0, 2)]
    grades[1] += sample - sum(grades) if sample > sum(grades) else 0
    auditors = agencies or "police, health, education and children's social care"
    return [
        ("h1", title),
        ("meta", [("Lead auditor", person(author)), ("Date", long_date(day))]),
        ("h2", "Scope and method"),
        (
            "p",
            f"Auditors from {auditors} reviewed {sum(grades)} children's records focused on "
            f"{main['about']}. Each case was graded against the practice standards and discussed "
            "with the allocated worker; where possible the child or parent was asked about "
            "their experience.",
        ),
        ("h2", "Grades after moderation"),
        (
            "table",
            ["Grade", "Cases", "Share"],
            [
                [g, n, f"{100 * n / sum(grades):.0f}%"]
                for g, n in zip(
                    ["Outstanding", "Good", "Requires improvement", "Inadequate"],
                    grades,
                    strict=True,
                )
            ],
            "Grades",
        ),
        ("h2", "What we found: strengths"),
        ("ul", pick(rng, main["strengths"], 4)),
        ("h2", "What we found: areas for improvement"),
        ("ul", pick(rng, main["concerns"], 3)),
        ("h2", "Impact for children"),
        ("p", child_example(rng, themes[0])),
        ("p", child_example(rng, themes[0])),
        ("h2", "Learning and next steps"),
        *[("p", para) for para in governance(rng, 2)],
        ("h2", "Actions"),
        (
            "table",
            ["Action", "Owner", "By"],
            [
                [a, rng.choice(_colleagues(author)), long_date(plus_days(day, 90))]
                for a in pick(rng, main["actions"], 3)
            ],
            "Actions",
        ),
    ]


def narrative(rng, title, day, author, theme_key: str, before_after: list[tuple]) -> list:
    main = theme(theme_key)
    rows = [[label, before, after] for label, before, after in before_after]
    return [
        ("h1", title),
        ("meta", [("Prepared by", person(author)), ("Date", long_date(day))]),
        ("h2", "What we set out to change"),
        ("p", main["intro"]),
        ("h2", "What we did"),
        ("ul", pick(rng, main["actions"], 3)),
        ("h2", "What difference it made for children"),
        ("table", ["Measure", "Before", "Now"], rows, "Impact"),
        ("ul", pick(rng, main["strengths"], 3)),
        ("p", main["voice"][0]),
        ("h2", "What we will do next"),
        (
            "p",
            fill(
                rng, pick(rng, main["concerns"], 1)[0] + " We will report progress in six months."
            ),
        ),
    ]


def strategy(rng, title, day, author, themes) -> list:
    main = theme(themes[0])
    periods = _years(day, 2) + ["Target"]
    rows = []
    for key in themes:
        for row in measure_rows(rng, key, periods[:2]):
            rows.append(row + ["improve on " + row[-1]])
    blocks = [
        ("h1", title),
        ("meta", [("Owner", person(author)), ("Approved", long_date(day)), ("Review", "Annually")]),
        ("h2", "Our ambition"),
        (
            "p",
            f"We want every child in Anytown to benefit from our work on {main['about']}. "
            "This strategy sets out where we are, what we will do and how we will know.",
        ),
        ("p", main["intro"]),
        ("h2", "Where we are now"),
        *[("p", para) for para in context(rng, 2)],
        ("ul", pick(rng, main["strengths"], 3) + pick(rng, main["concerns"], 2)),
        ("h2", "Our priorities"),
    ]
    for number, key in enumerate(themes, start=1):
        blocks += [
            ("p", f"Priority {number}: {theme(key)['about']}."),
            ("ul", pick(rng, theme(key)["actions"], 3)),
        ]
    blocks += [
        ("h2", "How we will know we are making a difference"),
        ("table", ["Measure"] + periods, rows, "Measures"),
        ("h2", "Governance"),
        (
            "p",
            "Progress is reported every six months to the corporate parenting panel and the "
            "safeguarding partnership executive, with an annual report to Cabinet.",
        ),
    ]
    return blocks


def policy(rng, title, day, author, themes, version: str = "2.0") -> list:
    main = theme(themes[0])
    steps = [f"{n}. {s}" for n, s in enumerate(sum((theme(k)["procedure"] for k in themes), []), 1)]
    return [
        ("h1", title),
        (
            "meta",
            [
                ("Version", version),
                ("Approved by", "Anytown Safeguarding Children Partnership executive"),
                ("Date", long_date(day)),
                ("Review date", long_date(day.replace(year=day.year + 2))),
                ("Owner", person(author)),
            ],
        ),
        ("h2", "1. Purpose"),
        ("p", f"This document sets out how agencies in Anytown work together on {main['about']}."),
        ("h2", "2. Scope"),
        (
            "p",
            "It applies to all staff and volunteers of the partner agencies of the Anytown "
            "Safeguarding Children Partnership, including commissioned services.",
        ),
        ("h2", "3. Principles"),
        (
            "ul",
            [
                "The child's welfare is paramount.",
                "Children are seen and heard, and their views recorded in their own words.",
                "Information is shared promptly and lawfully.",
                "Professional disagreement is resolved quickly using the escalation policy.",
            ],
        ),
        ("h2", "4. Procedure"),
        ("p", main["intro"]),
        ("ul", steps),
        ("h2", "5. Roles and responsibilities"),
        (
            "p",
            f"The lead officer for this procedure is {person(author)}. Each agency names a "
            "senior lead who makes sure staff know and follow it.",
        ),
        ("h2", "6. Monitoring and review"),
        (
            "p",
            "Compliance is monitored through the partnership's audit programme and the "
            "performance data below, reported to the executive every six months.",
        ),
        ("ul", [m[0] for m in main["measures"]]),
    ]


def training(rng, title, day, author, themes) -> list:
    courses = []
    for key in themes:
        t = theme(key)
        courses.append(
            [
                f"Working together on {t['about']}",
                rng.choice(
                    ["All staff", "Frontline practitioners", "Managers and designated leads"]
                ),
                rng.choice(["Half day", "One day", "Two hours (online)"]),
                rng.randint(4, 10),
                rng.randint(60, 200),
            ]
        )
    return [
        ("h1", title),
        ("meta", [("Coordinator", person(author)), ("Published", long_date(day))]),
        ("h2", "About the programme"),
        (
            "p",
            "Our multi-agency courses are free to staff and volunteers of partner agencies. "
            "Each course is co-delivered by practitioners from at least two agencies and is "
            "evaluated on the day and three months later to check that learning has changed "
            "practice.",
        ),
        (
            "table",
            ["Course", "Audience", "Length", "Dates this year", "Places"],
            courses,
            "Courses",
        ),
        ("h2", "What participants will learn"),
        (
            "ul",
            [
                f"How to respond well to {theme(k)['about']}: {theme(k)['procedure'][0]}"
                for k in themes
            ],
        ),
        ("h2", "Evaluation"),
        ("ul", pick(rng, theme("learning")["strengths"], 2)),
    ]


SEVEN = [
    "1. Background",
    "2. What happened",
    "3. What we learned",
    "4. Why it matters",
    "5. What good looks like",
    "6. Questions for your team",
    "7. Find out more",
]


def briefing7(rng, title, day, author, theme_key: str, story: str) -> list:
    t = theme(theme_key)
    return [
        ("h1", title),
        ("meta", [("From", person(author)), ("Date", long_date(day))]),
        ("h2", SEVEN[0]),
        ("p", t["intro"]),
        ("h2", SEVEN[1]),
        ("p", story),
        ("h2", SEVEN[2]),
        ("ul", pick(rng, t["concerns"], 3)),
        ("h2", SEVEN[3]),
        ("p", t["voice"][0]),
        ("h2", SEVEN[4]),
        ("ul", t["procedure"][:3]),
        ("h2", SEVEN[5]),
        (
            "ul",
            [
                "What would you have done differently?",
                "How do you record the child's own words?",
                "When did you last use the escalation policy?",
            ],
        ),
        ("h2", SEVEN[6]),
        (
            "p",
            "Full review, procedures and training dates on the Anytown Safeguarding Children "
            "Partnership website.",
        ),
    ]


def newsletter(rng, title, day, author, themes, intro: str) -> list:
    blocks = [("h1", title), ("p", intro)]
    for key in themes:
        t = theme(key)
        blocks += [
            ("h2", t["about"][0].upper() + t["about"][1:]),
            ("p", t["intro"]),
            ("p", " ".join(pick(rng, t["strengths"], 2))),
        ]
    blocks += [("p", f"Contact: {person(author)}.")]
    return blocks


def data_sheet(rng, title, day, themes, periods: list[str], notes: str) -> list:
    blocks = [
        ("h1", title),
        ("p", notes),
        ("meta", [("Data as at", long_date(day)), ("Source", "Case management system extract")]),
    ]
    for key in themes:
        t = theme(key)
        blocks.append(
            (
                "table",
                ["Measure"] + periods,
                measure_rows(rng, key, periods),
                t["about"][:28].title(),
            )
        )
    return blocks


def monthly_csv(rng, title, themes, months: list[str]) -> list:
    """One table: a row per month, a column per measure (for CSV files)."""
    header = ["Month"]
    series = []
    for key in themes:
        for label, low, high, unit in theme(key)["measures"]:
            header.append(label + (" (%)" if unit == "%" else ""))
            values = sorted(
                (rng.uniform(low, high) for _ in months), reverse=lower_is_better(label)
            )
            series.append([f"{v:.1f}" if unit == "%" else f"{v:.0f}" for v in values])
    rows = [[m] + [s[i] for s in series] for i, m in enumerate(months)]
    return [("h1", title), ("table", header, rows, "Data")]


def minutes(
    rng, title, day, chair, present, apologies, items, next_day, venue=None, carried=()
) -> list:
    """Generic minutes; items are (heading, [paragraphs], [actions as (text, owner key)])."""
    blocks = [
        ("h1", title),
        (
            "meta",
            [
                ("Date", long_date(day)),
                ("Time", rng.choice(["10:00-12:00", "13:30-15:30", "09:30-11:30"])),
                ("Venue", venue or rng.choice(VENUES)),
                ("Chair", person(chair)),
            ],
        ),
        ("h2", "Present"),
        ("ul", [person(k) for k in present]),
        ("h2", "Apologies"),
        ("ul", [person(k) for k in apologies] or ["None received."]),
        ("h2", "1. Welcome and introductions"),
        ("p", f"{name(chair)} welcomed members. The meeting was confirmed as quorate."),
        ("h2", "2. Minutes of the last meeting and matters arising"),
        (
            "p",
            "The minutes were agreed as an accurate record. Matters arising are covered in the "
            "action log or on the agenda.",
        ),
        ("p", "No declarations of interest were made."),
    ]
    if carried:
        blocks += [
            ("p", "The action log from the previous meeting was reviewed:"),
            (
                "table",
                ["Action", "Owner", "Update", "Status"],
                [list(row) for row in carried],
                "Previous actions",
            ),
        ]
    log = []
    for number, (heading, paragraphs, actions) in enumerate(items, start=3):
        blocks += [("h2", f"{number}. {heading}")] + [("p", fill(rng, p)) for p in paragraphs]
        for text, owner in actions:
            blocks.append(("p", f"ACTION: {text} ({name(owner)})"))
            log.append([f"{number}", text, name(owner), long_date(next_day), "Open"])
    blocks += [
        ("h2", f"{len(items) + 3}. Action log"),
        ("table", ["Item", "Action", "Owner", "Due", "Status"], log, "Actions"),
        ("h2", f"{len(items) + 4}. Any other business"),
        (
            "p",
            rng.choice(
                [
                    "None.",
                    "Members thanked the business support team for arranging the meeting.",
                    "The chair reminded members that papers should be circulated a week before "
                    "the meeting.",
                ]
            ),
        ),
        ("h2", "Date of next meeting"),
        ("p", long_date(next_day)),
    ]
    return blocks


def theme_item(rng, key: str, presenter: str, owner: str) -> tuple:
    """A discussion item built from a theme."""
    t = theme(key)
    paragraphs = [
        f"{name(presenter)} presented a paper on {t['about']}. "
        + " ".join(pick(rng, t["strengths"], 2)),
        "Members discussed the areas for improvement. " + " ".join(pick(rng, t["concerns"], 2)),
        rng.choice(
            [
                "Members asked how the information would be shared with frontline staff.",
                "The chair asked what difference this had made to children and asked that the "
                "next report include case examples.",
                "Partners confirmed their support and agreed to report back.",
            ]
        ),
    ]
    return (
        t["about"][0].upper() + t["about"][1:],
        paragraphs,
        [(pick(rng, t["actions"], 1)[0], owner)],
    )


def levels_of_need(rng, title, day, author, themes) -> list:
    """The partnership's thresholds guide: a policy with a table of levels of need."""
    levels = [
        ["1 Universal", "Needs met by the family with schools, GPs and health visitors.", "None"],
        [
            "2 Additional",
            "Needs that a school or health service can meet with others.",
            "Advice line",
        ],
        ["3 Complex", "Child in need: assessment under section 17.", "Contact the MASH"],
        ["4 Acute", "Significant harm or risk of it: section 47.", "Telephone the MASH now"],
    ]
    return policy(rng, title, day, author, themes) + [
        ("h2", "7. Levels of need"),
        ("table", ["Level", "Description", "What to do"], levels, "Levels"),
        (
            "p",
            "Examples for each level, and how consent should be sought, are in the practice "
            "guidance. If in doubt, ring the MASH consultation line and talk it through.",
        ),
    ]
