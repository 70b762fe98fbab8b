"""The `readiness` command: Django's management commands under one name.

readiness framework check FILE
readiness review create --name ... --framework ilacs-2026 --lead USER
readiness grade --review 1 --judgement help_and_protection --grade good --as USER
readiness judgements export --review 1 --format xlsx
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readiness.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["readiness", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
