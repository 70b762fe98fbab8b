"""`readiness demo load` ingests Northbridge's evidence set as it does Anytown's: every file
under its agency, each e-mail attachment as a document of its own, the police documents
marked as filed under a line of enquiry. What the analyses make of the set is tested with
the evidence library."""

import csv

import pytest

from readiness.demo.domain.northbridge_cast import POLICE
from readiness.demo.domain.partnerships import NORTHBRIDGE
from readiness.demo.loader import EVIDENCE_DIR, load_evidence, load_partnership
from readiness.evidence.domain.extract.ocr import missing_reason
from readiness.evidence.models import DocumentSource, EvidenceDocument

pytestmark = pytest.mark.django_db

SET = EVIDENCE_DIR / "northbridge"


def test_northbridge_s_set_is_ingested_under_its_agencies(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    review = load_partnership(NORTHBRIDGE)
    report = load_evidence(review, SET)
    with open(SET / "MANIFEST.csv", encoding="utf-8", newline="") as file:
        manifest = {row["path"]: row for row in csv.DictReader(file)}

    sources = {
        s.path: s for s in DocumentSource.objects.filter(document__review=review).select_related(
            "agency", "document"
        )
    }  # fmt: skip
    ocr_missing = missing_reason()
    images = {path for path, row in manifest.items() if row["format"] == "png"}
    scans = {path for path, row in manifest.items() if "scan" in row["planted"]}
    [noise] = [path for path, row in manifest.items() if "unreadable" in row["planted"]]
    if ocr_missing:
        # Pictures wait for OCR: a library without it refuses them, with a reason.
        assert set(manifest) - set(sources) <= images
        assert {path for path, _ in report.rejected} <= images
        for path in scans - images:
            assert sources[path].document.status == EvidenceDocument.NEEDS_OCR, path
    else:
        # Tesseract reads every scan and picture; each is dated by its printed date.
        assert set(sources) == set(manifest)
        assert report.rejected == []
        for path in scans:
            document = sources[path].document
            assert document.status == EvidenceDocument.OK, path
            assert document.date_source == "text", path
            assert document.document_date.isoformat() == manifest[path]["date"], path
    # The page of noise has nothing to read either way, so it is neither dated nor typed.
    assert sources[noise].document.status == EvidenceDocument.NEEDS_OCR
    assert (sources[noise].document.kind, sources[noise].document.document_date) == ("", None)
    assert set(sources) <= set(manifest)
    for path, source in sources.items():
        assert source.agency.name == manifest[path]["agency"], path
    ordered = {path for path, source in sources.items() if source.document.ordered_by_line}
    assert ordered == {
        path for path, row in manifest.items() if row["agency"] == POLICE and not row["covering"]
    }
