"""The records an SSDA903 import yields: plain, frozen, nothing of Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from readiness.indicators.domain.quality import QualityReport


@dataclass(frozen=True, slots=True)
class Child:
    child_id: str
    sex: str | None  # M, F or U whatever the year's codes; None if unreadable
    dob: date | None
    ethnic: str


@dataclass(frozen=True, slots=True)
class Episode:
    child_id: str
    decom: date
    dec: date | None  # None: open at the end of the collection year
    rne: str
    ls: str
    cin: str
    place: str
    rec: str


@dataclass(frozen=True, slots=True)
class Oc2:
    """Outcomes for a child looked after continuously for 12 months (flags 1/0; None unknown)."""

    child_id: str
    sdq_score: int | None
    sdq_reason: str
    convicted: bool | None
    health_check: bool | None
    immunisations: bool | None
    teeth_check: bool | None
    health_assessment: bool | None
    substance_misuse: bool | None


@dataclass(frozen=True, slots=True)
class Oc3:
    child_id: str
    dob: date | None
    in_touch: str
    activ: str
    accom: str


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    child_id: str
    kind: str  # M missing, A away from placement without authorisation
    start: date
    end: date | None


@dataclass(slots=True)
class YearReturn:
    """One collection year, named by the 31 March it ends on (2022 is 2021/22)."""

    year: int
    children: dict[str, Child] = field(default_factory=dict)
    episodes: dict[str, list[Episode]] = field(default_factory=dict)  # sorted by decom
    oc2: dict[str, Oc2] = field(default_factory=dict)
    oc3: dict[str, Oc3] = field(default_factory=dict)
    missing: list[MissingEpisode] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)
    # Rows of tables read but not used by any indicator (reviews, UASC, adoption...).
    other_rows: dict[str, int] = field(default_factory=dict)

    @property
    def year_start(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def year_end(self) -> date:
        return date(self.year, 3, 31)

    @property
    def episode_count(self) -> int:
        return sum(len(eps) for eps in self.episodes.values())


@dataclass(slots=True)
class Return:
    years: dict[int, YearReturn] = field(default_factory=dict)
    quality: QualityReport = field(default_factory=QualityReport)
    notes: list[str] = field(default_factory=list)  # e.g. how each file's year was decided
