"""`readiness sample draw`: a stratified sample with a recorded seed."""

from __future__ import annotations

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from readiness.casework import services
from readiness.casework.domain.caselist import LISTS
from readiness.casework.domain.sampling import parse_sizes
from readiness.reviews.commands import review_or_error, user_or_error


class Command(BaseCommand):
    help = "Draw a sample of children, stratified by list, with a seed that repeats the draw."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, help="What to do.")
        draw = actions.add_parser("draw", help="Draw and store a sample.")
        draw.add_argument("--review", type=int, required=True, help="Review id.")
        draw.add_argument("--seed", type=int, required=True, help="Any whole number; recorded.")
        draw.add_argument(
            "--size",
            required=True,
            help="How many per list, like child_protection=5,children_in_care=5 "
            f"(lists: {', '.join(LISTS)}).",
        )
        draw.add_argument("--as-of", help="Count plan lengths to this date (YYYY-MM-DD).")
        draw.add_argument("--as", dest="as_user", help="Who draws it (username).")
        draw.add_argument("--note", default="", help="Why this sample.")
        draw.add_argument(
            "--format", choices=["table", "json"], default="table", help="Output format."
        )

    def handle(self, *args: object, **options: object) -> None:
        review = review_or_error(options["review"])
        try:
            sizes = parse_sizes(str(options["size"]))
        except ValueError as error:
            raise CommandError(str(error), returncode=2) from None
        try:
            as_of = (
                date.fromisoformat(str(options["as_of"]))
                if options["as_of"]
                else timezone.localdate()
            )
        except ValueError:
            raise CommandError(
                f"“{options['as_of']}” is not a date like 2026-11-26.", returncode=2
            ) from None
        user = user_or_error(options["as_user"]) if options["as_user"] else None
        sample = services.draw(
            review, sizes, int(options["seed"]), as_of, user, str(options["note"])
        )
        drawn = list(sample.cases.select_related("case"))
        if options["format"] == "json":
            self.stdout.write(json.dumps({
                "sample": sample.id, "seed": sample.seed, "sizes": sample.sizes,
                "shortfalls": sample.shortfalls,
                "cases": [{"case_id": s.case.case_id, "list": s.stratum, "reason": s.reason}
                          for s in drawn],
            }, indent=2))  # fmt: skip
            return
        self.stdout.write(
            f"Sample {sample.id}: {len(drawn)} child{'' if len(drawn) == 1 else 'ren'}, "
            f"seed {sample.seed}."
        )
        for key, short in sample.shortfalls.items():
            self.stdout.write(
                f"  {LISTS[key]}: {short} fewer than asked for (the list is too short)."
            )
        for s in drawn:
            self.stdout.write(f"{s.position:>3}  {s.case.case_id:<14} {s.reason}")
