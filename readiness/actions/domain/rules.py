"""Who may change what in the action plan: leads and reviewers write; an agency contributor
may add progress to items their agency (or they themselves) own; everyone else reads."""

from __future__ import annotations

WRITERS = ("lead", "reviewer")


def may_edit(role: str) -> bool:
    return role in WRITERS


def may_add_progress(
    role: str,
    member_agency_id: int | None,
    user_id: int,
    item_agency_id: int | None,
    item_owner_id: int | None,
) -> bool:
    if role in WRITERS:
        return True
    if role != "contributor":
        return False
    own_agency = member_agency_id is not None and member_agency_id == item_agency_id
    return own_agency or item_owner_id == user_id


def progress_refusal(role: str) -> str:
    if role == "contributor":
        return "As agency contributor you can add progress only to your own agency's items."
    return "As viewer you cannot add progress to the action plan."
