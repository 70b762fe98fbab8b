"""The load test (issue 14 item 8, issue 15 item 10): 50 signed-in people for 60 s against
gunicorn on PostgreSQL with the demo's data, while a worker ingests an upload of 200 files.
Target: no errors, and the 95th percentile under 500 ms for every page and overall.

It makes its own PostgreSQL database (`readiness_load`, dropped and made again each run),
migrates it, loads the demo, and starts the production setup of docs/deploy.md on a free
loopback port: gunicorn with the documented settings (DEBUG off, a secret key generated for
the run, HTTPS behind a proxy, 3 workers for 2 cores) and one `readiness worker`. The
simulated people (bench/load_client.py: threads and `http.client`, a session each, signed
in once through the sign-in form with its CSRF token, with the header a TLS proxy adds) are
the demo's lead, reviewer, two agency contributors and viewer, ten sessions each. Each
cycles over the at-a-glance page, the grid, the evidence lists (by line, by agency, one
judgement's evidence on page 1, page 2 and filtered), a document and the action plan,
pausing 1 to 5 s between pages as a person reading them would (and a first pause of up
to 5 s, so that they do not all start at once).

Peers in the same run, before the main one: one person at a time with no pause (each page's
own cost on this machine), and the same 50 people without the upload.

    .venv/bin/python bench/load_test.py [--seconds 60] [--users 50]

Writes bench/results/load.md (a note, and exit 0, without PostgreSQL); exits 1 on a miss.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from load_client import Recorder, Session, run_user  # noqa: E402
from load_cpu import CpuSampler, children, machine_jiffies  # noqa: E402
from load_report import Ingest, Run, results_text, verdict  # noqa: E402
from machine import describe  # noqa: E402

RESULT = HERE / "results" / "load.md"
DATABASE = "readiness_load"
SERVER = os.getenv("READINESS_LOAD_PG", "postgres://postgres@127.0.0.1:5432")
FILES = 200
WEB_WORKERS = 3  # docs/deploy.md's production block, for a 2-core machine
PAUSE = (1.0, 5.0)  # seconds a person spends on a page before the next
ONE_USER_SECONDS = 15
NO_INGEST_SECONDS = 30
INGEST_GRACE_SECONDS = 90  # after the main run, how long to wait for the upload to finish
PASSWORD_OF_DEMO = "anytown-demo-2026"
# The demo's Anytown people: (username, role as shown). Sessions are dealt out in turn.
ACCOUNTS = [
    ("priya.lead", "lead"),
    ("tom.reviewer", "reviewer"),
    ("dana.police", "contributor (police)"),
    ("sam.health", "contributor (health)"),
    ("lee.viewer", "viewer"),
]
PAGES = [
    "at a glance",
    "grid",
    "evidence by line",
    "evidence by agency",
    "judgement's evidence, page 1",
    "judgement's evidence, page 2",
    "judgement's evidence, filtered",
    "a document",
    "action plan",
]


# --- the database and the processes -------------------------------------------------------


def postgres_or_none() -> str | None:
    """None when PostgreSQL answers; otherwise why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    try:
        psycopg.connect(f"{SERVER}/postgres", connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL does not answer at {SERVER}: {' '.join(str(error).split())}"
    return None


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")


def analyse_database() -> None:
    """Statistics for the planner, as autovacuum would have gathered on a service that has
    been running: straight after a bulk load it believes each table nearly empty."""
    import psycopg

    with psycopg.connect(f"{SERVER}/{DATABASE}", autocommit=True) as connection:
        connection.execute("ANALYZE")


def database_pids(connection) -> list[int]:
    """The server processes of our database's other connections (the web and task workers')."""
    rows = connection.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
        [DATABASE],
    ).fetchall()
    return [pid for (pid,) in rows]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(port: int, data_dir: Path, web_workers: int) -> dict[str, str]:
    """docs/deploy.md's production settings, on loopback, with a key made for this run."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("READINESS_")}
    env.pop("DATABASE_URL", None)
    env.update(
        DATABASE_URL=f"{SERVER}/{DATABASE}",
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        ),
        READINESS_SECRET_KEY=secrets.token_urlsafe(50),
        READINESS_DATA_DIR=str(data_dir),
        READINESS_ALLOWED_HOSTS="127.0.0.1",
        READINESS_CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{port}",
        READINESS_HTTPS="true",
        READINESS_BEHIND_PROXY="true",
        READINESS_BIND=f"127.0.0.1:{port}",
        READINESS_WEB_WORKERS=str(web_workers),
        # The demo's scans would be read by Tesseract for minutes; the upload has none.
        READINESS_OCR="off",
    )
    return env


def command(name: str) -> list[str]:
    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [sys.executable, "-m", f"readiness.{name}"]


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start (exit {process.returncode})")
        try:
            status, _, body = Session(port).get("/healthz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz within a minute")


def stop(process: subprocess.Popen | None, grace: float = 20) -> None:
    """SIGTERM (the worker finishes the file in hand), then SIGKILL after a grace."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- the upload: demo-like documents the review does not hold ------------------------------


