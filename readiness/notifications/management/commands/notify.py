from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from readiness.notifications.domain.compose import plural
from readiness.notifications.services import send_due

# One and more than one of each kind, in the order the report names them.
KIND_WORDS = {
    "requests": ("request", "requests"),
    "answers": ("answer", "answers"),
    "mentions": ("mention", "mentions"),
    "due": ("item falling due", "items falling due"),
    "digest": ("weekly digest", "weekly digests"),
}


class Command(BaseCommand):
    help = (
        "Send the e-mails that are due: new requests for evidence to the agency's "
        "contributors, their answers to whoever asked, mentions, action items falling due, "
        "and the weekly digest. Each "
        "e-mail goes once, however often this runs (cron every 15 minutes is fine)."
    )
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be sent, and send and record nothing.",
        )

    def handle(self, *args: object, **options: object) -> None:
        dry_run = bool(options["dry_run"])
        report = send_due(timezone.localdate(), dry_run=dry_run)
        kinds = report.by_kind()
        detail = ", ".join(
            f"{kinds[k]} {KIND_WORDS[k][kinds[k] != 1]}" for k in KIND_WORDS if kinds[k]
        )
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {plural(len(report.sent), 'e-mail')}{': ' + detail if detail else ''}."
        )
        if dry_run:
            for out in report.sent:
                self.stdout.write(f"  to {out.recipient.email} [{out.kind}] {out.subject}")
        if report.no_address:
            n = report.no_address
            who = (
                "1 person with something due has"
                if n == 1
                else f"{n} people with something due have"
            )
            self.stdout.write(f"{who} no e-mail address.")
        for out, error in report.failed:
            self.stderr.write(f"Not sent to {out.recipient.email} ({out.key}): {error}")
        if report.failed:
            raise SystemExit(1)
