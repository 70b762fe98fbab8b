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
    audits: int = 0  # case file audits it cites (never their case ids)


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
class AuditShare:
    """What the case file audits say for one judgement, as the audit dashboard counts it:
    audited cases whose questions speak to the judgement's lines, and how many were good or
    better, beside the self-assessment's grade (its label, or "")."""

    judgement: str  # key
    cases: int
    good_or_better: int
    self_grade: str = ""

    @property
    def percent(self) -> float:
        return 100 * self.good_or_better / self.cases if self.cases else 0.0


@dataclass(frozen=True)
class QuoteData:
    """A passage of interview or focus group notes marked for the report, credited by role
    and agency only. JUDGEMENT is the key its line of enquiry belongs to, or "" when no
    line stands (none suggested, or a person rejected it)."""

    text: str
    by: str
    judgement: str = ""
    line: str = ""  # the line of enquiry's question


@dataclass(frozen=True)
class ThresholdData:
    """A thresholds check's result, only from agencies with enough answers to count."""

    title: str
    people: int  # everyone who answered
    counted: int  # people from agencies with at least `min_group` answers
    agencies: int  # agencies counted
    hidden_agencies: int  # agencies with too few answers to show
    answers: int  # answers counted (people × cases)
    agreed: int
    min_group: int = 5
    misread: str = ""  # the case most often placed elsewhere, if any was
    misread_answers: int = 0
    misread_agreed: int = 0
    misread_instead: str = ""  # the level most chosen instead, in words
    misread_direction: str = ""  # "higher" or "lower"


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
    audit_shares: tuple[AuditShare, ...] = ()
    quotes: tuple[QuoteData, ...] = ()
    thresholds: tuple[ThresholdData, ...] = ()


CODE = re.compile(r"([A-Z]+)(\d+)")


def code_order(code: str) -> tuple[str, int, str]:
    """R2 before R10; codes that are not letters-and-number sort after, by themselves."""
    match = CODE.fullmatch(code)
    return (match.group(1), int(match.group(2)), "") if match else ("~", 0, code)
