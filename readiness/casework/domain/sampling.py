"""Drawing a sample of children as inspectors would: stratified, with a seed.

Each stratum is a list (child protection, children in care …) with a stated size. Within a
stratum the draw spreads across teams, social workers and age bands: it shuffles the
stratum with the seed, then takes children round by round, preferring in each round a child
whose team, worker and age band the sample has not yet seen. The same cases, seed and sizes
always give the same sample, so the draw can be repeated and defended. Each child drawn
carries the reasons it fits ("child protection plan over 18 months")."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from .caselist import LISTS

AGE_BANDS = ((0, 4, "under 5"), (5, 9, "5 to 9"), (10, 15, "10 to 15"), (16, 17, "16 to 17"),
             (18, 25, "18 and over"))  # fmt: skip
# Plans and episodes inspectors look at for drift and delay, in whole months.
WINDOW = 5000
LONG = {"child_protection": 18, "child_in_need": 12, "children_in_care": 24, "early_help": 12}


@dataclass(frozen=True)
class Candidate:
    id: int
    case_id: str
    list_key: str
    team: str = ""
    worker: str = ""
    age: int | None = None
    started: date | None = None


@dataclass(frozen=True)
class Drawn:
    candidate: Candidate
    stratum: str
    reason: str


@dataclass(frozen=True)
class Draw:
    seed: int
    sizes: dict[str, int]
    drawn: list[Drawn]
    shortfalls: dict[str, int]  # stratum → how many fewer than asked for there were


def age_band(age: int | None) -> str:
    if age is None:
        return "age not known"
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return "age not known"


def months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def reason(candidate: Candidate, as_of: date) -> str:
    """Why this child fits the sample, in a lead's words."""
    parts = [LISTS[candidate.list_key]]
    if candidate.started is not None and candidate.started <= as_of:
        months = months_between(candidate.started, as_of)
        noun = {
            "child_protection": "child protection plan",
            "child_in_need": "child in need plan",
            "children_in_care": "in care",
            "early_help": "early help",
        }.get(candidate.list_key, "open")
        long = LONG.get(candidate.list_key)
        if long is not None and months > long:
            parts = [f"{noun} over {long} months"]
        else:
            parts = [f"{noun} for {months} month{'' if months == 1 else 's'}"]
    if candidate.team:
        parts.append(f"team {candidate.team}")
    parts.append(age_band(candidate.age))
    return "; ".join(parts)


def _spread(pool: list[Candidate], size: int) -> list[Candidate]:
    """SIZE of POOL (already shuffled), preferring unseen teams, workers and age bands.

    Each pick looks at the first WINDOW children left in the shuffled pool, which keeps a
    draw from 50,000 children quick and is as random as looking at all of them."""
    chosen: list[Candidate] = []
    seen: dict[str, set[str]] = {"team": set(), "worker": set(), "band": set()}
    left = list(pool)

    def novelty(c: Candidate) -> int:
        return (
            (c.team not in seen["team"]) * 4
            + (c.worker not in seen["worker"]) * 2
            + (age_band(c.age) not in seen["band"])
        )

    while left and len(chosen) < size:
        best, best_novelty = 0, -1
        for index, candidate in enumerate(left[:WINDOW]):
            score = novelty(candidate)
            if score > best_novelty:
                best, best_novelty = index, score
                if score == 7:
                    break
        if best_novelty == 0:
            # Every team, worker and band in sight has been seen: start a new round.
            seen = {"team": set(), "worker": set(), "band": set()}
            continue
        pick = left.pop(best)
        chosen.append(pick)
        seen["team"].add(pick.team)
        seen["worker"].add(pick.worker)
        seen["band"].add(age_band(pick.age))
    return chosen


def draw_sample(candidates: list[Candidate], sizes: dict[str, int], seed: int, as_of: date) -> Draw:
    """The sample: for each list in SIZES, that many children, spread as described above."""
    unknown = [key for key in sizes if key not in LISTS]
    if unknown:
        raise ValueError(f"Not a list: {', '.join(unknown)} (lists: {', '.join(LISTS)}).")
    rng = random.Random(seed)
    by_list: dict[str, list[Candidate]] = {key: [] for key in sizes}
    for candidate in sorted(candidates, key=lambda c: (c.list_key, c.case_id)):
        if candidate.list_key in by_list:
            by_list[candidate.list_key].append(candidate)
    drawn: list[Drawn] = []
    shortfalls: dict[str, int] = {}
    taken: set[str] = set()  # a child on two lists is drawn once
    for key in sorted(sizes, key=list(LISTS).index):
        pool = [c for c in by_list[key] if c.case_id not in taken]
        rng.shuffle(pool)
        picks = _spread(pool, sizes[key])
        if len(picks) < sizes[key]:
            shortfalls[key] = sizes[key] - len(picks)
        for pick in picks:
            taken.add(pick.case_id)
            drawn.append(Drawn(candidate=pick, stratum=key, reason=reason(pick, as_of)))
    return Draw(seed=seed, sizes=dict(sizes), drawn=drawn, shortfalls=shortfalls)


def parse_sizes(text: str) -> dict[str, int]:
    """'child_protection=5,children_in_care=5' as sizes; ValueError naming what is wrong."""
    sizes: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, number = part.partition("=")
        key = key.strip()
        if key not in LISTS:
            raise ValueError(f"“{key}” is not a list (lists: {', '.join(LISTS)}).")
        if not number.strip().isdigit() or int(number) < 1:
            raise ValueError(f"“{part}” needs a size of 1 or more, like {key}=5.")
        sizes[key] = int(number)
    if not sizes:
        raise ValueError("Say how many to draw from each list, like child_protection=5.")
    return sizes
