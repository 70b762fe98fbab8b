"""Backing up an installation while it runs, and restoring it into an empty one.

A backup is one tar archive: `manifest.json` (the hash of every other member and of every
table's rows), the database (SQLite copied through its online backup API, which gives a
consistent copy while people work; or PostgreSQL's `pg_dump`) and the evidence files.
A restore checks every hash before it changes anything, refuses an installation that holds
data, and checks the restored tables against the manifest afterwards.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from django.core.files import File
from django.db import connection, connections

from readiness.evidence import storage

from .domain.manifest import (
    MANIFEST_NAME,
    BadArchive,
    Manifest,
    problems,
    sha256_of,
    table_digest,
)

CHUNK = 1024 * 1024
Progress = Callable[[int, int, str], None]


class RestoreRefused(Exception):
    """The installation cannot take this backup; nothing was changed."""


def _nothing(done: int, total: int, item: str = "") -> None:
    return None


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise RuntimeError(f"Backups cover SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


# --- the database -------------------------------------------------------------------------


def _sqlite_path() -> str:
    return str(connection.settings_dict["NAME"])


def _copy_sqlite(target: Path) -> None:
    """SQLite's online backup: a consistent copy even while others write (they wait)."""
    source = sqlite3.connect(_sqlite_path())
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump and pg_restore, the password in the environment."""
    conf = connection.settings_dict
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if conf.get(key):
            args += [flag, str(conf[key])]
    environment = dict(os.environ)
    if conf.get("PASSWORD"):
        environment["PGPASSWORD"] = str(conf["PASSWORD"])
    return [*args, "--dbname", str(conf["NAME"])], environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise RuntimeError(
            f"{command[0]} is not installed: install PostgreSQL's client programs "
            "(Debian: postgresql-client) of the server's version or later."
        ) from error
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_postgresql(target: Path) -> None:
    args, environment = _pg_environment()
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
          "--file", str(target), *args], environment)  # fmt: skip


def _sqlite_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [row[0] for row in cursor.fetchall()]


def _postgresql_tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    return [row[0] for row in cursor.fetchall()]


def _digests(cursor, tables: list[str], quote: Callable[[str], str]) -> dict[str, dict]:
    found = {}
    for table in tables:
        cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 0")
        columns = len(cursor.description)
        order = ", ".join(str(n) for n in range(1, columns + 1))
        cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {order}")
        found[table] = table_digest(iter(cursor.fetchone, None))
    return found


def _sqlite_file_digests(path: Path) -> dict[str, dict]:
    database = sqlite3.connect(path)
    try:
        cursor = database.cursor()
        return _digests(cursor, _sqlite_tables(cursor), lambda t: '"' + t + '"')
    finally:
        database.close()


def _live_digests() -> dict[str, dict]:
    if connection.vendor == "sqlite":
        # Through a plain connection: Django's converts column types, the copy's does not.
        return _sqlite_file_digests(Path(_sqlite_path()))
    with connection.cursor() as cursor:
        return _digests(cursor, _postgresql_tables(cursor), connection.ops.quote_name)


# --- backing up ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int


def evidence_files() -> list[str]:
    """Every file in the evidence storage (the data directory's folder or the bucket)."""
    return list(storage.stored_names())


def _expected_hash(name: str) -> str:
    """A document's file is named by its SHA-256; anything else is hashed as it is."""
    named = storage.hash_in_name(name)
    if named is not None:
        return named
    with storage.evidence_storage().open(name, "rb") as handle:
        return sha256_of(iter(lambda: handle.read(CHUNK), b""))


def backup(output: Path, progress: Progress = _nothing) -> BackupResult:
    """Write a backup of this installation to OUTPUT (a tar archive), atomically."""
    kind = engine()
    manifest = Manifest(engine=kind, created=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".readiness-backup-") as work:
        database = Path(work) / manifest.database_name
        if kind == "sqlite":
            _copy_sqlite(database)
            manifest.tables = _sqlite_file_digests(database)
        else:
            _dump_postgresql(database)
            # The dump is one snapshot; these are read just after it, so a write in between
            # shows as a difference when the backup is restored (and is reported then).
            manifest.tables = _live_digests()
        manifest.database_sha256 = sha256_of(_chunks(database))
        files = evidence_files()
        for name in files:
            manifest.evidence[f"evidence/{name}"] = _expected_hash(name)
        partial = Path(work) / "archive.tar"
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
            _add_bytes(archive, MANIFEST_NAME, manifest.to_json())
            archive.add(database, manifest.database_name, recursive=False)
            for number, name in enumerate(files, start=1):
                _add_evidence(archive, name, manifest.evidence[f"evidence/{name}"])
                progress(number, len(files), name)
        os.replace(partial, output)
    return BackupResult(output, manifest, output.stat().st_size)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    _add_file(archive, name, io.BytesIO(data), len(data))


def _add_file(archive: tarfile.TarFile, name: str, handle: BinaryIO, size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, handle)


def _add_evidence(archive: tarfile.TarFile, name: str, expected: str) -> None:
    """One evidence file, read through the storage and checked against its hash first: a
    damaged file stops the backup (storage.DamagedFile) rather than being saved as good."""
    with storage.open_name_verified(name, expected) as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(0)
        _add_file(archive, f"evidence/{name}", handle, size)


# --- restoring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    tables: int
    rows: int
    files: int


def read_and_verify(path: Path) -> Manifest:
    """The archive's manifest, once every member's hash has been checked against it."""
    try:
        archive = tarfile.open(path, "r:")
    except (OSError, tarfile.TarError) as error:
        raise BadArchive(f"{path} is not a tar archive: {error}") from error
    with archive:
        first = archive.next()
        if first is None or first.name != MANIFEST_NAME or not first.isfile():
            raise BadArchive(f"{path} does not begin with a {MANIFEST_NAME}.")
        manifest = Manifest.from_json(archive.extractfile(first).read())
        found: dict[str, str] = {}
        for member in archive:
            if member is first:
                continue
            if not member.isfile():
                raise BadArchive(f"The archive holds something that is not a file: {member.name}")
            handle = archive.extractfile(member)
            found[member.name] = sha256_of(iter(lambda h=handle: h.read(CHUNK), b""))
    listed = problems(manifest, found)
    if listed:
        raise BadArchive("The archive does not match its manifest; nothing was restored:\n"
                         + "\n".join(listed))  # fmt: skip
    return manifest


def installation_is_empty() -> bool:
    """No people, no reviews and no evidence files: a fresh installation, migrated or not."""
    from django.contrib.auth import get_user_model
    from django.db.utils import OperationalError, ProgrammingError

    from readiness.reviews.models import Review

    if evidence_files():
        return False
    try:
        return not get_user_model().objects.exists() and not Review.objects.exists()
    except (OperationalError, ProgrammingError):
        connection.close()
        return True  # not migrated yet: nothing in it


def restore(path: Path, progress: Progress = _nothing) -> RestoreResult:
    """Restore the backup at PATH into this installation, which must be empty."""
    manifest = read_and_verify(path)
    kind = engine()
    if manifest.engine != kind:
        raise RestoreRefused(
            f"This backup is of a {manifest.engine} database and this installation uses "
            f"{kind}: restore it into an installation on {manifest.engine}."
        )
    if not installation_is_empty():
        raise RestoreRefused(
            "This installation already holds people, reviews or evidence: restore only into "
            "an empty one (a new READINESS_DATA_DIR and a new, empty database)."
        )
    with tarfile.open(path, "r:") as archive, tempfile.TemporaryDirectory() as work:
        database = Path(work) / manifest.database_name
        with archive.extractfile(manifest.database_name) as source, database.open("wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        _restore_database(kind, database)
        names = sorted(manifest.evidence)
        evidence = storage.evidence_storage()
        for number, name in enumerate(names, start=1):
            # Checked against the manifest already; the storage writes it whole or not at all.
            with archive.extractfile(name) as source:
                evidence.save(name.removeprefix("evidence/"), File(source))
            progress(number, len(names), name)
    differences = _check_tables(manifest)
    if differences:
        raise RuntimeError(
            "The restored database differs from the backup's manifest: " + "; ".join(differences)
        )
    return RestoreResult(manifest, len(manifest.tables), manifest.rows, len(manifest.evidence))


def _restore_database(kind: str, database: Path) -> None:
    connections.close_all()
    if kind == "sqlite":
        source = sqlite3.connect(database)
        target = sqlite3.connect(_sqlite_path())
        try:
            source.backup(target)  # replaces every page, whatever was there
        finally:
            target.close()
            source.close()
        return
    args, environment = _pg_environment()
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", *args, str(database)], environment)  # fmt: skip


def _check_tables(manifest: Manifest) -> list[str]:
    now = _live_digests()
    differences = []
    for table, expected in manifest.tables.items():
        if now.get(table) != expected:
            differences.append(f"table {table}")
    return differences