def write_upload(folder: Path, count: int = FILES) -> list[Path]:
    """`count` documents from the demo's own generator, drawn again under another seed and
    a new title (so every file is new to the review, in the demo's mix of formats)."""
    from readiness.demo.domain.evidence_catalogue import catalogue, render_blocks
    from readiness.demo.domain.evidence_render import RENDERERS

    paths: list[Path] = []
    round_number = 2
    while len(paths) < count:
        for doc in catalogue():
            if len(paths) == count:
                break
            copied = copy.deepcopy(doc)
            copied.title = f"{doc.title} (version {round_number})"
            render_blocks(copied, "readiness-load-test")
            path = folder / f"{len(paths):03d} {copied.filename}"
            path.write_bytes(RENDERERS[copied.fmt](copied))
            paths.append(path)
        round_number += 1
    return paths


# --- what each person visits --------------------------------------------------------------


def plan_pages() -> tuple[int, dict[str, tuple[list[int], list[tuple[str, str]]]], int, dict]:
    """(review id, each account's visible documents and cycle of (page, path), the upload's
    agency id, counts). A document's path in the cycle lacks its id."""
    from django.db.models import Count
    from django.urls import reverse

    from readiness.evidence.models import Alignment, EvidenceDocument
    from readiness.evidence.queries import visible_documents
    from readiness.reviews.models import Membership, Review

    review = Review.objects.get(area="Anytown")
    cycles = {}
    for username, _ in ACCOUNTS:
        membership = Membership.objects.get(review=review, user__username=username)
        visible = visible_documents(review, membership)
        busiest = (
            Alignment.objects.filter(document__in=visible)
            .values("line_of_enquiry__judgement__key")
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        key = busiest["line_of_enquiry__judgement__key"]
        documents = list(visible.order_by("id").values_list("id", flat=True))
        judgement = reverse("evidence:judgement", args=[review.id, key])
        document_prefix = reverse("evidence:document", args=[review.id, 1]).removesuffix("1/")
        cycles[username] = (
            documents,
            [
                ("at a glance", reverse("reviews:detail", args=[review.id])),
                ("grid", reverse("assessment:grid", args=[review.id])),
                ("evidence by line", reverse("evidence:by-line", args=[review.id])),
                ("evidence by agency", reverse("evidence:by-agency", args=[review.id])),
                ("judgement's evidence, page 1", judgement),
                ("judgement's evidence, page 2", judgement + "?page=2"),
                ("judgement's evidence, filtered", judgement + "?focus=outcomes&unreviewed=on"),
                ("a document", document_prefix),
                ("action plan", reverse("actions:plan", args=[review.id])),
            ],
        )
    agency = review.agencies.get(name="Anytown Borough Council")
    counts = {
        "documents": EvidenceDocument.objects.filter(review=review).count(),
        "alignments": Alignment.objects.filter(document__review=review).count(),
    }
    return review.id, cycles, agency.id, counts


def cycle_for(
    user: int, documents: list[int], cycle: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The account's cycle, with a document of its own for this person (people spread over
    the documents they may see)."""
    document = documents[(user * 7) % len(documents)]
    return [(page, f"{path}{document}/" if page == "a document" else path) for page, path in cycle]


def sign_in(port: int, users: int) -> tuple[list[tuple[Session, str]], float]:
    """Every person's own session, signed in once (a few at a time: each sign-in hashes the
    password, which is slow on purpose)."""
    sessions: list[tuple[Session, str] | None] = [None] * users
    failures: list[str] = []
    started = time.monotonic()

    def one(index: int) -> None:
        username = ACCOUNTS[index % len(ACCOUNTS)][0]
        session = Session(port)
        try:
            session.log_in(username, PASSWORD_OF_DEMO)
        except (OSError, RuntimeError) as error:
            failures.append(f"{username}: {error}")
        sessions[index] = (session, username)

    for first in range(0, users, 6):
        batch = [
            threading.Thread(target=one, args=(i,)) for i in range(first, min(users, first + 6))
        ]
        for thread in batch:
            thread.start()
        for thread in batch:
            thread.join()
    if failures:
        raise RuntimeError("signing in failed: " + "; ".join(failures[:3]))
    return [s for s in sessions if s is not None], time.monotonic() - started


def run_phase(
    name: str,
    people: list[tuple[Session, list[tuple[str, str]]]],
    seconds: float,
    pause: tuple[float, float],
    processes,
    start=None,
    every_second=None,
) -> Run:
    """People cycle over their pages for `seconds`. `start()` runs as they begin (the
    upload), `every_second()` while they go (following the job); `processes` names our
    processes, whose CPU time is reported beside the client's and the machine's."""
    run = Run(name, len(people), seconds, pause, Recorder())
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    sampler = CpuSampler(processes, f"{SERVER}/{DATABASE}")
    machine_before = machine_jiffies()
    started = time.monotonic()
    until = started + seconds
    threads = [
        threading.Thread(
            target=run_user,
            args=(session, pages, run.recorder, until, pause, random.Random(f"{name}:{n}")),
            daemon=True,
        )
        for n, (session, pages) in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    if start is not None:
        start()
    while (now := time.monotonic()) < until:
        sampler.sample()
        if every_second is not None:
            every_second(until)
        time.sleep(max(0.0, min(1.0, until - now)))
    for thread in threads:
        thread.join()
    run.wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    run.client_cpu = (after.ru_utime + after.ru_stime) - (cpu.ru_utime + cpu.ru_stime)
    run.cpu = sampler.totals()
    busy, every = (a - b for a, b in zip(machine_jiffies(), machine_before, strict=True))
    run.machine_busy = busy / every if every else 0.0
    return run


class UploadWatch:
    """The main run's upload: sent as the lead when the people start, then followed."""

    def __init__(self, port: int, review_id: int, agency_id: int, files: list[Path]) -> None:
        self.port, self.review_id, self.agency_id, self.files = port, review_id, agency_id, files
        self.ingest = Ingest(files=len(files))
        self.job_id: int | None = None

    def start(self) -> None:
        uploader = Session(self.port)
        uploader.log_in("priya.lead", PASSWORD_OF_DEMO)
        started = time.monotonic()
        location = uploader.upload(
            f"/reviews/{self.review_id}/evidence/upload/",
            [(path.name.split(" ", 1)[1], path.read_bytes()) for path in self.files],
            {"agency": str(self.agency_id)},
        )
        self.ingest.upload_seconds = time.monotonic() - started
        self.job_id = int(re.search(r"/upload/(\d+)/$", location).group(1))

    def check(self, until: float) -> bool:
        """Read the job; True once it has ended."""
        from readiness.evidence.models import IngestJob

        job = IngestJob.objects.get(id=self.job_id)
        ingest = self.ingest
        ingest.status, ingest.done = job.status, job.done
        if job.status not in (IngestJob.DONE, IngestJob.FAILED):
            return False
        if ingest.seconds is None:
            ingest.seconds = (job.finished_at - job.created_at).total_seconds()
            ingest.within_run = time.monotonic() <= until
            ingest.added = job.report.get("added", 0)
            ingest.rejected = len(job.report.get("rejected", []))
            ingest.failure = job.failure
        return True

    def finish(self, grace: float = INGEST_GRACE_SECONDS) -> None:
        """After the run, wait a while for a job not yet done."""
        from django.db import connection

        deadline = time.monotonic() + grace
        while self.job_id is not None and not self.check(0.0) and time.monotonic() < deadline:
            time.sleep(2)
        connection.close()


