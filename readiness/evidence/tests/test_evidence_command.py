import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from readiness.evidence.models import EvidenceDocument
from readiness.evidence.tests.factories import write_folder
from readiness.lib.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path, settings, review, police):
    settings.DATA_DIR = tmp_path / "data"
    AgencyFactory(review=review, name="Anytown Borough Council")
    return write_folder(tmp_path / "evidence")


def test_ingest_reports_what_it_did(review, lead, folder, capsys):
    call_command("evidence", "ingest", str(folder), "--review", str(review.id), "--as", "lead")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "rejected: Anytown Borough Council/empty.pdf: The file is empty."
    assert out[1].startswith(
        "5 files: 3 added, 1 already held (new source recorded), "
        "0 unchanged, 1 rejected, 0 need OCR"
    )
    assert EvidenceDocument.objects.count() == 3


def test_a_contributors_files_are_their_agencys(review, contributor, police, folder):
    call_command(
        "evidence", "ingest", str(folder), "--review", str(review.id), "--as", "contributor"
    )
    assert set(EvidenceDocument.objects.values_list("agency__name", flat=True)) == {
        "Anyshire Police"
    }


def test_a_viewer_cannot_ingest(review, viewer, folder):
    with pytest.raises(CommandError) as caught:
        call_command(
            "evidence", "ingest", str(folder), "--review", str(review.id), "--as", "viewer"
        )
    assert str(caught.value) == f"'viewer' cannot add evidence to review {review.id}."
    assert not EvidenceDocument.objects.exists()


def test_gaps_search_and_index(review, lead, folder, tmp_path, capsys):
    call_command("evidence", "ingest", str(folder), "--review", str(review.id), "--as", "lead")
    capsys.readouterr()
    call_command("evidence", "gaps", "--review", str(review.id))
    gaps = [line for line in capsys.readouterr().out.splitlines() if line.startswith("gap\t")]
    # Three documents cannot cover twenty lines of enquiry.
    assert len(gaps) >= 5
    assert all(line.startswith("gap\thigh\tNo evidence on '") for line in gaps)
    call_command("evidence", "search", "--review", str(review.id), "strategy meetings")
    hits = capsys.readouterr().out.splitlines()
    assert hits and "[strategy]" in hits[0].lower()
    output = tmp_path / "index.docx"
    call_command(
        "evidence", "index", "--review", str(review.id), "--format", "docx", "--output", str(output)
    )
    headings = [
        p.text for p in Document(str(output)).paragraphs if p.style.name.startswith("Heading")
    ]
    assert "The experiences and progress of care leavers" in headings


def test_classify_reads_json_lines_and_reports_bad_ones(monkeypatch, capsys):
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "Personal advisers keep in touch with care leavers and "
                "pathway plans are reviewed; staying put is offered.",
            }
        ),
        "not json",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    call_command("evidence", "classify", "--framework", "ilacs-2026")
    first, second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert first["text_id"] == "a"
    assert first["areas"][0]["judgement"] == "care_leavers"
    assert first["lines_of_enquiry"][0]["judgement"] == "care_leavers"
    assert second["index"] == 1 and second["error"].startswith("not JSON")


def test_classify_zero_shot_works_for_slac(monkeypatch, capsys):
    text = "Looked after children have timely health assessments and dental checks."
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"text": text}) + "\n"))
    call_command("evidence", "classify", "--framework", "slac-2009", "--zero-shot")
    result = json.loads(capsys.readouterr().out)
    assert result["areas"][0]["judgement"] == "lac_being_healthy"


def test_classify_zero_shot_answers_each_text_as_it_arrives(monkeypatch, capsys):
    # No batch to self-train on: the first answer is written before the second line is read.
    texts = [
        "Care leavers have pathway plans and personal advisers who keep in touch.",
        "Strategy meetings are held promptly and section 47 enquiries are thorough.",
    ]
    read: list[str] = []

    class Stdin:
        def __iter__(self):
            for text in texts:
                read.append(text)
                yield json.dumps({"text": text}) + "\n"

    written: list[int] = []
    monkeypatch.setattr(sys, "stdin", Stdin())
    from readiness.evidence.management.commands import evidence

    original = evidence.classify_jsonl

    def recording(*args, **kwargs):
        for line in original(*args, **kwargs):
            written.append(len(read))
            yield line

    monkeypatch.setattr(evidence, "classify_jsonl", recording)
    call_command("evidence", "classify", "--framework", "ilacs-2023", "--zero-shot")
    first, second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert written == [1, 2]
    assert first["areas"][0]["judgement"] == "care_leavers"
    assert second["areas"][0]["judgement"] == "help_and_protection"
