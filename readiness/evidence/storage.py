"""Where evidence files are kept: every read and write goes through Django's storage API.

Two named storages (settings.STORAGES): "evidence" holds each document's bytes once, named by
their SHA-256 (`ab/abcdef…`), and "uploads" holds web uploads waiting for the worker. By
default both are folders of the data directory, as they always were; `READINESS_STORAGE=s3`
puts them in an S3-compatible bucket through django-storages (docs/deploy.md, "Evidence
storage"), so several web servers and workers share them.

A stored file is checked against its hash every time it is read back: bytes changed in the
store (by a fault, or by someone with access to the bucket) raise `DamagedFile`, are logged,
and are never served or copied on as if they were the document.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages

CHUNK = 1024 * 1024
HASH_NAME = re.compile(r"^[0-9a-f]{64}$")
log = logging.getLogger("readiness.evidence.storage")


class DamagedFile(Exception):
    """A stored file whose bytes no longer match the hash recorded for them."""

    def __init__(self, name: str, expected: str, found: str):
        self.name, self.expected, self.found = name, expected, found
        super().__init__(
            f"The stored file {name} does not match its recorded SHA-256 (expected "
            f"{expected}, found {found}): it was changed or damaged in storage, so it is not "
            "used. Put the original back from a backup (docs/backup.md)."
        )


class DataDirStorage(FileSystemStorage):
    """A folder of the data directory, found each time it is used (a command or a test may
    point READINESS_DATA_DIR elsewhere after start-up), written atomically: a half-written
    file never has its final name, so a killed ingest cannot leave a short file that a
    later run would take as stored."""

    def __init__(self, folder: str, **options: object):
        super().__init__(allow_overwrite=True, **options)
        self.folder = folder

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(Path(settings.DATA_DIR) / self.folder)

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def _save(self, name: str, content: File) -> str:
        target = Path(self.path(name))
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
        try:
            with partial.open("wb") as out:
                for chunk in content.chunks():
                    out.write(chunk)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target.relative_to(self.location).as_posix()


def evidence_storage() -> Storage:
    return storages["evidence"]


def upload_storage() -> Storage:
    return storages["uploads"]


def name_for(content_hash: str) -> str:
    """A document's name in the evidence storage: its hash, in one of 256 folders."""
    return f"{content_hash[:2]}/{content_hash}"


def hash_in_name(name: str) -> str | None:
    """The hash a stored name promises, for names that are one (every document's)."""
    last = name.rsplit("/", 1)[-1]
    return last if HASH_NAME.match(last) else None


def store(content_hash: str, data: bytes) -> str:
    """Keep a document's bytes once under their hash; a copy already held is left, unless it
    is damaged, when these bytes (which the caller has hashed) replace it."""
    return store_file(content_hash, ContentFile(data))


def store_file(content_hash: str, content: File) -> str:
    storage, name = evidence_storage(), name_for(content_hash)
    if storage.exists(name):
        try:
            open_verified(content_hash).close()
            return name
        except DamagedFile:
            pass  # the bytes in hand are the right ones: they replace the damaged copy
    saved = storage.save(name, content)
    if saved != name:  # a backend that renames instead of overwriting would lose the link
        raise RuntimeError(f"The evidence storage kept {name} as {saved}.")
    return name


def is_stored(content_hash: str) -> bool:
    return evidence_storage().exists(name_for(content_hash))


def open_verified(content_hash: str) -> File:
    """The stored file, open at its start, once its bytes have been checked against the hash.
    Raises FileNotFoundError when it is not there and DamagedFile when it does not match.
    The caller closes it."""
    return open_name_verified(name_for(content_hash), content_hash)


def open_name_verified(name: str, expected: str) -> File:
    handle = evidence_storage().open(name, "rb")
    try:
        digest = hashlib.sha256()
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
        found = digest.hexdigest()
        if found != expected:
            log.error(
                "evidence file damaged: %s should hash to %s but hashes to %s",
                name, expected, found,
                extra={"stored_name": name, "expected": expected, "found": found},
            )  # fmt: skip
            raise DamagedFile(name, expected, found)
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    return handle


def read(content_hash: str) -> bytes:
    """A document's bytes, checked against its hash (see `open_verified`)."""
    with open_verified(content_hash) as handle:
        return handle.read()


def stored_names(storage: Storage | None = None, folder: str = "") -> Iterator[str]:
    """Every file in the storage, in a stable order; files being written are not yet there."""
    storage = storage or evidence_storage()
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder}/" if folder else ""
    for name in sorted(files):
        if not name.endswith(".part"):
            yield prefix + name
    for sub in sorted(folders):
        yield from stored_names(storage, prefix + sub)
