"""Near-duplicate detection: versions of one document (a draft and its final, minutes with
one line changed) share most of their word shingles, so their SimHashes differ in few bits."""

from __future__ import annotations

import hashlib
import re

WORD = re.compile(r"[a-z0-9]+")
BITS = 64


def simhash(text: str) -> str:
    """64-bit SimHash of word 3-shingles, as 16 hex digits ('' for too little text)."""
    words = WORD.findall(text.lower()[:400_000])
    if len(words) < 20:
        return ""
    weights = [0] * BITS
    for i in range(len(words) - 2):
        shingle = " ".join(words[i : i + 3]).encode()
        value = int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "big")
        # Keep one shingle in four, chosen by its own hash so that two versions of a
        # document keep the same ones: a quarter of the cost, much the same fingerprint.
        if value & 3 and len(words) > 200:
            continue
        for bit in range(BITS):
            weights[bit] += 1 if value >> bit & 1 else -1
    number = sum(1 << bit for bit in range(BITS) if weights[bit] > 0)
    return f"{number:016x}"


def similarity(a: str, b: str) -> float:
    """Share of equal bits between two fingerprints, 0..1 (0 when either is missing)."""
    if not a or not b:
        return 0.0
    distance = bin(int(a, 16) ^ int(b, 16)).count("1")
    return 1 - distance / BITS


NEAR_DUPLICATE = 0.9  # at most 6 of 64 bits differ
