"""How Northbridge's documents are written: one function per family (report to a panel,
policy, strategy, annual report, audit, short narrative, newsletter, data sheet, training
record), each turning topics into blocks that evidence_render draws in any format.

The wording is Northbridge's own, not Anytown's: a council of 2010-11 writing "Purpose of
report" and "Contact officer", a trust writing "Executive summary", headings in capitals.
Every document states its real date near the top, as real documents do, so that a date read
from the text can beat a wrong one in the file's metadata.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date

from readiness.demo.domain.northbridge_cast import CAST, long_date, name, signature
from readiness.demo.domain.northbridge_topics import TOPICS, Topic
from readiness.demo.domain.northbridge_topics_more import MORE_TOPICS

ALL_TOPICS: dict[str, Topic] = {**TOPICS, **MORE_TOPICS}
Blocks = list[tuple]


@dataclass
class Doc:
    """One file of the set (or one attachment inside an e-mail), with the truth about it."""

    agency: str
    title: str
    fmt: str
    date: date
    kind: str
    focus: str
    lines: tuple[str, ...] = ()
    author_key: str = ""
    folder: str = ""
    name: str = ""  # the file name as sent, when it is not the title
    covering: str = ""  # covering e-mail, list of documents sent, contents page, ...
    planted: tuple[str, ...] = ()
    meta_date: date | None = None  # what the file's metadata says, when not the real date
    meta_title: str | None = None  # a PDF's /Title when the writer left its own
    scan: str = ""  # "pages": an image-only PDF or PNG of printed pages; "noise": unreadable
    recipients: str = ""
    attachments: list[Doc] = field(default_factory=list)
    attached_to: str = ""  # the e-mail's path, for an attachment
    blocks: Blocks = field(default_factory=list)

    @property
    def author(self) -> str:
        return name(self.author_key) if self.author_key else self.agency

    @property
    def sender(self) -> str:
        from readiness.demo.domain.northbridge_cast import address

        return address(self.author_key)

    @property
    def filename(self) -> str:
        return self.name or f"{self.title}.{self.fmt}"

    @property
    def path(self) -> str:
        if self.attached_to:
            return f"{self.attached_to}/{self.filename}"
        return "/".join([self.agency] + ([self.folder] if self.folder else []) + [self.filename])

    @property
    def slug(self) -> str:
        return hashlib.sha1(self.path.encode("utf-8")).hexdigest()[:20]

    @property
    def attachment(self) -> Doc | None:
        # evidence_render.render_eml attaches one document; Northbridge's e-mails may carry
        # several, so northbridge_render attaches them itself.
        return None


def topics_of(keys: tuple[str, ...] | list[str]) -> list[Topic]:
    return [ALL_TOPICS[key] for key in keys]


def lines_of(keys: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for topic in topics_of(keys):
        seen += [line for line in topic.lines if line not in seen]
    return tuple(seen)


def _sample(rng: random.Random, items: tuple[str, ...], k: int) -> list[str]:
    chosen = sorted(rng.sample(range(len(items)), min(k, len(items))))
    return [items[i] for i in chosen]


def _value(value: float, unit: str) -> str:
    return f"{value:.0f}%" if unit == "%" else f"{value:,.0f}"


def measure_table(topics: list[Topic], periods: tuple[str, str] = ("2009-10", "2010-11")) -> tuple:
    rows = [
        [label, _value(before, unit), _value(after, unit)]
        for topic in topics
        for label, before, after, unit in topic.measures
    ]
    return ("table", ["Measure", *periods], rows)


def dated_line(day: date, word: str = "Dated") -> tuple:
    return ("p", f"{word} {long_date(day)}")


def sign_off(key: str) -> Blocks:
    return [("p", " / ".join(signature(key)))]


# --- families of evidence ----------------------------------------------------------------------


def report(rng: random.Random, doc: Doc, keys: list[str], panel: str) -> Blocks:
    """A report to a council panel or board: purpose, recommendations, background."""
    topics = topics_of(keys)
    did = [s for t in topics for s in _sample(rng, t.did, 2)]
    result = [s for t in topics for s in t.result]
    worry = [s for t in topics for s in t.worry]
    blocks: Blocks = [
        ("h1", doc.title.upper()),
        (
            "meta",
            [
                ("Report to", panel),
                ("Date", long_date(doc.date)),
                ("Report of", f"{name(doc.author_key)}, {CAST[doc.author_key][1]}"),
                ("Status", "For information"),
            ],
        ),
        ("h2", "1. Purpose of report"),
        ("p", f"To update {panel} on {topics[0].about}."),
        ("h2", "2. Recommendation"),
        ("p", f"That {panel} notes the report and the progress made since the last update."),
        ("h2", "3. Background"),
        *[("p", sentence) for sentence in did],
        ("h2", "4. Progress"),
        *[("p", sentence) for sentence in result],
    ]
    if any(t.measures for t in topics):
        blocks.append(measure_table(topics))
    blocks += [("h2", "5. Issues"), ("ul", worry), ("h2", "6. Financial implications")]
    blocks.append(("p", "There are no new financial implications arising from this report."))
    blocks += [("h2", "Contact officer"), *sign_off(doc.author_key)]
    return blocks


def policy(rng: random.Random, doc: Doc, keys: list[str]) -> Blocks:
    """A policy or protocol: purpose, scope, responsibilities and a numbered procedure."""
    topics = topics_of(keys)
    steps = [s for t in topics for s in t.did]
    return [
        ("h1", doc.title),
        (
            "meta",
            [
                ("Version", f"{rng.randint(1, 4)}.{rng.randint(0, 3)}"),
                ("Approved", long_date(doc.date)),
                ("Owner", name(doc.author_key)),
                ("Review due", f"{doc.date:%B} {doc.date.year + 2}"),
            ],
        ),
        ("h2", "1. Purpose"),
        ("p", f"This protocol sets out how staff must act on {topics[0].about}."),
        ("h2", "2. Scope"),
        ("p", f"It applies to all staff of {doc.agency} who work with children or parents."),
        ("h2", "3. Procedure"),
        ("ul", [f"3.{n} {step}" for n, step in enumerate(steps, start=1)]),
        ("h2", "4. Monitoring"),
        ("p", "Compliance with this protocol will be audited annually and reported to the LSCB."),
    ]


def strategy(rng: random.Random, doc: Doc, keys: list[str]) -> Blocks:
    topics = topics_of(keys)
    return [
        ("h1", doc.title),
        dated_line(doc.date, "Agreed"),
        ("h2", "Foreword"),
        (
            "p",
            f"This strategy sets out what {doc.agency} and its partners will do over the next "
            f"three years on {topics[0].about}.",
        ),
        ("h2", "Where we are now"),
        *[("p", s) for t in topics for s in t.result[:1] + t.worry[:1]],
        ("h2", "Our priorities"),
        ("ul", [s for t in topics for s in _sample(rng, t.did, 2)]),
        ("h2", "How we will know we have succeeded"),
        measure_table(topics, ("Baseline 2009-10", "Latest 2010-11")),
        ("h2", "Governance"),
        ("p", "Progress will be reported each quarter to the Children's Trust board."),
    ]


def annual_report(rng: random.Random, doc: Doc, keys: list[str]) -> Blocks:
    topics = topics_of(keys)
    blocks: Blocks = [
        ("h1", doc.title),
        dated_line(doc.date, "Published"),
        ("h2", "Introduction"),
        (
            "p",
            f"This report describes the work of {doc.agency} on {topics[0].about} during "
            "the year and sets out priorities for the year ahead.",
        ),
    ]
    for topic in topics:
        blocks += [("h2", topic.about[0].upper() + topic.about[1:])]
        blocks += [("p", s) for s in _sample(rng, topic.did, 2)]
        blocks += [("p", s) for s in topic.result[:1]]
    if any(t.measures for t in topics):
        blocks += [("h2", "The year in figures"), measure_table(topics)]
    blocks += [("h2", "Priorities for next year"), ("ul", [s for t in topics for s in t.worry])]
    return blocks + sign_off(doc.author_key)


def audit(rng: random.Random, doc: Doc, keys: list[str], cases: int = 10) -> Blocks:
    topics = topics_of(keys)
    standards = [
        [topic.about[0].upper() + topic.about[1:], f"{rng.randint(5, cases)} of {cases}"]
        for topic in topics
    ]
    return [
        ("h1", doc.title),
        dated_line(doc.date, "Date of audit:"),
        ("h2", "Why we audited"),
        ("p", f"To test the quality of practice on {topics[0].about}."),
        ("h2", "Method"),
        (
            "p",
            f"{cases} cases were chosen at random and read by auditors from more than one "
            "agency against a common standard; each auditor spoke to the worker.",
        ),
        ("h2", "Findings"),
        ("table", ["Standard", "Cases meeting it"], standards),
        *[("p", s) for t in topics for s in t.result],
        ("h2", "What has changed as a result"),
        *[("p", s) for t in topics for s in t.did[:1]],
        ("h2", "Recommendations"),
        ("ul", [s for t in topics for s in t.worry]),
    ]


def narrative(rng: random.Random, doc: Doc, key: str) -> Blocks:
    """A one or two page narrative: what was targeted, what was done, what changed."""
    topic = ALL_TOPICS[key]
    blocks: Blocks = [
        ("h1", doc.title),
        dated_line(doc.date),
        ("h2", "What we targeted and why"),
        ("p", f"{topic.worry[0]} We set out to change this for children."),
        ("h2", "What we did"),
        *[("p", s) for s in topic.did],
        ("h2", "The difference for children"),
        *[("p", s) for s in topic.result],
    ]
    if topic.measures:
        blocks.append(measure_table([topic]))
    blocks += [("h2", "What next"), ("p", rng.choice(NEXT))]
    return blocks + sign_off(doc.author_key)


NEXT = (
    "We will report the figures again at the end of the next quarter and keep this note up "
    "to date during any notice period.",
    "The figures will be refreshed each month and this narrative updated before inspection.",
)


def newsletter(rng: random.Random, doc: Doc, keys: list[str], issue: str) -> Blocks:
    topics = topics_of(keys)
    blocks: Blocks = [
        ("h1", doc.title),
        ("p", f"{issue} - {long_date(doc.date)}"),
        ("h2", "In this issue"),
        ("ul", [t.about[0].upper() + t.about[1:] for t in topics]),
    ]
    for topic in topics:
        blocks += [("h2", topic.about[0].upper() + topic.about[1:])]
        blocks += [("p", rng.choice(topic.did)), ("p", topic.result[0])]
    blocks.append(("p", f"Contact {name(doc.author_key)} with ideas for the next issue."))
    return blocks


def data_sheet(rng: random.Random, doc: Doc, keys: list[str], periods: list[str]) -> Blocks:
    """Quarterly figures: each measure drifting from its 2009-10 value to its 2010-11 one."""
    topics = topics_of(keys)
    rows = []
    for topic in topics:
        for label, before, after, unit in topic.measures:
            steps = len(periods) - 1 or 1
            values = [
                before + (after - before) * i / steps + rng.uniform(-1, 1) * (unit == "%")
                for i in range(len(periods))
            ]
            rows.append([label] + [_value(v, unit) for v in values])
    return [
        ("h1", doc.title),
        ("p", f"Source: {doc.agency}. Extracted {long_date(doc.date)}."),
        ("table", ["Measure", *periods], rows, "Figures"),
    ]


def letter(rng: random.Random, doc: Doc, keys: list[str], to: str) -> Blocks:
    """A signed letter from a chair or director to partners."""
    topics = topics_of(keys)
    return [
        ("p", f"{doc.agency}"),
        ("p", long_date(doc.date)),
        ("p", f"To: all {to}"),
        ("h1", doc.title),
        ("p", "Dear colleagues,"),
        ("p", f"I am writing about {topics[0].about}."),
        *[("p", s) for t in topics for s in t.result + t.worry],
        ("p", rng.choice(ASKS)),
        ("p", "Yours sincerely,"),
        *sign_off(doc.author_key),
    ]


ASKS = (
    "I would be grateful if you would confirm who in your organisation will attend the Board "
    "from September.",
    "Please make sure your organisation is represented at every Board meeting this year.",
)
