"""Codes for recommendations (R1, R2 …) and action points (A1, A2 …)."""

import re

CODE_PATTERN = re.compile(r"^(?P<prefix>[RA])(?P<number>[1-9][0-9]{0,4})$")


class CodeError(ValueError):
    pass


def parse_code(code: str, expected_prefix: str) -> int:
    """The number in a code such as "A9", or CodeError saying what is wrong with it."""
    match = CODE_PATTERN.match(code.strip().upper())
    if not match:
        raise CodeError(f"“{code}” is not a code like {expected_prefix}1.")
    if match["prefix"] != expected_prefix:
        raise CodeError(f"“{code}” should start with {expected_prefix}.")
    return int(match["number"])


def format_code(prefix: str, number: int) -> str:
    return f"{prefix}{number}"
