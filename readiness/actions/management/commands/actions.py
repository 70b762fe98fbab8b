"""`readiness actions`: the action plan on the command line, through the same services as
the pages."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from readiness.actions import services
from readiness.actions.domain import lists
from readiness.actions.domain.codes import CodeError
from readiness.actions.domain.rules import may_add_progress, may_edit, progress_refusal
from readiness.actions.models import ActionItem
from readiness.lib.text import spreadsheet_row
from readiness.reviews.commands import output_path_or_error, review_or_error, user_or_error
from readiness.reviews.models import Agency, Membership

COLUMNS = ("code", "kind", "status", "due", "owner", "agency", "last_progress", "text")


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"“{value}” is not a date like 2026-12-01.", returncode=2) from None


def _bad(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "List, add, update, export and import recommendations and action points."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, help="What to do (each has its own --help)."
        )
        show = actions.add_parser("list", help="List the action plan, filtered.")
        show.add_argument("--review", type=int, required=True, help="Review id.")
        show.add_argument("--owner", help="Only items this user (username) owns.")
        show.add_argument("--agency", help="Only items this agency (name) owns.")
        show.add_argument(
            "--status",
            choices=["open", *dict(ActionItem.STATUSES)],
            help="Only items with this status (open: not started or in progress).",
        )
        show.add_argument("--kind", choices=list(dict(ActionItem.KINDS)), help="Only this kind.")
        show.add_argument("--mine", help="Only the items owned by this user (username).")
        which = show.add_mutually_exclusive_group()
        which.add_argument("--overdue", action="store_true", help="Only open items past due.")
        which.add_argument(
            "--due-before-window",
            action="store_true",
            help="Only open items due before the inspection window opens.",
        )
        which.add_argument(
            "--stale-weeks", type=int, help="Only open items with no progress for N weeks."
        )
        show.add_argument(
            "--format", choices=["table", "csv", "json"], default="table", help="Output format."
        )
        show.add_argument("--today", help="Count from this date (YYYY-MM-DD), not today.")

        add = actions.add_parser("add", help="Add a recommendation or action point.")
        add.add_argument("--review", type=int, required=True, help="Review id.")
        add.add_argument("--as", dest="as_user", required=True, help="A lead or reviewer.")
        add.add_argument(
            "--kind", choices=list(dict(ActionItem.KINDS)), required=True, help="Kind."
        )
        add.add_argument("--text", required=True, help="The item's text.")
        add.add_argument("--code", default="", help="A code to keep if free (else the next).")
        add.add_argument("--rationale", default="", help="Why it is needed.")
        add.add_argument("--guidance", default="", help="Advice, one point a line.")
        add.add_argument("--owner", help="Owner's username (a member of the review).")
        add.add_argument("--agency", help="Owning agency's name.")
        add.add_argument("--due", help="Due date, YYYY-MM-DD.")

        update = actions.add_parser("update", help="Record progress and a new status.")
        update.add_argument("--review", type=int, required=True, help="Review id.")
        update.add_argument("--as", dest="as_user", required=True, help="Who reports it.")
        update.add_argument("--code", required=True, help="The item's code, e.g. A9.")
        update.add_argument(
            "--status", choices=list(dict(ActionItem.STATUSES)), required=True, help="Status now."
        )
        update.add_argument("--progress", required=True, help="What has happened.")
        update.add_argument("--reference", default="", help="Where the evidence can be seen.")

        export = actions.add_parser("export", help="Write the action plan as an XLSX workbook.")
        export.add_argument("--review", type=int, required=True, help="Review id.")
        export.add_argument("--xlsx", required=True, help="Path of the workbook to write.")

        load = actions.add_parser(
            "import", help="Add the items in a workbook; any problem and nothing changes."
        )
        load.add_argument("path", help="An .xlsx laid out like the export.")
        load.add_argument("--review", type=int, required=True, help="Review id.")
        load.add_argument("--as", dest="as_user", required=True, help="A lead or reviewer.")

    def handle(self, *args: object, action: str, **options: object) -> None:
        review = review_or_error(options["review"])
        getattr(self, "_" + action.replace("-", "_"))(review, options)

    # Sub-commands -----------------------------------------------------------------------

    def _member(self, review, username: str) -> Membership:
        user = user_or_error(username)
        membership = Membership.objects.filter(review=review, user=user).first()
        if membership is None:
            raise _bad(f"{username} is not a member of review {review.id}.")
        return membership

    def _writer(self, review, username: str) -> Membership:
        membership = self._member(review, username)
        if not may_edit(membership.role):
            role = membership.get_role_display().lower()
            article = "an" if role[0] in "aeiou" else "a"
            raise _bad(f"{username} is {article} {role}; only a lead or reviewer may change "
                       "the action plan.")  # fmt: skip
        return membership

    def _agency(self, review, name: str | None):
        if not name:
            return None
        agency = Agency.objects.filter(review=review, name__iexact=name).first()
        if agency is None:
            raise _bad(f"The agency {name} is not one of this review's agencies.")
        return agency

    def _list(self, review, options: dict) -> None:
        today = _day(options["today"]) if options["today"] else timezone.localdate()
        owner = user_or_error(options["owner"]) if options["owner"] else None
        mine = user_or_error(options["mine"]) if options["mine"] else None
        agency = self._agency(review, options["agency"])
        view = (
            lists.OVERDUE if options["overdue"]
            else lists.BEFORE_WINDOW if options["due_before_window"]
            else lists.STALE if options["stale_weeks"] is not None
            else ""
        )  # fmt: skip
        chosen = lists.ItemFilter(
            owner_id=owner.id if owner else None,
            agency_id=agency.id if agency else None,
            status=options["status"] or "",
            kind=options["kind"] or "",
            mine=mine.id if mine else None,
            view=view,
            stale_weeks=lists.DEFAULT_STALE_WEEKS
            if options["stale_weeks"] is None
            else options["stale_weeks"],
        )
        try:
            rows = lists.select(services.item_rows(review), chosen, today, review.window_starts)
        except ValueError as error:
            raise _bad(str(error)) from None
        records = [
            {
                "code": r.code, "kind": r.kind_label, "status": r.status_label,
                "due": r.due_date.isoformat() if r.due_date else "",
                "owner": r.owner_name, "agency": r.agency_name,
                "last_progress": r.last_progress.isoformat() if r.last_progress else "",
                "text": r.text, "overdue": lists.is_overdue(r, today),
            }
            for r in rows
        ]  # fmt: skip
        if options["format"] == "json":
            self.stdout.write(json.dumps(records, indent=2, ensure_ascii=False))
        elif options["format"] == "csv":
            writer = csv.writer(self.stdout, lineterminator="\n")
            writer.writerow(COLUMNS)
            for record in records:
                writer.writerow(spreadsheet_row(record[c] for c in COLUMNS))
        else:
            for record in records:
                late = " OVERDUE" if record["overdue"] else ""
                self.stdout.write(
                    f"{record['code']:<5} {record['status']:<12} {record['due'] or '-':<10}"
                    f"{late} {record['owner'] or record['agency'] or '-'}: "
                    f"{record['text'][:70]}"
                )
            self.stdout.write(f"{len(records)} item{'s' if len(records) != 1 else ''}.")

    def _add(self, review, options: dict) -> None:
        membership = self._writer(review, options["as_user"])
        owner = user_or_error(options["owner"]) if options["owner"] else None
        try:
            item = services.create_item(
                review, options["kind"], options["text"], code=options["code"],
                rationale=options["rationale"], guidance=options["guidance"], owner=owner,
                owner_agency=self._agency(review, options["agency"]),
                due_date=_day(options["due"]) if options["due"] else None,
                created_by=membership.user,
            )  # fmt: skip
        except (CodeError, services.ItemProblems) as error:
            raise _bad(str(error)) from None
        self.stdout.write(f"Added {item.code}.")

    def _update(self, review, options: dict) -> None:
        membership = self._member(review, options["as_user"])
        item = ActionItem.objects.filter(review=review, code=options["code"].upper()).first()
        if item is None:
            raise _bad(f"There is no {options['code']} in review {review.id}.")
        if not may_add_progress(membership.role, membership.agency_id, membership.user_id,
                                item.owner_agency_id, item.owner_id):  # fmt: skip
            raise _bad(progress_refusal(membership.role))
        try:
            services.add_progress(item, membership.user, options["progress"], options["status"],
                                  reference=options["reference"])  # fmt: skip
        except services.ItemProblems as error:
            raise _bad(str(error)) from None
        self.stdout.write(f"{item.code} is now {item.get_status_display().lower()}.")

    def _export(self, review, options: dict) -> None:
        path = output_path_or_error(str(options["xlsx"]))
        path.write_bytes(services.export_plan(review))
        self.stdout.write(f"Wrote the action plan of {review.name} to {path}.")

    def _import(self, review, options: dict) -> None:
        membership = self._writer(review, options["as_user"])
        path = Path(str(options["path"]))
        if not path.is_file():
            raise _bad(f"There is no file {path}.")
        try:
            created = services.import_plan(review, path.read_bytes(), membership.user)
        except services.PlanImportError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise _bad(str(error)) from None
        codes = ", ".join(i.code for i in created)
        self.stdout.write(f"Imported {len(created)} item{'s' if len(created) != 1 else ''}: "
                          f"{codes}.")  # fmt: skip
