"""Extraction from untrusted files: the corpus in corpus/ (made by corpus/make_corpus.py)
holds a good file of each format and the bad files real evidence sets contain."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from readiness.evidence.domain.dating import Dated, document_date
from readiness.evidence.domain.extract import extract, sniff
from readiness.evidence.domain.extract.dates import date_in_text, pdf_date
from readiness.evidence.domain.types import Limits, Rejected

CORPUS = Path(__file__).resolve().parent / "corpus"
SMALL_ZIP_CAP = Limits(max_decompressed_bytes=1024 * 1024)


@pytest.fixture(autouse=True)
def _ocr_as_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about reading scans itself: Tesseract reads them wherever it is
    installed, whatever READINESS_OCR says (make test's later runs switch OCR off for the
    rest of the suite)."""
    monkeypatch.delenv("READINESS_OCR", raising=False)


# Each bad file and the exact reason a reviewer sees (also listed in corpus/EXPECTED.md).
REJECTED = {
    "empty.pdf": "The file is empty.",
    "blank.txt": "The file is empty.",
    "encrypted.pdf": "The PDF is password-protected: ask the agency for an unprotected copy.",
    "truncated.pdf": (
        "The PDF is incomplete (it was cut off before its end): ask the agency to send it again."
    ),
    "garbage.docx": "Not a supported file type (looks like unrecognised binary data).",
    "truncated.docx": (
        "The Word document is damaged or incomplete (its zip structure cannot be read): "
        "ask the agency to send it again."
    ),
    "ratio-bomb.docx": (
        "The file would expand 1,028 times over when opened (12 MB from 11 KB): "
        "it may be a zip bomb."
    ),
    "xxe.docx": "The Word document contains a DTD, which Office never writes: refused.",
    "photo.pdf": (
        "The file could not be read as an image (PNG): it may be damaged (UnidentifiedImageError)."
    ),
    "old-word.doc": (
        "Not a supported file type (looks like an old-style Microsoft Office or Outlook file: "
        "save it as .docx, .xlsx or .pptx)."
    ),
    "protected.docx": (
        "The Office file is password-protected: ask the agency for an unprotected copy."
    ),
}

ARRIVED = date(2026, 11, 26)


