"""A backup's manifest: what the archive holds and the hash of every piece, so a restore can
refuse a damaged or altered archive before it changes anything. Plain data, no Django."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

FORMAT = "readiness-backup"
VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Evidence is stored by content hash: evidence/ab/ab12…(64 hex digits).
EVIDENCE_NAME = re.compile(r"evidence/([0-9a-f]{2})/(\1[0-9a-f]{62})")


class BadArchive(Exception):
    """The archive is not a Readiness backup, or not the one its manifest describes."""


@dataclass
class Manifest:
    engine: str  # "sqlite" or "postgresql"
    created: str  # ISO 8601, UTC
    database_sha256: str = ""
    tables: dict[str, dict[str, object]] = field(default_factory=dict)  # name → rows, sha256
    evidence: dict[str, str] = field(default_factory=dict)  # archive name → sha256

    @property
    def database_name(self) -> str:
        return DATABASE_NAMES[self.engine]

    @property
    def rows(self) -> int:
        return sum(int(t["rows"]) for t in self.tables.values())

    def expected(self) -> dict[str, str]:
        """Every member besides the manifest, with its hash."""
        return {self.database_name: self.database_sha256, **self.evidence}

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "engine": self.engine,
            "created": self.created,
            "database": {"name": self.database_name, "sha256": self.database_sha256},
            "tables": dict(sorted(self.tables.items())),
            "evidence": dict(sorted(self.evidence.items())),
        }
        return (json.dumps(data, indent=1, sort_keys=False) + "\n").encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw)
        except ValueError as error:
            raise BadArchive("Its manifest is not JSON.") from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BadArchive("This is not a Readiness backup.")
        if data.get("version") != VERSION:
            raise BadArchive(
                f"This backup is version {data.get('version')} of the format; this Readiness "
                f"reads version {VERSION}."
            )
        if data.get("engine") not in DATABASE_NAMES:
            raise BadArchive(f"Unknown database engine {data.get('engine')!r}.")
        evidence = data.get("evidence", {})
        for name in evidence:
            if not EVIDENCE_NAME.fullmatch(name):
                raise BadArchive(f"The manifest names an unexpected file: {name}")
        return cls(
            engine=data["engine"],
            created=str(data.get("created", "")),
            database_sha256=str(data.get("database", {}).get("sha256", "")),
            tables=dict(data.get("tables", {})),
            evidence=dict(evidence),
        )


def sha256_of(chunks: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def table_digest(rows: Iterator[tuple]) -> dict[str, object]:
    """The number of rows and a hash of their values in order, to prove a restore gave back
    exactly what was saved."""
    digest, count = hashlib.sha256(), 0
    for row in rows:
        digest.update(json.dumps(list(row), default=_plain, ensure_ascii=False).encode())
        digest.update(b"\n")
        count += 1
    return {"rows": count, "sha256": digest.hexdigest()}


def _plain(value: object) -> object:
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)


def problems(manifest: Manifest, found: dict[str, str]) -> list[str]:
    """What differs between the manifest and the members FOUND (name → sha256)."""
    expected = manifest.expected()
    listed = []
    for name in sorted(expected.keys() - found.keys()):
        listed.append(f"missing: {name}")
    for name in sorted(found.keys() - expected.keys()):
        listed.append(f"not in the manifest: {name}")
    for name in sorted(expected.keys() & found.keys()):
        if expected[name] != found[name]:
            listed.append(f"altered or damaged (its hash differs): {name}")
    return listed
