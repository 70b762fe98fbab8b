from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.evidence.audit import audit
from readiness.privacy.models import ExportConfirmation
from readiness.privacy.services import (
    EXPORT_NAMES,
    HitsChanged,
    NotALead,
    check_export,
    confirm_export,
    describe_hit,
    plural,
)
from readiness.reviews.commands import BAD_INPUT, review_or_error, user_or_error

# Exit status when personal details wait for a lead's confirmation.
HITS_WAITING = 1


class Command(BaseCommand):
    help = (
        "The personal data check on exports: list what the evidence index, the evidence pack "
        "or the report would send out that could identify a child, and let a lead confirm it."
    )
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, help="check or confirm")
        check = actions.add_parser(
            "check",
            help="List each possible personal detail with its document and page; exit status 1 "
            "while some wait for a lead's confirmation.",
        )
        confirm = actions.add_parser(
            "confirm", help="As the review's lead, let an export leave with what it holds now."
        )
        for sub in (check, confirm):
            sub.add_argument("--review", type=int, required=True, help="Review id.")
            sub.add_argument(
                "--export",
                required=True,
                choices=list(EXPORT_NAMES),
                help="evidence-index (Word, Excel, HTML), evidence-pack (zip) or report "
                "(with the self-evaluation).",
            )
        confirm.add_argument("--as", dest="user", required=True, help="Username of a lead.")

    def handle(self, *args: object, **options: object) -> None:
        review = review_or_error(int(options["review"]))
        export = str(options["export"])
        if options["action"] == "check":
            self._check(review, export)
        else:
            self._confirm(review, export, user_or_error(options["user"]))

    def _check(self, review, export: str) -> None:
        check = check_export(review, export)
        for hit in check.hits:
            self.stdout.write(describe_hit(hit))
        found = plural(len(check.hits), "possible personal detail")
        if not check.hits:
            self.stdout.write(f"Nothing found in {check.name}.")
        elif check.confirmation:
            who = check.confirmation.confirmed_by.username
            self.stdout.write(f"{found} in {check.name}, confirmed by {who}.")
        else:
            self.stdout.write(f"{found} in {check.name}, not yet confirmed by a lead.")
            raise SystemExit(HITS_WAITING)

    def _confirm(self, review, export: str, user) -> None:
        check = check_export(review, export)
        try:
            confirm_export(review, export, user, check.fingerprint, ExportConfirmation.COMMAND_LINE)
        except (NotALead, HitsChanged) as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from error
        found = plural(len(check.hits), "possible personal detail")
        self.stdout.write(f"{user.username} confirmed {found} in {check.name}.")


def refuse_unconfirmed(review, export: str, stderr) -> None:
    """For the commands that write an export: stop (exit status 2) while personal details
    in it wait for a lead's confirmation, listing each."""
    check = check_export(review, export)
    if check.cleared:
        audit.info(
            "exported",
            extra={"review": review.id, "export": check.name,
                   "personal details confirmed": len(check.hits), "via": "command line"},
        )  # fmt: skip
        return
    for hit in check.hits:
        stderr.write(describe_hit(hit))
    raise CommandError(
        f"Nothing was written: {plural(len(check.hits), 'possible personal detail')} in "
        f"{check.name} (above) must be confirmed by a lead first: "
        f"readiness privacy confirm --review {review.id} --export {export} --as LEAD",
        returncode=BAD_INPUT,
    )
