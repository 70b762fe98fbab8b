"""Background work: what `readiness worker` adds to django-tasks' database worker.

The library claims a task by marking it "running" with the worker's id and never looks at
it again: a worker killed in the middle (SIGKILL, a lost machine, the out-of-memory killer)
leaves its task "running" for ever. So each worker is named after its machine and process,
and a worker starting on a machine puts back on the queue the tasks left running by a
worker of that machine which is no longer alive (or whose process number it now has: a
restarted container). Tasks must therefore be safe to run again from the start; evidence
ingest is (evidence/jobs.py), going on from its last whole file.
"""

from __future__ import annotations

import os
import socket

from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def worker_name(suffix: str) -> str:
    """host:pid:suffix, within the library's 64 characters."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{suffix[:16]}"


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def _died_here(worker_id: str) -> bool:
    host, _, rest = worker_id.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname()[:30] or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    return pid == os.getpid() or not _is_alive(pid)


def requeue_orphaned_tasks(backend_name: str, *, everyone: bool = False) -> int:
    """Put back on the queue the tasks a dead worker of this machine left running (or, when
    told that no worker runs anywhere, every task marked running)."""
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, backend_name=backend_name
        )
        orphaned = [
            result.id
            for result in running
            if everyone or (result.worker_ids and _died_here(result.worker_ids[-1]))
        ]
        DBTaskResult.objects.filter(id__in=orphaned).update(
            status=TaskResultStatus.READY, started_at=None
        )
    return len(orphaned)