def server_errors(log: Path) -> int:
    """Answers of 500 and above and workers killed, in gunicorn's log: the server's count."""
    text = log.read_text(errors="replace") if log.exists() else ""
    answers = len(re.findall(r'" 5\d\d ', text))
    return answers + text.count("WORKER TIMEOUT")


FINDINGS = """
## What was slow, and what changed (8 December 2026)

Written by hand from the profiles of that day (Django's queries by page, `EXPLAIN ANALYZE`
on PostgreSQL, cProfile, and this file's CPU lines); the tables above are the latest run.

- **Each page costs little; the machine was shared.** One person alone got every page with
  a 95th percentile of about 250 ms or less. With 50 people and the upload the web workers
  used about 27 ms of CPU a request and PostgreSQL about 8 ms: some 0.6 of a core for 16
  requests a second. What made the first runs miss the target was time waiting for a core:
  the machine's other work (other test suites) held between a quarter and four fifths of
  it in those runs (the CPU lines above say how much in this one), and the overall p95 of two
  successive runs of the same code differed sevenfold (3,043 and 416 ms).
- **The ingest took a whole core beside the pages.** The first run, with the worker at
  normal priority: p95 1,148 ms without the upload and 1,673 ms with it, the upload done in
  27 s. `readiness worker` now lowers its own priority (`READINESS_WORKER_NICE`, 10): the
  upload waits while pages are served and uses the cores when they are free.
- **The at-a-glance page read more than it shows**: every import's quality report (a line
  per corrected record) to learn the date of the latest, and every column of the documents
  linked to narratives, sorted by review and title, only to count them. Now the date alone,
  and the ids unsorted (`readiness/glance/tests/test_glance_views.py` guards both). Its 28
  queries (constant with the size of the review) and the analyses of gaps, surfeits and
  stale evidence remain its cost, 50 ms of Python and 20 to 50 ms of PostgreSQL for the
  lead: the most expensive page, and the one to cache first if a review grows much larger.
- **Evidence by agency read every column of every document** (its JSON fields decoded) to
  show four; it reads only those now (45 to 38 ms of CPU for the lead, 399 documents; a test
  guards the columns). The page still lists every document: drawing 400 rows is most of it.
- **The evidence by line and a judgement's evidence pages** already read their counts and
  ranking in a fixed number of queries (bench/results/evidence-list-speed.md); under
  `EXPLAIN ANALYZE` the slowest of their queries takes under 10 ms (a review's alignments
  are a few thousand rows), so no index was added; their Python is drawing rows. Their count
  is one aggregate of a few milliseconds, so it is not cached: a cache would show a
  reviewer stale counts just after a confirmation.
- **The first runs started all 50 people at the same instant**, so their first requests
  queued behind one another and made much of the tail (a run on a quiet machine: overall
  p95 121 ms, but p99 of 500 to 700 ms on most pages). People now start part-way through a
  page, as they would; the tables above are of that.
- **A freshly loaded database has no statistics** and PostgreSQL then plans for empty
  tables (the passages' scan ran 18 ms instead of 10). The test runs `ANALYZE` after loading
  the demo, as autovacuum would have on a running service.
"""


