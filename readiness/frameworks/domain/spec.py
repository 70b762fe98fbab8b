"""An inspection framework as plain data: what a framework file describes once validated.

Frameworks change every few years (SLAC 2009-12, ILACS 2018/2023/2026, a new one in
2027), so nothing in the code names a judgement: everything comes from these records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SCHEMA_ID = "readiness-framework/1"

JUDGEMENT_KINDS = ("headline", "composite", "single")


@dataclass(frozen=True)
class GradeLevel:
    """One point on a framework's scale. Rank 1 is the best grade."""

    key: str
    label: str
    rank: int


@dataclass(frozen=True)
class Notice:
    description: str
    working_days: int | None  # working days between the call and inspectors arriving
    on_site_working_days: int | None


@dataclass(frozen=True)
class LineOfEnquirySpec:
    id: str
    question: str
    descriptors: dict[str, str]  # grade key -> what that grade looks like
    typical_evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class JudgementSpec:
    id: str
    title: str
    kind: str
    strand: str | None
    summary: str
    components: tuple[str, ...] = ()
    limiting: tuple[str, ...] = ()
    published_key: str | None = None
    lines_of_enquiry: tuple[LineOfEnquirySpec, ...] = ()


@dataclass(frozen=True)
class Strand:
    id: str
    name: str


@dataclass(frozen=True)
class FrameworkSpec:
    id: str
    name: str
    short_name: str
    inspectorate: str
    in_force_from: date | None
    in_force_to: date | None
    notice: Notice
    grades: tuple[GradeLevel, ...]
    judgements: tuple[JudgementSpec, ...]
    strands: tuple[Strand, ...] = ()
    headline_guide: str | None = None
    description: str = ""
    counting: dict = field(default_factory=dict)
    attribution: str = ""

    def grade(self, key: str) -> GradeLevel:
        for level in self.grades:
            if level.key == key:
                return level
        raise KeyError(key)

    def judgement(self, judgement_id: str) -> JudgementSpec:
        for judgement in self.judgements:
            if judgement.id == judgement_id:
                return judgement
        raise KeyError(judgement_id)
