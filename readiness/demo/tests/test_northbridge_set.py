"""The synthetic Northbridge evidence set (SLAC 2009): the manifest is true, the files have the
habits they claim (scans without text, metadata dates that lie) and the founding review's
three findings are planted: a gap on early help, a surfeit of health minutes, one ordered
agency. No database needed. Whether the analyses find them is tested where they live."""

import csv
import functools
import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
import yaml

from readiness.demo.domain import northbridge_set as nset
from readiness.demo.domain.northbridge_cast import (
    AGENCIES,
    GAP_LINES,
    HEALTH,
    POLICE,
    POLICE_FOLDERS,
    SURFEIT_LINE,
)
from readiness.demo.domain.northbridge_render import png, render
from readiness.evidence.domain.doctype import KIND_LABELS
from readiness.evidence.domain.extract import extract
from readiness.evidence.domain.extract.dates import date_in_text
from readiness.evidence.domain.types import Limits
from readiness.lib.testing.shared import needs_shared_data, shared_data

EVIDENCE = nset.DEFAULT_OUTPUT
COVERING = {
    "covering e-mail",
    "list of documents sent",
    "contents page",
    "agenda",
    "blank template",
}


@functools.cache
def manifest() -> tuple[dict, ...]:
    with open(EVIDENCE / "MANIFEST.csv", encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def rows(flag: str) -> list[dict]:
    return [row for row in manifest() if flag in row["planted"].split(";")]


@functools.cache
def generated() -> dict[str, object]:
    """path -> the generator's document (its text is the truth for scans)."""
    return {doc.path: doc for doc in nset.documents()}


def data_of(row: dict) -> bytes:
    if not row["attached_to"]:
        return (EVIDENCE / row["path"]).read_bytes()
    eml = extract(row["attached_to"], (EVIDENCE / row["attached_to"]).read_bytes(), Limits())
    name = row["path"].rsplit("/", 1)[1]
    return next(a.data for a in eml.attachments if a.name == name)


@functools.cache
def texts() -> dict[str, str]:
    """Lower-cased text of every document as the evidence library reads it today; for
    scans and images (no text layer) the words printed on the page."""
    out = {}
    for row in manifest():
        flags = row["planted"].split(";")
        if "unreadable" in flags:
            text = ""
        elif "scan" in flags:
            text = nset.text_of(generated()[row["path"]])
        else:
            text = extract(row["path"], data_of(row), Limits()).text
        out[row["path"]] = re.sub(r"\s+", " ", text).lower()
    return out


def slac_lines() -> set[str]:
    framework = yaml.safe_load(nset.FRAMEWORK.read_text(encoding="utf-8"))
    return {line["id"] for j in framework["judgements"] for line in j["lines_of_enquiry"]}


def test_the_set_has_120_to_160_files_from_the_eight_agencies():
    files = [row for row in manifest() if not row["attached_to"]]
    assert 120 <= len(files) <= 160
    assert {row["agency"] for row in files} == set(AGENCIES)
    assert {row["format"] for row in files} == {"pdf", "docx", "xlsx", "csv", "eml", "png"}
    assert len(rows("surfeit")) >= 15 and len(rows("scan")) >= 6


def test_the_manifest_lists_every_file_and_every_attachment():
    on_disk = {
        p.relative_to(EVIDENCE).as_posix()
        for p in EVIDENCE.rglob("*")
        if p.is_file() and p.name not in ("MANIFEST.csv", "README.md")
    }
    assert on_disk == {row["path"] for row in manifest() if not row["attached_to"]}
    attached = [row for row in manifest() if row["attached_to"]]
    assert len(attached) == 5
    for row in attached:
        assert row["attached_to"] in on_disk and row["attached_to"].endswith(".eml")
        assert row["path"].startswith(row["attached_to"] + "/")
        assert data_of(row)[:4] in (b"%PDF", b"PK\x03\x04")
    for row in manifest():
        assert row["path"].startswith(row["agency"] + "/")
        assert row["path"].endswith("." + row["format"])


def test_the_manifest_uses_known_kinds_and_real_slac_lines():
    keys = slac_lines()
    for row in manifest():
        lines = set(filter(None, row["lines_of_enquiry"].split(";")))
        assert lines <= keys, row["path"]
        if row["covering"]:
            assert row["covering"] in COVERING, row["path"]
            assert (row["kind"], lines) == ("other", set()), row["path"]
        elif row["planted"] == "unreadable":
            assert (row["kind"], row["focus"], row["date"], lines) == ("", "", "", set())
        else:
            assert row["kind"] in KIND_LABELS and row["focus"] in ("outcomes", "process")
            assert lines, row["path"]
    covering = {row["covering"] for row in manifest() if row["covering"]}
    assert covering == COVERING
    covered = {key for row in manifest() for key in row["lines_of_enquiry"].split(";") if key}
    assert keys - covered == set(GAP_LINES)


def test_scans_have_no_text_layer_but_readable_words_on_the_page(monkeypatch):
    # Reading them by OCR is test_tesseract_reads_the_scans_and_nothing_in_the_noise's part
    # (and the load test's); here, without it, each is kept as needing OCR.
    monkeypatch.setenv("READINESS_OCR", "off")
    scans = rows("scan") + rows("unreadable")
    assert {row["format"] for row in scans} == {"pdf", "png"}
    for row in scans:
        data = data_of(row)
        if row["format"] == "png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n")
            continue
        pdf = pypdfium2.PdfDocument(data)
        try:
            for page in pdf:
                chars = page.get_textpage().get_text_range()
                assert chars.strip() == "", row["path"]
                assert b"/Subtype /Image" in data
        finally:
            pdf.close()
        assert extract(row["path"], data, Limits()).needs_ocr, row["path"]
    for row in rows("scan"):  # the printed words name the document and its real date
        day = date.fromisoformat(row["date"])
        assert f"{day.day} {day:%B %Y}".lower() in texts()[row["path"]], row["path"]
    [noise] = rows("unreadable")
    assert generated()[noise["path"]].blocks == []  # nothing was printed on it