def header(load_at_start: tuple[float, ...], port: int, web_workers: int) -> str:
    return (
        "# Load test (issue 14 item 8, issue 15 item 10)\n\n"
        + describe()
        + f"- Load average at the start: {', '.join(f'{x:.2f}' for x in load_at_start)} "
        "(a shared machine: other work held the cores too, so the figures lean pessimistic)\n"
        f"- Server: gunicorn, {web_workers} sync workers (`readiness/gunicorn_config.py`), on "
        f"127.0.0.1:{port}, with docs/deploy.md's production settings: DEBUG off, a secret key "
        "generated for the run, `READINESS_HTTPS` and `READINESS_BEHIND_PROXY` (the client "
        "sends `X-Forwarded-Proto: https` as the proxy would), static files from WhiteNoise "
        "as documented (no collect step); one `readiness worker`; PostgreSQL "
        f"`{DATABASE}`, made afresh, with `readiness demo load` (`READINESS_OCR=off`)\n"
        "- Client: `bench/load_test.py` with `bench/load_client.py`, a thread per person "
        "and `http.client` on the same machine; each person has a session of their own, "
        "signed in once through the sign-in form with its CSRF token; ten sessions each "
        "for the demo's lead, reviewer, police contributor, health contributor and viewer. "
        "Each cycles over the pages below from a random place, after a first pause drawn like "
        "the others (people do not all click at once); a contributor sees their "
        "agency's evidence only; the judgement's evidence is the judgement with most "
        "evidence that person may see. Times run from sending the request to the last "
        "byte read; anything but a 200 is an error. Percentiles by nearest rank.\n"
    )


