from datetime import date

from readiness.glance.domain.glance import (
    ActionLine,
    CountdownLine,
    IndicatorLine,
    JudgementLine,
    NarrativeLine,
    my_work,
    next_steps,
)

LEAD = ("Lee Lead", 1)


def judgement(key="help", **kwargs):
    values = dict(key=key, title=f"Judgement {key}", kind="single", grade="Good",
                  confidence="high", confirmed=1, suggested=0, unreviewed=0)  # fmt: skip
    return JudgementLine(**{**values, **kwargs})


def action(code, overdue_days=0, owner="Pat Owner", owner_id=2):
    return ActionLine(code, f"Do {code}", owner, owner_id, "Police", date(2026, 11, 1),
                      overdue_days)  # fmt: skip


def test_steps_are_ranked_what_cannot_wait_first():
    steps = next_steps(
        [judgement("a", gaps=2, first_gap_line=7, unreviewed=4), judgement("b", grade="")],
        [IndicatorLine("amb", "Amber one", "amber", "near", "50%", "steady", (1.0, 2.0)),
         IndicatorLine("red", "Red one", "red", "far", "10%", "worse", (2.0, 1.0))],
        [NarrativeLine("n1", "Health", "Nat Writer", 3, ("too long",))],
        [action("A1", overdue_days=3), action("A2", overdue_days=10), action("A3")],
        CountdownLine(date(2026, 11, 23), date(2026, 11, 30), 4, 2, 9),
        lead=LEAD,
        stale_documents=5,
    )  # fmt: skip
    assert [(s.kind, s.ref) for s in steps] == [
        ("countdown", ""),
        ("action", "A2"),
        ("action", "A1"),
        ("gap", "7"),
        ("indicator", "red"),
        ("narrative", "n1"),
        ("ungraded", "b"),
        ("unreviewed", "a"),
        ("indicator", "amb"),
        ("stale", ""),
    ]
    assert [(s.what, s.why, s.owner) for s in steps[:4]] == [
        ("Do the 2 tasks due on the countdown", "inspectors arrive in 4 working days", "Lee Lead"),
        ("A2: Do A2", "overdue by 10 days", "Pat Owner"),
        ("A1: Do A1", "overdue by 3 days", "Pat Owner"),
        ("Find evidence for Judgement a", "2 lines of enquiry have no evidence", "Lee Lead"),
    ]


def test_a_step_with_no_owner_of_its_own_falls_to_the_lead():
    steps = next_steps([], [], [NarrativeLine("n", "T", "", None, ("x",))],
                       [action("A1", 1, owner="", owner_id=None)], None, lead=LEAD)  # fmt: skip
    assert [(s.owner, s.owner_id) for s in steps] == [("Police", 1), ("Lee Lead", 1)]


def test_my_work_is_my_steps_then_my_other_open_actions():
    actions = [action("A1", overdue_days=2), action("A2"), action("A3", owner_id=9)]
    steps = next_steps([judgement("x", grade="")], [], [], actions, None, lead=LEAD)
    mine = my_work(steps, actions, 2)
    assert [(s.ref, s.why) for s in mine] == [("A1", "overdue by 2 days"),
                                              ("A2", "due 1 November 2026")]  # fmt: skip
    assert [s.ref for s in my_work(steps, actions, 1)] == ["x"]
