"""Anytown's SSDA903 return for 2024/25 and 2025/26: invented, child-level, reproducible.

Every child, date and code here is made up by a seeded random generator; nothing comes from
a real council. The return is built so that the figures the founding review's action point
A12 is about come out as Anytown's demo narratives state them (health assessments up to date
for 125 of 195 children in 2024-25 and 178 of 200 in 2025-26; dental checks 121 of 195 and
164 of 200; immunisations 91% in 2025-26), and the rest (placement stability, children
missing from care, care leavers' contact, accommodation and activity, SDQs) follow from the
records as the DfE's definitions compute them. A few records are deliberately wrong, as in
any council's export, so the import's quality report has something to say:

- 2024/25: one header row still uses the old SEX code 2 (read as F, reported);
- 2025/26: one episode exported twice (the copy is left out), one care leaver's
  accommodation coded S1 (not a DfE code: reported, read as not suitable), and one missing
  episode that ends before it starts (left out).

`anytown_return()` gives the CSV tables as name -> bytes, the way an upload arrives;
`python -m readiness.demo.domain.ssda903_demo FOLDER` writes them to a folder for
`readiness data import FOLDER --kind ssda903`.
"""

from __future__ import annotations

import csv
import io
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SEED = 903
YEARS = (2025, 2026)  # collection years, by the 31 March they end on

# How many children of each kind. The two OC2 cohorts (looked after continuously for 12
# months at 31 March) are LONG + LEFT_2026 = 195 for 2024/25 and LONG + STARTED_2025 = 200
# for 2025/26.
LONG = 150  # in care before 1 April 2024 and still at 31 March 2026
LEFT_2026 = 45  # in care before 1 April 2024, left during 2025/26
STARTED_2025 = 50  # came into care during 2024/25, still in care at 31 March 2026
STARTED_2026 = 110  # came into care during 2025/26
SHORT_2025 = 40  # came into and left care within 2024/25
CARE_LEAVERS = {2025: (92, 44), 2026: (95, 45)}  # (aged 19-21, aged 17-18) by year

# (numerator, of the cohort) for each OC2 flag: the narratives' figures for the first two.
OC2_TRUE = {
    2025: {"HEALTH_CHECK": 125, "TEETH_CHECK": 121, "IMMUNISATIONS": 160},
    2026: {"HEALTH_CHECK": 178, "TEETH_CHECK": 164, "IMMUNISATIONS": 182},
}
# Care leavers: shares in touch, in suitable accommodation, in education, employment or
# training, improving from one year to the next.
LEAVER_SHARES = {2025: (0.88, 0.82, 0.52), 2026: (0.93, 0.88, 0.58)}

FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
ETHNIC = ("WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MOTH", "BAFR", "BCRB", "APKN", "AOTH")
NEEDS = ("N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6", "N8")
EET = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5")
NOT_EET = ("G4", "G5", "G6")
SUITABLE = ("B1", "C1", "D1", "E1", "K1", "R1", "T1", "U1")
UNSUITABLE = ("B2", "D2", "S2", "T2", "U2")


@dataclass
class Episode:
    decom: date
    dec: date | None
    rne: str
    ls: str
    place: str
    rec: str = ""


@dataclass
class Child:
    child_id: str
    sex: str
    dob: date
    ethnic: str
    episodes: list[Episode] = field(default_factory=list)


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max((end - start).days, 0) + 1))


def _dob(rng: random.Random, age_low: int, age_high: int, on: date) -> date:
    """A birthday giving an age from age_low to age_high on `on`."""
    earliest = date(on.year - age_high - 1, on.month, on.day) + timedelta(days=1)
    latest = date(on.year - age_low, on.month, on.day)
    return _day(rng, earliest, latest)


def _care(
    rng: random.Random, child: Child, start: date, end: date | None, moves: int,
    last_day: date,
) -> None:  # fmt: skip
    """A period of care from `start` (to `end`, else open) with `moves` placement moves."""
    stop = end or last_day
    days = sorted({_day(rng, start + timedelta(days=1), stop - timedelta(days=1))
                   for _ in range(moves)} - {start}) if (stop - start).days > 2 else []  # fmt: skip
    legal = rng.choice(("C2", "C2", "C2", "C1", "V2", "V2", "J2"))
    place = rng.choice(FOSTER + ("K2",))
    begins = [start, *days]
    for index, decom in enumerate(begins):
        last = index == len(begins) - 1
        dec = end if last else begins[index + 1]
        child.episodes.append(
            Episode(decom, dec, "S" if index == 0 else "P", legal, place,
                    ("E4A" if rng.random() < 0.6 else "E8") if last and end else "")
        )  # fmt: skip
        place = rng.choice(FOSTER + ("K2", "U1", "U4"))


