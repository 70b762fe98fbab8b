import pytest

from readiness.audits.domain.aggregates import (
    AnswerRow,
    case_grade,
    rank_sums,
    shares_by_judgement,
    tally,
)

ORDER = ["outstanding", "good", "requires_improvement", "inadequate"]


def row(
    audit,
    answer,
    team="North",
    lines=("hp_assessment_and_plans",),
    domain="planning",
    scale="grade",
):
    return AnswerRow(audit, team, "Local authority", "Part 1", domain, lines, answer, scale)


def test_grades_are_counted_by_team_and_line_and_yes_no_apart():
    rows = [
        row(1, "good"),
        row(1, "inadequate", lines=("hp_front_door", "hp_assessment_and_plans")),
        row(2, "outstanding", team="South"),
        row(2, "yes", scale="yes_no"),
    ]
    teams = {t.label: (t.counts, t.share(ORDER)) for t in tally(rows, "team", ORDER)}
    assert teams == {
        "North": ({"outstanding": 0, "good": 1, "requires_improvement": 0, "inadequate": 1}, 50.0),
        "South": ({"outstanding": 1, "good": 0, "requires_improvement": 0, "inadequate": 0}, 100.0),
    }
    lines = {t.label: t.graded for t in tally(rows, "line", ORDER)}
    assert lines == {"hp_assessment_and_plans": 3, "hp_front_door": 1}


@pytest.mark.parametrize(
    ("ranks", "grade"), [([1, 1], 1), ([0, 1], 1), ([0, 3], 2), ([1, 2, 2], 2), ([0, 0, 1], 0)]
)
def test_a_cases_grade_is_its_rounded_mean_ties_to_worse(ranks, grade):
    assert case_grade(ranks) == grade


def test_the_share_good_or_better_sits_beside_the_self_grade():
    rows = [
        row(1, "good"),
        row(1, "good"),
        row(2, "requires_improvement"),
        row(2, "good"),
        row(3, "inadequate"),
        row(4, "outstanding", lines=("cic_voice_and_reviews",)),
    ]
    judgements = [
        (
            "help_and_protection",
            "Help and protection",
            ("hp_front_door", "hp_assessment_and_plans"),
        ),
        ("children_in_care", "Children in care", ("cic_voice_and_reviews",)),
        ("care_leavers", "Care leavers", ("cl_accommodation",)),
    ]
    shares = shares_by_judgement(
        rank_sums(rows, ORDER, judgements), judgements, {"help_and_protection": "Good"}
    )
    assert [(s.judgement, s.cases, s.good_or_better) for s in shares] == [
        ("help_and_protection", 3, 1),
        ("children_in_care", 1, 1),
    ]
    assert shares[0].sentence() == (
        "You graded help and protection good; 33% of 3 audited cases were good or better."
    )
    assert shares[1].sentence() == (
        "100% of 1 audited case was good or better; the self-assessment has no grade yet."
    )
