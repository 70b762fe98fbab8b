"""Covering material: files that come with evidence but are not evidence themselves.

A partnership's folder holds, beside its reports, the e-mails that sent them ("Please find
attached…" and a list of files), contents pages and lists of what was sent, agendas without
their minutes, and blank templates. They name lines of enquiry ("Early help strategy – to
follow") without showing anything, so counting them would hide a real gap. Each is
recognised here and named; the analyses never count one towards a line of enquiry unless a
person aligned it by hand. An e-mail's attachments are documents of their own: only its body
is judged here.

Plain Python: `covering_reason(title, text, file_type)` gives a reason in words, or "".
"""

from __future__ import annotations

import re

_FILE_NAME = re.compile(
    r"\b[\w ()&',.-]{2,120}\.(pdf|docx?|xlsx?|csv|pptx?|txt|rtf|odt|msg|eml|zip|html?)\b",
    re.IGNORECASE,
)
_SENDING = re.compile(
    r"\b(please find (attached|enclosed|below)|(i|we) (attach|enclose|have attached)|"
    r"(is|are) attached|attached (is|are|please find)|enclosed (is|are)|"
    r"(documents?|files?|evidence|items?) (we are |i am )?(sending|sent|supplied|submitted|"
    r"listed below|to follow)|to follow separately|(will|to) follow\b|sent separately|"
    r"here (is|are) (the|our)|(i am|i'm|we are|we're) (sending|forwarding|submitting)|"
    r"the following (documents|files|papers|evidence|items))",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(dear|hi|hello|good (morning|afternoon))\b|^\s*(kind|best|warm|many)? ?"
    r"(regards|wishes|thanks|thank you)\b|^\s*(sent from|tel|phone|mobile|email|e-mail|"
    r"www\.|http|this e-?mail)",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^(from|to|cc|date|sent|subject):", re.IGNORECASE)
_CONTENTS_HEADING = re.compile(
    r"^\s*(table of )?contents\s*$|^\s*(index|list|schedule) of (documents|evidence|files|"
    r"enclosures|papers)|^\s*(evidence|document|documents) (list|index|submitted|sent)\b|"
    r"^\s*documents? (enclosed|supplied|provided)\b",
    re.IGNORECASE | re.MULTILINE,
)
_ENTRY = re.compile(
    r"^\s*(\d{1,3}[.)]?\s+|[-•*·▪●]\s*)?\S.{0,140}?"
    r"(\.{2,}\s*\d{1,3}|\s\d{1,3}|\.(pdf|docx?|xlsx?|csv|pptx?|html?))\s*$",
    re.IGNORECASE,
)
# "AGENDA", "Cabinet agenda", "Agenda for the meeting of …": a short line naming an agenda.
_AGENDA = re.compile(r"^[^\n]{0,40}\bagenda\b[^\n]{0,40}$|\bagenda (for|of) the\b", re.I | re.M)
_RECORD = re.compile(
    r"\b(present:|in attendance|resolved|it was agreed|the (board|group|panel|committee) "
    r"(agreed|noted|discussed|received)|actions? agreed|minutes of the meeting held|"
    r"minutes:|decision:|be (noted|agreed|approved|endorsed)\b)",
    re.IGNORECASE,
)
_AGENDA_ITEM = re.compile(r"^\s*(item\s+)?\d{1,2}(\.\d{1,2})?[.):]?\s+\S.{0,90}$", re.I)
_EMPTY_FIELD = re.compile(
    r"(_{4,}|\[\s*(insert|enter|add|type)[^\]]*\]|click or tap here to enter text|"
    r"☐|□|\(\s*tick\s*\)|\byes\s*/\s*no\b\s*$)",
    re.IGNORECASE,
)
_TEMPLATE_WORDS = re.compile(
    r"\btemplate\b|\bform\b|\bpro ?forma\b|\(blank\)|\bblank (form|template)\b", re.I
)
_SENTENCE = re.compile(r"[a-z][^.!?\n]{30,}[.!?](\s|$)")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _substance(lines: list[str]) -> list[str]:
    """Lines that are neither greetings, sign-offs, signatures nor headers."""
    return [line for line in lines if not _GREETING.search(line) and not _HEADER.match(line)]


def _covering_email(title: str, lines: list[str]) -> str:
    body = _substance(lines)
    if not body:
        return "a covering e-mail with no message of its own"
    files = [line for line in body if _FILE_NAME.search(line)]
    sending = any(_SENDING.search(line) for line in body) or _SENDING.search(title)
    prose = [line for line in body if not _FILE_NAME.search(line) and not _SENDING.search(line)]
    prose_chars = sum(len(line) for line in prose)
    if sending and prose_chars <= 400:
        listed = f", listing {len(files)} file{'s' if len(files) != 1 else ''}" if files else ""
        return f"a covering e-mail that only sends material{listed}"
    return ""


def _table_row(line: str) -> bool:
    """A row of a table of figures ("11/04/2011 <tab> Course <tab> 6 <tab> 4"), not an entry."""
    cells = [cell.strip() for cell in re.split(r"\t|\s{3,}", line) if cell.strip()]
    return len(cells) >= 3 and sum(bool(re.fullmatch(r"[\d.,/%£-]+", c)) for c in cells) >= 2


def _contents_list(title: str, text: str, lines: list[str]) -> str:
    headed = bool(_CONTENTS_HEADING.search(title) or _CONTENTS_HEADING.search(text[:600]))
    entries = [
        line
        for line in lines
        if (_ENTRY.match(line) or _FILE_NAME.search(line)) and not _table_row(line)
    ]
    prose = [line for line in lines if _SENTENCE.search(line) and len(line) > 120]
    if len(lines) < 3:
        return ""
    share = len(entries) / len(lines)
    if (headed and share >= 0.5 and len(prose) <= 2) or (
        share >= 0.8 and len(entries) >= 5 and not prose
    ):
        return f"a contents page or list of documents ({len(entries)} entries, no evidence)"
    return ""


def _agenda(title: str, text: str, lines: list[str]) -> str:
    if not (_AGENDA.search(title) or _AGENDA.search(text[:300])):
        return ""
    if _RECORD.search(text):
        return ""  # an agenda with its minutes is a record of the meeting
    items = [line for line in lines if _AGENDA_ITEM.match(line)]
    # An agenda names items; a paper or a record explains them in sentences.
    sentences = sum(len(_SENTENCE.findall(line)) for line in lines)
    if len(items) >= 2 and sentences <= max(4, len(items) // 2):
        return "an agenda, without the minutes of the meeting"
    return ""


def _empty_fields(lines: list[str]) -> list[str]:
    """Lines that leave a field to fill in: "Date of audit:" with nothing after it (and no
    paragraph under it, which would make it a heading), underscores, "[insert …]", boxes."""
    found = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _EMPTY_FIELD.search(line) or (
            line.endswith(":") and len(line) <= 60 and len(following) < 60
        ):
            found.append(line)
    return found


def _blank_template(title: str, lines: list[str]) -> str:
    named = bool(_TEMPLATE_WORDS.search(title) or _TEMPLATE_WORDS.search(lines[0]))
    empty = _empty_fields(lines)
    if named:
        # A form's labels with nothing written against them: short lines, no sentences.
        empty += [
            line
            for line in lines[1:]
            if line not in empty and len(line) < 60 and "\t" not in line and line[-1] != "."
        ]
    if len(empty) < 5:
        return ""
    share = len(empty) / max(1, len(lines))
    sentences = sum(len(_SENTENCE.findall(line)) for line in lines)
    if sentences <= 3 and (share >= 0.5 or (named and share >= 0.3)):
        return f"a blank template ({len(empty)} empty fields)"
    return ""


def covering_reason(title: str, text: str, file_type: str = "") -> str:
    """Why this file is covering material, in words, or "" when it is (or may be) evidence."""
    title = " ".join((title or "").split())
    text = text or ""
    lines = _lines(text[:20000])
    if not lines:
        return ""
    if file_type == "eml":
        return _covering_email(title, lines)
    if file_type in ("csv", "xlsx"):
        return ""  # a spreadsheet's rows are data, however list-like they look
    return (
        _contents_list(title, text, lines)
        or _agenda(title, text, lines)
        or _blank_template(title, lines)
    )
