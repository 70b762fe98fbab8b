"""How fast the self-assessment grid renders for a 40-judgement framework with 50 reviews
in the database. Target: median under 100 ms. Peer measured in the same run: the grid of a
4-judgement framework (ILACS 2026), and the review overview page.

Run with `make bench` (or `.venv/bin/python bench/grid_speed.py`). Uses its own SQLite
database in a temporary folder; writes bench/results/grid-speed.md.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
# Always a fresh database: `make bench` exports the demo's data directory, and a benchmark
# must never write into a person's own data.
os.environ["READINESS_DATA_DIR"] = tempfile.mkdtemp(prefix="readiness-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "readiness.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from machine import describe  # noqa: E402

from readiness.assessment.services import update_assessment  # noqa: E402
from readiness.frameworks.domain.loader import load_framework_text  # noqa: E402
from readiness.frameworks.models import Framework, GradeLevel  # noqa: E402
from readiness.frameworks.persist import store_framework  # noqa: E402
from readiness.lib.testing.factories import UserFactory  # noqa: E402
from readiness.reviews.services import create_review  # noqa: E402

JUDGEMENTS = 40
REVIEWS = 50
RUNS = 60
TARGET_MS = 100.0


def forty_judgement_framework() -> str:
    """Four composites of nine singles each, under two headlines: 40 judgements."""
    grades = "\n".join(
        f"  - {{key: {k}, label: {k.title()}}}"
        for k in ("outstanding", "good", "adequate", "inadequate")
    )
    lines = []
    singles = [f"part_{c}_{s}" for c in range(4) for s in range(9)]
    composites = [f"area_{c}" for c in range(4)]

    def judgement(key: str, kind: str, components: list[str]) -> str:
        parts = f"    components: [{', '.join(components)}]\n" if components else ""
        limiting = f"    limiting: [{components[0]}]\n" if kind == "headline" else ""
        descriptors = ", ".join(
            f"{k}: Text." for k in ("outstanding", "good", "adequate", "inadequate")
        )
        return (
            f"  - id: {key}\n    title: Judgement {key}\n    kind: {kind}\n{parts}{limiting}"
            f"    lines_of_enquiry:\n"
            f"      - {{id: {key}_q1, question: Q1, descriptors: {{{descriptors}}}}}\n"
            f"      - {{id: {key}_q2, question: Q2, descriptors: {{{descriptors}}}}}\n"
        )

    lines.append(judgement("overall", "headline", composites))
    lines.append(judgement("capacity", "headline", composites[:2]))
    for c, composite in enumerate(composites):
        lines.append(judgement(composite, "composite", singles[c * 9 : (c + 1) * 9]))
    lines.extend(judgement(s, "single", []) for s in singles)
    text = (
        "schema: readiness-framework/1\nid: bench-40\nname: Bench framework\n"
        f"headline_guide: slac\ngrades:\n{grades}\njudgements:\n" + "".join(lines)
    )
    assert len(load_framework_text(text).judgements) == JUDGEMENTS + 2
    return text


def setup() -> tuple[Client, list[int], int]:
    call_command("migrate", verbosity=0)
    user = UserFactory(username="bench-lead")
    text = forty_judgement_framework()
    big = store_framework(load_framework_text(text), text, loaded_by=user)
    small = Framework.objects.get(slug="ilacs-2026", is_builtin=True)
    reviews = []
    for number in range(REVIEWS):
        framework = big if number % 2 == 0 else small
        review = create_review(
            name=f"Review {number}",
            area=f"Area {number}",
            framework=framework,
            lead=user,
            agencies=[f"Agency {a}" for a in range(6)],
            phases=["Part 1", "Part 2"],
        )
        grades = list(GradeLevel.objects.filter(framework=framework).order_by("rank"))
        for position, judgement in enumerate(framework.judgements.all()):
            update_assessment(
                review,
                judgement,
                user,
                via="bench",
                grade=grades[(position * 7 + number) % 3],
                rationale="Rationale " * 20,
                confidence="medium",
            )
        reviews.append(review.id)
    client = Client()
    client.force_login(user)
    return client, reviews, big.judgements.count()


def timed(client: Client, url: str) -> tuple[float, int]:
    client.get(url)  # warm
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(samples), len(queries)


def main() -> int:
    client, reviews, judgements = setup()
    big_review, small_review = reviews[0], reviews[1]
    big_ms, big_q = timed(client, f"/reviews/{big_review}/grid/")
    json_ms, json_q = timed(client, f"/reviews/{big_review}/grid.json")
    small_ms, small_q = timed(client, f"/reviews/{small_review}/grid/")
    overview_ms, overview_q = timed(client, f"/reviews/{big_review}/")
    passed = big_ms < TARGET_MS
    report = (
        "# Grid rendering speed\n\n"
        f"{describe()}"
        f"- Database: SQLite (WAL), {REVIEWS} reviews, every judgement graded; {RUNS} timed "
        "requests per page after one warm-up, through Django's test client (no network)\n\n"
        "| page | judgements | median ms | queries |\n|---|---|---|---|\n"
        f"| grid, 42-judgement framework | {judgements} | {big_ms:.1f} | {big_q} |\n"
        f"| grid JSON twin, same review | {judgements} | {json_ms:.1f} | {json_q} |\n"
        f"| grid, ILACS 2026 (peer) | 4 | {small_ms:.1f} | {small_q} |\n"
        f"| review overview (peer) | {judgements} | {overview_ms:.1f} | {overview_q} |\n\n"
        f"Target: the grid of a 40-judgement framework under {TARGET_MS:.0f} ms median: "
        f"**{'met' if passed else 'NOT met'}**. The query count is the same for 4 and "
        f"{judgements} judgements ({small_q} and {big_q}).\n"
    )
    out = HERE / "results" / "grid-speed.md"
    out.write_text(report)
    print(report)
    return 0 if passed and big_q == small_q else 1


if __name__ == "__main__":
    sys.exit(main())
