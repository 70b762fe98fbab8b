"""The thresholds check's results: how often staff placed each invented case at the level
of need the partnership intends, by agency, role and vignette, and the vignettes most misread.

Nobody may be identifiable: an agency's answers count only once at least MIN_GROUP people from
it have answered, and a role is shown only with MIN_GROUP answers or more (among the agencies
that count)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

LEVELS = {
    "universal": "Universal services",
    "early_help": "Early help",
    "child_in_need": "Child in need",
    "child_protection": "Child protection",
}
MIN_GROUP = 5


@dataclass(frozen=True)
class Answered:
    agency: str
    role: str
    levels: dict[int, str]  # vignette id → level chosen


@dataclass(frozen=True)
class Group:
    label: str
    people: int
    answers: int
    agreed: int

    @property
    def percent(self) -> float | None:
        return None if not self.answers else 100 * self.agreed / self.answers


@dataclass(frozen=True)
class Misread:
    vignette: int
    title: str
    intended: str
    answers: int
    agreed: int
    commonest_other: str  # the level most chosen instead, or ""
    direction: str  # "higher", "lower" or ""

    @property
    def percent(self) -> float | None:
        return None if not self.answers else 100 * self.agreed / self.answers


@dataclass(frozen=True)
class Results:
    people: int
    counted: int
    hidden_agencies: list[tuple[str, int]]  # agencies below MIN_GROUP and their count
    by_agency: list[Group]
    by_role: list[Group]
    hidden_roles: int
    by_vignette: list[Misread]  # most misread first


def _group(label: str, people: list[Answered], intended: dict[int, str]) -> Group:
    pairs = [(v, level) for p in people for v, level in p.levels.items() if v in intended]
    return Group(
        label, len(people), len(pairs), sum(1 for v, level in pairs if intended[v] == level)
    )


def results(
    answered: list[Answered], intended: dict[int, str], titles: dict[int, str],
    min_group: int = MIN_GROUP,
) -> Results:  # fmt: skip
    by_agency: dict[str, list[Answered]] = defaultdict(list)
    for person in answered:
        by_agency[person.agency].append(person)
    shown = {a: p for a, p in by_agency.items() if len(p) >= min_group}
    hidden = sorted((a, len(p)) for a, p in by_agency.items() if len(p) < min_group)
    counted = [person for people in shown.values() for person in people]
    by_role: dict[str, list[Answered]] = defaultdict(list)
    for person in counted:
        by_role[person.role].append(person)
    roles = [_group(r, p, intended) for r, p in sorted(by_role.items()) if len(p) >= min_group]
    order = list(LEVELS)
    vignettes = []
    for vignette, level in intended.items():
        chosen = [p.levels[vignette] for p in counted if vignette in p.levels]
        others = Counter(c for c in chosen if c != level)
        other = others.most_common(1)[0][0] if others else ""
        direction = ""
        if other in order and level in order:
            direction = "higher" if order.index(other) > order.index(level) else "lower"
        agreed = sum(1 for c in chosen if c == level)
        title = titles.get(vignette, "")
        vignettes.append(Misread(vignette, title, level, len(chosen), agreed, other, direction))
    vignettes.sort(key=lambda m: (m.percent if m.percent is not None else 101, m.vignette))
    return Results(
        people=len(answered),
        counted=len(counted),
        hidden_agencies=hidden,
        by_agency=[_group(a, p, intended) for a, p in sorted(shown.items())],
        by_role=roles,
        hidden_roles=sum(1 for p in by_role.values() if len(p) < min_group),
        by_vignette=vignettes,
    )
