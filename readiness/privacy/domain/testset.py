"""A seeded set of synthetic partnership documents with children's personal details planted
in them, and the truth about every one, to measure the personal data check.

Every name, number and address is invented here: NHS numbers and UPNs are made with valid
check digits from random digits, postcodes from the shapes of the format. Beside the plants
sit look-alikes the check must leave alone: ten-digit references that fail the modulus 11
check, thirteen-character codes with a wrong check letter, meeting dates, staff named with
their jobs, and the service's own capitalised words after "child".
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .personal_data import (
    DATE_OF_BIRTH,
    NAME,
    NHS_NUMBER,
    POSTCODE,
    UPN,
    UPN_LETTERS,
    nhs_number_is_valid,
    upn_check_letter,
)

FIRST_NAMES = (
    "Aaliyah Amelia Ava Bilal Callum Chloe Connor Darius Ella Evie Farah Freya Grace Harvey "
    "Isla Jade Jayden Kacper Kai Layla Leo Liam Maisie Mason Mia Nadia Noah Olivia Oscar "
    "Priya Reuben Riley Rosa Ruby Sami Sofia Tyler Yusuf Zara Zofia Aisha Ethan Lola Finley"
).split()
SURNAMES = (
    "Ahmed Baker Brennan Carter Chowdhury Davies Dunmore Evans Fletcher Hart Hussain Jones "
    "Kowalski Lewis McAllister Morris Nowak O'Neill Okafor Patel Price Quinlan Rahman Shaw "
    "Singh Thompson Walsh Ward Whitfield Yilmaz Ashworth-Hale Begum Campbell Doyle Finch"
).split()
STAFF = ("Priya Shah", "Martin Greaves", "Helen Okoro", "David Llewellyn", "Sarah Brindley")
JOBS = ("Head of Service", "designated nurse", "IRO manager", "MASH team manager", "DCI")
STREETS = ("Hill Road", "Mill Lane", "Church Street", "Station Road", "Park View", "The Crescent")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
# The service's own words after "child", capitalised as partners write them.
SERVICE_PHRASES = (
    "Child Protection Plan",
    "Child Protection Conference",
    "Child Sexual Exploitation",
    "Child Criminal Exploitation",
    "Child in Need Plan",
    "Child Death Overview Panel",
    "Child Safeguarding Practice Review",
    "Child Development Centre",
)
FILLER = (
    "The partnership reviewed progress against the action plan and agreed next steps.",
    "Attendance at strategy meetings has improved, with police present at 94% of them.",
    "Health partners reported that initial health assessments within 20 working days rose "
    "from 61% to 78% over the year.",
    "Audit findings were shared with the quality assurance subgroup for challenge.",
    "The board noted that supervision records show reflective discussion in most cases.",
    "Thresholds guidance was refreshed with partners and launched at three briefings.",
    "Caseloads averaged 17 per worker in the assessment teams, down from 22.",
    "Young people told the Children in Care Council that they want fewer changes of worker.",
    "Early help assessments completed by schools increased by a third.",
    "The virtual school tracks the attendance of every child in care each week.",
)


@dataclass(frozen=True)
class Planted:
    kind: str
    value: str
    page: int


@dataclass(frozen=True)
class SyntheticDocument:
    name: str
    pages: tuple[str, ...]
    planted: tuple[Planted, ...]


def nhs_number(rng: random.Random) -> str:
    while True:
        digits = "".join(rng.choice("0123456789") for _ in range(9))
        for check in "0123456789":
            if nhs_number_is_valid(digits + check):
                return digits + check


def not_an_nhs_number(rng: random.Random) -> str:
    """Ten digits that fail the modulus 11 check."""
    while True:
        digits = "".join(rng.choice("0123456789") for _ in range(10))
        if not nhs_number_is_valid(digits):
            return digits


def _nhs_written(rng: random.Random, digits: str) -> str:
    style = rng.choice(("spaces", "plain", "hyphens"))
    if style == "plain":
        return digits
    sep = " " if style == "spaces" else "-"
    return f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}"


def upn(rng: random.Random) -> str:
    rest = f"{rng.randint(201, 938)}{rng.randint(1000, 9999)}{rng.randint(10, 25)}"
    rest += f"{rng.randint(0, 99):02d}"
    if rng.random() < 0.2:  # a temporary UPN ends with a letter
        rest += rng.choice(UPN_LETTERS)
    else:
        rest += str(rng.randint(0, 9))
    return upn_check_letter(rest) + rest


def not_a_upn(rng: random.Random) -> str:
    good = upn(rng)
    wrong = rng.choice([letter for letter in UPN_LETTERS if letter != good[0]])
    return wrong + good[1:]


def postcode(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUWYZ"
    inward_letters = "ABDEFGHJLNPQRSTUWXYZ"
    shape = rng.choice(("A9", "A99", "AA9", "AA99", "A9A", "AA9A"))
    outward = "".join(rng.choice(letters) if c == "A" else str(rng.randint(1, 9)) for c in shape)
    inward = f"{rng.randint(0, 9)}{rng.choice(inward_letters)}{rng.choice(inward_letters)}"
    return f"{outward} {inward}" if rng.random() < 0.9 else outward + inward


def _ordinal(day: int) -> str:
    if day in (1, 21, 31):
        return "st"
    if day in (2, 22):
        return "nd"
    if day in (3, 23):
        return "rd"
    return "th"


def birth_date(rng: random.Random) -> str:
    year, month, day = rng.randint(2006, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        (
            f"{day:02d}/{month:02d}/{year}",
            f"{day}/{month}/{year}",
            f"{day} {MONTHS[month - 1]} {year}",
            f"{day}{_ordinal(day)} {MONTHS[month - 1]} {year}",
            f"{day} {MONTHS[month - 1][:3]} {year}",
            f"{year}-{month:02d}-{day:02d}",
            f"{day}.{month}.{year % 100:02d}",
            f"{MONTHS[month - 1]} {day}, {year}",
        )
    )


def meeting_date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2009, 2026)}"


def child_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _plant(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """One paragraph about one child, and the (kind, value) pairs planted in it."""
    name, born = child_name(rng), birth_date(rng)
    nhs = _nhs_written(rng, nhs_number(rng))
    pupil = upn(rng)
    code = postcode(rng)
    house = rng.randint(1, 140)
    street = rng.choice(STREETS)
    shape = rng.randrange(8)
    if shape == 0:
        return (
            f"Child: {name} (DOB {born}). NHS number {nhs}.",
            [(NAME, name), (DATE_OF_BIRTH, born), (NHS_NUMBER, nhs)],
        )
    if shape == 1:
        return (
            f"{name}, born {born}, lives with her mother at {house} {street}, Anytown {code}.",
            [(NAME, name), (DATE_OF_BIRTH, born), (POSTCODE, code)],
        )
    if shape == 2:
        return (
            f"Child's name:\n{name}\nDate of birth: {born}\nUPN: {pupil}",
            [(NAME, name), (DATE_OF_BIRTH, born), (UPN, pupil)],
        )
    if shape == 3:
        return (
            f"The child {name} was seen at home; the health visitor recorded NHS no. {nhs}.",
            [(NAME, name), (NHS_NUMBER, nhs)],
        )
    if shape == 4:
        return (
            f"{name} (date of birth {born}) moved to {house} {street}, {code} in the spring.",
            [(NAME, name), (DATE_OF_BIRTH, born), (POSTCODE, code)],
        )
    if shape == 5:
        return (
            f"School records give the pupil's UPN as {pupil} and the family's postcode as {code}.",
            [(UPN, pupil), (POSTCODE, code)],
        )
    if shape == 6:
        return (
            f"Case summary: D.O.B. {born}; NHS {nhs}; address {house} {street} {code}.",
            [(DATE_OF_BIRTH, born), (NHS_NUMBER, nhs), (POSTCODE, code)],
        )
    return (
        f"Concerns about the child {name} were raised by the school; she was born on {born}.",
        [(NAME, name), (DATE_OF_BIRTH, born)],
    )


def _look_alike(rng: random.Random) -> str:
    """A paragraph with something that resembles personal data and is not."""
    shape = rng.randrange(9)
    if shape == 0:
        number = _nhs_written(rng, not_an_nhs_number(rng))
        return f"The contract reference is {number}; invoices quote it in full."
    if shape == 1:
        return f"The pilot's evaluation code {not_a_upn(rng)} was issued by the trust."
    if shape == 2:
        return (
            f"The meeting held on {meeting_date(rng)} reviewed every "
            f"{rng.choice(SERVICE_PHRASES)} open for more than 18 months."
        )
    if shape == 3:
        staff, job = rng.choice(STAFF), rng.choice(JOBS)
        return f"Chaired by {staff}, {job}. Minutes taken by {rng.choice(STAFF)}."
    if shape == 4:
        return (
            f"Child A and Child B were discussed at the {rng.choice(SERVICE_PHRASES)} "
            "multi-agency meeting; names are held on the case record."
        )
    if shape == 5:
        return (
            f"Call the front door on 01632 {rng.randint(100000, 999999)} or the "
            f"out-of-hours team on 0808 {rng.randint(1000000, 9999999)}."
        )
    if shape == 6:
        return (
            f"Babies born to mothers under 18 fell to {rng.randint(10, 40)} in "
            f"{rng.randint(2009, 2025)}; the Family Nurse Partnership supports each."
        )
    if shape == 7:
        return (
            f"Review due by {meeting_date(rng)}; spend of £{rng.randint(10, 990)},"
            f"{rng.randint(100, 999)} against a budget of £1.2m (ILACS 2018, NHS 111)."
        )
    phrase = rng.choice(SERVICE_PHRASES)
    return (
        f"Each child in care has a Personal Education Plan reviewed termly; the {phrase} "
        f"audit covered {rng.randint(20, 60)} children."
    )


def generate(seed: int = 14, documents: int = 300) -> list[SyntheticDocument]:
    """DOCUMENTS synthetic documents of one to four pages; the same seed gives the same set."""
    rng = random.Random(seed)
    made = []
    for number in range(1, documents + 1):
        pages, planted = [], []
        for page in range(1, rng.randint(1, 4) + 1):
            paragraphs = []
            for _ in range(rng.randint(3, 7)):
                roll = rng.random()
                if roll < 0.35:
                    text, plants = _plant(rng)
                    planted += [Planted(kind, value, page) for kind, value in plants]
                    paragraphs.append(text)
                elif roll < 0.7:
                    paragraphs.append(_look_alike(rng))
                else:
                    paragraphs.append(rng.choice(FILLER))
            pages.append("\n\n".join(paragraphs))
        made.append(SyntheticDocument(f"synthetic-{number:03d}", tuple(pages), tuple(planted)))
    return made
