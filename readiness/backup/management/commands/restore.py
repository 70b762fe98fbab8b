from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.backup.domain.manifest import BadArchive
from readiness.backup.services import RestoreRefused, restore
from readiness.lib.progress import ProgressBar
from readiness.reviews.commands import BAD_INPUT


class Command(BaseCommand):
    help = (
        "Restore a backup made by `readiness backup` into this installation, which must be "
        "empty (no people, reviews or evidence). Every hash is checked before anything is "
        "changed, and the restored tables against the backup afterwards; then the database "
        "is migrated to this version of Readiness."
    )
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="The backup archive (.tar).")

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["archive"]))
        if not path.is_file():
            raise CommandError(f"There is no backup at {path}.", returncode=BAD_INPUT)
        try:
            result = restore(path, ProgressBar("Evidence"))
        except (BadArchive, RestoreRefused) as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from error
        call_command("migrate", interactive=False, verbosity=0)
        files = result.files
        self.stdout.write(
            f"Restored the {result.manifest.engine} database of {result.manifest.created} "
            f"({result.tables} tables, {result.rows:,} rows, each as backed up) and {files} "
            f"evidence file{'' if files == 1 else 's'}, every hash checked."
        )
