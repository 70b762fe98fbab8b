"""@mentions in a comment: "@dana.police" by username or "@Dana Okafor" by name, matched
against the people on the review only, so an @ in an e-mail address or a stray word names
nobody. Plain Python."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    id: int
    username: str
    name: str = ""  # full name; may be empty


def _handles(people: Iterable[Person]) -> list[tuple[str, Person]]:
    """Every way to mention each person, longest first, so "@Dana Okafor" wins over a
    username "dana"."""
    handles = []
    for person in people:
        handles.append((person.username.lower(), person))
        if person.name.strip():
            handles.append((" ".join(person.name.split()).lower(), person))
    return sorted(handles, key=lambda pair: -len(pair[0]))


def split_mentions(text: str, people: Iterable[Person]) -> list[tuple[str, Person | None]]:
    """The text in pieces: plain text with None, a mention with the person mentioned. An @
    counts only at the start or after a space or punctuation (not inside an e-mail address),
    and the name must end at a word boundary."""
    handles = _handles(people)
    pieces: list[tuple[str, Person | None]] = []
    plain_from, i = 0, 0
    lowered = text.lower()
    while True:
        i = text.find("@", i)
        if i < 0:
            break
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "._-"):
            i += 1
            continue
        for handle, person in handles:
            end = i + 1 + len(handle)
            candidate = lowered[i + 1 : end]
            if candidate == handle and (end == len(text) or not _word_char(text[end])):
                if plain_from < i:
                    pieces.append((text[plain_from:i], None))
                pieces.append((text[i:end], person))
                plain_from = i = end
                break
        else:
            i += 1
    if plain_from < len(text):
        pieces.append((text[plain_from:], None))
    return pieces


def _word_char(c: str) -> bool:
    # A full stop ends a sentence after a name, but "@dana.police" continues a username.
    return c.isalnum() or c in "_-"


def find_mentions(text: str, people: Iterable[Person]) -> list[int]:
    """The ids of the people mentioned, in order of first mention, each once."""
    seen: dict[int, None] = {}
    for _, person in split_mentions(text, people):
        if person is not None:
            seen.setdefault(person.id)
    return list(seen)
