"""Interview notes as data: the question bank per line of enquiry, and notes split into
passages for the evidence library's aligner to suggest lines of enquiry."""

from __future__ import annotations

import re

# The founding review: "People found the hardest question to respond to well was the question
# about impact on outcomes for children." Every interview asks it.
IMPACT_QUESTION = "What difference has this made for children?"
PROBES = ("How do you know? What would show it?",)
MAX_PASSAGE = 600
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def question_bank(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Questions for an interview on LINES ((key, question) pairs): each line's own question
    and a probe, then always the impact question, last. Returns (line key or "", question)."""
    bank: list[tuple[str, str]] = []
    for key, question in lines:
        bank.append((key, question))
        bank.extend((key, probe) for probe in PROBES)
    bank.append(("", IMPACT_QUESTION))
    return bank


def split_notes(text: str) -> list[str]:
    """Paragraphs of TEXT, a long one cut at sentence ends to at most MAX_PASSAGE characters."""
    passages: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        block = " ".join(block.split())
        if not block:
            continue
        current = ""
        for sentence in _SENTENCE_END.split(block):
            if current and len(current) + 1 + len(sentence) > MAX_PASSAGE:
                passages.append(current)
                current = sentence
            else:
                current = f"{current} {sentence}".strip()
        if current:
            passages.append(current)
    return passages


def quote_attribution(role: str, agency: str) -> str:
    """How a quote is credited in the report: by role and agency, never by name."""
    role = role.strip() or "a member of staff"
    return f"{role[0].upper()}{role[1:]}, {agency}" if agency else role[0].upper() + role[1:]
