from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.frameworks.models import Framework
from readiness.reviews.commands import review_or_error, user_or_error
from readiness.reviews.models import Agency, Membership, Review
from readiness.reviews.services import ReviewError, add_phase, create_review


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"'{text}' is not a date: write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Open readiness reviews and manage their people, agencies and phases."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, help="What to do (each has its own --help)."
        )
        create = actions.add_parser("create", help="Open a review; the lead is its first member.")
        create.add_argument("--name", required=True, help="Name of the review.")
        create.add_argument("--area", required=True, help="Local authority area.")
        create.add_argument("--framework", required=True, help="Framework id, e.g. ilacs-2026.")
        create.add_argument("--lead", required=True, help="Username of the review lead.")
        create.add_argument("--agency", action="append", default=[], help="A partner agency.")
        create.add_argument("--phase", action="append", default=[], help="A phase, in order.")
        create.add_argument("--window-starts", help="Inspection expected from (YYYY-MM-DD).")
        create.add_argument("--window-ends", help="Inspection expected by (YYYY-MM-DD).")
        actions.add_parser("list", help="List reviews.")
        member = actions.add_parser("add-member", help="Give a person a role in a review.")
        member.add_argument("--review", type=int, required=True, help="Review id.")
        member.add_argument("--user", required=True, help="Username.")
        member.add_argument(
            "--role", required=True, choices=[r for r, _ in Membership.ROLES], help="Role."
        )
        member.add_argument("--agency", help="Agency name (required for a contributor).")
        phase = actions.add_parser("add-phase", help="Add a phase to a review.")
        phase.add_argument("--review", type=int, required=True, help="Review id.")
        phase.add_argument("--name", required=True, help="Name of the phase.")
        # issue 14: moving a review between installations (readiness/transfer).
        export = actions.add_parser(
            "export", help="Write a whole review, its evidence files included, to one archive."
        )
        export.add_argument("--review", type=int, required=True, help="Review id.")
        export.add_argument("--output", required=True, help="Archive to write (.tar).")
        imported = actions.add_parser(
            "import", help="Bring a review exported elsewhere into this installation."
        )
        imported.add_argument("archive", help="An archive written by `readiness review export`.")
        imported.add_argument("--name", help="A new name for the review (default: as exported).")

    def handle(self, *args: object, action: str, **options: object) -> None:
        getattr(self, "handle_" + action.replace("-", "_"))(**options)

    def handle_create(self, **options: object) -> None:
        framework = Framework.objects.filter(slug=options["framework"]).order_by("-is_builtin")
        if not framework.exists():
            known = ", ".join(Framework.objects.values_list("slug", flat=True))
            raise CommandError(f"No framework '{options['framework']}' (known: {known}).")
        try:
            review = create_review(
                name=str(options["name"]),
                area=str(options["area"]),
                framework=framework.first(),
                lead=user_or_error(str(options["lead"])),
                agencies=list(options["agency"]),
                phases=list(options["phase"]),
                window_starts=_date(options["window_starts"]) if options["window_starts"] else None,
                window_ends=_date(options["window_ends"]) if options["window_ends"] else None,
            )
        except ReviewError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Opened review {review.id}: {review.name} ({review.framework.slug}).")

    def handle_list(self, **options: object) -> None:
        for review in Review.objects.select_related("framework").order_by("id"):
            self.stdout.write(f"{review.id}\t{review.area}\t{review.name}\t{review.framework.slug}")

    def handle_add_member(self, **options: object) -> None:
        review = review_or_error(int(options["review"]))
        user = user_or_error(str(options["user"]))
        agency = None
        if options["agency"]:
            agency = Agency.objects.filter(review=review, name=options["agency"]).first()
            if agency is None:
                raise CommandError(f"No agency '{options['agency']}' in review {review.id}.")
        if options["role"] == Membership.CONTRIBUTOR and agency is None:
            raise CommandError("An agency contributor needs --agency.")
        if Membership.objects.filter(review=review, user=user).exists():
            raise CommandError(f"'{user}' is already a member of review {review.id}.")
        Membership.objects.create(review=review, user=user, role=options["role"], agency=agency)
        self.stdout.write(f"Added {user} to review {review.id} as {options['role']}.")

    def handle_add_phase(self, **options: object) -> None:
        phase = add_phase(review_or_error(int(options["review"])), str(options["name"]))
        self.stdout.write(f"Added phase {phase.position}: {phase.name}.")

    def handle_export(self, **options: object) -> None:
        from readiness.evidence.storage import DamagedFile
        from readiness.reviews.commands import output_path_or_error
        from readiness.transfer.services import export_to

        review = review_or_error(int(options["review"]))
        output = output_path_or_error(str(options["output"]))
        try:
            size = export_to(review, output)
        except DamagedFile as error:
            raise CommandError(f"Nothing was written. {error}") from error
        self.stdout.write(f"Exported {review.name} to {output} ({size:,} bytes).")

    def handle_import(self, **options: object) -> None:
        from pathlib import Path

        from readiness.reviews.commands import BAD_INPUT
        from readiness.transfer.services import ImportRefused, import_review

        path = Path(str(options["archive"]))
        if not path.is_file():
            raise CommandError(f"There is no archive at {path}.", returncode=BAD_INPUT)
        try:
            review = import_review(path.read_bytes(), options["name"])
        except ImportRefused as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from error
        self.stdout.write(f"Imported {review.name} as review {review.id}.")
