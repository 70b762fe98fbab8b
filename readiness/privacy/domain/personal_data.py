"""Finding a child's personal details in text before it leaves the system.

What is looked for, and how each is told from look-alikes:
- NHS numbers: ten digits (3-3-4 with spaces or hyphens, or run together) whose tenth digit
  is the modulus 11 check of the first nine; a phone number or a reference that fails the
  check is not one.
- Unique Pupil Numbers: a check letter and twelve characters (the last may be a letter in a
  temporary UPN), the letter being the DfE's modulus 23 check of the rest.
- Dates of birth: a date written within a few words after "born", "DOB" or "date of birth";
  a meeting's date is not one.
- Postcodes: the shapes of a UK postcode, in capitals.
- Names: two or three capitalised words beside "child", "born" or "DOB" ("Child: Jade
  Morris", "the child Jade Morris", "Ella Price, born …", "Liam Hart (DOB …)"), unless the
  words are the service's own ("Child Protection Plan", "Child A").

Plain Python: text in, hits out. The caller says which document and page the text is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

NHS_NUMBER = "NHS number"
UPN = "Unique Pupil Number"
DATE_OF_BIRTH = "date of birth"
POSTCODE = "postcode"
NAME = "name"
KINDS = (NHS_NUMBER, UPN, DATE_OF_BIRTH, POSTCODE, NAME)


@dataclass(frozen=True)
class Source:
    """Text that is about to leave: which document it is and which page (None when the
    export has no pages, such as a title in an index)."""

    document: str
    page: int | None
    text: str


@dataclass(frozen=True)
class Hit:
    kind: str
    value: str
    document: str
    page: int | None
    context: str  # the words around it, so a person can judge it


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10 to 2 on the first nine digits; 11 minus
    the remainder is the tenth (11 counts as 0, and 10 means no valid number)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# The DfE's check letters for a remainder of 0 to 22 (no I, O or S).
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_check_letter(rest: str) -> str | None:
    """The check letter for the twelve characters after it, or None if they cannot be a UPN:
    each character times its position (2 to 13), summed, modulo 23. Only the last may be a
    letter (a temporary UPN), counted as its place among the check letters."""
    if len(rest) != 12 or not rest[:11].isdigit():
        return None
    last = rest[11]
    if last.isdigit():
        last_value = int(last)
    elif last in UPN_LETTERS:
        last_value = UPN_LETTERS.index(last)
    else:
        return None
    values = [int(c) for c in rest[:11]] + [last_value]
    total = sum(v * position for v, position in zip(values, range(2, 14), strict=True))
    return UPN_LETTERS[total % 23]


def upn_is_valid(upn: str) -> bool:
    return len(upn) == 13 and upn[0] == upn_check_letter(upn[1:])


_NHS = re.compile(r"(?<![\w-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-])")
_UPN = re.compile(r"(?<![\w-])([A-Z]\d{11}[0-9A-Z])(?![\w-])")
# Outward code (A9, A99, A9A, AA9, AA99, AA9A) and inward code (9AA).
_POSTCODE = re.compile(r"(?<![\w-])([A-Z]{1,2}\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})(?![\w-])")

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_BIRTH_CUE = r"(?:born(?:\s+on)?|d\.?\s?o\.?\s?b\.?|date\s+of\s+birth)"
# A date within a few words after a cue: "born on 3 May 2015", "DOB: 03/05/2015",
# "date of birth is 2015-05-03".
_DATE_OF_BIRTH = re.compile(
    rf"\b{_BIRTH_CUE}\s*[:\-–]?\s*(?:(?:is|was|on)\s+)?({_DATE})", re.IGNORECASE
)

# A capitalised word that could be part of a person's name (Mc, O', hyphens).
_NAME_WORD = r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# Words of one name are joined by single spaces: a tab or a line break is a table's next
# cell ("child by child | Tariq Hollins | Owner"), not the rest of a name.
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}"
_CHILD_NAME = re.compile(
    # "Child's name:" or "Child:" labels a form's field, whose value may sit in the next cell.
    # In running text a name follows "the child" (or "a", "this", "her" … child) on the same
    # line; "child by child Tariq Hollins" is a table's cells run together by a PDF.
    rf"(?:\b[Cc]hild(?:'s name|'s full name)?\s*:\s*"
    rf"|\b(?:[Tt]he|[Aa]|[Tt]his|[Tt]hat|[Tt]heir|[Hh]er|[Hh]is|[Oo]ur) child "
    rf"(?:named |called )?)({_NAME})"
)
_NAME_THEN_BIRTH = re.compile(
    rf"({_NAME})\s*(?:,|\(|\s)\s*(?:who\s+was\s+|aged\s+\d+\s*,?\s*)?"
    rf"(?:born\b|d\.?\s?o\.?\s?b\b|DOB\b|date\s+of\s+birth)",
    re.IGNORECASE,
)

# Capitalised words beside "child" or "born" that are the service's, not a person's.
_NOT_NAMES = frozenset(
    """
    Protection Plan Plans Conference Conferences Sexual Exploitation Criminal In Need Care
    Looked After Services Service Safeguarding Practice Review Reviews Death Health
    Development Centre Centres Trafficking Poverty Mental Abuse Neglect Board Partnership
    Team Teams Social Work Worker Workers Assessment Assessments Early Help Local Authority
    Council Police Trust Independent Reviewing Officer Officers Family Families The This
    That These Those And Or Of For With Who Was Is Are Were Has Have Had In On At To From By
    Children Child Young People Person Strategy Meeting Meetings Section Plan Order Orders
    Court Missing Sexually Abused Adolescent Mother Father Parent Parents Carer Carers
    Foster Adoption Adopted Leaving Leavers Leaver Disabled Disability Disabilities Special
    Educational Needs Unaccompanied Asylum Seeking Virtual School Schools Head Headteacher
    Named Nurse Doctor Designated Lead Manager Director January February March April May June
    July August September October November December Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday England Wales Britain United Kingdom Ofsted Anytown Northbridge
    Anyshire Not Unborn Born Date Birth Dob Number Numbers Name Names Record Records Case
    Cases Summary Report Reports Action Actions Minutes Agenda Item Items Date Dates Age
    Aged Year Years Group Groups Panel Forum Voice Views Wishes Feelings Journey Journeys
    Well Being Wellbeing Outcome Outcomes Framework Threshold Thresholds Guidance Policy
    Procedure Procedures Protocol Protocols Referral Referrals Contact Contacts Front Door
    Multi Agency Hub Mash Whose Whom Where When What Which While During After Before Each
    Every All Any Some No None Our Their His Her Its Your My We They He She It Ltd
    """.split()
)


def _is_name(words: str) -> bool:
    parts = words.split()
    return all(part.split("-")[0] not in _NOT_NAMES for part in parts)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"{before}{text[start:end]}{after}".split())


def find_in_text(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, value, start, end) for every personal detail in TEXT, in order of place."""
    found: list[tuple[str, str, int, int]] = []
    for match in _NHS.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        if nhs_number_is_valid(digits):
            found.append((NHS_NUMBER, match.group(0), match.start(), match.end()))
    for match in _UPN.finditer(text):
        if upn_is_valid(match.group(1)):
            found.append((UPN, match.group(1), match.start(), match.end()))
    for match in _DATE_OF_BIRTH.finditer(text):
        found.append((DATE_OF_BIRTH, match.group(1), match.start(1), match.end(1)))
    for match in _POSTCODE.finditer(text):
        found.append((POSTCODE, match.group(0), match.start(), match.end()))
    for pattern in (_CHILD_NAME, _NAME_THEN_BIRTH):
        for match in pattern.finditer(text):
            name = match.group(1)
            if pattern is _NAME_THEN_BIRTH:
                # The pattern is case-blind for its cue words; a name still needs capitals.
                name = _trim_to_capitalised(name)
            if name and _is_name(name):
                start = match.start(1) + match.group(1).index(name)
                found.append((NAME, name, start, start + len(name)))
    unique = {(kind, start): (kind, value, start, end) for kind, value, start, end in found}
    return sorted(unique.values(), key=lambda hit: (hit[2], hit[0]))


def _trim_to_capitalised(words: str) -> str:
    """The trailing run of capitalised words (the name just before "born")."""
    kept: list[str] = []
    for word in reversed(words.split()):
        if not re.fullmatch(_NAME_WORD, word) or word.split("-")[0] in _NOT_NAMES:
            break
        kept.append(word)
    kept.reverse()
    return " ".join(kept) if len(kept) >= 2 else ""


def scan(sources: Iterable[Source]) -> list[Hit]:
    """Every personal detail in SOURCES, each with its document and page."""
    hits = []
    for source in sources:
        for kind, value, start, end in find_in_text(source.text):
            hits.append(
                Hit(kind, value, source.document, source.page, _context(source.text, start, end))
            )
    return hits


def counts(hits: Iterable[Hit]) -> dict[str, int]:
    """How many hits of each kind, in the order of KINDS, kinds with none left out."""
    tally = {kind: 0 for kind in KINDS}
    for hit in hits:
        tally[hit.kind] += 1
    return {kind: n for kind, n in tally.items() if n}