def _metadata_date(fmt: str, data: bytes) -> tuple[str, ...]:
    if fmt == "pdf":
        pdf = pypdfium2.PdfDocument(data)
        try:
            meta = pdf.get_metadata_dict()
        finally:
            pdf.close()
        return tuple(
            f"{m[2:6]}-{m[6:8]}-{m[8:10]}" for m in (meta["CreationDate"], meta["ModDate"])
        )
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode("utf-8")
    found = re.findall(r"<dcterms:(?:created|modified)[^>]*>(\d{4}-\d\d-\d\d)", core)
    return tuple(found)


def test_metadata_dates_are_defaults_or_wrong_while_the_text_states_the_real_date():
    planted = rows("metadata-default") + rows("metadata-wrong")
    assert len(planted) >= 12
    assert {row["format"] for row in planted} == {"pdf", "docx"}
    assert {row["metadata_date"] for row in planted} == {"2000-01-01", "1980-01-01", "2013-12-23"}
    for row in planted:
        data = data_of(row)
        assert set(_metadata_date(row["format"], data)) == {row["metadata_date"]}, row["path"]
        extracted = extract(row["path"], data, Limits())
        assert extracted.date == date.fromisoformat(row["metadata_date"])  # read today
        assert date_in_text(extracted.text) == date.fromisoformat(row["date"]), row["path"]


def test_exactly_one_agency_ordered_its_set_by_lines_of_enquiry():
    lines = nset.framework_lines()
    folders: dict[str, set[str]] = {}
    for row in manifest():
        parts = row["path"].split("/")
        if len(parts) > 2 and not row["attached_to"]:
            folders.setdefault(row["agency"], set()).add(parts[1])
    assert folders.pop(POLICE) == set(POLICE_FOLDERS)
    for folder, key in POLICE_FOLDERS.items():
        assert key in lines and nset.folder_names_a_line(folder, lines)
    assert len(folders) >= 4  # others file by date, year or team: never by a line
    others = [f for names in folders.values() for f in names]
    assert [f for f in others if nset.folder_names_a_line(f, lines)] == []
    for row in manifest():
        if row["agency"] == POLICE and not row["covering"]:
            folder = row["path"].split("/")[1]
            assert POLICE_FOLDERS[folder] in row["lines_of_enquiry"].split(";")
            assert "ordered" in row["planted"].split(";")
        else:
            assert "ordered" not in row["planted"].split(";")


def test_no_file_speaks_to_early_help_except_covering_material():
    speaking = {path for path, text in texts().items() if nset.speaks_to_gap(text)}
    covering = {row["path"] for row in manifest() if row["covering"]}
    assert speaking <= covering
    decoys = {row["path"] for row in rows("gap-decoy")}
    assert decoys == {
        "Northbridge Borough Council/Documents for the SLAC readiness review.eml",
        "Northbridge Borough Council/Contents of documents supplied by Children's Services.docx",
    }
    assert all("early help strategy" in texts()[path] for path in decoys)
    assert not [r for r in manifest() if set(GAP_LINES) & set(r["lines_of_enquiry"].split(";"))]


