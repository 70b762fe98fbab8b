"""Splitting extracted text into passages: paragraphs with page refs, headings joined to
what follows, long blocks cut at sentence ends, boilerplate dropped."""

from __future__ import annotations

from pathlib import Path

from readiness.evidence.domain.extract import extract
from readiness.evidence.domain.passages import MAX_CHARS, split_passages
from readiness.evidence.domain.types import Extracted, Page

CORPUS = Path(__file__).resolve().parent / "corpus"


def doc(*pages: str) -> Extracted:
    return Extracted(file_type="txt", pages=tuple(Page(n, text) for n, text in enumerate(pages, 1)))


PARAGRAPH = (
    "Children in care live in stable homes and most stay with the same carers for at "
    "least two years."
)


def test_paragraphs_with_page_and_paragraph_numbers():
    passages = split_passages(doc(f"{PARAGRAPH}\n\n{PARAGRAPH} Again.", PARAGRAPH))
    assert [(p.position, p.page, p.paragraph) for p in passages] == [
        (0, 1, 1),
        (1, 1, 2),
        (2, 2, 1),
    ]
    assert passages[1].reference == "p.1 ¶2"
    assert passages[1].text == PARAGRAPH + " Again."


def test_heading_joins_the_paragraph_that_follows():
    (passage,) = split_passages(doc(f"Children in care\n\n{PARAGRAPH}"))
    assert passage.text == f"Children in care\n{PARAGRAPH}"


def test_heading_does_not_cross_into_another_page():
    passages = split_passages(doc(f"{PARAGRAPH}\n\nAppendix", PARAGRAPH))
    assert [(p.page, p.text) for p in passages] == [
        (1, f"{PARAGRAPH}\nAppendix"),
        (2, PARAGRAPH),
    ]


def test_sentence_running_over_a_page_break_stays_one_passage():
    passages = split_passages(doc(f"{PARAGRAPH} Their health", "assessments are on time."))
    assert [(p.page, p.text) for p in passages] == [
        (1, f"{PARAGRAPH} Their health assessments are on time.")
    ]


def test_long_block_is_cut_at_sentence_ends_into_even_pieces():
    sentence = "The virtual school tracks progress each term and reports to the board. "
    block = sentence * 40  # about 2,900 characters
    passages = split_passages(doc(block))
    assert len(passages) == 3
    assert all(len(p.text) <= MAX_CHARS for p in passages)
    assert all(p.text.endswith("board.") for p in passages)
    lengths = [len(p.text) for p in passages]
    assert max(lengths) - min(lengths) < len(sentence) * 2
    assert " ".join(p.text for p in passages) == block.strip()
    assert [p.paragraph for p in passages] == [1, 2, 3]


def test_run_on_without_sentence_ends_is_cut_at_spaces():
    passages = split_passages(doc("word " * 600))
    assert len(passages) == 3
    assert all(len(p.text) <= MAX_CHARS and not p.text.endswith("wor") for p in passages)


def test_page_numbers_and_marks_are_dropped():
    passages = split_passages(doc(f"{PARAGRAPH}\n\nPage 4 of 12", "- 5 -\n\n____\n\n  \n\n17"))
    assert [p.text for p in passages] == [PARAGRAPH]


def test_empty_document_has_no_passages():
    assert split_passages(doc("", "   \n\n ")) == []


def test_short_document_is_one_passage():
    assert [p.text for p in split_passages(doc("Minutes"))] == ["Minutes"]


def test_stable_and_deterministic():
    extracted = extract("good-report.pdf", (CORPUS / "good-report.pdf").read_bytes())
    first = split_passages(extracted)
    assert first == split_passages(extracted)
    assert [(p.reference, p.text[:30]) for p in first] == [
        ("p.1 ¶1", "Anytown Safeguarding Partnersh"),
        ("p.1 ¶2", "2. Partners share information "),
        ("p.2 ¶1", "Children in care\n3. Children i"),
        ("p.3 ¶1", "Care leavers\n4. Care leavers a"),
    ]


def test_every_corpus_document_splits():
    for name in ("good-strategy.docx", "formulas.xlsx", "two-slides.pptx", "page.html", "bom.csv"):
        passages = split_passages(extract(name, (CORPUS / name).read_bytes()))
        assert passages, name
        assert [p.position for p in passages] == list(range(len(passages)))
