from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.indicators.domain.imports import KINDS, ImportFileError, as_path, files_from
from readiness.indicators.services import import_data
from readiness.reviews.commands import review_or_error, user_or_error
from readiness.reviews.domain.roles import CONTRIBUTE, may
from readiness.reviews.models import Membership


class Command(BaseCommand):
    help = "Import the data a council already holds: SSDA903, CIN census, Annex A, tables."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, help="What to do (each has its own --help)."
        )
        load = actions.add_parser("import", help="Import a file, a folder or a zip.")
        load.add_argument("path", help="The file, folder or zip to import.")
        load.add_argument("--kind", required=True, choices=KINDS, help="What the file is.")
        load.add_argument("--review", type=int, required=True, help="Review id.")
        load.add_argument("--as", dest="username", required=True, help="Who is importing.")
        load.add_argument(
            "--issues", type=int, default=20, help="How many quality issues to print."
        )

    def handle(self, *args: object, action: str, **options: object) -> None:
        review = review_or_error(options["review"])
        user = user_or_error(options["username"])
        membership = Membership.objects.filter(review=review, user=user).first()
        if membership is None or not may(membership.role, CONTRIBUTE):
            raise CommandError(f"'{user}' cannot import data into review {review.id}.")
        try:
            path = as_path(str(options["path"]))
            record = import_data(
                review, str(options["kind"]), files_from(Path(path)), user=user,
                file_name=path.name,
            )  # fmt: skip
        except ImportFileError as error:
            raise CommandError(f"{error} Nothing was imported.") from None
        self.stdout.write(record.summary)
        self.stdout.write(
            f"{record.values_stored} indicator values stored; {record.records_left_out} "
            f"records left out and {record.records_corrected} corrected (quality report "
            f"{record.id})."
        )
        for reason, count in record.quality["counts_by_reason"].items():
            self.stdout.write(f"  {count}\t{reason}")
        for issue in record.quality["issues"][: int(options["issues"])]:
            where = f"{issue['table']} row {issue['row_number']}"
            self.stdout.write(
                f"  {where}: {issue['reason']}"
                + (f" ({issue['field']}={issue['value']!r})" if issue["field"] else "")
            )
