"""SSDA903 code sets by collection year.

A collection year is named by the 31 March it ends on: 2025 is 2024/25. Each set below is
the one the DfE's guidance for that year accepts, as implemented by the open-source
validator `data-to-insight/csc-validator-be-903` (rules 101, 131-133, 143-146, 149 in its
`lac2022_23`, `lac2024_25` and `lac2025_26` folders). Where sources differ we say which we
follow, in `docs/ssda903.md`, so a council can see why a record was queried.
"""

from __future__ import annotations

# SEX: 1/2 until 2023/24; M/F/U from 2024/25. Either set has one clear meaning, so a code
# from the other regime is read (and reported), never thrown away.
SEX_OLD = {"1": "M", "2": "F"}
SEX_NEW = {"M": "M", "F": "F", "U": "U"}
SEX_NEW_FROM = 2025

# Placement types.
_PLACE_2023 = frozenset(
    "A3 A4 A5 A6 H5 K1 K2 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1".split()
)
# 2024/25 adds K3 (the validator spells it "k3"; we read it as K3).
_PLACE_2025 = _PLACE_2023 | {"K3"}
# 2025/26 drops H5, P2 and Z1 and splits Z1 into Z11-Z14.
_PLACE_2026 = (_PLACE_2025 - {"H5", "P2", "Z1"}) | {"Z11", "Z12", "Z13", "Z14"}

LEGAL_STATUS = frozenset("C1 C2 D1 E1 V2 V3 V4 J1 J2 J3 L1 L2 L3".split())
# V3/V4: an agreed series of short-term placements (short breaks). DfE counts leave these
# children out of "looked after at 31 March" and of the OC2 cohort.
SHORT_BREAKS = frozenset({"V3", "V4"})

RNE = frozenset("S L P T B U".split())
# Reasons for a new episode that mean a new carer: a new placement for stability measures.
# L changes legal status only; B and U change placement but keep the same carer(s).
NEW_PLACEMENT_RNE = frozenset({"S", "P", "T"})

REC = frozenset(
    "E11 E12 E2 E3 E4A E4B E13 E41 E45 E46 E47 E48 E5 E6 E7 E8 E9 E14 E15 E16 E17 X1".split()
)

PLACED_FOR_ADOPTION = frozenset({"A3", "A4", "A5", "A6"})

IN_TOUCH = frozenset({"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"})

# ACTIV: F3/P3 (training or employment) were split into F4/P4 (training) and F5/P5
# (employment); we take 2022/23, the first year the validator knows only the new codes.
_ACTIV_OLD = frozenset("F1 P1 F2 P2 F3 P3 G4 G5 G6 0".split())
_ACTIV_NEW = frozenset("F1 P1 F2 P2 F4 P4 F5 P5 G4 G5 G6 0".split())
ACTIV_NEW_FROM = 2023
EET_ACTIV = frozenset("F1 P1 F2 P2 F3 P3 F4 P4 F5 P5".split())

# ACCOM: a letter for the kind of accommodation and 1 (suitable) or 2 (not suitable); 0 when
# not known. S1 (homeless but suitable) and X1 (custody but suitable) are not accepted: one
# source lists S1, the validator and the DfE's guidance do not.
ACCOM = frozenset(
    "B1 B2 C1 C2 D1 D2 E1 E2 G1 G2 H1 H2 K1 K2 R1 R2 S2 T1 T2 U1 U2 V1 V2 W1 W2 X2 Y1 Y2 Z1 Z2"
    " 0".split()
)

MISSING = frozenset({"M", "A"})


def placement_codes(year: int) -> frozenset[str]:
    if year >= 2026:
        return _PLACE_2026
    if year == 2025:
        return _PLACE_2025
    return _PLACE_2023


def activ_codes(year: int) -> frozenset[str]:
    return _ACTIV_NEW if year >= ACTIV_NEW_FROM else _ACTIV_OLD


def sex_codes(year: int) -> tuple[dict[str, str], dict[str, str]]:
    """The codes valid in `year`, and those of the other regime (read, but reported)."""
    return (SEX_NEW, SEX_OLD) if year >= SEX_NEW_FROM else (SEX_OLD, SEX_NEW)
