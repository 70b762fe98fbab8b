from datetime import date

from readiness.actions.domain.rules import may_add_progress, may_edit
from readiness.actions.domain.validation import ReviewFacts, check_item

FACTS = ReviewFacts(
    began=date(2026, 4, 1),
    members={1: "Priya Okonkwo-Hale"},
    usernames={"priya.lead": 1},
    agencies={7: "Anyshire Police"},
    codes=frozenset({"A9"}),
)


def test_a_good_item_has_no_problems():
    assert check_item(facts=FACTS, due_date=date(2026, 4, 1), owner_id=1, agency_id=7) == []


def test_every_problem_is_reported_with_a_clear_message():
    assert check_item(
        facts=FACTS, due_date=date(2026, 3, 31), owner_id=2, agency_id=8, code="A9"
    ) == [
        "The code A9 is already issued in this review; leave the code empty to have a new one "
        "issued.",
        "The due date 31 March 2026 is before the review began (1 April 2026).",
        "The owner 2 is not a member of this review.",
        "The agency 8 is not one of this review's agencies.",
    ]


def test_who_may_do_what():
    assert [may_edit(r) for r in ("lead", "reviewer", "contributor", "viewer")] == [
        True, True, False, False,
    ]  # fmt: skip
    # A contributor of agency 7 (user 3): their agency's items, or items they own.
    assert may_add_progress("contributor", 7, 3, 7, None) is True
    assert may_add_progress("contributor", 7, 3, 8, 3) is True
    assert may_add_progress("contributor", 7, 3, 8, 4) is False
    assert may_add_progress("contributor", None, 3, None, None) is False
    assert may_add_progress("viewer", 7, 3, 7, 3) is False
    assert may_add_progress("reviewer", None, 3, 8, 4) is True
