"""Who may write a narrative, and which version counts.

A narrative belongs to an agency or to the partnership. The lead and reviewers write any;
an agency contributor writes only their own agency's. A version counts as the narrative's
current one once a lead approved it (a lead's own versions are approved as saved); until
then it is a draft, shown as awaiting approval, and the earlier approved version stands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

WRITERS = ("lead", "reviewer")
APPROVERS = ("lead",)


class _Version(Protocol):
    awaiting_approval: bool


V = TypeVar("V", bound=_Version)


def may_write(role: str, member_agency_id: int | None, narrative_agency_id: int | None) -> bool:
    if role in WRITERS:
        return True
    if role != "contributor" or member_agency_id is None:
        return False
    return narrative_agency_id == member_agency_id


def write_refusal(role: str, agency_name: str | None) -> str:
    if role == "contributor":
        whose = f"{agency_name}'s" if agency_name else "the partnership's own"
        return (
            "As agency contributor you can write only your own agency's narratives: "
            f"this one is {whose}."
        )
    return "As viewer you cannot write narratives."


def approved_on_save(role: str) -> bool:
    return role in APPROVERS


def current(versions: Iterable[V]) -> V | None:
    """The newest approved version, from versions newest first."""
    return next((v for v in versions if not v.awaiting_approval), None)


def awaiting(versions: Iterable[V]) -> list[V]:
    """Versions newer than the current one, still waiting for a lead's approval."""
    waiting = []
    for version in versions:
        if not version.awaiting_approval:
            break
        waiting.append(version)
    return waiting
