"""What a document shows, in one line for the evidence index and the report's annex: the
first full sentence of the passages that tied it to the line of enquiry.

A passage is cited as `page 2, paragraph 3: 'text…'`. A full sentence starts with a capital
or a figure, ends with a full stop, question or exclamation mark, and has at least four
words; greetings ("Dear colleagues,"), sign-offs and lists of attachments ("Please find
attached…") are never what a document shows, so they are passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CITED = re.compile(r"^[^:']{0,80}:\s*'(?P<text>.*)'\s*$", re.S)
_SENTENCE = re.compile(r"(?:[^.!?]|[.!?](?!\s|$))+[.!?]+(?=\s|$)")
_NOT_EVIDENCE = re.compile(
    r"^\s*(dear|hi|hello|good (morning|afternoon)|to all|kind regards|best wishes|many thanks"
    r"|thanks|thank you|regards|yours|please (find|see) (attached|enclosed|below)"
    r"|(i|we) (have )?attach|attached (is|are|please)|see attached|attachments?\b|enc\b"
    r"|from:|sent:|to:|cc:|subject:)",
    re.I,
)
NOTHING_CITED = "Confirmed by a reviewer."


def _text(reason: str) -> str:
    found = _CITED.match(reason)
    return " ".join((found.group("text") if found else reason).split())


def full_sentences(text: str) -> list[str]:
    """TEXT's whole sentences that could say what a document shows, in order."""
    out = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        # A greeting runs on into the first sentence ("Dear all, Please find…"): drop it.
        sentence = re.sub(r"^(dear|hi|hello)\b[^,]{0,60},\s*", "", sentence, flags=re.I)
        if (
            (sentence[:1].isupper() or sentence[:1].isdigit())
            and len(sentence.split()) >= 4
            and not _NOT_EVIDENCE.match(sentence)
        ):
            out.append(sentence)
    return out


def what_it_shows(reasons: Iterable[str]) -> str:
    """The first full sentence of the cited passages; else the first passage's words; else
    that a reviewer confirmed it."""
    texts = [_text(str(reason)) for reason in reasons]
    for text in texts:
        sentences = full_sentences(text)
        if sentences:
            return sentences[0]
    for text in texts:
        if text and not _NOT_EVIDENCE.match(text):
            return text
    return NOTHING_CITED
