"""Every name prints as written: Polish, Vietnamese, Turkish and Welsh letters, read back
exactly from the report, a narrative and the evidence index in each of their formats."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse
from docx import Document as read_docx
from openpyxl import load_workbook

from readiness.evidence.index_exports import (
    EvidenceIndex,
    IndexEntry,
    IndexLine,
    to_docx,
    to_pdf,
    to_xlsx,
)
from readiness.lib.testing.files import pdf_text
from readiness.reports.domain import html, word
from readiness.reports.domain.compose import compose
from readiness.reports.domain.sample import sample_data

NAMES = ["Łukasz Wiśniewski", "Nguyễn Thị Hoa", "Şükrü Yılmaz", "Gŵyl Dewi yn y tŷ"]
SENTENCE = "Seen by " + ", ".join(NAMES) + "."


def _flat(text: str) -> str:
    return " ".join(text.split())


def _docx_text(data: bytes) -> str:
    document = read_docx(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return _flat(" ".join([p.text for p in document.paragraphs] + cells))


def test_the_report_prints_every_name_as_written():
    data = sample_data()
    finding = replace(data.findings[0], text=SENTENCE)
    item = replace(data.items[0], owner=NAMES[1])
    document = compose(replace(data, findings=(finding, *data.findings[1:]),
                               items=(item, *data.items[1:])))  # fmt: skip
    printed = _flat(pdf_text(html.to_pdf(document)))
    assert SENTENCE in printed
    assert f"{NAMES[1]}" in printed
    assert SENTENCE in _docx_text(word.to_docx(document))
    assert SENTENCE in html.page(document).decode()


def test_the_evidence_index_prints_every_name_as_written():
    shows = NAMES[2] + " chaired the meeting."
    entry = IndexEntry(1, SENTENCE, "Anyshire Police", date(2026, 3, 1), "Minutes",
                       "confirmed", 0.9, shows, "pdf", "h")  # fmt: skip
    index = EvidenceIndex("Review", "Ynys Môn", "ILACS",
                          (IndexLine("1.1", "Leaders", "How well?", [entry]),))  # fmt: skip
    assert SENTENCE in _flat(pdf_text(to_pdf(index)))
    assert "Evidence index: Ynys Môn" in _flat(pdf_text(to_pdf(index)))
    assert SENTENCE in _docx_text(to_docx(index))
    rows = list(load_workbook(io.BytesIO(to_xlsx(index))).active.iter_rows(values_only=True))
    assert rows[1][3] == SENTENCE
    assert rows[1][9] == NAMES[2] + " chaired the meeting."


@pytest.mark.django_db
def test_a_narrative_prints_every_name_as_written(as_lead, review, lead):
    from readiness.narratives.models import Narrative
    from readiness.narratives.services import save_version

    narrative = Narrative.objects.create(review=review, key="names")
    save_version(narrative, lead, title=f"Work with {NAMES[0]}", indicator_ids=[],
                 evidence=[NAMES[3]], documents=[], targeted_and_why=SENTENCE,
                 what_we_did="Training.", impact_for_children=f"{NAMES[1]} said so.",
                 whats_next=f"Ask {NAMES[2]}.")  # fmt: skip
    pdf = as_lead.get(reverse("narratives:pdf", args=[review.id, "names"])).content
    printed = _flat(pdf_text(pdf))
    for text in (f"Work with {NAMES[0]}", SENTENCE, f"{NAMES[1]} said so.", f"Ask {NAMES[2]}.",
                 NAMES[3]):  # fmt: skip
        assert text in printed
    docx = as_lead.get(reverse("narratives:docx", args=[review.id, "names"])).content
    written = _docx_text(docx)
    for text in (f"Work with {NAMES[0]}", SENTENCE, f"{NAMES[1]} said so.", NAMES[3]):
        assert text in written
