"""Looked-after children indicators computed from an SSDA903 `Return`.

Each function takes a return and a collection year (the 31 March it ends on) and gives a
`Measure`: numerator, denominator, value and the child ids behind both, so that a page can
show which children make a figure. The definition each follows, and the DfE publication
it matches, is in `docs/ssda903.md`; change one only together with that page and the
drift tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from readiness.indicators.domain import ssda903_codes as codes
from readiness.indicators.domain.ssda903_records import Episode, Oc2, Return, YearReturn


@dataclass(frozen=True, slots=True)
class Measure:
    key: str
    year: int
    numerator: int
    denominator: int | None  # None for a plain count
    value: float | None  # percent (0-100), count, or rate as `unit` says; None if 0/0
    unit: str  # "count", "percent" or "per child"
    numerator_ids: tuple[str, ...]
    denominator_ids: tuple[str, ...]
    note: str = ""


def _measure(key: str, year: int, num: set[str], den: set[str], note: str = "") -> Measure:
    value = round(100 * len(num) / len(den), 1) if den else None
    return Measure(
        key, year, len(num), len(den), value, "percent", tuple(sorted(num)), tuple(sorted(den)),
        note,
    )  # fmt: skip


def age_on(dob: date | None, day: date) -> int | None:
    if dob is None:
        return None
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _covering(episodes: list[Episode], day: date) -> int | None:
    """Index of the episode open on `day` (an episode ending on `day` has ended)."""
    for index in range(len(episodes) - 1, -1, -1):
        episode = episodes[index]
        if episode.decom <= day and (episode.dec is None or episode.dec > day):
            return index
        if episode.decom < day and episode.dec is not None and episode.dec <= day:
            return None  # sorted: nothing earlier can cover a later day
    return None


def _continues(previous: Episode, episode: Episode) -> bool:
    return previous.dec == episode.decom and episode.rne != "S"


def _period_start(episodes: list[Episode], index: int) -> tuple[date, int]:
    """Start of the period of care that episode `index` belongs to, and its first index."""
    while index > 0 and _continues(episodes[index - 1], episodes[index]):
        index -= 1
    return episodes[index].decom, index


def _placement_start(episodes: list[Episode], index: int) -> tuple[date, int]:
    """Start of the placement (same carers) that episode `index` belongs to."""
    while (
        index > 0
        and episodes[index].rne not in codes.NEW_PLACEMENT_RNE
        and _continues(episodes[index - 1], episodes[index])
    ):
        index -= 1
    return episodes[index].decom, index


def _cla_at(year_return: YearReturn, day: date) -> dict[str, int]:
    """Child -> index of the episode open on `day`, leaving out short breaks (V3/V4)."""
    out = {}
    for child, episodes in year_return.episodes.items():
        index = _covering(episodes, day)
        if index is not None and episodes[index].ls not in codes.SHORT_BREAKS:
            out[child] = index
    return out


def looked_after_at_31_march(ret: Return, year: int) -> Measure:
    ids = sorted(_cla_at(ret.years[year], ret.years[year].year_end))
    return Measure("cla_31_march", year, len(ids), None, len(ids), "count", tuple(ids), ())


# --- OC2: looked after continuously for 12 months at 31 March --------------------------


def oc2_cohort(ret: Return, year: int) -> set[str]:
    year_return = ret.years[year]
    since = date(year - 1, 4, 1)  # looked after on every day from 1 April to 31 March
    cohort = set()
    for child, index in _cla_at(year_return, year_return.year_end).items():
        episodes = year_return.episodes[child]
        start, first = _period_start(episodes, index)
        if start > since:
            continue
        window = episodes[first : index + 1]
        if any(e.ls in codes.SHORT_BREAKS for e in window if e.dec is None or e.dec > since):
            continue
        cohort.add(child)
    return cohort


def _oc2_measure(key: str, flag: Callable[[Oc2], bool], ages: tuple[int, int] | None = None):
    def compute(ret: Return, year: int) -> Measure:
        year_return = ret.years[year]
        cohort = oc2_cohort(ret, year)
        if ages is not None:
            low, high = ages
            cohort = {
                child
                for child in cohort
                if (child in year_return.children)
                and (age := age_on(year_return.children[child].dob, year_return.year_end))
                is not None
                and low <= age <= high
            }
        records = year_return.oc2
        numerator = {child for child in cohort if child in records and flag(records[child])}
        without = sum(1 for child in cohort if child not in records)
        note = f"{without} in the cohort without an OC2 record" if without else ""
        return _measure(key, year, numerator, cohort, note)

    compute.__name__ = key
    return compute


health_assessments = _oc2_measure("oc2_health_assessment", lambda r: r.health_check is True)
dental_checks = _oc2_measure("oc2_dental_check", lambda r: r.teeth_check is True)
immunisations = _oc2_measure("oc2_immunisations", lambda r: r.immunisations is True)
development_assessments = _oc2_measure(
    "oc2_development_assessment_under_5", lambda r: r.health_assessment is True, ages=(0, 4)
)
sdq_completed = _oc2_measure("oc2_sdq_5_to_16", lambda r: r.sdq_score is not None, ages=(5, 16))
substance_misuse = _oc2_measure("oc2_substance_misuse", lambda r: r.substance_misuse is True)


def oc2_cohort_size(ret: Return, year: int) -> Measure:
    ids = sorted(oc2_cohort(ret, year))
    return Measure("oc2_cohort", year, len(ids), None, len(ids), "count", tuple(ids), ())


# --- placement stability ---------------------------------------------------------------


def placements_in_year(episodes: list[Episode], start: date, end: date) -> int:
    """Placements a child had during the year: the one open on 1 April, and each new
    carer after it (RNE S, P or T, or any episode after a gap in care)."""
    count = 0
    previous: Episode | None = None
    for episode in episodes:
        if episode.decom > end:
            break
        if episode.dec is not None and episode.dec <= start:
            previous = episode
            continue
        if episode.decom < start:
            count += 1
        elif episode.rne in codes.NEW_PLACEMENT_RNE or previous is None:
            count += 1
        elif not _continues(previous, episode):
            count += 1
        previous = episode
    return count


def three_or_more_placements(ret: Return, year: int) -> Measure:
    year_return = ret.years[year]
    cla = _cla_at(year_return, year_return.year_end)
    start, end = year_return.year_start, year_return.year_end
    numerator = {
        child for child in cla if placements_in_year(year_return.episodes[child], start, end) >= 3
    }
    return _measure("placements_3_or_more", year, numerator, set(cla))


def _history(ret: Return, year: int) -> dict[str, list[Episode]]:
    """Each child's episodes from every year up to `year`; a later return's copy of an
    episode (now with its end date) replaces the earlier one."""
    merged: dict[str, dict[date, Episode]] = {}
    for each in sorted(y for y in ret.years if y <= year):
        for child, episodes in ret.years[each].episodes.items():
            slot = merged.setdefault(child, {})
            for episode in episodes:
                slot[episode.decom] = episode
    return {child: [slot[d] for d in sorted(slot)] for child, slot in merged.items()}


def long_term_stability(ret: Return, year: int) -> Measure:
    year_return = ret.years[year]
    end = year_return.year_end
    care_since = date(year - 3, 10, 1)  # looked after for 2.5 years by 31 March
    placed_since = date(year - 2, 4, 1)  # in the same placement for 2 years by 31 March
    history = _history(ret, year)
    denominator, numerator = set(), set()
    for child in _cla_at(year_return, end):
        header = year_return.children.get(child)
        age = age_on(header.dob if header else None, end)
        if age is None or age >= 16:
            continue
        episodes = history[child]
        index = _covering(episodes, end)
        if index is None or _period_start(episodes, index)[0] > care_since:
            continue
        denominator.add(child)
        placement_start, first = _placement_start(episodes, index)
        if placement_start <= placed_since:
            numerator.add(child)
        elif (
            episodes[index].place in codes.PLACED_FOR_ADOPTION
            and first > 0
            and episodes[first - 1].dec == episodes[first].decom
            and _placement_start(episodes, first - 1)[0] <= placed_since
        ):
            numerator.add(child)  # adoptive placement and the one before it: 2 years
    return _measure("placements_long_term", year, numerator, denominator)


# --- missing from care -------------------------------------------------------------------


def _looked_after_in_year(year_return: YearReturn) -> set[str]:
    start, end = year_return.year_start, year_return.year_end
    return {
        child
        for child, episodes in year_return.episodes.items()
        if any(
            e.decom <= end and (e.dec is None or e.dec > start) and e.ls not in codes.SHORT_BREAKS
            for e in episodes
        )
    }


def went_missing(ret: Return, year: int, kind: str = "M") -> Measure:
    """Children looked after in the year with a missing (M) or away (A) incident starting
    in it. The note gives the number of incidents."""
    year_return = ret.years[year]
    looked_after = _looked_after_in_year(year_return)
    incidents = [
        m
        for m in year_return.missing
        if m.kind == kind and m.start >= year_return.year_start and m.child_id in looked_after
    ]
    numerator = {m.child_id for m in incidents}
    key = "missing_children" if kind == "M" else "away_children"
    return _measure(key, year, numerator, looked_after, f"{len(incidents)} incidents")


def missing_incidents_per_child(ret: Return, year: int, kind: str = "M") -> Measure:
    went = went_missing(ret, year, kind)
    incidents = int(went.note.split()[0])
    value = round(incidents / went.numerator, 2) if went.numerator else None
    return Measure(
        "missing_incidents" if kind == "M" else "away_incidents", year, incidents,
        went.numerator, value, "per child", went.numerator_ids, went.numerator_ids,
    )  # fmt: skip


# --- care leavers (OC3) ------------------------------------------------------------------

AGE_BANDS = {"17-18": (17, 18), "19-21": (19, 21), "17-21": (17, 21)}


def care_leavers(ret: Return, year: int, band: str = "19-21") -> set[str]:
    """Care leavers whose 17th-21st birthday fell in the year (so their age on 31 March),
    leaving out those who died."""
    low, high = AGE_BANDS[band]
    year_return = ret.years[year]
    return {
        child
        for child, record in year_return.oc3.items()
        if record.in_touch != "DIED"
        and (age := age_on(record.dob, year_return.year_end)) is not None
        and low <= age <= high
    }


def _oc3_measure(key: str, test: Callable[[str, int], bool]):
    def compute(ret: Return, year: int, band: str = "19-21") -> Measure:
        leavers = care_leavers(ret, year, band)
        records = ret.years[year].oc3
        numerator = {child for child in leavers if test(_field(key, records[child]), year)}
        return _measure(f"{key}_{band}", year, numerator, leavers)

    compute.__name__ = key
    return compute


def _field(key: str, record) -> str:
    return {"care_leavers_in_touch": record.in_touch, "care_leavers_suitable_accommodation":
            record.accom, "care_leavers_eet": record.activ}[key]  # fmt: skip


care_leavers_in_touch = _oc3_measure("care_leavers_in_touch", lambda code, _y: code == "YES")
care_leavers_suitable_accommodation = _oc3_measure(
    "care_leavers_suitable_accommodation",
    lambda code, _y: code in codes.ACCOM and code.endswith("1"),
)
care_leavers_eet = _oc3_measure(
    "care_leavers_eet", lambda code, y: code in codes.EET_ACTIV and code in codes.activ_codes(y)
)

# --- everything ----------------------------------------------------------------------------

ALL: dict[str, Callable[[Return, int], Measure]] = {
    "cla_31_march": looked_after_at_31_march,
    "oc2_cohort": oc2_cohort_size,
    "oc2_health_assessment": health_assessments,
    "oc2_dental_check": dental_checks,
    "oc2_immunisations": immunisations,
    "oc2_development_assessment_under_5": development_assessments,
    "oc2_sdq_5_to_16": sdq_completed,
    "oc2_substance_misuse": substance_misuse,
    "placements_3_or_more": three_or_more_placements,
    "placements_long_term": long_term_stability,
    "missing_children": went_missing,
    "missing_incidents": missing_incidents_per_child,
    "care_leavers_in_touch_19-21": care_leavers_in_touch,
    "care_leavers_suitable_accommodation_19-21": care_leavers_suitable_accommodation,
    "care_leavers_eet_19-21": care_leavers_eet,
    "care_leavers_in_touch_17-18": lambda r, y: care_leavers_in_touch(r, y, "17-18"),
    "care_leavers_suitable_accommodation_17-18": lambda r, y: care_leavers_suitable_accommodation(
        r, y, "17-18"
    ),
    "care_leavers_eet_17-18": lambda r, y: care_leavers_eet(r, y, "17-18"),
}


def all_measures(ret: Return) -> dict[int, dict[str, Measure]]:
    return {year: {key: fn(ret, year) for key, fn in ALL.items()} for year in sorted(ret.years)}
