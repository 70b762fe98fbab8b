from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.frameworks.domain.loader import FrameworkFileError, load_framework_file
from readiness.frameworks.models import Framework
from readiness.frameworks.persist import FrameworkAlreadyLoaded, store_framework
from readiness.reviews.commands import user_or_error

PROBLEMS_EXIT = 2


class Command(BaseCommand):
    help = "Check, load and list inspection frameworks (YAML files)."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, help="What to do (each has its own --help)."
        )
        check = actions.add_parser(
            "check", help="Validate a framework file; print every problem; exit 2 if any."
        )
        check.add_argument("file", help="The YAML file to check.")
        load = actions.add_parser("load", help="Check a framework file and load it.")
        load.add_argument("file", help="The YAML file to load.")
        load.add_argument(
            "--as", dest="username", required=True, help="The user who owns the framework."
        )
        actions.add_parser("list", help="List the frameworks loaded.")

    def handle(self, *args: object, action: str, **options: object) -> None:
        if action == "list":
            for framework in Framework.objects.order_by("-is_builtin", "slug"):
                origin = "shipped" if framework.is_builtin else f"loaded by {framework.loaded_by}"
                self.stdout.write(f"{framework.slug}\t{framework.name}\t({origin})")
            return
        path = str(options["file"])
        try:
            spec = load_framework_file(path)
        except FrameworkFileError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            count = len(error.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} in {path}; nothing was loaded.",
                returncode=PROBLEMS_EXIT,
            ) from None
        judgements = len(spec.judgements)
        lines = sum(len(j.lines_of_enquiry) for j in spec.judgements)
        if action == "check":
            self.stdout.write(
                f"{path}: {spec.id} is valid: {judgements} judgements, "
                f"{lines} lines of enquiry, {len(spec.grades)} grades."
            )
            return
        user = user_or_error(options["username"])
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        try:
            framework = store_framework(spec, text, builtin=False, loaded_by=user)
        except FrameworkAlreadyLoaded as error:
            raise CommandError(str(error), returncode=PROBLEMS_EXIT) from None
        self.stdout.write(
            f"Loaded {framework.slug} (id {framework.id}): {judgements} judgements, "
            f"{lines} lines of enquiry."
        )
