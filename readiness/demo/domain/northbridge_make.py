"""The one way a Northbridge document is made: its truth, its habits and its text, seeded by
its path so that each document's wording never depends on the others."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from readiness.demo.domain.northbridge_writers import Blocks, Doc, lines_of

SEED = "northbridge-evidence-2011"
Writer = Callable[[random.Random, Doc], Blocks]


def make(
    agency: str,
    title: str,
    fmt: str,
    day: date,
    kind: str,
    focus: str,
    write: Writer,
    *,
    topics: tuple[str, ...] = (),
    lines: tuple[str, ...] | None = None,
    **habits: object,
) -> Doc:
    """A document whose lines of enquiry are its topics' (or LINES, when given)."""
    doc = Doc(
        agency,
        title,
        fmt,
        day,
        kind,
        focus,
        lines=lines_of(topics) if lines is None else lines,
        **habits,  # type: ignore[arg-type]
    )
    doc.blocks = write(random.Random(f"{SEED}:{doc.path}"), doc)
    return doc


def attach(email: Doc, *documents: Doc) -> Doc:
    """Put DOCUMENTS inside EMAIL: each stays a document of its own, filed under the e-mail."""
    for document in documents:
        document.attached_to = email.path
        email.attachments.append(document)
    return email