def _moves(rng: random.Random) -> int:
    roll = rng.random()
    return 0 if roll < 0.45 else 1 if roll < 0.7 else 2 if roll < 0.85 else 3 if roll < 0.95 else 4


def _children(rng: random.Random) -> list[Child]:
    end_2024, end_2025, end_2026 = date(2024, 3, 31), date(2025, 3, 31), date(2026, 3, 31)
    children: list[Child] = []

    def new(age_low: int, age_high: int, on: date) -> Child:
        child = Child(
            f"AT{len(children) + 1:05d}", rng.choice("MF"), _dob(rng, age_low, age_high, on),
            rng.choice(ETHNIC),
        )  # fmt: skip
        children.append(child)
        return child

    for _ in range(LONG):
        child = new(3, 17, end_2026)
        born_plus_one = child.dob + timedelta(days=30)
        earliest = max(born_plus_one, date(2016, 4, 1))
        _care(rng, child, _day(rng, earliest, end_2024 - timedelta(days=1)), None,
              _moves(rng), end_2026)  # fmt: skip
    for _ in range(LEFT_2026):
        child = new(2, 17, end_2025)
        start = _day(rng, max(child.dob + timedelta(days=30), date(2019, 4, 1)), end_2024)
        leaving = _day(rng, date(2025, 4, 2), date(2026, 3, 20))
        if child.dob.replace(year=child.dob.year + 18) <= leaving:
            leaving = child.dob.replace(year=child.dob.year + 18)  # leaves at 18
        _care(rng, child, start, leaving, _moves(rng), end_2026)
    for _ in range(STARTED_2025):
        child = new(1, 16, end_2025)
        start = _day(rng, max(child.dob, date(2024, 4, 2)), end_2025 - timedelta(days=1))
        _care(rng, child, start, None, _moves(rng), end_2026)
    for _ in range(STARTED_2026):
        child = new(1, 16, end_2026)
        start = _day(rng, max(child.dob, date(2025, 4, 2)), end_2026 - timedelta(days=5))
        _care(rng, child, start, None, min(_moves(rng), 1), end_2026)
    for _ in range(SHORT_2025):
        child = new(1, 16, end_2025)
        start = _day(rng, max(child.dob, date(2024, 4, 2)), date(2025, 1, 31))
        _care(rng, child, start, start + timedelta(days=rng.randrange(7, 58)), 0, end_2026)
    return children


def _looked_after_in(child: Child, year: int) -> list[Episode]:
    """The child's episodes open at some point in the collection year, as that year's
    return holds them (an episode ending after 31 March is still open)."""
    start, end = date(year - 1, 4, 1), date(year, 3, 31)
    held = []
    for episode in child.episodes:
        if episode.decom > end or (episode.dec is not None and episode.dec < start):
            continue
        ends_later = episode.dec is None or episode.dec > end
        held.append(
            Episode(episode.decom, None if ends_later else episode.dec, episode.rne,
                    episode.ls, episode.place, "" if ends_later else episode.rec)
        )  # fmt: skip
    return held


def _cohort(child: Child, year: int) -> bool:
    """Looked after on every day from 1 April to 31 March (one period of care here)."""
    first, last = child.episodes[0], child.episodes[-1]
    still = last.dec is None or last.dec > date(year, 3, 31)
    return first.decom <= date(year - 1, 4, 1) and still


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _write(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v.strftime("%d/%m/%Y") if isinstance(v, date)
                         else v for v in row])  # fmt: skip
    return buffer.getvalue().encode()


