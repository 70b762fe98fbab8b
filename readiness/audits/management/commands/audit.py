"""`readiness audit export|import`: a review's case file audits as a workbook, and back."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from readiness.audits import services
from readiness.audits.exports import AuditImportError, audits_workbook, read_answers
from readiness.audits.models import CaseAudit
from readiness.reviews.commands import output_path_or_error, review_or_error, user_or_error


class Command(BaseCommand):
    help = "Export a review's case file audits to Excel, or import answers from one."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, help="What to do.")
        export = actions.add_parser(
            "export", help="Write the audits as a workbook (case ids only)."
        )
        export.add_argument("--review", type=int, required=True, help="Review id.")
        export.add_argument("--xlsx", required=True, help="The workbook to write.")
        load = actions.add_parser(
            "import", help="Answer audits in progress from a workbook; a bad row changes nothing."
        )
        load.add_argument("file", help="A workbook like the export's (sheet “Answers”).")
        load.add_argument("--review", type=int, required=True, help="Review id.")
        load.add_argument("--as", dest="as_user", required=True, help="Who answers (username).")

    def handle(self, *args: object, **options: object) -> None:
        review = review_or_error(options["review"])
        if options["action"] == "export":
            path = output_path_or_error(str(options["xlsx"]))
            audits = CaseAudit.objects.filter(review=review)
            path.write_bytes(audits_workbook(review, audits))
            count = audits.count()
            self.stdout.write(f"Wrote {count} audit{'' if count == 1 else 's'} to {path}.")
            return
        user = user_or_error(options["as_user"])
        source = Path(str(options["file"]))
        if not source.is_file():
            raise CommandError(f"There is no file {source}.", returncode=2)
        try:
            rows = read_answers(review, source.read_bytes())
        except AuditImportError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            count = len(error.problems)
            raise CommandError(
                f"Nothing was imported: {count} problem{'' if count == 1 else 's'}.", returncode=2
            ) from None
        changed = 0
        with transaction.atomic():
            for audit, section_id, question_id, answer, evidence in rows:
                spec = services.tool_for(audit)
                sections = [s for s in spec.sections if s.id == section_id]
                changed += services.save_answers(
                    audit, sections, {question_id: (answer, evidence)}, user
                )
        self.stdout.write(
            f"Read {len(rows)} answer{'' if len(rows) == 1 else 's'}; {changed} changed."
        )
