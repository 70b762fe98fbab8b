"""What a report is made from, as plain data read from the review in `queries.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

EVALUATIONS = (
    ("performance", "How well services perform against the grade descriptors"),
    ("robustness", "How robust policy and practice are"),
    ("readiness", "How ready the partnership is for inspection"),
)
ACTIVITY_KINDS = (
    ("case_file", "case file", "case files", "reviewed"),
    ("interview", "interview", "interviews", "held"),
    ("focus_group", "focus group", "focus groups", "conducted"),
)


@dataclass(frozen=True)
class Activity:
    kind: str  # case_file, interview, focus_group
    count: int
    description: str = ""
    people: int | None = None


@dataclass(frozen=True)
class JudgementRow:
    key: str
    title: str
    kind: str
    grade: str = ""
    suggested: str = ""
    confidence: str = ""
    rationale: str = ""
    strengths: str = ""
    areas_for_improvement: str = ""
    descriptors: tuple[str, ...] = ()  # the descriptors of the grade given, per line
    published_key: str = ""


@dataclass(frozen=True)
class FindingData:
    id: int
    evaluation: str
    area: str
    position: int
    text: str
    judgements: tuple[str, ...] = ()  # judgement keys
    documents: tuple[str, ...] = ()  # titles
    indicators: tuple[str, ...] = ()  # titles
    origin: str = ""  # the phase it was carried forward from, if any


@dataclass(frozen=True)
class MilestoneData:
    text: str
    due: date | None = None
    done: date | None = None


@dataclass(frozen=True)
class ItemData:
    id: int
    kind: str
    code: str
    text: str
    rationale: str = ""
    guidance: tuple[str, ...] = ()
    finding_id: int | None = None
    judgements: tuple[str, ...] = ()
    owner: str = ""
    agency: str = ""
    due: date | None = None
    status: str = "Not started"
    is_open: bool = True
    milestones: tuple[MilestoneData, ...] = ()
    latest_update: str = ""


@dataclass(frozen=True)
class EvidenceRow:
    line: str  # "2.3 question"
    judgement: str
    title: str
    agency: str
    when: str
    shows: str


@dataclass(frozen=True)
class IndicatorData:
    title: str
    latest: str
    rag: str
    trend: str
    judgement_areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class PhaseData:
    name: str
    starts: date | None = None
    ends: date | None = None


@dataclass(frozen=True)
class ReportData:
    area: str
    review_name: str
    framework: str
    framework_short: str
    generated: date
    notice: str = ""
    window: tuple[date | None, date | None] = (None, None)
    phases: tuple[PhaseData, ...] = ()
    agencies: tuple[str, ...] = ()
    documents: int = 0
    document_agencies: int = 0
    activities: tuple[Activity, ...] = ()
    judgements: tuple[JudgementRow, ...] = ()
    findings: tuple[FindingData, ...] = ()
    items: tuple[ItemData, ...] = ()
    evidence: tuple[EvidenceRow, ...] = ()
    indicators: tuple[IndicatorData, ...] = ()
    narratives: dict[str, tuple[str, ...]] = field(default_factory=dict)  # judgement key → titles


CODE = re.compile(r"([A-Z]+)(\d+)")


def code_order(code: str) -> tuple[str, int, str]:
    """R2 before R10; codes that are not letters-and-number sort after, by themselves."""
    match = CODE.fullmatch(code)
    return (match.group(1), int(match.group(2)), "") if match else ("~", 0, code)