def skip(reason: str) -> None:
    bar = "!" * 78
    print(f"{bar}\n!! SKIPPED: {reason}\n{bar}", flush=True)
    RESULT.write_text(
        "# Load test (issue 14 item 8, issue 15 item 10)\n\n"
        + describe()
        + f"\n**Skipped**: {reason}. The load test needs PostgreSQL "
        "(docs/deploy.md); run it again where there is one.\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--files", type=int, default=FILES)
    parser.add_argument("--no-peers", action="store_true", help="only the main run")
    parser.add_argument(
        "--web-workers", type=int, default=WEB_WORKERS, help="gunicorn's, to try another"
    )
    options = parser.parse_args(argv)
    load_at_start = os.getloadavg()
    absent = postgres_or_none()
    if absent:
        skip(absent)
        return 0

    scratch = Path(tempfile.mkdtemp(prefix="readiness-load-"))
    port = free_port()
    env = production_environment(port, scratch / "data", options.web_workers)
    readiness = command("readiness")
    logs = {name: (scratch / f"{name}.log").open("w") for name in ("setup", "gunicorn", "worker")}
    started = time.monotonic()
    fresh_database()
    subprocess.run([*readiness, "migrate", "--noinput"], env=env, check=True, stdout=logs["setup"])
    demo = subprocess.Popen([*readiness, "demo", "load"], env=env, stdout=logs["setup"])
    (scratch / "upload").mkdir()
    files = write_upload(scratch / "upload", options.files)
    if demo.wait() != 0:
        raise RuntimeError(f"demo load failed: see {scratch / 'setup.log'}")
    analyse_database()
    setup_seconds = time.monotonic() - started

    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "readiness.settings"
    import django

    django.setup()
    from django.db import connection

    review_id, cycles, agency_id, before = plan_pages()
    connection.close()

    gunicorn = worker = None
    runs: list[Run] = []
    watch = UploadWatch(port, review_id, agency_id, files)
    try:
        gunicorn = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "--config",
             "python:readiness.gunicorn_config", "readiness.wsgi"],
            env=env, stdout=logs["gunicorn"], stderr=subprocess.STDOUT,
        )  # fmt: skip
        worker = subprocess.Popen(
            [*readiness, "worker", "--no-reload"],
            env=env, stdout=logs["worker"], stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_until_up(port, gunicorn)

        def processes(connection, web=gunicorn.pid, tasks=worker.pid) -> dict[str, list[int]]:
            return {
                "web workers": [web, *children(web)],
                "task worker": [tasks],
                "PostgreSQL": database_pids(connection),
            }

        sessions, signing_in = sign_in(port, options.users)
        people = [
            (session, cycle_for(n, *cycles[username]))
            for n, (session, username) in enumerate(sessions)
        ]
        if not options.no_peers:
            print("== one person, no pause", flush=True)
            runs.append(run_phase(
                "Peer: one person (the lead), no pause", people[:1], ONE_USER_SECONDS,
                (0.0, 0.0), processes,
            ))  # fmt: skip
            print(f"== {len(people)} people, no upload", flush=True)
            runs.append(run_phase(
                f"Peer: {len(people)} people, no upload", people, NO_INGEST_SECONDS, PAUSE,
                processes,
            ))  # fmt: skip
        print(f"== {len(people)} people while the worker ingests {len(files)} files", flush=True)
        runs.append(run_phase(
            f"Main: {len(people)} people while a worker ingests {len(files)} files", people,
            options.seconds, PAUSE, processes, start=watch.start, every_second=watch.check,
        ))  # fmt: skip
        watch.finish()
    finally:
        stop(gunicorn)
        stop(worker)
        for handle in logs.values():
            handle.close()
        # Keep the logs for a look afterwards; the evidence and the upload can go.
        for folder in ("data", "upload"):
            shutil.rmtree(scratch / folder, ignore_errors=True)

    ingest = watch.ingest
    missed = verdict(runs[-1], ingest, PAGES)
    logged = server_errors(scratch / "gunicorn.log")
    extra = (
        f"\n## Setting up\n\nMigrating, loading the demo ({before['documents']} documents, "
        f"{before['alignments']} alignments in Anytown's review before the upload) and "
        f"writing the {len(files)} files: {setup_seconds:.0f} s; signing in "
        f"{options.users} sessions: {signing_in:.0f} s. Answers of 500 or more, or workers "
        f"killed, in gunicorn's log: {logged}. Load average at the end: "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
        + f". Logs of this run: {scratch}.\n"
        + FINDINGS
    )
    RESULT.write_text(
        results_text(
            header(load_at_start, port, options.web_workers), runs, ingest, missed, PAGES, extra
        ),
        encoding="utf-8",
    )
    print(RESULT.read_text(), flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
