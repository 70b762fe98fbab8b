from readiness.assessment.services import find_grade, find_judgement, update_assessment


def grade(review, user, **grades):
    """Grade judgements by key: grade(review, lead, help_and_protection="good")."""
    for key, value in grades.items():
        update_assessment(
            review, find_judgement(review, key), user, grade=find_grade(review, value)
        )
