"""`readiness worker` lowers its own CPU priority, so an ingest yields the cores to the
pages people are waiting for (bench/results/load.md)."""

import os

import pytest

from readiness.lib.management.commands.worker import lower_priority

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="Unix niceness")


def _niceness_in_a_child(step: int) -> int:
    """The niceness a forked child reaches (this process's own stays as it was), relative
    to the parent's."""
    before = os.nice(0)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no test machinery, just the call
        os.close(reader)
        os.write(writer, str(lower_priority(step)).encode())
        os._exit(0)
    os.close(writer)
    reached = int(os.read(reader, 16))
    os.close(reader)
    os.waitpid(pid, 0)
    return reached - before


def test_the_worker_steps_its_niceness_up_by_the_setting():
    base = os.nice(0)
    assert _niceness_in_a_child(10) == min(10, 19 - base)


def test_a_step_beyond_unix_range_is_held_to_it():
    base = os.nice(0)
    assert _niceness_in_a_child(50) == 19 - base
    assert _niceness_in_a_child(-5) == 0  # never raised: that needs privilege, and is not ours


def test_ten_by_default():
    from readiness import settings as defaults

    assert defaults.WORKER_NICE == int(os.getenv("READINESS_WORKER_NICE", "10"))
