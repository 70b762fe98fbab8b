"""Archives and names, judged before anything is expanded or stored.

A zip says in its directory how many members it has and how large each will be when
expanded, and Python's zipfile never returns more than a member's declared size, so
checking the directory is a real cap. Every archive is judged by the same rule: a plain zip
sent as evidence, an Office file (safety.open_zip) and, by their total, an e-mail's
attachments.

A name is refused, and listed with the reason, when it climbs out of its folder ("..", an
absolute path) or carries a control character or one that changes the direction of text
(a right-to-left override can make "report\u202excod.exe" look like "reportexe.docx").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .types import Limits, Rejected

MIB = 1024 * 1024
# Real Office XML and real document folders compress 2-30x, occasionally ~100x; runs of
# zeros compress ~1000x. Only archives that expand past RATIO_MIN_BYTES are judged on their
# ratio, so a small odd member is no alarm.
MAX_RATIO = 200
RATIO_MIN_BYTES = 10 * MIB

_DIRECTION = {
    "\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069",
}  # fmt: skip


@dataclass(frozen=True)
class Member:
    name: str
    size: int  # declared size once expanded
    compressed: int


def megabytes(size: int) -> str:
    """`size` for a sentence: "12 KB", "1.5 MB", "200 MB"."""
    if size < MIB:
        return f"{max(size // 1024, 1)} KB"
    value = size / MIB
    text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
    return text.removesuffix(".0") + " MB"


def check_archive(
    members: Iterable[Member],
    limits: Limits,
    *,
    label: str = "zip archive",
    max_members: int | None = None,
) -> None:
    """Refuse an archive with too many members, too much in all once expanded, or that
    expands too many times over (as a whole or any one large member)."""
    members = list(members)
    most = limits.max_archive_members if max_members is None else max_members
    if len(members) > most:
        raise Rejected(
            f"The {label} has {len(members):,} files in it, over the limit of {most:,}: "
            "send it in smaller parts."
        )
    total = sum(m.size for m in members)
    limit = limits.max_archive_bytes if label == "zip archive" else limits.max_decompressed_bytes
    if total > limit:
        raise Rejected(
            f"The {label} would expand to {megabytes(total)} when opened, over the "
            f"{megabytes(limit)} limit: it may be a zip bomb, or send it in smaller parts."
        )
    compressed = sum(m.compressed for m in members)
    if total >= RATIO_MIN_BYTES and total > MAX_RATIO * max(compressed, 1):
        raise Rejected(
            f"The {label} would expand {total // max(compressed, 1):,} times over when opened "
            f"({megabytes(total)} from {megabytes(compressed)}): it may be a zip bomb."
        )
    for member in members:
        if member.size >= RATIO_MIN_BYTES and member.size > MAX_RATIO * max(member.compressed, 1):
            raise Rejected(
                f"The {label} would expand {member.size // max(member.compressed, 1):,} times "
                f"over when opened ({megabytes(member.size)} from "
                f"{megabytes(member.compressed)}): it may be a zip bomb."
            )


def check_attachments(sizes: Iterable[int], limits: Limits) -> None:
    total = sum(sizes)
    if total > limits.max_decompressed_bytes:
        raise Rejected(
            f"The e-mail's attachments come to {megabytes(total)}, over the "
            f"{megabytes(limits.max_decompressed_bytes)} limit: ask for them in smaller parts."
        )


def _bad_character(name: str) -> str | None:
    for character in name:
        if character in _DIRECTION:
            return character
        if unicodedata.category(character) == "Cc":
            return character
    return None


def shown_name(name: str) -> str:
    """NAME safe to show and to store: each control or direction character as [U+XXXX]."""
    return "".join(
        f"[U+{ord(c):04X}]" if c in _DIRECTION or unicodedata.category(c) == "Cc" else c
        for c in name
    )


def name_problem(path: str) -> str | None:
    """Why a file's name (a path within what was sent) cannot be taken, or None."""
    bad = _bad_character(path)
    if bad is not None:
        what = (
            "a character that changes the direction of text"
            if bad in _DIRECTION
            else "a control character"
        )
        return (
            f"The file's name contains {what} (U+{ord(bad):04X}), which can disguise what a "
            "file is: rename it and send it again."
        )
    parts = re.split(r"[\\/]", path)
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
        return "The file's name is an absolute path, which an archive must not hold: refused."
    if ".." in parts:
        return (
            "The file's name climbs out of its folder (“..”), as a malicious archive does: refused."
        )
    return None
