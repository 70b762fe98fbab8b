from argparse import ArgumentParser

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
