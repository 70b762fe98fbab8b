from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.assessment.services import (
    AssessmentError,
    find_grade,
    find_judgement,
    update_assessment,
)
from readiness.reviews.commands import review_or_error
from readiness.reviews.domain.roles import GRADE, may, refusal
from readiness.reviews.models import Membership


class Command(BaseCommand):
    help = "Grade a judgement of a review, as a member allowed to grade."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--review", type=int, required=True, help="Review id.")
        parser.add_argument("--judgement", required=True, help="Judgement id in the framework.")
        parser.add_argument("--grade", required=True, help="Grade key, e.g. good; '' clears it.")
        parser.add_argument("--as", dest="username", required=True, help="Who is grading.")
        parser.add_argument("--rationale", help="Rationale against the descriptors.")
        parser.add_argument("--strengths", help="Strengths.")
        parser.add_argument("--areas-for-improvement", help="Areas for improvement.")
        parser.add_argument(
            "--confidence", choices=["high", "medium", "low", ""], help="Confidence."
        )

    def handle(self, *args: object, **options: object) -> None:
        review = review_or_error(options["review"])
        user = get_user_model().objects.filter(username=options["username"]).first()
        membership = Membership.objects.filter(review=review, user=user).first()
        if user is None or membership is None:
            raise CommandError(f"'{options['username']}' is not a member of review {review.id}.")
        if not may(membership.role, GRADE):
            raise CommandError(refusal(membership.role, GRADE))
        values: dict[str, object] = {}
        try:
            judgement = find_judgement(review, str(options["judgement"]))
            values["grade"] = find_grade(review, str(options["grade"]))
            for name in ("rationale", "strengths", "areas_for_improvement", "confidence"):
                if options[name] is not None:
                    values[name] = options[name]
            changes = update_assessment(review, judgement, user, via="cli", **values)
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        if not changes:
            self.stdout.write(f"{judgement.title}: nothing changed.")
        for field, old, new in changes:
            self.stdout.write(f"{judgement.title}: {field} '{old}' → '{new}'")
