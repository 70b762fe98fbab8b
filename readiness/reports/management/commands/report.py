from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.privacy.management.commands.privacy import refuse_unconfirmed
from readiness.privacy.models import ExportConfirmation
from readiness.reports.domain.check import ReportCheckError
from readiness.reports.domain.word import TemplateError
from readiness.reports.services import build_report
from readiness.reviews.commands import (
    BAD_INPUT,
    default_name,
    output_path_or_error,
    review_or_the_only_one,
)


class Command(BaseCommand):
    help = (
        "Build the review's readiness report as HTML, Word or PDF; the report check runs "
        "first and nothing is written when it finds a problem (exit status 2)."
    )
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--review", type=int, help="Review id; may be left out when there is only one review."
        )
        parser.add_argument(
            "--format", required=True, choices=["html", "docx", "pdf"], help="Output format."
        )
        parser.add_argument(
            "--output",
            help="File to write; default readiness-report-AREA.FORMAT in the current directory.",
        )
        parser.add_argument(
            "--template",
            help="A Word document (.docx) whose styles the Word report uses (docx only); "
            "without it, the review's uploaded template if any.",
        )
        parser.add_argument(
            "--without-annex",
            action="store_true",
            help="Leave the evidence annex out: the copy printed for members. The file name "
            "defaults to readiness-report-for-members-AREA.FORMAT.",
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            review = review_or_the_only_one(options["review"])
        except CommandError as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from error
        output = output_path_or_error(
            str(
                options["output"]
                or default_name(
                    review,
                    "readiness-report-for-members"
                    if options["without_annex"]
                    else "readiness-report",
                    str(options["format"]),
                )
            )
        )
        template = None
        if options["template"]:
            if options["format"] != "docx":
                raise CommandError("--template applies to --format docx only.",
                                   returncode=BAD_INPUT)  # fmt: skip
            path = Path(str(options["template"]))
            if not path.is_file():
                raise CommandError(f"There is no template {path}.", returncode=BAD_INPUT)
            template = path.read_bytes()
        refuse_unconfirmed(review, ExportConfirmation.REPORT, self.stderr)
        try:
            data = build_report(
                review, str(options["format"]), template, annex=not options["without_annex"]
            )
        except ReportCheckError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"The report was not built: {len(error.problems)} problem"
                f"{'s' if len(error.problems) != 1 else ''} above.",
                returncode=BAD_INPUT,
            ) from error
        except TemplateError as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from error
        output.write_bytes(data)
        copy = " for members (no evidence annex)" if options["without_annex"] else ""
        self.stdout.write(f"Wrote {review.area}'s report{copy} to {output} ({len(data):,} bytes).")
