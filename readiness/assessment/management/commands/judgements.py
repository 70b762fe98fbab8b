import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.assessment import exports
from readiness.assessment.queries import review_grid, review_summary
from readiness.reviews.commands import review_or_error


class Command(BaseCommand):
    help = "Export a review's judgement grid."

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
        grid = review_grid(review)
        fmt = options["format"]
        if fmt == "xlsx":
            content = exports.to_xlsx(grid, title=review.name)
            if not options["output"]:
                raise CommandError("An XLSX export needs --output FILE.")
        elif fmt == "csv":
            content = exports.to_csv(grid)
        else:
            content = exports.to_json(grid, review_summary(review))
        if options["output"]:
            Path(str(options["output"])).write_bytes(content)
            self.stdout.write(f"Wrote {len(grid.rows)} judgements to {options['output']}.")
        else:
            sys.stdout.buffer.write(content)