def read(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_bad_file_is_rejected_with_its_reason(name):
    with pytest.raises(Rejected) as caught:
        extract(name, read(name))
    assert caught.value.reason == REJECTED[name]


def test_zip_bomb_is_refused_before_it_is_unpacked():
    with pytest.raises(Rejected) as caught:
        extract("zip-bomb.docx", read("zip-bomb.docx"), SMALL_ZIP_CAP)
    assert caught.value.reason == (
        "The file would expand to 5 MB when opened, over the 1 MB limit: it may be a zip bomb."
    )
    # Under the real 200 MB cap the same file is an ordinary document.
    assert "Early help" in extract("zip-bomb.docx", read("zip-bomb.docx")).text


def test_huge_file_names_its_size_and_the_limit():
    with pytest.raises(Rejected) as caught:
        extract("good-report.pdf", read("good-report.pdf"), Limits(max_file_bytes=1024))
    assert caught.value.reason == (
        "The file is 2 KB, over the 1 KB limit: ask the agency to split it or send a smaller copy."
    )


def test_corpus_is_reproducible_and_small(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "HERE", tmp_path)
    module.main()
    made = sorted(path.name for path in tmp_path.iterdir())
    assert set(REJECTED) <= set(made)
    for name in made:
        assert (tmp_path / name).read_bytes() == read(name), f"{name} differs: rerun make_corpus"
    assert sum(path.stat().st_size for path in CORPUS.iterdir()) < 1_000_000


def test_good_pdf_keeps_pages_title_and_date():
    extracted = extract("good-report.pdf", read("good-report.pdf"))
    assert extracted.file_type == "pdf"
    assert [page.number for page in extracted.pages] == [1, 2, 3]
    assert extracted.title == "Anytown annual report"
    assert extracted.date == date(2026, 3, 12)
    assert "Children in care live in stable homes" in extracted.pages[1].text
    # Running headers and "Page N of 3" footers are dropped from every page but the first.
    assert "Page 2 of 3" not in extracted.text
    assert "Anytown Safeguarding Partnership" not in extracted.pages[2].text
    # Lines are rejoined into paragraphs.
    assert "receive timely help when they need it." in extracted.pages[0].text
    assert not extracted.needs_ocr and extracted.warnings == ()


def test_scanned_pdf_needs_ocr_and_is_not_an_error():
    extracted = extract("scanned.pdf", read("scanned.pdf"))
    assert extracted.needs_ocr
    assert [page.text for page in extracted.pages] == [""]


def test_html_named_pdf_is_read_as_html_with_a_warning():
    extracted = extract("html-named.pdf", read("html-named.pdf"))
    assert extracted.file_type == "html"
    assert extracted.warnings == ("Named .pdf but the content is HTML: read as HTML.",)
    assert extracted.title == "Front door review"


def test_html_never_runs_or_returns_markup():
    extracted = extract("page.html", read("page.html"))
    text = extracted.text
    for leaked in ("SCRIPT", "alert", "color: red", "onerror", "<", ">", "Home", "Menu"):
        assert leaked not in text
    assert "safeguarding hub & its partners reviewed 50 contacts. Most decisions" in text
    assert "Agency\tContacts\nPolice\t21" in text
    assert extracted.date == date(2025, 11, 3)


def test_docx_paragraphs_tables_pages_and_properties():
    extracted = extract("good-strategy.docx", read("good-strategy.docx"))
    assert extracted.title == "Early help strategy"
    assert extracted.date == date(2026, 2, 20)  # last modified, not created (2019)
    assert len(extracted.pages) == 2  # the forced page break before "Next steps"
    assert "Families supported\t1,200" in extracted.pages[0].text
    assert extracted.pages[1].text.startswith("Next steps")
    assert "Deleted words" not in extracted.text


def test_xlsx_reads_saved_values_not_formulas():
    extracted = extract("formulas.xlsx", read("formulas.xlsx"))
    assert [page.number for page in extracted.pages] == [1, 2]
    assert "Q1\t120\t18\t138" in extracted.pages[0].text
    assert "Q2\t95.5\t12\t107.5" in extracted.pages[0].text
    assert "SUM" not in extracted.text and "NOW" not in extracted.text
    assert extracted.pages[1].text.startswith("Notes")


def test_pptx_slides_follow_the_presentation_order():
    extracted = extract("two-slides.pptx", read("two-slides.pptx"))
    assert [page.text for page in extracted.pages] == [
        "Partnership briefing\nSpring 2026",
        "Our priorities\nReduce repeat referrals",
    ]
    assert extracted.title == "Partnership briefing"


def test_csv_with_bom_and_cp1252_text():
    csv_file = extract("bom.csv", read("bom.csv"))
    assert csv_file.text.startswith("Agency\tDocuments\tLatest\nPolice\t12")
    assert document_date("", csv_file.text, csv_file.date, ARRIVED) == Dated(
        date(2026, 2, 3), "text"
    )  # UK order
    text = extract("cp1252.txt", read("cp1252.txt"))
    assert "Budget £1,200 for the café – agreed" in text.text
    assert document_date("", text.text, text.date, ARRIVED) == Dated(date(2025, 5, 5), "text")


def test_markdown_headings_lose_their_marks():
    extracted = extract("notes.md", read("notes.md"))
    assert extracted.title == "Board notes"
    assert "#" not in extracted.text


def test_eml_html_body_and_pdf_attachment():
    extracted = extract("with-attachment.eml", read("with-attachment.eml"))
    assert extracted.title == "Annual report for the board"
    assert extracted.date == date(2026, 4, 9)
    assert "Please find attached the partnership's annual report" in extracted.text
    assert "<p>" not in extracted.text
    (attachment,) = extracted.attachments
    assert attachment.name == "annual-report.pdf"  # no "../" from the sender
    assert attachment.data == read("good-report.pdf")
    capped = extract("with-attachment.eml", read("with-attachment.eml"), Limits(max_attachments=0))
    assert capped.attachments == ()
    assert capped.warnings == ("Only the first 0 of 1 attachments were taken.",)


def test_long_text_is_truncated_with_a_warning():
    extracted = extract("long.txt", b"word " * 1000, Limits(max_text_chars=100))
    assert len(extracted.text) == 100
    assert extracted.warnings == ("The text was cut at 100 characters: the rest was not read.",)


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("a.pdf", b"%PDF-1.7\n...", "pdf"),
        ("a.txt", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("a.bin", b"From: a@b.example\nTo: c@d.example\nSubject: Hi\n\nBody", "eml"),
        ("a.csv", b"a,b\n1,2\n", "csv"),
        ("a.md", b"# Title\n", "md"),
        ("a", b"plain words", "txt"),
        ("a.pdf", b"\xff\xd8\xff\xe0" + bytes(20), "jpeg"),
        ("a.docx", bytes(range(256)) * 4, "binary"),
        ("a.txt", b"Subject: not an e-mail\nJust a note.", "txt"),
    ],
)
def test_sniff_reads_content_not_the_name(name, data, kind):
    assert sniff(name, data) == kind


def test_sniff_tells_office_formats_apart():
    assert sniff("x.zip", read("formulas.xlsx")) == "xlsx"
    assert sniff("x.xlsx", read("two-slides.pptx")) == "pptx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(Rejected) as caught:
        extract("notes.zip", buffer.getvalue())
    assert caught.value.reason == (
        "Not a supported file type (looks like a zip archive that is not a Word, Excel or "
        "PowerPoint file)."
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Minutes of the meeting held on 12 March 2026 at the hub", date(2026, 3, 12)),
        ("Date: 12/03/2026", date(2026, 3, 12)),
        ("Published March 2026", date(2026, 3, 1)),
        ("On 3rd of June, 2025 the board met", date(2025, 6, 3)),
        ("Report 2026-01-05", date(2026, 1, 5)),
        ("Due 31/02/2026, then 1/4/2026", date(2026, 4, 1)),  # impossible date skipped
        ("Children Act 1989 section 17", None),
        ("you may 2025 ignore", None),  # "may" the verb is no month
        ("x" * 2100 + " 12 March 2026", None),  # only the opening is read
    ],
)
def test_date_in_text(text, expected):
    assert date_in_text(text) == expected


def test_pdf_date():
    assert pdf_date("D:20260312101500+00'00'") == date(2026, 3, 12)
    assert pdf_date("garbage") is None
