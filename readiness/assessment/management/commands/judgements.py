import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.assessment import exports
from readiness.assessment.queries import review_grid, review_summary
from readiness.reviews.commands import output_path_or_error, review_or_error


class Command(BaseCommand):
    help = "Export a review's judgement grid."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, help="What to do (each has its own --help)."
        )
        export = actions.add_parser("export", help="Write the grid as XLSX, CSV or JSON.")
        export.add_argument("--review", type=int, required=True, help="Review id.")
        export.add_argument(
            "--format", choices=["xlsx", "csv", "json"], default="xlsx", help="File format."
        )
        export.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args: object, action: str, **options: object) -> None:
        review = review_or_error(options["review"])
        output = output_path_or_error(str(options["output"])) if options["output"] else None
        grid = review_grid(review)
        fmt = options["format"]
        if fmt == "xlsx":
            content = exports.to_xlsx(grid, title=review.name)
            if output is None:
                raise CommandError("An XLSX export needs --output FILE.")
        elif fmt == "csv":
            content = exports.to_csv(grid)
        else:
            content = exports.to_json(grid, review_summary(review))
        if output is not None:
            output.write_bytes(content)
            self.stdout.write(f"Wrote {len(grid.rows)} judgements to {output}.")
        else:
            sys.stdout.buffer.write(content)
