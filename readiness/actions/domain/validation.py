"""Checks on an action item against its review, with messages a person can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ReviewFacts:
    """What a check needs to know about a review, as plain data."""

    began: date
    members: dict[int, str] = field(default_factory=dict)  # user id -> name
    usernames: dict[str, int] = field(default_factory=dict)  # username -> user id
    agencies: dict[int, str] = field(default_factory=dict)  # agency id -> name
    codes: frozenset[str] = frozenset()  # codes already issued and in use


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def check_due_date(due_date: date | None, facts: ReviewFacts) -> list[str]:
    if due_date is not None and due_date < facts.began:
        return [
            f"The due date {long_date(due_date)} is before the review began "
            f"({long_date(facts.began)})."
        ]
    return []


def check_owner(owner_id: int | None, facts: ReviewFacts, shown_as: str = "") -> list[str]:
    if owner_id is not None and owner_id not in facts.members:
        return [f"The owner {shown_as or owner_id} is not a member of this review."]
    return []


def check_agency(agency_id: int | None, facts: ReviewFacts, shown_as: str = "") -> list[str]:
    if agency_id is not None and agency_id not in facts.agencies:
        return [f"The agency {shown_as or agency_id} is not one of this review's agencies."]
    return []


def check_code(code: str, facts: ReviewFacts) -> list[str]:
    if code and code in facts.codes:
        return [
            f"The code {code} is already issued in this review; leave the code empty to "
            "have a new one issued."
        ]
    return []


def check_item(
    *,
    facts: ReviewFacts,
    due_date: date | None = None,
    owner_id: int | None = None,
    agency_id: int | None = None,
    code: str = "",
) -> list[str]:
    """Every problem with an item's due date, owner, agency and code, in that order."""
    return (
        check_code(code, facts)
        + check_due_date(due_date, facts)
        + check_owner(owner_id, facts)
        + check_agency(agency_id, facts)
    )
