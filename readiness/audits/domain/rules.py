"""Who may see and write which part of a case file audit."""

from __future__ import annotations

from readiness.reviews.domain.roles import CONTRIBUTOR, LEAD, REVIEWER

from .tool import AuditToolSpec, Section


def visible_sections(tool: AuditToolSpec, role: str, sector: str | None) -> list[Section]:
    """Leads and reviewers see every section; a contributor only their own agency's."""
    if role in (LEAD, REVIEWER):
        return list(tool.sections)
    if role == CONTRIBUTOR and sector:
        return [s for s in tool.sections if s.sector == sector]
    return []


def may_audit(role: str) -> bool:
    return role in (LEAD, REVIEWER)


def may_settle(role: str) -> bool:
    """Moderators are the review's lead (and reviewers who did not grade the case)."""
    return role in (LEAD, REVIEWER)


def blind_refusal(
    viewer_id: int | None, first_auditor: int | None, second_auditor: int | None,
    second_submitted: bool, first_submitted: bool, looking_at_first: bool,
) -> str | None:  # fmt: skip
    """Why VIEWER may not see this audit yet, or None. Moderation is blind: until both have
    submitted, neither auditor sees the other's grades."""
    if first_submitted and second_submitted:
        return None
    if looking_at_first and viewer_id is not None and viewer_id == second_auditor:
        return "You are moderating this case blind: its first audit opens once both are submitted."
    if not looking_at_first and viewer_id is not None and viewer_id == first_auditor:
        return "This case is being moderated blind: the second audit opens once both are submitted."
    return None
