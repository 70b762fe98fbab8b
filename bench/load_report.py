"""The load test's figures in words (bench/load_test.py writes bench/results/load.md with
these): the runs, the upload, and whether the target was met."""

from __future__ import annotations

from dataclasses import dataclass, field

from load_client import PageFigures, Recorder

TARGET_P95_MS = 500.0


@dataclass
class Run:
    name: str
    users: int
    seconds: float
    pause: tuple[float, float]
    recorder: Recorder
    wall: float = 0.0
    client_cpu: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds by group of processes
    machine_busy: float = 0.0  # the share of all cores busy during the run, anyone's work

    @property
    def rate(self) -> float:
        done = sum(len(times) for times in self.recorder.times.values())
        return done / self.wall if self.wall else 0.0


@dataclass
class Ingest:
    files: int
    upload_seconds: float = 0.0
    status: str = "not started"
    seconds: float | None = None  # from the upload's answer to the job's end
    done: int = 0
    added: int = 0
    rejected: int = 0
    within_run: bool = False
    failure: str = ""


def cpu_line(run: Run, cores: int | None = None) -> str:
    """Who used the cores during the run: ours by group, and the rest (other work)."""
    import os

    cores = cores or os.cpu_count() or 1
    available = cores * run.wall
    ours = {**run.cpu, "the client": run.client_cpu}
    used = ", ".join(f"{group} {seconds:.1f} s" for group, seconds in ours.items())
    busy = run.machine_busy * available
    others = max(0.0, busy - sum(ours.values()))
    return (
        f"CPU over the run's {run.wall:.0f} s on {cores} cores ({available:.0f} core-seconds): "
        f"the cores were {run.machine_busy:.0%} busy; {used}; other work about {others:.0f} s."
    )


def verdict(main: Run, ingest: Ingest, pages: list[str]) -> list[str]:
    """What missed the target, in words; empty when it was met."""
    missed = []
    overall = main.recorder.overall()
    if overall.errors:
        missed.append(f"{overall.errors} errors")
    for page in main.recorder.pages(pages) + [overall]:
        if not page.p95 < TARGET_P95_MS:
            missed.append(f"{page.name}: p95 {page.p95:.0f} ms")
    if ingest.status != "done":
        missed.append(f"the upload did not finish ({ingest.status}, {ingest.done} files)")
    return missed


def table(run: Run, pages: list[str]) -> str:
    rows = [
        "| page | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|",
    ]

    def row(f: PageFigures, bold: bool = False) -> str:
        name = f"**{f.name}**" if bold else f.name
        times = " | ".join(f"{t:.0f}" for t in (f.p50, f.p95, f.p99, f.max))
        return f"| {name} | {f.count} | {f.errors} | {times} |"

    rows += [row(f) for f in run.recorder.pages(pages)]
    rows.append(row(run.recorder.overall(), bold=True))
    return "\n".join(rows)


def error_lines(run: Run) -> str:
    seen = [e for errors in run.recorder.errors.values() for e in errors]
    if not seen:
        return ""
    shown = "\n".join(f"  - {e}" for e in sorted(set(seen))[:10])
    return f"\nErrors ({len(seen)}), the first kinds:\n{shown}\n"


def results_text(
    before: str, runs: list[Run], ingest: Ingest, missed: list[str], pages: list[str], after: str
) -> str:
    main = runs[-1]
    overall = main.recorder.overall()
    target = "**met**" if not missed else "**missed**: " + "; ".join(missed)
    lines = [
        before,
        f"Target: no errors, p95 under {TARGET_P95_MS:.0f} ms for every page and overall, "
        f"with the upload finished: {target}.",
        "",
    ]
    lines.append(
        f"Main run: {main.users} people for {main.seconds:.0f} s, {overall.count} requests "
        f"({main.rate:.1f} a second), overall p95 {overall.p95:.0f} ms, {overall.errors} errors."
    )
    lines.append(
        f"The upload of {ingest.files} files: answered in {ingest.upload_seconds:.1f} s; "
        + (
            f"the worker finished it {ingest.seconds:.0f} s after it was queued "
            f"({'within' if ingest.within_run else 'after'} the run), {ingest.added} documents "
            f"added, {ingest.rejected} files refused."
            if ingest.seconds is not None
            else f"{ingest.status}, {ingest.done} files done when the wait ended."
        )
        + (f" Failure: {ingest.failure}" if ingest.failure else "")
    )
    for run in runs:
        lines += [
            "",
            f"## {run.name}",
            "",
            f"{run.users} {'person' if run.users == 1 else 'people'}, {run.seconds:.0f} s, "
            + (
                f"pausing {run.pause[0]:g}–{run.pause[1]:g} s between pages"
                if run.pause[1]
                else "no pause between pages"
            )
            + f"; {run.rate:.1f} requests a second.",
            "",
            cpu_line(run),
            "",
            table(run, pages),
            error_lines(run),
        ]
    lines.append(after)
    return "\n".join(lines).rstrip() + "\n"
