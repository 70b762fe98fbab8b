"""The children in need census (DfE CIN XML): read it, then compute the published measures.

The reader uses only the standard library and accepts every layout we have met: the 2021 and
2022 files (GenderCurrent), 2024 (Sex) and 2026 (with the pre-proceedings module). It never
drops anything silently: a value it cannot read becomes None with a `QualityIssue` saying why,
a child without an id is left out with an issue, and elements it does not know are reported.

The measures follow the DfE "Children in need" statistics; the definitions, and where a single
census file cannot see everything the DfE sees, are in docs/cin-and-annex-a.md.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from readiness.indicators.domain.quality import QualityIssue, QualityReport

TABLE = "cin"
TRUE = {"true", "1", "y", "yes"}
FALSE = {"false", "0", "n", "no"}
# GenderCurrent (to 2023/24) and Sex (from 2024/25) codes, both seen in the same layouts.
SEX = {"1": "M", "2": "F", "0": "U", "9": "U", "M": "M", "F": "F", "U": "U"}


class CinFileError(ValueError):
    """The file is not a CIN census at all: nothing from it can be used."""


@dataclass(frozen=True)
class Assessment:
    start: date | None
    authorised: date | None
    factors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section47:
    start: date | None
    icpc_target: date | None
    icpc_date: date | None
    icpc_not_required: bool | None


@dataclass(frozen=True)
class ProtectionPlan:
    start: date | None
    end: date | None
    initial_category: str | None
    latest_category: str | None
    previous_plans: int | None
    reviews: tuple[date, ...] = ()


@dataclass(frozen=True)
class Episode:
    """One CINdetails block: a referral and what followed it."""

    referral_date: date | None
    referral_source: str | None
    primary_need: str | None
    closure_date: date | None
    closure_reason: str | None
    referral_nfa: bool | None
    assessments: tuple[Assessment, ...] = ()
    cin_plans: tuple[tuple[date | None, date | None], ...] = ()
    section47s: tuple[Section47, ...] = ()
    protection_plans: tuple[ProtectionPlan, ...] = ()
    pre_proceedings: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Child:
    child_id: str
    row_number: int  # the child's position in the file, 1-based: what the issues point to
    upn: str | None
    birth_date: date | None
    sex: str | None  # M, F or U whichever code set the file used
    ethnicity: str | None
    disabilities: tuple[str, ...]
    episodes: tuple[Episode, ...]


@dataclass(frozen=True)
class Census:
    collection_year: str | None
    reference_date: date | None
    la_code: str | None
    children: tuple[Child, ...]
    report: QualityReport
    children_read: int = 0  # <Child> elements in the file, used or not


# What each element may hold: tag -> kind. A kind ending in "*" repeats inside a wrapper.
IDENTIFIERS = {
    "LAchildID": "str", "UPN": "str", "FormerUPN": "str", "UPNunknown": "str",
    "PersonBirthDate": "date", "ExpectedPersonBirthDate": "date", "GenderCurrent": "str",
    "Sex": "str", "PersonDeathDate": "date",
}  # fmt: skip
CHARACTERISTICS = {"Ethnicity": "str", "Disabilities": "Disability*"}
DETAILS = {
    "CINreferralDate": "date", "ReferralSource": "str", "PrimaryNeedCode": "str",
    "CINclosureDate": "date", "ReasonForClosure": "str", "DateOfInitialCPC": "date",
    "ReferralNFA": "bool", "Assessments": "node", "CINPlanDates": "node", "Section47": "node",
    "ChildProtectionPlans": "node", "PreProceedingsandFGDM": "node",
}  # fmt: skip
ASSESSMENT = {
    "AssessmentActualStartDate": "date", "AssessmentInternalReviewDate": "date",
    "AssessmentAuthorisationDate": "date", "FactorsIdentifiedAtAssessment": "AssessmentFactors*",
}  # fmt: skip
CIN_PLAN = {"CINPlanStartDate": "date", "CINPlanEndDate": "date"}
SECTION47 = {
    "S47ActualStartDate": "date", "InitialCPCtarget": "date", "DateOfInitialCPC": "date",
    "ICPCnotRequired": "bool",
}  # fmt: skip
PLAN = {
    "CPPstartDate": "date", "CPPendDate": "date", "InitialCategoryOfAbuse": "str",
    "LatestCategoryOfAbuse": "str", "NumberOfPreviousCPP": "int", "Reviews": "CPPreviewDate*",
}  # fmt: skip
PRE_PROCEEDINGS = {
    "PPStartDate": "date", "LBPSentDate": "date", "FGDMMeetingOffer": "str",
    "FGDMMeetingFac": "str", "InitialPPMeetingDate": "date", "ReviewMeetingsCount": "int",
    "StepDecisionDate": "date", "PPOutcome": "str", "CourtAppDate": "date",
    "LetterInitCPDate": "date",
}  # fmt: skip


def _text(elem: ET.Element) -> str | None:
    value = (elem.text or "").strip()
    return value or None


@dataclass
class _Reader:
    issues: list[QualityIssue] = field(default_factory=list)
    row: int | None = None  # None while reading the header: the issue is for the file
    child_id: str | None = None
    reference_date: date | None = None

    def issue(
        self, where: str, value: object, reason: str, detail: str = "", kept: bool = True
    ) -> None:
        shown = None if value is None else str(value)
        self.issues.append(
            QualityIssue(TABLE, self.row, self.child_id, where, shown, reason, detail, kept)
        )

    def convert(self, where: str, kind: str, raw: str) -> Any:
        if kind == "str":
            return raw
        if kind == "date":
            try:
                value = date.fromisoformat(raw)
            except ValueError:
                self.issue(where, raw, "invalid date", "not a date in the form YYYY-MM-DD")
                return None
            if self.reference_date and value > self.reference_date:
                # Kept: the DfE rejects these, but a planned date can be a typo worth seeing.
                self.issue(where, raw, "date after reference date", "kept as given")
            return value
        if kind == "bool":
            if raw.lower() in TRUE:
                return True
            if raw.lower() in FALSE:
                return False
            self.issue(where, raw, "invalid value", "not true/false or 1/0; read as blank")
            return None
        if raw.isdigit():
            return int(raw)
        self.issue(where, raw, "invalid value", "not a whole number; read as blank")
        return None

    def fields(self, elem: ET.Element, spec: dict[str, str], path: str) -> dict[str, Any]:
        """The values of `elem`'s known children; anything else is reported, never dropped."""
        values: dict[str, Any] = {}
        for sub in elem:
            where = f"{path}/{sub.tag}"
            if (sub.tail or "").strip():
                self.issue(where, sub.tail.strip(), "stray text", "text after the element, ignored")
            kind = spec.get(sub.tag)
            if kind is None:
                self.issue(where, _text(sub), "unknown element", "not in the CIN census; ignored")
            elif kind == "node":
                values.setdefault(sub.tag, []).append(sub)
            elif kind.endswith("*"):
                item_tag = kind[:-1]
                items = [_text(i) for i in sub if i.tag == item_tag and _text(i)]
                converter = "date" if item_tag.endswith("Date") else "str"
                values[sub.tag] = tuple(
                    v for i in items if (v := self.convert(where, converter, i)) is not None
                )
            elif sub.tag in values:
                self.issue(where, _text(sub), "repeated element", "the first value is kept")
            elif (raw := _text(sub)) is not None:
                values[sub.tag] = self.convert(where, kind, raw)
        return values

    def nodes(
        self, values: dict[str, Any], tag: str, spec: dict[str, str], path: str
    ) -> list[dict[str, Any]]:
        return [self.fields(n, spec, f"{path}/{tag}") for n in values.get(tag, [])]

    def episode(self, elem: ET.Element) -> Episode:
        path = "CINdetails"
        v = self.fields(elem, DETAILS, path)
        if v.get("CINreferralDate") is None:
            self.issue(
                f"{path}/CINreferralDate",
                None,
                "missing referral date",
                "the referral is not counted",
            )
        assessments = tuple(
            Assessment(
                a.get("AssessmentActualStartDate"),
                a.get("AssessmentAuthorisationDate"),
                a.get("FactorsIdentifiedAtAssessment", ()),
            )
            for a in self.nodes(v, "Assessments", ASSESSMENT, path)
        )
        plans = tuple(
            ProtectionPlan(
                p.get("CPPstartDate"),
                p.get("CPPendDate"),
                p.get("InitialCategoryOfAbuse"),
                p.get("LatestCategoryOfAbuse"),
                p.get("NumberOfPreviousCPP"),
                p.get("Reviews", ()),
            )
            for p in self.nodes(v, "ChildProtectionPlans", PLAN, path)
        )
        s47s = tuple(
            Section47(
                s.get("S47ActualStartDate"),
                s.get("InitialCPCtarget"),
                s.get("DateOfInitialCPC"),
                s.get("ICPCnotRequired"),
            )
            for s in self.nodes(v, "Section47", SECTION47, path)
        )
        self.check_order(v.get("CINreferralDate"), assessments, plans)
        return Episode(
            referral_date=v.get("CINreferralDate"),
            referral_source=v.get("ReferralSource"),
            primary_need=v.get("PrimaryNeedCode"),
            closure_date=v.get("CINclosureDate"),
            closure_reason=v.get("ReasonForClosure"),
            referral_nfa=v.get("ReferralNFA"),
            assessments=assessments,
            cin_plans=tuple(
                (c.get("CINPlanStartDate"), c.get("CINPlanEndDate"))
                for c in self.nodes(v, "CINPlanDates", CIN_PLAN, path)
            ),
            section47s=s47s,
            protection_plans=plans,
            pre_proceedings=tuple(self.nodes(v, "PreProceedingsandFGDM", PRE_PROCEEDINGS, path)),
        )

    def check_order(
        self,
        referral: date | None,
        assessments: tuple[Assessment, ...],
        plans: tuple[ProtectionPlan, ...],
    ) -> None:
        """The DfE's own date-order checks (rules 1103, 1105 and kin); the record is kept."""
        pairs: list[tuple[str, date | None, date | None]] = []
        for a in assessments:
            pairs.append(("Assessments/AssessmentActualStartDate", referral, a.start))
            pairs.append(("Assessments/AssessmentAuthorisationDate", a.start, a.authorised))
        for p in plans:
            pairs.append(("ChildProtectionPlans/CPPstartDate", referral, p.start))
            pairs.append(("ChildProtectionPlans/CPPendDate", p.start, p.end))
        for where, earlier, later in pairs:
            if earlier and later and later < earlier:
                detail = f"before {earlier.isoformat()}, the date it follows"
                self.issue(f"CINdetails/{where}", later.isoformat(), "dates out of order", detail)

    def child(self, elem: ET.Element) -> Child | None:
        ids: dict[str, Any] = {}
        traits: dict[str, Any] = {}
        episodes: list[Episode] = []
        id_elem = elem.find("ChildIdentifiers")
        if id_elem is not None:
            # Read the id first so every later issue for this child carries it.
            id_tag = id_elem.find("LAchildID")
            self.child_id = _text(id_tag) if id_tag is not None else None
            ids = self.fields(id_elem, IDENTIFIERS, "ChildIdentifiers")
        for sub in elem:
            if sub.tag == "ChildCharacteristics":
                traits = self.fields(sub, CHARACTERISTICS, "ChildCharacteristics")
            elif sub.tag == "CINdetails":
                episodes.append(self.episode(sub))
            elif sub.tag != "ChildIdentifiers":
                self.issue(f"Child/{sub.tag}", _text(sub), "unknown element", "ignored")
        if not self.child_id:
            self.issue(
                "ChildIdentifiers/LAchildID", None, "missing child id", "child left out", kept=False
            )
            return None
        if not episodes:
            self.issue("CINdetails", None, "no CINdetails", "the child has no referral")
        raw_sex = ids.get("Sex") or ids.get("GenderCurrent")
        if raw_sex is not None and raw_sex.upper() not in SEX:
            self.issue("ChildIdentifiers/Sex", raw_sex, "invalid code", "not 1, 2, 0, 9, M, F or U")
        return Child(
            child_id=self.child_id,
            row_number=self.row,
            upn=ids.get("UPN"),
            birth_date=ids.get("PersonBirthDate"),
            sex=SEX.get((raw_sex or "").upper()),
            ethnicity=traits.get("Ethnicity"),
            disabilities=traits.get("Disabilities", ()),
            episodes=tuple(episodes),
        )


