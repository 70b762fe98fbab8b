from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.backup.services import backup
from readiness.evidence.storage import DamagedFile
from readiness.lib.progress import ProgressBar
from readiness.reviews.commands import output_path_or_error


class Command(BaseCommand):
    help = (
        "Back up this installation while it runs: the database (SQLite's online backup, or "
        "pg_dump on PostgreSQL) and the evidence files, in one tar archive with a manifest of "
        "their hashes. `readiness restore` brings it back into an empty installation."
    )
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            help="Archive to write; default readiness-backup-YYYYMMDD-HHMMSS.tar here.",
        )

    def handle(self, *args: object, **options: object) -> None:
        name = options["output"] or datetime.now(UTC).strftime("readiness-backup-%Y%m%d-%H%M%S.tar")
        output = output_path_or_error(str(name))
        try:
            result = backup(Path(output), ProgressBar("Evidence"))
        except DamagedFile as error:
            raise CommandError(f"Nothing was written. {error}") from error
        manifest = result.manifest
        files = len(manifest.evidence)
        self.stdout.write(
            f"Backed up the {manifest.engine} database ({len(manifest.tables)} tables, "
            f"{manifest.rows:,} rows) and {files} evidence file{'' if files == 1 else 's'} "
            f"to {result.path} ({result.size:,} bytes)."
        )
