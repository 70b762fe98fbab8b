import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from readiness.countdown.domain.timetable import (
    CountdownError,
    as_text,
    call_today,
    england_and_wales,
)
from readiness.countdown.queries import countdown
from readiness.reviews.commands import review_or_the_only_one

BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "The inspection countdown: given the day of the call, what must be refreshed by which "
        "working day, with owners. Without --called: what if the call came today."
    )
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--review", type=int, help="Review id; may be left out when there is only one review."
        )
        parser.add_argument(
            "--called",
            help="The day of the call, YYYY-MM-DD (a working day). Default: today, or the next "
            "working day when today is not one.",
        )
        parser.add_argument(
            "--format", choices=("text", "json"), default="text", help="text (default) or json."
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            review = review_or_the_only_one(options["review"])
        except CommandError as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from None
        note = ""
        try:
            if options["called"]:
                called = _parse(str(options["called"]))
            else:
                today = timezone.localdate()
                called, note = call_today(today, england_and_wales(today))
            timetable = countdown(review, called)
        except CountdownError as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from None
        if options["format"] == "json":
            data = {"review": review.id, **timetable.as_dict()}
            if note:
                data["today"] = note
            self.stdout.write(json.dumps(data, indent=1, ensure_ascii=False))
            return
        if note:
            self.stdout.write(note)
        self.stdout.write(f"{review.name}\n" + as_text(timetable), ending="")


def _parse(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CountdownError(
            f"'{text}' is not a date: give the day of the call as YYYY-MM-DD, e.g. 2026-12-01."
        ) from None
