from django.core.management.base import BaseCommand, CommandParser

from readiness.indicators.queries import review_indicators
from readiness.reviews.commands import review_or_error


class Command(BaseCommand):
    help = "List a review's indicators: latest figure, rating and trend in words."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--review", type=int, required=True, help="Review id.")
        parser.add_argument(
            "--all", action="store_true", help="Include indicators without data yet."
        )

    def handle(self, *args: object, **options: object) -> None:
        review = review_or_error(options["review"])
        for view in review_indicators(review):
            if not view.series and not options["all"]:
                continue
            latest = view.latest
            figure = (
                f"{latest.period_label}: {latest.value:g}"
                if latest and latest.value is not None
                else "no data"
            )
            self.stdout.write(f"{view.definition.id}\t{figure}\t{view.rag.status}")
            self.stdout.write(f"  {view.trend.words}")
