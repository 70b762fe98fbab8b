"""The founding review's findings on a messy partnership's files: Northbridge's synthetic
evidence set (readiness/demo/evidence/northbridge, SLAC 2009) plants the gap (nothing on early
help, though a covering e-mail and a contents page promise a strategy "to follow"), the
surfeit of health minutes and the one agency that ordered its set. The evidence library finds
all three, tells covering material apart, and dates documents by what they say, not by
their files' default metadata.

OCR is switched off here (scans stay "needs OCR"): none of the findings rests on a scan, and
reading eleven scans would cost half a minute of every run. test_ocr.py reads scans."""

import csv
from datetime import date

import pytest

from readiness.demo.domain.northbridge_cast import GAP_LINES, POLICE, SURFEIT_LINE
from readiness.demo.domain.northbridge_set import found_lines
from readiness.demo.domain.partnerships import NORTHBRIDGE
from readiness.demo.loader import EVIDENCE_DIR, load_evidence, load_partnership
from readiness.evidence.models import DocumentSource
from readiness.evidence.queries import review_analysis

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SET = EVIDENCE_DIR / "northbridge"


@pytest.fixture
def northbridge(tmp_path, settings, monkeypatch):
    monkeypatch.setenv("PATH", "/nowhere")  # no Tesseract
    settings.DATA_DIR = tmp_path / "data"
    review = load_partnership(NORTHBRIDGE)
    load_evidence(review, SET)
    with open(SET / "MANIFEST.csv", encoding="utf-8", newline="") as file:
        manifest = {row["path"]: row for row in csv.DictReader(file)}
    documents = {
        source.path: source.document
        for source in DocumentSource.objects.filter(document__review=review).select_related(
            "document"
        )
    }
    return review, manifest, documents


def test_the_gap_the_surfeit_and_the_ordered_agency_are_found(northbridge):
    review, manifest, documents = northbridge
    analysis = review_analysis(review)
    status = {line.line_key: line.status for line in analysis.lines}
    assert {line: status[line] for line in GAP_LINES} == dict.fromkeys(GAP_LINES, "gap")
    surfeits = [f for f in analysis.of_kind("surfeit") if f.line_key == SURFEIT_LINE]
    assert len(surfeits) == 1
    minutes = {
        d.id
        for path, d in documents.items()
        if manifest[path]["kind"] == "minutes" and "surfeit" in manifest[path]["planted"]
    }
    assert len(minutes & set(surfeits[0].document_ids)) >= 15
    ordered = {a.agency: a.ordered_by_line for a in analysis.agencies if a.documents}
    assert [agency for agency, share in ordered.items() if share >= 0.5] == [POLICE]
    # `readiness demo explain` says so in as many words.
    said = found_lines(analysis, width=200)
    assert [line.split(":")[0] for line in said] == [
        "What the evidence library found in it",
        "  - gap found",
        "  - surfeit found",
        "  - ordered found",
    ]
    assert said[1].startswith(f"  - gap found: {len(GAP_LINES)} of {len(GAP_LINES)} early")
    assert said[3] == f"  - ordered found: {POLICE} filed its set by line of enquiry."


def test_covering_material_is_recognised_and_counts_for_nothing(northbridge):
    review, manifest, documents = northbridge
    covering = {path for path, row in manifest.items() if row["covering"]}
    found = {path for path, d in documents.items() if d.covering}
    assert len(found & covering) >= len(covering) - 2  # at most two missed
    assert found - covering == set()  # and nothing that is evidence called covering
    decoys = [d for path, d in documents.items() if "gap-decoy" in manifest[path]["planted"]]
    assert decoys and all(d.covering for d in decoys)


def test_a_documents_own_date_beats_its_files_default_metadata(northbridge):
    review, manifest, documents = northbridge
    planted = {
        path: date.fromisoformat(row["date"])
        for path, row in manifest.items()
        if row["metadata_date"] and path in documents and "scan" not in row["planted"]
    }  # scans have no text here (no OCR), so no date at all: test_ocr.py reads them
    right = [path for path, day in planted.items() if documents[path].document_date == day]
    assert len(planted) >= 15
    assert len(right) == len(planted), sorted(set(planted) - set(right))
    assert {documents[path].date_source for path in right} <= {"title", "text"}
