import os
from argparse import ArgumentParser

from django.conf import settings
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from readiness.lib.tasks import requeue_orphaned_tasks, worker_name
from readiness.lib.text import plural


class Command(DatabaseWorker):
    help = (
        "Run background work (evidence uploaded through the web, data imports, case lists, "
        "aligning the evidence again, prepared reports) from the queue in the database "
        "until stopped; run one per core, on one machine or several."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # Named after this machine and process, so a worker started later here can tell
        # that it died (readiness/lib/tasks.py).
        parser.set_defaults(worker_id=None)
        parser.add_argument(
            "--requeue-running",
            action="store_true",
            help="First put back on the queue every task marked running, whichever worker "
            "took it: only when no other worker runs anywhere (a machine lost for good).",
        )

    def handle(self, *args: object, **options: object) -> None:
        lower_priority(settings.WORKER_NICE)
        options["worker_id"] = options["worker_id"] or worker_name(get_random_string(12))
        requeued = requeue_orphaned_tasks(
            options["backend_name"], everyone=options.pop("requeue_running")
        )
        if requeued:
            self.stdout.write(
                f"Put back on the queue {plural(requeued, 'task')} "
                "left running by a worker that died."
            )
        super().handle(*args, **options)


def lower_priority(niceness: int) -> int:
    """Step this process's niceness up by `niceness` (0 to 19), so that background work on
    the web server's machine waits for the cores while pages are being served: an ingest
    takes a whole core, and people's pages slowed by half beside it under load
    (bench/results/load.md). Returns the niceness now; where it cannot be changed, as it is."""
    if not hasattr(os, "nice"):  # not on Unix
        return 0
    try:
        return os.nice(max(0, min(19, niceness)))
    except OSError:
        return os.nice(0)