def test_the_surfeit_is_the_health_agencies_minutes_on_lac_health_checks():
    surfeit = rows("surfeit")
    assert {(r["kind"], r["focus"], r["lines_of_enquiry"]) for r in surfeit} == {
        ("minutes", "process", SURFEIT_LINE)
    }
    assert {row["agency"] for row in surfeit} == set(HEALTH)
    for row in surfeit:
        text = texts()[row["path"]]
        assert "health assessment" in text and "dental" in text, row["path"]
    # Nowhere else do five or more documents on one line consist mostly of process.
    evidence = [row for row in manifest() if not row["covering"]]
    for key in slac_lines() - {SURFEIT_LINE}:
        on_line = [row for row in evidence if key in row["lines_of_enquiry"].split(";")]
        process = [row for row in on_line if row["focus"] == "process"]
        assert len(on_line) < 5 or len(process) / len(on_line) < 0.6, key


def test_stale_documents_and_outcome_narratives_are_there_too():
    assert all(row["date"] < "2010-09-05" for row in rows("stale"))
    fresh = [r for r in manifest() if r["date"] and "stale" not in r["planted"].split(";")]
    assert all("2010-09-05" < row["date"] < "2011-09-05" for row in fresh)
    narratives = rows("outcome-narrative")
    assert len(narratives) >= 5
    assert {(r["kind"], r["focus"]) for r in narratives} == {("narrative", "outcomes")}


def test_no_real_council_or_the_founding_review_is_named():
    found = [(p, n) for p, text in texts().items() for n in nset.REAL_NAMES if n in text]
    assert found == []


@needs_shared_data("ofsted", "la_lookup_stat_neighbours.csv")
def test_no_real_authority_is_named():
    path = shared_data("ofsted", "la_lookup_stat_neighbours.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        names = {row["local_authority_ons_name"] for row in csv.DictReader(f)}
    every = " ".join(f"{row['path']} {texts()[row['path']]}" for row in manifest()).lower()
    assert [n for n in names if re.search(rf"\b{re.escape(n.lower())}\b", every)] == []


def test_regenerating_gives_identical_bytes():
    files = nset.files()
    assert nset.manifest_csv(files) == (EVIDENCE / "MANIFEST.csv").read_bytes()
    words = (EVIDENCE / "README.md").read_text(encoding="utf-8")
    written = [p for p in EVIDENCE.rglob("*") if p.is_file() and p.parent != EVIDENCE]
    total = sum(p.stat().st_size for p in written)
    assert nset.readme(files, total) == words
    # Every file but most Word documents (python-docx is the slow part), and every habit.
    word = [doc for doc in files if doc.fmt == "docx"]
    sample = [doc for doc in files if doc.fmt != "docx"] + word[::5]
    sample += [doc for doc in word if doc.meta_date and doc not in sample]
    for doc in sample:
        assert render(doc) == (EVIDENCE / doc.path).read_bytes(), doc.path


def test_explain_says_what_the_set_demonstrates():
    text = " ".join(" ".join(nset.explain_lines()).split())
    assert text.startswith("Northbridge's evidence set (123 files and 5 e-mail attachments")
    phrases = [
        "gap: nothing on early help",
        "surfeit: 21 sets of minutes",
        f"ordered: only {POLICE}",
        "dates: 23 files",
        "scans: 10 image-only",
    ]
    assert [phrase for phrase in phrases if phrase not in text] == []


def _ocr(png_bytes: bytes, tmp_path: Path) -> str:
    picture = tmp_path / "page.png"
    picture.write_bytes(png_bytes)
    done = subprocess.run(
        ["tesseract", str(picture), "-"], capture_output=True, text=True, timeout=120
    )
    return " ".join(done.stdout.split())


def _first_page_picture(data: bytes) -> bytes:
    pdf = pypdfium2.PdfDocument(data)
    try:
        [image] = [o for o in pdf[0].get_objects() if isinstance(o, pypdfium2.PdfImage)]
        width, height = image.get_px_size()
        return png(width, height, bytes(image.get_data(decode_simple=True)))
    finally:
        pdf.close()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_tesseract_reads_the_scans_and_nothing_in_the_noise(tmp_path):
    """One scanned PDF and one PNG are read back word for word; the noise gives no text."""
    pdf = next(r for r in rows("scan") if r["format"] == "pdf" and r["kind"] == "minutes")
    picture = next(r for r in rows("scan") if r["format"] == "png")
    day = date.fromisoformat(pdf["date"])
    read = _ocr(_first_page_picture(data_of(pdf)), tmp_path)
    assert f"held on {day:%A} {day.day} {day:%B %Y}" in read
    assert "PRESENT:" in read and "APOLOGIES:" in read
    assert "Notice dated 21 March 2011" in _ocr(data_of(picture), tmp_path)
    assert _ocr(_first_page_picture(data_of(rows("unreadable")[0])), tmp_path) == ""
