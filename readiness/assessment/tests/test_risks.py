from readiness.assessment.domain.grid import AssessmentInfo, JudgementInfo, build_grid
from readiness.assessment.domain.risks import find_risks
from readiness.assessment.tests.test_rollup import SLAC

JUDGEMENTS = [
    JudgementInfo(
        "overall",
        "Overall effectiveness",
        "headline",
        components=(("safe", True), ("health", False)),
    ),
    JudgementInfo("safe", "Children are safe", "single"),
    JudgementInfo("health", "Being healthy", "single"),
]


def risks_for(**grades):
    assessments = {
        key: AssessmentInfo(rank=rank, confidence=confidence)
        for key, (rank, confidence) in grades.items()
    }
    return [
        (r.level, r.judgement_key, r.reason)
        for r in find_risks(build_grid(SLAC, JUDGEMENTS, assessments))
    ]


def test_nothing_at_risk_when_all_is_good():
    assert risks_for(overall=(2, "high"), safe=(2, "high"), health=(2, "high")) == []


def test_an_inadequate_judgement_is_a_high_risk():
    assert (
        risks_for(
            overall=(2, "high"),
            safe=(1, "high"),
            health=(1, "medium"),
        )
        == []
    )
    assert risks_for(overall=(3, "high"), safe=(2, "high"), health=(4, "medium")) == [
        (
            "high",
            "overall",
            "Its components suggest inadequate: 1 of 2 components good, 1 inadequate "
            "→ suggested inadequate (the middle grade).",
        ),
        ("high", "health", "Graded inadequate."),
    ]


def test_adequate_with_low_confidence_could_fall():
    assert risks_for(overall=(2, "high"), safe=(2, "high"), health=(3, "low")) == [
        ("medium", "health", "Graded adequate with low confidence: it could fall to inadequate."),
    ]


def test_a_limiting_component_at_inadequate_caps_the_headline():
    assert risks_for(overall=(3, "high"), safe=(4, "high"), health=(2, "high")) == [
        (
            "high",
            "overall",
            "Its components suggest inadequate: 1 of 2 components good, 1 inadequate; "
            "'Children are safe' limits this judgement → suggested inadequate.",
        ),
        ("high", "safe", "Graded inadequate."),
        ("high", "safe", "At inadequate, it caps 'Overall effectiveness' at inadequate."),
    ]


def test_a_limiting_component_one_above_the_bottom_is_a_warning():
    assert risks_for(overall=(2, "high"), safe=(3, "high"), health=(2, "high")) == [
        (
            "medium",
            "safe",
            "One grade above inadequate: if it falls, it caps 'Overall effectiveness' at "
            "inadequate.",
        ),
    ]
