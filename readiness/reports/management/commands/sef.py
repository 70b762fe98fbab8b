from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.privacy.management.commands.privacy import refuse_unconfirmed
from readiness.privacy.models import ExportConfirmation
from readiness.reports.domain.check import ReportCheckError
from readiness.reports.domain.word import TemplateError
from readiness.reports.services import build_sef
from readiness.reviews.commands import (
    BAD_INPUT,
    default_name,
    output_path_or_error,
    review_or_the_only_one,
)


class Command(BaseCommand):
    help = (
        "Draft the ILACS self-evaluation as an editable Word document: per area, what we "
        "know about the quality and impact of practice, how we know it, what we are doing "
        "to improve."
    )
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--review", type=int, help="Review id; may be left out when there is only one review."
        )
        parser.add_argument(
            "--output",
            help="Word file (.docx) to write; default self-evaluation-AREA.docx here.",
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            review = review_or_the_only_one(options["review"])
            output = output_path_or_error(
                str(options["output"] or default_name(review, "self-evaluation", "docx"))
            )
            refuse_unconfirmed(review, ExportConfirmation.REPORT, self.stderr)
            data = build_sef(review)
        except ReportCheckError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                "The self-evaluation was not built.", returncode=BAD_INPUT
            ) from error
        except (CommandError, TemplateError) as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from error
        output.write_bytes(data)
        self.stdout.write(f"Wrote {review.area}'s self-evaluation draft to {output}.")