def read_census(source: str | Path | bytes) -> Census:
    """Read a CIN census XML file (a path) or its bytes; raise CinFileError if it is not one."""
    try:
        root = ET.fromstring(source) if isinstance(source, bytes) else ET.parse(source).getroot()
    except ET.ParseError as exc:
        raise CinFileError(f"not readable XML: {exc}") from exc
    if root.tag != "Message" or root.find("Children") is None:
        raise CinFileError(
            f"not a CIN census: expected <Message> with <Children>, found <{root.tag}>"
        )
    reader = _Reader()
    header = root.find("Header")
    collection = header.findtext("CollectionDetails/Collection") if header is not None else None
    if collection is not None and collection.strip() != "CIN":
        raise CinFileError(f"not a CIN census: the header names collection {collection!r}")

    def head(tag: str) -> str | None:
        return ((header.findtext(tag) or "").strip() or None) if header is not None else None

    year, la_code = head("CollectionDetails/Year"), head("Source/LEA")
    raw_ref = head("CollectionDetails/ReferenceDate")
    reference = reader.convert("Header/ReferenceDate", "date", raw_ref) if raw_ref else None
    if reference is None:
        reader.issue("Header/ReferenceDate", raw_ref, "header", "no reference date: give the year")
    elif (reference.month, reference.day) != (3, 31):
        reader.issue(
            "Header/ReferenceDate", raw_ref, "header", "the reference date is not 31 March"
        )
    reader.reference_date = reference
    children: list[Child] = []
    seen: dict[str, int] = {}
    elems = list(root.find("Children") or ())
    for number, elem in enumerate(elems, start=1):
        reader.row, reader.child_id = number, None
        if elem.tag != "Child":
            reader.issue(elem.tag, None, "unknown element", "not a Child; ignored", kept=False)
            continue
        child = reader.child(elem)
        if child is None:
            continue
        if child.child_id in seen:
            reader.issue(
                "LAchildID",
                child.child_id,
                "duplicate child",
                f"same id as child {seen[child.child_id]}",
            )
        seen.setdefault(child.child_id, number)
        children.append(child)
    report = QualityReport(issues=reader.issues)
    return Census(year, reference, la_code, tuple(children), report, children_read=len(elems))
