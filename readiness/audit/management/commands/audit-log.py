from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from readiness.audit.services import prune, retention_days


class Command(BaseCommand):
    help = (
        "The audit log. `prune` deletes events older than READINESS_AUDIT_RETENTION_DAYS "
        "(run it daily, from cron or a systemd timer)."
    )
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, help="prune")
        actions.add_parser("prune", help="Delete events older than the retention period.")

    def handle(self, *args: object, **options: object) -> None:
        deleted = prune(timezone.now())
        days = retention_days()
        self.stdout.write(
            f"Deleted {deleted} audit event{'' if deleted == 1 else 's'} older than {days} "
            f"day{'' if days == 1 else 's'}."
        )
