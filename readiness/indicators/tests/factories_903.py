"""Hand-built SSDA903 returns as CSV text, for exact-number tests."""

from __future__ import annotations

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)
OC2 = (
    "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
    "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"
)
OC3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"
MISSING = "CHILD,DOB,MISSING,MIS_START,MIS_END"


def child(child_id: str, dob: str, sex: str = "1") -> str:
    return f"{child_id},{sex},{dob},WBRI,A123456789012,,"


def episode(child_id: str, decom: str, dec: str = "", rne: str = "S", place: str = "U1",
            ls: str = "C2", rec: str = "") -> str:  # fmt: skip
    rec = rec or ("X1" if dec else "")
    return f"{child_id},{decom},{rne},{ls},N1,{place},PR1,{dec},{rec},,A1 1AA,B1 1BB,"


def oc2(child_id: str, dob: str, health: int = 1, teeth: int = 1, imms: int = 1,
        sdq: str = "", dev: int = 0, substance: int = 0) -> str:  # fmt: skip
    reason = "" if sdq else "SDQ1"
    return f"{child_id},{dob},{sdq},{reason},0,{health},{imms},{teeth},{dev},{substance},0,0"


def oc3(
    child_id: str, dob: str, in_touch: str = "YES", activ: str = "F1", accom: str = "B1"
) -> str:
    return f"{child_id},{dob},{in_touch},{activ},{accom}"


def missing(child_id: str, dob: str, start: str, end: str = "", kind: str = "M") -> str:
    return f"{child_id},{dob},{kind},{start},{end}"


def table(head: str, rows: list[str], bom: bool = False) -> bytes:
    text = "\r\n".join([head, *rows]) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


def files(
    header: list[str],
    episodes: list[str],
    oc2_rows: list[str] | None = None,
    oc3_rows: list[str] | None = None,
    missing_rows: list[str] | None = None,
) -> dict[str, bytes]:
    out = {"header.csv": table(HEADER, header), "episodes.csv": table(EPISODES, episodes)}
    out["oc2.csv"] = table(OC2, oc2_rows or [])
    out["oc3.csv"] = table(OC3, oc3_rows or [])
    out["missing.csv"] = table(MISSING, missing_rows or [])
    return out
