"""Ids in URLs: a row id is a positive 64-bit integer, so anything outside 1..2^63-1 is a page
that cannot exist (404), never a database overflow (500). Imported by every urls.py."""

from django.urls import register_converter

MAX_ID = 2**63 - 1


def valid_id(value: int) -> bool:
    return 1 <= value <= MAX_ID


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
