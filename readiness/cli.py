"""The `readiness` command: Django's management commands under one name.

readiness framework check FILE
readiness review create --name ... --framework ilacs-2026 --lead USER
readiness grade --review 1 --judgement help_and_protection --grade good --as USER
readiness judgements export --review 1 --format xlsx

Our own commands skip Django's system checks (`requires_system_checks = []`): the checks
import every view to verify the URL configuration, which costs about a second on each call of
a command that reads a few rows. `readiness check`, `migrate` and `runserver` still run them.
"""

import os
import sys

NOT_MIGRATED_EXIT = 2

# What SQLite and PostgreSQL say when a table the command needs is not there yet.
_MISSING_TABLE = ("no such table", "does not exist")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readiness.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError

    args = ["readiness", *(sys.argv[1:] if argv is None else argv)]
    try:
        execute_from_command_line(args)
        sys.stdout.flush()  # here, so a reader gone away is caught below, not at exit
    except BrokenPipeError:
        # The reader went away (`readiness evidence gaps | head -3`): stop without a
        # traceback, and point standard output at nothing so the exit's flush is quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except (OperationalError, ProgrammingError) as error:
        if not any(words in str(error) for words in _MISSING_TABLE) or not _unmigrated():
            raise
        from django.db import connection

        sys.stderr.write(
            f"The database ({connection.settings_dict['NAME']}) has not been set up yet: "
            "run `readiness migrate` first.\n"
        )
        sys.exit(NOT_MIGRATED_EXIT)


def _unmigrated() -> bool:
    """True when migrations are waiting: a missing table is then the database's age, not a
    fault of ours, and the person needs one instruction, not a traceback."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    connection.close()  # a failed statement may have left PostgreSQL's transaction aborted
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


if __name__ == "__main__":
    main()
