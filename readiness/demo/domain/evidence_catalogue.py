"""The Anytown evidence set, document by document, read from evidence_catalogue.yaml.

Each entry names its title, format, date, intended kind and focus, author (a key of the
invented cast), the themes it draws on, its intended ILACS 2026 lines of enquiry and the family
that writes its text, with the family's own arguments (a committee, a story, minutes' agenda).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from readiness.demo.domain import evidence_stale as stale
from readiness.demo.domain import evidence_surfeit as surfeit
from readiness.demo.domain import evidence_templates as t
from readiness.demo.domain.evidence_text import (
    ASCP,
    COUNCIL,
    ICB,
    POLICE,
    PROBATION,
    SCHOOLS,
    TRUST,
    VCS,
    long_date,
    name,
    person,
    pick,
    theme,
)

CATALOGUE = Path(__file__).with_name("evidence_catalogue.yaml")
MONTHS = [
    f"{m} {2025 if i < 9 else 2026}"
    for i, m in enumerate(
        ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    )
]
PERIODS = {
    "quarters": ["Q1 2025-26", "Q2 2025-26", "Q3 2025-26", "Q4 2025-26"],
    "years": ["2023-24", "2024-25", "2025-26"],
}
DOMAINS = {
    COUNCIL: "anytown.gov.example",
    POLICE: "anyshire.police.example",
    ICB: "anyshire-icb.nhs.example",
    TRUST: "anytown-chc.nhs.example",
    SCHOOLS: "anytownschools.example",
    PROBATION: "anyshire.probation.example",
    VCS: "anytownva.example",
    ASCP: "anytownscp.example",
}


@dataclass
class Doc:
    agency: str
    title: str
    fmt: str
    date: date
    kind: str
    focus: str
    lines: tuple[str, ...]
    write: Callable  # (rng, title, day, author key) -> blocks
    author_key: str
    themes: tuple[str, ...] = ()
    folder: str = ""
    planted: str = ""
    sender: str = ""
    recipients: str = ""
    attachment: Doc | None = None
    blocks: list = field(default_factory=list)

    @property
    def author(self) -> str:
        return name(self.author_key)

    @property
    def filename(self) -> str:
        return f"{self.title}.{self.fmt}"

    @property
    def path(self) -> str:
        return "/".join([self.agency] + ([self.folder] if self.folder else []) + [self.filename])

    @property
    def slug(self) -> str:
        return hashlib.sha1(self.path.encode("utf-8")).hexdigest()[:20]


# family -> function(rng, title, day, author, themes, entry) -> blocks
FAMILIES: dict[str, Callable] = {
    "annual_report": lambda r, ti, d, a, th, e: t.annual_report(r, ti, d, a, th),
    "self_evaluation": lambda r, ti, d, a, th, e: t.self_evaluation(r, ti, d, a, th),
    "committee_report": lambda r, ti, d, a, th, e: t.committee_report(
        r, ti, d, a, th, e["committee"]
    ),
    "audit": lambda r, ti, d, a, th, e: t.audit_report(r, ti, d, a, th, e.get("agencies", "")),
    "strategy": lambda r, ti, d, a, th, e: t.strategy(r, ti, d, a, th),
    "levels_of_need": lambda r, ti, d, a, th, e: t.levels_of_need(r, ti, d, a, th),
    "policy": lambda r, ti, d, a, th, e: t.policy(r, ti, d, a, th),
    "training": lambda r, ti, d, a, th, e: t.training(r, ti, d, a, th),
    "narrative": lambda r, ti, d, a, th, e: t.narrative(r, ti, d, a, th[0], e["rows"]),
    "briefing": lambda r, ti, d, a, th, e: t.briefing7(r, ti, d, a, th[0], e["story"]),
    "newsletter": lambda r, ti, d, a, th, e: t.newsletter(r, ti, d, a, th, e["intro"]),
    "data": lambda r, ti, d, a, th, e: t.data_sheet(
        r, ti, d, th, PERIODS[e["periods"]], e["notes"]
    ),
    "monthly": lambda r, ti, d, a, th, e: t.monthly_csv(r, ti, th, MONTHS),
    "minutes": lambda r, ti, d, a, th, e: t.minutes(
        r,
        ti,
        d,
        e["chair"],
        e["present"],
        e["apologies"],
        [t.theme_item(r, key, presenter, owner) for key, presenter, owner in e["items"]],
        e["next"],
    ),
    "surfeit_minutes": lambda r, ti, d, a, th, e: surfeit.surfeit_minutes(
        r, ti, d, e["next"], surfeit.ICB_GROUP if e["group"] == "icb" else surfeit.TRUST_GROUP
    ),
    "quality_committee": lambda r, ti, d, a, th, e: surfeit.quality_committee(r, ti, d, e["next"]),
    "surfeit_narrative": lambda r, ti, d, a, th, e: surfeit.outcome_narrative(d),
    "lado_annual_report": lambda r, ti, d, a, th, e: stale.lado_annual_report(r, ti, d, a),
    "cme_procedure": lambda r, ti, d, a, th, e: stale.cme_procedure(r, ti, d, a),
    "ehe_annual": lambda r, ti, d, a, th, e: stale.ehe_annual(r, ti, d, a),
}


def _writer(entry: dict) -> Callable:
    family, themes = FAMILIES[entry["family"]], list(entry["themes"])
    return lambda rng, title, day, author: family(rng, title, day, author, themes, entry)


def catalogue(path: Path = CATALOGUE) -> list[Doc]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    docs = []
    for agency, items in entries.items():
        for e in items:
            doc = Doc(
                agency=agency,
                title=e["title"],
                fmt=e["format"],
                date=e["date"],
                kind=e["kind"],
                focus=e["focus"],
                lines=tuple(e["lines"]),
                write=_writer(e),
                author_key=e["author"],
                themes=tuple(e["themes"]),
                folder=e.get("folder", ""),
                planted=e.get("planted", ""),
            )
            if doc.fmt == "eml":
                surname = doc.author.split()[-1].lower()
                doc.sender = f"{doc.author} <{surname}@{DOMAINS[agency]}>"
                doc.recipients = e["to"]
                if "attach" in e:
                    doc.attachment = Doc(
                        agency,
                        e["attach"]["title"],
                        e["attach"]["format"],
                        doc.date,
                        doc.kind,
                        doc.focus,
                        doc.lines,
                        doc.write,
                        doc.author_key,
                        doc.themes,
                    )
            docs.append(doc)
    return docs


def cover_note(rng: random.Random, doc: Doc) -> list:
    """The body of an e-mail that carries its document as an attachment."""
    attached = doc.attachment
    main = theme(doc.themes[0])
    return [
        ("p", "Dear colleagues,"),
        (
            "p",
            f"Please find attached {attached.title} ({attached.fmt.upper()}), for the readiness "
            "evidence folder.",
        ),
        ("p", "The main points are:"),
        ("ul", pick(rng, main["strengths"], 2) + pick(rng, main["concerns"], 1)),
        ("p", "Happy to discuss. Kind regards,"),
        ("p", person(doc.author_key)),
    ]


def render_blocks(doc: Doc, seed: str) -> None:
    """Fill doc.blocks (and its attachment's) from its family, seeded by its path."""
    rng = random.Random(f"{seed}:{doc.path}")
    if doc.attachment is not None:
        attached = doc.attachment
        attached.blocks = attached.write(rng, attached.title, attached.date, doc.author_key)
        doc.blocks = cover_note(rng, doc)
    else:
        doc.blocks = doc.write(rng, doc.title, doc.date, doc.author_key)
        if doc.fmt == "eml":
            doc.blocks = doc.blocks + [("p", f"Sent on {long_date(doc.date)}.")]
