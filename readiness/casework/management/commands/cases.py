"""`readiness cases import`: a council's case list, pseudonymised, through the same service as
the page."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.casework import services
from readiness.casework.domain.annex import rows_from_annex_a
from readiness.casework.domain.caselist import CaseListError, read_case_list
from readiness.reviews.commands import review_or_error


class Command(BaseCommand):
    help = "Import the children to sample from (CSV or XLSX; case ids, never names)."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, help="What to do.")
        load = actions.add_parser("import", help="Import a case list; a bad row stores nothing.")
        load.add_argument(
            "file", help="CSV or XLSX: case id, list, team, social worker, age, start date."
        )
        load.add_argument("--review", type=int, required=True, help="Review id.")
        load.add_argument(
            "--replace", action="store_true", help="Remove cases not in the file (unless sampled)."
        )
        load.add_argument(
            "--annex-a",
            action="store_true",
            help="The file is an Annex A workbook: lists 2 and 6 to 10, ids, ages, teams only.",
        )

    def handle(self, *args: object, **options: object) -> None:
        review = review_or_error(options["review"])
        path = Path(str(options["file"]))
        if not path.is_file():
            raise CommandError(f"There is no file {path}.", returncode=2)
        try:
            if options["annex_a"]:
                rows = rows_from_annex_a(path)
            else:
                rows = read_case_list(path.read_bytes(), path.name)
        except CaseListError as error:
            for problem in error.problems:
                self.stderr.write(f"{path.name}: {problem}")
            count = len(error.problems)
            raise CommandError(
                f"Nothing was imported: {count} problem{'' if count == 1 else 's'}.", returncode=2
            ) from None
        added, updated = services.import_cases(review, rows, bool(options["replace"]))
        plural = "" if len(rows) == 1 else "s"
        self.stdout.write(f"Imported {len(rows)} case{plural}: {added} new, {updated} changed.")
