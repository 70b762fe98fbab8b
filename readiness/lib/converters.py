"""Ids in URLs: a row id is a positive 64-bit integer, so anything outside 1..2^63-1 is a page
that cannot exist (404), never a database overflow (500). Imported by every urls.py."""

from django.urls import register_converter

MAX_ID = 2**63 - 1


def valid_id(value: int) -> bool:
    return 1 <= value <= MAX_ID


def posted_id(value: str | None) -> int:
    """An id sent in a form or query string, or 0 (no row has it) when it is not one: a
    view then finds nothing and says so, instead of the database refusing the value."""
    text = (value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return 0
    number = int(text)
    return number if valid_id(number) else 0


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not valid_id(number):
            raise ValueError(f"{value} is not a row id")  # Django answers 404
        return number

    def to_url(self, value: int) -> str:
        return str(int(value))


register_converter(IdConverter, "id")
