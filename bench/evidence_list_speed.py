"""How fast the evidence list (evidence by line of enquiry) and the other evidence list pages
answer for a review the size of the demo's (about 260 documents), for a lead and for a
partner-agency contributor: median and 95th percentile of one request through Django's test
client, and the number of queries. Issue 15 found the evidence list the slowest page under
load; this measures one request's own cost, which is what load multiplies.

Run once, gently: `nice -n 10 .venv/bin/python bench/evidence_list_speed.py [label]`. Uses
its own SQLite database in a temporary folder; prints a Markdown table (the label names the
run, e.g. "before" or "after") for bench/results/evidence-list-speed.md.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ["READINESS_DATA_DIR"] = tempfile.mkdtemp(prefix="readiness-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "readiness.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from readiness.evidence.models import Alignment, EvidenceDocument  # noqa: E402
from readiness.frameworks.models import Framework, LineOfEnquiry  # noqa: E402
from readiness.lib.testing.factories import MembershipFactory, UserFactory  # noqa: E402
from readiness.reviews.models import Agency, Membership  # noqa: E402
from readiness.reviews.services import create_review  # noqa: E402

DOCUMENTS, ALIGNMENTS_PER_DOCUMENT, RUNS = 260, 15, 30
REASON = "p.{page} ¶2: '" + "Strategy meetings were held within one working day " * 3 + "'"


def setup():
    call_command("migrate", verbosity=0)
    random.seed(15)
    lead = UserFactory(username="bench-lead")
    framework = Framework.objects.get(slug="ilacs-2026", is_builtin=True)
    review = create_review(
        name="Bench review", area="Benchshire", framework=framework, lead=lead,
        agencies=[f"Agency {a}" for a in range(6)], phases=["Part 1"],
    )  # fmt: skip
    agencies = list(Agency.objects.filter(review=review))
    contributor = UserFactory(username="bench-contributor")
    MembershipFactory(
        review=review, user=contributor, role=Membership.CONTRIBUTOR, agency=agencies[0]
    )
    lines = list(LineOfEnquiry.objects.filter(judgement__framework=framework))
    documents = EvidenceDocument.objects.bulk_create(
        EvidenceDocument(
            review=review,
            content_hash=f"{n:064x}",
            title=f"Document {n}",
            agency=agencies[n % len(agencies)],
            file_type="pdf",
            size_bytes=1000,
            stored_name="x",
            kind_label="Audit report",
            kind_score=0.8,
        )  # fmt: skip
        for n in range(DOCUMENTS)
    )
    Alignment.objects.bulk_create(
        Alignment(
            document=document,
            line_of_enquiry=line,
            confidence=random.random(),
            below_threshold=random.random() < 0.5,
            status=Alignment.CONFIRMED if random.random() < 0.1 else Alignment.SUGGESTED,
            reasons=[REASON.format(page=p) for p in range(3)],
        )  # fmt: skip
        for document in documents
        for line in random.sample(lines, min(ALIGNMENTS_PER_DOCUMENT, len(lines)))
    )
    return review, lead, contributor


def timed(client: Client, url: str) -> tuple[float, float, int]:
    client.get(url)  # warm-up
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(queries)


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "run"
    review, lead, contributor = setup()
    pages = [
        ("evidence by line", reverse("evidence:by-line", args=[review.id])),
        ("evidence by line, JSON", reverse("evidence:by-line-json", args=[review.id])),
        ("evidence by agency", reverse("evidence:by-agency", args=[review.id])),
        ("documents JSON", reverse("evidence:documents-json", args=[review.id])),
    ]
    print(f"| {label}: page | who | median ms | p95 ms | queries |")
    print("|---|---|---|---|---|")
    for who, user in (("lead", lead), ("contributor", contributor)):
        client = Client()
        client.force_login(user)
        for name, url in pages:
            median, p95, queries = timed(client, url)
            print(f"| {name} | {who} | {median:.1f} | {p95:.1f} | {queries} |")


if __name__ == "__main__":
    main()