def anytown_return(seed: int = SEED) -> dict[str, bytes]:
    """The CSV tables of both years, as file name -> bytes."""
    rng = random.Random(seed)
    children = _children(rng)
    leavers = {
        year: [
            Child(f"AL{year % 100}{n:03d}", rng.choice("MF"),
                  _dob(rng, *((19, 21) if n < young_old[0] else (17, 18)), date(year, 3, 31)),
                  rng.choice(ETHNIC))
            for n in range(sum(young_old))
        ]
        for year, young_old in CARE_LEAVERS.items()
    }  # fmt: skip
    files: dict[str, bytes] = {}
    for year in YEARS:
        end = date(year, 3, 31)
        in_year = [(c, eps) for c in children if (eps := _looked_after_in(c, year))]
        header_rows = [[c.child_id, c.sex, c.dob, c.ethnic, "", "", ""] for c, _ in in_year]
        header_rows += [[c.child_id, c.sex, c.dob, c.ethnic, "", "", ""] for c in leavers[year]]
        episode_rows = [
            [c.child_id, e.decom, e.rne, e.ls, rng.choice(NEEDS), e.place, "PR1", e.dec, e.rec,
             "", "", "", ""]
            for c, eps in in_year for e in eps
        ]  # fmt: skip
        cohort = sorted(c.child_id for c, _ in in_year if _cohort(c, year))
        flags = {}
        for name, count in OC2_TRUE[year].items():
            chosen = set(rng.sample(cohort, count))
            flags[name] = {child: child in chosen for child in cohort}
        dobs = {c.child_id: c.dob for c, _ in in_year}
        oc2_rows = []
        for child in cohort:
            age = _age(dobs[child], end)
            sdq = rng.randrange(4, 30) if 4 <= age <= 16 and rng.random() < 0.82 else None
            oc2_rows.append([
                child, dobs[child], sdq, "" if sdq is not None else "SDQ1",
                1 if age >= 10 and rng.random() < 0.04 else 0,
                int(flags["HEALTH_CHECK"][child]), int(flags["IMMUNISATIONS"][child]),
                int(flags["TEETH_CHECK"][child]), 1 if rng.random() < 0.9 else 0,
                1 if age >= 13 and rng.random() < 0.05 else 0, "", "",
            ])  # fmt: skip
        in_touch, suitable, eet = LEAVER_SHARES[year]
        oc3_rows = [
            [c.child_id, c.dob,
             "YES" if rng.random() < in_touch else rng.choice(("NO", "REFU")),
             rng.choice(EET) if rng.random() < eet else rng.choice(NOT_EET),
             rng.choice(SUITABLE) if rng.random() < suitable else rng.choice(UNSUITABLE)]
            for c in leavers[year]
        ]  # fmt: skip
        missing_rows = []
        for child, eps in in_year:
            if _age(child.dob, end) < 11 or rng.random() > 0.3:
                continue
            first = max(eps[0].decom, date(year - 1, 4, 1))
            last = min(eps[-1].dec or end, end)
            if (last - first).days < 3:
                continue
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4, 6))):
                start = _day(rng, first, last - timedelta(days=1))
                back = min(start + timedelta(days=rng.randrange(0, 3)), end)
                missing_rows.append([child.child_id, child.dob, rng.choice("MMMA"), start, back])
        # The deliberate mistakes, each one record: see the module's docstring.
        if year == 2025:
            header_rows[7][1] = "2" if header_rows[7][1] == "F" else "1"
        else:
            duplicate = next(r for r in episode_rows if r[0] == in_year[-1][0].child_id)
            episode_rows.append(list(duplicate))
            oc3_rows[3][4] = "S1"
            if missing_rows:
                row = missing_rows[0]
                row[4] = row[3] - timedelta(days=2)
        files[f"{year}-header.csv"] = _write(
            ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], header_rows
        )
        files[f"{year}-episodes.csv"] = _write(
            ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
             "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"], episode_rows,
        )  # fmt: skip
        files[f"{year}-oc2.csv"] = _write(
            ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
             "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
             "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], oc2_rows,
        )  # fmt: skip
        files[f"{year}-oc3.csv"] = _write(["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"], oc3_rows)
        files[f"{year}-missing.csv"] = _write(
            ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"], missing_rows
        )
    return files


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m readiness.demo.domain.ssda903_demo FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in anytown_return().items():
        (folder / name).write_bytes(data)
    print(f"Wrote Anytown's synthetic SSDA903 return for 2024/25 and 2025/26 to {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
