import pytest
from django.core.management import CommandError, call_command

from readiness.assessment.models import AssessmentChange, JudgementAssessment

pytestmark = pytest.mark.django_db


def run(review, *args):
    call_command("grade", "--review", str(review.id), *args)


def test_a_reviewer_grades_from_the_command_line(review, reviewer, capsys):
    run(
        review,
        "--judgement",
        "care_leavers",
        "--grade",
        "good",
        "--as",
        "reviewer",
        "--confidence",
        "high",
    )
    assessment = JudgementAssessment.objects.get(review=review)
    assert (assessment.grade.key, assessment.confidence) == ("good", "high")
    assert capsys.readouterr().out.splitlines() == [
        "The experiences and progress of care leavers: grade '' → 'Good'",
        "The experiences and progress of care leavers: confidence '' → 'high'",
    ]
    assert set(AssessmentChange.objects.values_list("via", flat=True)) == {"cli"}


def test_an_unknown_grade_is_named_and_nothing_changes(review, lead):
    with pytest.raises(CommandError) as caught:
        run(review, "--judgement", "care_leavers", "--grade", "adequate", "--as", "lead")
    assert str(caught.value) == (
        "'adequate' is not a grade of ILACS 2026 (grades: outstanding, good, "
        "requires_improvement, inadequate)."
    )
    assert not JudgementAssessment.objects.exists()


def test_a_judgement_of_another_framework_is_named(review, lead):
    with pytest.raises(CommandError) as caught:
        run(review, "--judgement", "lac_being_healthy", "--grade", "good", "--as", "lead")
    assert str(caught.value) == (
        "'lac_being_healthy' is not a judgement of ILACS 2026, the framework of the review "
        "'Anytown test review'."
    )


def test_a_viewer_cannot_grade(review, viewer):
    with pytest.raises(CommandError) as caught:
        run(review, "--judgement", "care_leavers", "--grade", "good", "--as", "viewer")
    assert str(caught.value) == "As viewer you cannot grade judgements."
    assert not JudgementAssessment.objects.exists()


def test_an_outsider_cannot_grade(review, outsider):
    with pytest.raises(CommandError) as caught:
        run(review, "--judgement", "care_leavers", "--grade", "good", "--as", "outsider")
    assert str(caught.value) == f"'outsider' is not a member of review {review.id}."


def test_grading_a_slac_review_from_the_command_line_rolls_up(slac, tmp_path):
    import json

    from readiness.lib.testing.factories import MembershipFactory, ReviewFactory, UserFactory

    review = ReviewFactory(framework=slac)
    MembershipFactory(review=review, user=UserFactory(username="sl"), role="reviewer")
    for key, value in [
        ("lac_service_responsiveness", "good"),
        ("lac_assessment_and_direct_work", "adequate"),
        ("lac_case_planning_reviews_recording", "inadequate"),
    ]:
        run(review, "--judgement", key, "--grade", value, "--as", "sl")
    out = tmp_path / "grid.json"
    call_command(
        "judgements", "export", "--review", str(review.id), "--format", "json", "--output", str(out)
    )
    rows = {row["judgement_id"]: row for row in json.loads(out.read_text())["judgements"]}
    quality = rows["lac_quality_of_provision"]
    assert (quality["grade"], quality["suggested_grade"]) == ("", "Adequate")
    assert quality["suggestion_rule"] == (
        "1 of 3 components good, 1 adequate, 1 inadequate → suggested adequate (the middle grade)"
    )
