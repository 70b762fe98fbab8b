"""How fast the countdown is computed for a review with 200 documents, 40 findings and 30
actions (plus 12 narratives and 8 services' impacts). Target: the countdown (its queries and
the timetable) under 100 ms median. Baseline measured in the same run: the pure timetable
function on facts already gathered, so the cost of the queries shows on its own; and the
whole page through Django's test client for comparison.

Run with `make bench` (or `.venv/bin/python bench/countdown_speed.py`). Uses its own SQLite
database in a temporary folder; writes bench/results/countdown-speed.md.
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
# Always a fresh database: `make bench` exports the demo's data directory, and a benchmark
# must never write into a person's own data.
os.environ["READINESS_DATA_DIR"] = tempfile.mkdtemp(prefix="readiness-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "readiness.settings"

import django  # noqa: E402
import time_machine  # noqa: E402

django.setup()

# The facts are dated around Christmas 2026 (actions due from 1 December, a call on
# 23 December), so the benchmark's own today is fixed too: the review "begins" on
# 26 November 2026 whatever day it runs.
time_machine.travel("2026-11-26 12:00 +00:00", tick=True).start()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from machine import describe  # noqa: E402

from readiness.countdown.domain.timetable import (  # noqa: E402
    build_timetable,
    england_and_wales,
)
from readiness.countdown.queries import countdown, gather, notice_of  # noqa: E402
from readiness.evidence.models import EvidenceDocument, Passage  # noqa: E402
from readiness.frameworks.models import Framework  # noqa: E402
from readiness.lib.testing.factories import (  # noqa: E402
    ActionItemFactory,
    FindingFactory,
    MembershipFactory,
    UserFactory,
)
from readiness.narratives.models import Narrative, NarrativeVersion, ServiceImpact  # noqa: E402
from readiness.reviews.models import Agency  # noqa: E402
from readiness.reviews.services import create_review  # noqa: E402

DOCUMENTS, FINDINGS, ACTIONS, NARRATIVES, SERVICES = 200, 40, 30, 12, 8
RUNS = 60
TARGET_MS = 100.0
CALLED = date(2026, 12, 23)  # over Christmas: bank holidays in the notice


def setup():
    call_command("migrate", verbosity=0)
    lead = UserFactory(username="bench-lead")
    framework = Framework.objects.get(slug="slac-2009", is_builtin=True)
    review = create_review(
        name="Bench review",
        area="Benchshire",
        framework=framework,
        lead=lead,
        agencies=[f"Agency {a}" for a in range(6)],
        phases=["Part 1"],
    )
    agencies = list(Agency.objects.filter(review=review))
    people = []
    for number in range(12):
        user = UserFactory(username=f"bench-{number}", first_name=f"Person{number}")
        MembershipFactory(review=review, user=user, role="contributor", agency=agencies[number % 6])
        people.append(user)
    for number in range(DOCUMENTS):
        document = EvidenceDocument.objects.create(
            review=review,
            content_hash=f"{number:064d}",
            title=f"Document {number}",
            agency=agencies[number % 6],
            document_date=date(2022, 1, 1) + timedelta(days=number * 9),
            file_type="pdf",
            size_bytes=1000,
            stored_name=f"d{number}",
            added_by=people[number % 12],
        )
        text = "Review date: October 2025" if number % 7 == 0 else "Our review of practice."
        Passage.objects.create(document=document, position=0, page=1, paragraph=1, text=text)
    for number in range(FINDINGS):
        FindingFactory(review=review, area=f"Area {number % 5}")
    statuses = ["not_started", "in_progress", "done"]
    for number in range(ACTIONS):
        ActionItemFactory(
            review=review,
            kind="recommendation" if number % 4 == 0 else "action_point",
            text=f"Action {number}",
            owner=people[number % 12],
            owner_agency=agencies[number % 6],
            due_date=date(2026, 12, 1) + timedelta(days=number * 3),
            status=statuses[number % 3],
        )
    for number in range(NARRATIVES):
        narrative = Narrative.objects.create(review=review, key=f"n{number}")
        version = NarrativeVersion.objects.create(
            narrative=narrative,
            number=1,
            title=f"Narrative {number}",
            targeted_and_why="Children waited.",
            what_we_did="We changed it.",
            impact_for_children="Now 80% are seen in 2 days, up from 50%.",
            whats_next="More; see the audit.",
            written_by=people[number % 12],
        )
        if number % 2:
            NarrativeVersion.objects.filter(pk=version.pk).update(
                written_at=timezone.now() - timedelta(days=300)
            )
    for number in range(SERVICES * 3):
        ServiceImpact.objects.create(
            review=review, service=f"Service {number % SERVICES}", text="Impact",
            indicator="lac_health_assessments" if number % 2 else "", added_by=people[number % 12],
        )  # fmt: skip
    client = Client()
    client.force_login(lead)
    return review, client


def medians_ms(functions: dict, runs: int = RUNS) -> dict[str, float]:
    """Median of each, timed in turn within every run, so a busy moment on a shared machine
    weighs on all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for function in functions.values():
        function()  # warm
    for _ in range(runs):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> int:
    review, client = setup()
    notice = notice_of(review)
    facts = gather(review, CALLED)
    calendar = england_and_wales(CALLED)

    def pure():
        return build_timetable(
            CALLED,
            notice,
            calendar,
            narratives=facts.narratives,
            documents=facts.documents,
            actions=facts.actions,
            briefs=facts.briefs,
            undated_documents=facts.undated_documents,
        )

    def whole():
        return countdown(review, CALLED)

    url = f"/reviews/{review.id}/countdown/?day=23&month=12&year=2026"

    def page():
        assert client.get(url).status_code == 200

    ms = medians_ms(
        {"pure": pure, "gather": lambda: gather(review, CALLED), "whole": whole, "page": page}
    )
    pure_ms, gather_ms, whole_ms, page_ms = ms["pure"], ms["gather"], ms["whole"], ms["page"]
    with CaptureQueriesContext(connection) as queries:
        timetable = whole()
    with CaptureQueriesContext(connection) as page_queries:
        page()
    counts = {}
    for task in timetable.tasks:
        counts[task.label] = counts.get(task.label, 0) + 1
    passed = whole_ms < TARGET_MS
    report = (
        "# Countdown speed\n\n"
        f"{describe()}"
        f"- Database: SQLite (WAL); one SLAC review with {DOCUMENTS} documents, {FINDINGS} "
        f"findings, {ACTIONS} actions (two thirds open), {NARRATIVES} narratives and "
        f"{SERVICES} services' impacts; a call on {CALLED:%d %B %Y} (Christmas in the "
        f"notice). {RUNS} timed runs of each after one warm-up, taken in turn.\n"
        f"- The timetable: {len(timetable.tasks)} items over {timetable.notice_days} working "
        f"days (" + ", ".join(f"{n} {label.lower()}" for label, n in counts.items()) + ")\n\n"
        "| what | median ms | queries |\n|---|---|---|\n"
        f"| the timetable function alone, facts gathered (baseline) | {pure_ms:.2f} | 0 |\n"
        f"| gathering the facts (queries only) | {gather_ms:.1f} | {len(queries)} |\n"
        f"| **the countdown: queries + timetable** | **{whole_ms:.1f}** | {len(queries)} |\n"
        f"| the page through the test client (for comparison) | {page_ms:.1f} | "
        f"{len(page_queries)} |\n\n"
        f"Target: the countdown under {TARGET_MS:.0f} ms median: "
        f"**{'met' if passed else 'NOT met'}**. Almost all of the time is the queries and "
        "turning rows into plain data; the timetable itself is the baseline row.\n"
    )
    out = HERE / "results" / "countdown-speed.md"
    out.write_text(report)
    print(report)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
