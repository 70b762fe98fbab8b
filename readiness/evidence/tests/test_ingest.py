import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readiness.evidence import storage
from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import (
    Alignment,
    DocumentSource,
    EvidenceDocument,
    Passage,
    RejectedFile,
)
from readiness.evidence.tests.factories import write_folder
from readiness.lib.testing.factories import AgencyFactory
from readiness.lib.testing.workers import empty_installation

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies(review):
    AgencyFactory(review=review, name="Anyshire Police")
    AgencyFactory(review=review, name="Anytown Borough Council")


@pytest.fixture
def folder(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    return write_folder(tmp_path / "evidence")


def test_it_ingests_a_folder(review, lead, agencies, folder):
    report = ingest_path(review, folder, user=lead)
    assert (report.seen, report.added, report.new_sources, len(report.rejected)) == (5, 3, 1, 1)
    assert report.rejected == [("Anytown Borough Council/empty.pdf", "The file is empty.")]
    titles = sorted(EvidenceDocument.objects.values_list("title", "agency__name"))
    assert [agency for _, agency in titles].count("Anyshire Police") == 1
    strategy = EvidenceDocument.objects.get(agency__name="Anyshire Police")
    assert sorted(strategy.sources.values_list("path", flat=True)) == [
        "Anyshire Police/Help and protection - front door/strategy meetings.txt",
        "Anytown Borough Council/copy of strategy meetings.txt",
    ]
    assert strategy.ordered_by_line is True
    assert storage.read(strategy.content_hash).startswith(b"Anytown strategy")
    assert Passage.objects.filter(document=strategy).count() >= 2


def test_it_aligns_documents_to_lines_of_enquiry(review, lead, agencies, folder):
    ingest_path(review, folder, user=lead)
    care = EvidenceDocument.objects.get(title__icontains="care leavers")
    best = Alignment.objects.filter(document=care).order_by("-confidence").first()
    assert best.line_of_enquiry.judgement.key == "care_leavers"
    assert best.reasons and best.reasons[0].startswith("p.1 ¶")


def test_it_classifies_minutes_as_process(review, lead, agencies, folder):
    ingest_path(review, folder, user=lead)
    minutes = EvidenceDocument.objects.get(title__icontains="minutes")
    assert (minutes.kind, minutes.focus) == ("minutes", "process")


def test_running_again_adds_nothing(review, lead, agencies, folder):
    ingest_path(review, folder, user=lead)
    counts = (
        EvidenceDocument.objects.count(),
        DocumentSource.objects.count(),
        Passage.objects.count(),
        Alignment.objects.count(),
        RejectedFile.objects.count(),
    )
    report = ingest_path(review, folder, user=lead)
    assert (report.added, report.new_sources, report.unchanged) == (0, 0, 5)
    assert counts == (
        EvidenceDocument.objects.count(),
        DocumentSource.objects.count(),
        Passage.objects.count(),
        Alignment.objects.count(),
        RejectedFile.objects.count(),
    )


def test_a_persons_decision_survives_realignment(review, lead, agencies, folder):
    from readiness.evidence.alignment import decide, realign_review

    ingest_path(review, folder, user=lead)
    alignment = Alignment.objects.order_by("-confidence").first()
    decide(alignment, lead, confirmed=False)
    realign_review(review)
    alignment.refresh_from_db()
    assert (alignment.status, alignment.decided_by) == ("rejected", lead)


def state(data_dir: Path) -> list:
    """Everything an ingest leaves in a database, without ids or times."""
    import sqlite3

    connection = sqlite3.connect(data_dir / "readiness.sqlite3")
    queries = [
        "SELECT content_hash, title, file_type, page_count, kind, focus FROM "
        "evidence_evidencedocument ORDER BY content_hash",
        "SELECT d.content_hash, s.path FROM evidence_documentsource s JOIN "
        "evidence_evidencedocument d ON d.id = s.document_id ORDER BY 1, 2",
        "SELECT d.content_hash, p.position, p.text FROM evidence_passage p JOIN "
        "evidence_evidencedocument d ON d.id = p.document_id ORDER BY 1, 2",
        "SELECT d.content_hash, l.key, round(a.confidence, 3) FROM evidence_alignment a JOIN "
        "evidence_evidencedocument d ON d.id = a.document_id JOIN "
        "frameworks_lineofenquiry l ON l.id = a.line_of_enquiry_id ORDER BY 1, 2",
        "SELECT path, reason FROM evidence_rejectedfile ORDER BY 1",
        "SELECT count(*) FROM evidence_passage_fts",
    ]
    return [connection.execute(q).fetchall() for q in queries]


def readiness(data_dir: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["READINESS_DATA_DIR"] = str(data_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "readiness", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def prepare(data_dir: Path) -> None:
    empty_installation(data_dir)
    for args in (
        (
            "shell",
            "-c",
            "from django.contrib.auth.models import User; User.objects.create_user('lead')",
        ),
        (
            "review",
            "create",
            "--name",
            "R",
            "--area",
            "A",
            "--framework",
            "ilacs-2026",
            "--lead",
            "lead",
            "--agency",
            "Anyshire Police",
            "--agency",
            "Anytown Borough Council",
        ),
    ):
        assert readiness(data_dir, *args).wait(timeout=120) == 0, args


@pytest.mark.slow
def test_killing_an_ingest_and_running_again_ends_as_one_clean_run(tmp_path):
    """A real SIGKILL part-way through, in separate processes with their own databases."""
    evidence = tmp_path / "evidence"
    write_folder(evidence)
    for number in range(40):
        (evidence / "Anytown Borough Council" / f"note {number}.txt").write_text(
            f"Note {number}: children in care have stable placements and see their IRO. " * 40
        )
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    prepare(clean)
    prepare(killed)
    ingest = ("evidence", "ingest", str(evidence), "--review", "1", "--as", "lead")
    assert readiness(clean, *ingest).wait(timeout=300) == 0
    process = readiness(killed, *ingest)
    deadline = time.time() + 120
    database = killed / "readiness.sqlite3"
    import sqlite3

    while time.time() < deadline:
        time.sleep(0.2)
        try:
            count = (
                sqlite3.connect(database)
                .execute("SELECT count(*) FROM evidence_evidencedocument")
                .fetchone()[0]
            )
        except sqlite3.OperationalError:
            continue
        if count >= 5:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = state(killed)
    assert 0 < len(partial[0]) < len(state(clean)[0])
    assert readiness(killed, *ingest).wait(timeout=300) == 0
    assert state(killed) == state(clean)


def test_a_new_version_of_a_document_is_flagged_as_a_near_duplicate(
    review, lead, tmp_path, settings
):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "versions"
    folder.mkdir()
    body = " ".join(
        f"Paragraph {n} on care leavers' pathway plans and accommodation." for n in range(60)
    )
    (folder / "offer draft.txt").write_text("Local offer, draft\n\n" + body)
    (folder / "offer final.txt").write_text("Local offer, final\n\n" + body + " Agreed.")
    report = ingest_path(review, folder, user=lead)
    assert report.near_duplicates == 1
    final = EvidenceDocument.objects.get(sources__path="offer final.txt")
    assert final.near_duplicate_of == EvidenceDocument.objects.get(sources__path="offer draft.txt")
    assert final.near_duplicate_similarity >= 0.9


def test_an_agencys_own_folder_is_not_ordering_by_line_of_enquiry(review, lead, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    AgencyFactory(review=review, name="Anytown Safeguarding Children Partnership")
    folder = tmp_path / "in" / "Anytown Safeguarding Children Partnership"
    folder.mkdir(parents=True)
    (folder / "audit.txt").write_text(
        "Multi-agency audit of children in need plans: plans now name outcomes. " * 5
    )
    ingest_path(review, tmp_path / "in", user=lead)
    document = EvidenceDocument.objects.get()
    assert (document.agency.name, document.ordered_by_line) == (
        "Anytown Safeguarding Children Partnership",
        False,
    )
