"""The synthetic Anytown evidence set: every file opens, the manifest is true, and the planted
gap, surfeit, stale evidence and ordered agency are really there. No database needed."""

import csv
import email
import functools
import io
import re
import zipfile
from email import policy
from pathlib import Path

import openpyxl
import pypdfium2
import pytest
import yaml

from readiness.demo.domain import evidence_set
from readiness.demo.domain.evidence_render import RENDERERS

EVIDENCE = Path(evidence_set.__file__).resolve().parent.parent / "evidence" / "anytown"
FRAMEWORK = (
    Path(evidence_set.__file__).resolve().parents[2] / "frameworks" / "data" / "ilacs-2026.yaml"
)
FORMATS = {"pdf", "docx", "xlsx", "csv", "pptx", "html", "txt", "md", "eml"}
TAG = re.compile(r"<[^>]+>")


def _pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _zip_xml_text(data: bytes, prefix: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = sorted(n for n in package.namelist() if n.startswith(prefix) and n.endswith(".xml"))
        return "\n".join(TAG.sub(" ", package.read(n).decode("utf-8")) for n in names)


def _xlsx_text(data: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    cells = [
        str(v)
        for ws in workbook.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v
    ]
    workbook.close()
    return "\n".join(cells)


def _eml_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=policy.default)
    parts = [message["Subject"], message.get_body(preferencelist=("plain",)).get_content()]
    for attachment in message.iter_attachments():
        name = attachment.get_filename()
        parts.append(name)
        parts.append(extract(name.rsplit(".", 1)[1], attachment.get_content()))
    return "\n".join(parts)


def extract(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return _pdf_text(data)
    if fmt == "docx":
        return _zip_xml_text(data, "word/document")
    if fmt == "pptx":
        return _zip_xml_text(data, "ppt/slides/slide")
    if fmt == "xlsx":
        return _xlsx_text(data)
    if fmt == "eml":
        return _eml_text(data)
    if fmt == "html":
        return TAG.sub(" ", data.decode("utf-8"))
    return data.decode("utf-8")


@functools.cache
def manifest() -> tuple[dict, ...]:
    with open(EVIDENCE / "MANIFEST.csv", encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


@functools.cache
def texts() -> dict[str, str]:
    """Normalised, lower-cased text of every document, keyed by manifest path."""
    out = {}
    for row in manifest():
        text = extract(row["format"], (EVIDENCE / row["path"]).read_bytes())
        out[row["path"]] = re.sub(r"\s+", " ", text).lower()
    return out


def test_the_set_has_150_to_200_documents_in_every_format():
    rows = manifest()
    assert 150 <= len(rows) <= 200
    assert {row["format"] for row in rows} == FORMATS
    assert {row["agency"] for row in rows} == set(evidence_set.AGENCIES)


def test_the_manifest_lists_exactly_the_files_on_disk():
    on_disk = {
        p.relative_to(EVIDENCE).as_posix()
        for p in EVIDENCE.rglob("*")
        if p.is_file() and p.name not in ("MANIFEST.csv", "README.md")
    }
    assert on_disk == {row["path"] for row in manifest()}
    for row in manifest():
        assert row["path"].startswith(row["agency"] + "/")
        assert row["path"].endswith("." + row["format"])


def test_every_file_opens_and_yields_text():
    short = {path: len(text) for path, text in texts().items() if len(text) < 300}
    assert short == {}


def test_the_manifest_uses_real_ilacs_lines_and_known_labels():
    framework = yaml.safe_load(FRAMEWORK.read_text(encoding="utf-8"))
    keys = {line["id"] for j in framework["judgements"] for line in j["lines_of_enquiry"]}
    kinds = {
        "minutes",
        "committee_report",
        "strategy",
        "policy",
        "annual_report",
        "audit",
        "performance_data",
        "newsletter",
        "training",
        "narrative",
    }
    for row in manifest():
        assert set(row["lines_of_enquiry"].split(";")) <= keys, row["path"]
        assert row["kind"] in kinds and row["focus"] in ("outcomes", "process"), row["path"]
    covered = {key for row in manifest() for key in row["lines_of_enquiry"].split(";")}
    assert keys - covered == {"hp_early_help"}


@pytest.mark.parametrize(
    "word", ["early help", "family hub", "preventive", "prevention", "step-up", "step-down"]
)
def test_the_planted_gap_no_document_mentions(word):
    assert [path for path, text in texts().items() if word in text] == []


def test_the_planted_surfeit_is_process_minutes_on_health_assessments():
    surfeit = [row for row in manifest() if row["planted"] == "surfeit"]
    assert 14 <= len(surfeit) <= 18
    assert {(r["kind"], r["focus"], r["lines_of_enquiry"]) for r in surfeit} == {
        ("minutes", "process", "cic_health_and_education")
    }
    health = {"Anyshire Integrated Care Board", "Anytown Community Health Trust"}
    assert all(row["agency"] in health for row in surfeit)
    for row in surfeit:
        assert "health assessment" in texts()[row["path"]] and "dental" in texts()[row["path"]]
    narratives = [row for row in manifest() if row["planted"] == "surfeit-narrative"]
    assert [(r["kind"], r["focus"]) for r in narratives] == [("narrative", "outcomes")]


def test_the_planted_stale_line_has_nothing_newer_than_2023():
    line = "hp_allegations_and_education"
    on_line = [row for row in manifest() if line in row["lines_of_enquiry"].split(";")]
    assert len(on_line) >= 3
    assert all(row["planted"] == "stale" and row["date"] < "2024-01-01" for row in on_line)
    mentions = {
        path
        for path, text in texts().items()
        if "allegation" in text or "missing education" in text
    }
    assert mentions <= {row["path"] for row in on_line}


def test_only_anyshire_police_order_their_files_by_line_of_enquiry():
    depth = {}
    for row in manifest():
        depth.setdefault(row["agency"], set()).add(row["path"].count("/"))
    assert depth.pop("Anyshire Police") == {2}
    assert all(levels == {1} for levels in depth.values())
    folders = {
        row["path"].split("/")[1] for row in manifest() if row["agency"] == "Anyshire Police"
    }
    assert folders == set(evidence_set.POLICE_FOLDERS)
    assert all(re.match(r"(Help and protection|Children in care|Leaders) - ", f) for f in folders)


def test_no_real_council_is_named():
    blocklist = ("bedford", "luton", "milton keynes", "audit commission")
    assert [(p, w) for p, text in texts().items() for w in blocklist if w in text] == []


def test_regenerating_gives_identical_bytes():
    docs = evidence_set.documents()
    assert evidence_set.manifest_csv(docs) == (EVIDENCE / "MANIFEST.csv").read_bytes()
    first_of_each = {doc.fmt: doc for doc in reversed(docs)}
    sample = list(first_of_each.values()) + docs[::8]  # every format, and fast
    for doc in sample:
        assert RENDERERS[doc.fmt](doc) == (EVIDENCE / doc.path).read_bytes(), doc.path
    assert set(first_of_each) == FORMATS
