from django.core.management.base import BaseCommand, CommandParser

from readiness.narratives.domain.approval import current as current_version
from readiness.narratives.models import Narrative
from readiness.narratives.services import check
from readiness.reviews.commands import review_or_error

NEEDS_WORK = 1


class Command(BaseCommand):
    help = "Check narratives against the latest figures; exit status 1 when any needs work."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, help="What to do (each has its own --help)."
        )
        verify = actions.add_parser("check", help="Check each narrative's latest version.")
        verify.add_argument("--review", type=int, required=True, help="Review id.")

    def handle(self, *args: object, action: str, **options: object) -> None:
        review = review_or_error(options["review"])
        failed = 0
        for narrative in Narrative.objects.filter(review=review).prefetch_related("versions"):
            version = current_version(narrative.versions.all())
            if version is None:
                continue
            result = check(version)
            failed += not result.passed
            verdict = "passes" if result.passed else "needs work"
            self.stdout.write(f"{narrative.key}: {verdict} ({result.pages} pages)")
            for finding in result.findings:
                self.stdout.write(f"  {finding.severity}: {finding.code}: {finding.message}")
        if failed == 1:
            self.stdout.write("1 narrative needs work.")
        else:
            self.stdout.write(f"{failed} narratives need work.")
        if failed:
            # A script (or CI) running the check can stop on it, as it would on a failed test.
            raise SystemExit(NEEDS_WORK)
