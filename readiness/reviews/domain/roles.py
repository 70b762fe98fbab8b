"""What each role in a review may do. The one place that answers "may this person …?"."""

LEAD, REVIEWER, CONTRIBUTOR, VIEWER = "lead", "reviewer", "contributor", "viewer"

VIEW = "view"  # read the review, the grid, the risks
GRADE = "grade"  # grade judgements, write rationale, link evidence
MANAGE = "manage"  # people, agencies, phases, the framework
CONTRIBUTE = "contribute"  # supply the member's own agency's material
SEE_ALL_EVIDENCE = "see_all_evidence"  # every agency's evidence, the analyses and the index
EDIT_PLAN = "edit_plan"  # write findings, recommendations, action points and milestones
APPROVE = "approve"  # approve a narrative version so that it counts as current

ALLOWED: dict[str, frozenset[str]] = {
    LEAD: frozenset({VIEW, GRADE, MANAGE, CONTRIBUTE, SEE_ALL_EVIDENCE, EDIT_PLAN, APPROVE}),
    REVIEWER: frozenset({VIEW, GRADE, CONTRIBUTE, SEE_ALL_EVIDENCE, EDIT_PLAN}),
    CONTRIBUTOR: frozenset({VIEW, CONTRIBUTE}),
    VIEWER: frozenset({VIEW, SEE_ALL_EVIDENCE}),
}

ROLE_NAMES = {
    LEAD: "review lead",
    REVIEWER: "reviewer",
    CONTRIBUTOR: "agency contributor",
    VIEWER: "viewer",
}

ACTION_NAMES = {
    VIEW: "see this review",
    GRADE: "grade judgements",
    MANAGE: "manage this review",
    CONTRIBUTE: "add material",
    SEE_ALL_EVIDENCE: "see other agencies' evidence or the partnership's analyses",
    EDIT_PLAN: "change the findings or the action plan",
    APPROVE: "approve narratives",
}

# The review's tabs, in order, and what a person must be allowed to use each one. A tab a
# role cannot use is not shown: nobody should be sent to a page that only refuses them.
TABS: tuple[tuple[str, str], ...] = (
    ("overview", VIEW),
    ("grid", VIEW),
    ("evidence", VIEW),
    ("indicators", VIEW),
    ("narratives", VIEW),
    ("findings", VIEW),
    ("plan", VIEW),
    ("countdown", VIEW),
    ("report", SEE_ALL_EVIDENCE),
    ("risks", VIEW),
    ("people", VIEW),
    ("settings", MANAGE),
)


def may(role: str, action: str) -> bool:
    return action in ALLOWED.get(role, frozenset())


def refusal(role: str, action: str) -> str:
    return f"As {ROLE_NAMES.get(role, role)} you cannot {ACTION_NAMES.get(action, action)}."


def tabs(role: str) -> dict[str, bool]:
    """Tab name → whether this role sees it."""
    return {name: may(role, action) for name, action in TABS}


def permissions(role: str) -> dict[str, bool]:
    """Action → whether this role may do it, for templates ("may.manage")."""
    return {action: may(role, action) for action in ACTION_NAMES}
