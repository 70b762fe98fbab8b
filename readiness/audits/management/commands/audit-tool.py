"""`readiness audit-tool check FILE`: is an audit tool file fit to use?"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.audits.domain.tool import AuditToolError, load_tool_file
from readiness.audits.tools import known_lines

PROBLEMS_EXIT = 2


class Command(BaseCommand):
    help = "Check an audit tool file (YAML); print every problem; exit 2 if any."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, help="What to do.")
        check = actions.add_parser(
            "check", help="Validate an audit tool file; print every problem; exit 2 if any."
        )
        check.add_argument("file", help="The YAML file to check.")

    def handle(self, *args: object, **options: object) -> None:
        path = str(options["file"])
        try:
            spec = load_tool_file(path, known_lines())
        except AuditToolError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            count = len(error.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} in {path}.", returncode=PROBLEMS_EXIT
            ) from None
        questions = len(spec.questions())
        self.stdout.write(
            f"{path}: {spec.id} is valid: {len(spec.sections)} section"
            f"{'s' if len(spec.sections) != 1 else ''}, {questions} questions, "
            f"{len(spec.domains)} domains, on {spec.framework}."
        )
