"""What each role in a review may do. The one place that answers "may this person …?"."""

LEAD, REVIEWER, CONTRIBUTOR, VIEWER = "lead", "reviewer", "contributor", "viewer"

VIEW = "view"  # read the review, the grid, the risks
GRADE = "grade"  # grade judgements, write rationale, link evidence
MANAGE = "manage"  # people, agencies, phases, the framework
CONTRIBUTE = "contribute"  # supply the member's own agency's material
SEE_ALL_EVIDENCE = "see_all_evidence"  # every agency's evidence, the analyses and the index

ALLOWED: dict[str, frozenset[str]] = {
    LEAD: frozenset({VIEW, GRADE, MANAGE, CONTRIBUTE, SEE_ALL_EVIDENCE}),
    REVIEWER: frozenset({VIEW, GRADE, CONTRIBUTE, SEE_ALL_EVIDENCE}),
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
}


def may(role: str, action: str) -> bool:
    return action in ALLOWED.get(role, frozenset())


def refusal(role: str, action: str) -> str:
    return f"As {ROLE_NAMES.get(role, role)} you cannot {ACTION_NAMES.get(action, action)}."
