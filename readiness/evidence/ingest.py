"""Take a folder, a zip or uploaded files into a review's evidence library.

Each file is stored and recorded in its own transaction, after its bytes are safely stored,
so a run that is killed part-way leaves only whole documents; running again skips what is
already there (by content hash) and finishes the rest. The same file sent twice is one
document with two sources. A bad file is recorded with its reason and the batch carries on.
"""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from readiness.reviews.models import Agency, Review

from . import storage
from .alignment import ReviewAligner
from .domain.archive import Member, check_archive, name_problem, shown_name
from .domain.covering import covering_reason
from .domain.dating import Dated, document_date
from .domain.doctype import classify_document
from .domain.extract import extract
from .domain.fingerprint import BITS, NEAR_DUPLICATE, simhash
from .domain.passages import split_passages
from .domain.types import Extracted, Limits, Rejected
from .models import DocumentSource, EvidenceDocument, Passage, RejectedFile
from .search import index_passages

Progress = Callable[[int, int, str], None]
LIMITS = Limits()


@dataclass
class IngestReport:
    seen: int = 0
    added: int = 0
    new_sources: int = 0
    unchanged: int = 0
    needs_ocr: int = 0
    near_duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    added_ids: list[int] = field(default_factory=list)  # the new documents, in order
    # Files whose content the review holds as a removed document: (path, document id).
    removed: list[tuple[str, int]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.seen} files: {self.added} added, {self.new_sources} already held "
            f"(new source recorded), {self.unchanged} unchanged, {len(self.rejected)} "
            f"rejected, {self.needs_ocr} need OCR, {self.near_duplicates} near-duplicates; "
            f"{self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class IncomingFile:
    path: str  # as the partnership named it, relative to what was ingested
    read: Callable[[], bytes]
    size: int
    refused: str = ""  # refused before reading (an archive over its limits), with the reason


def _refused(path: str, reason: str) -> IncomingFile:
    return IncomingFile(path, lambda: b"", 0, refused=reason)


def _skipped(name: str) -> bool:
    """Hidden files and the Mac's resource folders are not evidence; ".." is not hidden but
    an attack, refused by name_problem with its reason."""
    parts = PurePosixPath(name).parts
    return any((p.startswith(".") and p != "..") or p == "__MACOSX" for p in parts)


def _zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    return [m for m in archive.infolist() if not m.is_dir()]


def _archive_problem(members: list[zipfile.ZipInfo]) -> str | None:
    try:
        check_archive((Member(m.filename, m.file_size, m.compress_size) for m in members), LIMITS)
    except Rejected as rejection:
        return rejection.reason
    return None


def files_in(path: Path, *, in_subfolders_only: bool = False) -> Iterator[IncomingFile]:
    """Every file under a folder, or in a zip, in a stable order. Hidden files are skipped;
    so are loose files at the top when only the agencies' sub-folders are wanted."""
    if path.is_file() and zipfile.is_zipfile(path):
        yield from _files_in_zip(path)
    elif path.is_file():
        yield IncomingFile(path.name, path.read_bytes, path.stat().st_size)
    else:
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            relative = file.relative_to(path)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if in_subfolders_only and len(relative.parts) == 1:
                continue
            yield IncomingFile(relative.as_posix(), file.read_bytes, file.stat().st_size)


def _files_in_zip(path: Path) -> Iterator[IncomingFile]:
    with zipfile.ZipFile(path) as archive:
        members = _zip_members(archive)
    problem = _archive_problem(members)
    if problem:
        yield _refused(path.name, problem)
        return
    for member in sorted(members, key=lambda m: m.filename):
        name = PurePosixPath(member.filename)
        if _skipped(member.filename):
            continue

        def read(member: zipfile.ZipInfo = member) -> bytes:
            if member.file_size > LIMITS.max_file_bytes:
                raise Rejected(_too_big(member.file_size))
            with zipfile.ZipFile(path) as archive:
                return archive.read(member)

        yield IncomingFile(name.as_posix(), read, member.file_size)


def _too_big(size: int) -> str:
    return (
        f"The file is {size / 1_048_576:.0f} MB, over the "
        f"{LIMITS.max_file_bytes / 1_048_576:.0f} MB limit."
    )


class Ingester:
    """One ingest run into one review."""

    def __init__(
        self,
        review: Review,
        *,
        user: AbstractBaseUser | None = None,
        agency: Agency | None = None,
        progress: Progress | None = None,
    ):
        self.review = review
        self.user = user
        self.agency = agency
        self.progress = progress
        self.report = IngestReport()
        self.agencies = {a.name.lower(): a for a in review.agencies.all()}
        self.aligner = ReviewAligner(review)
        # As integers: comparing against every earlier document is the one step that grows
        # with the size of the library, so it must be cheap.
        self.fingerprints = {
            document_id: int(fingerprint, 16)
            for document_id, fingerprint in EvidenceDocument.objects.filter(review=review)
            .exclude(fingerprint="")
            .values_list("id", "fingerprint")
        }

    def run(self, files: list[IncomingFile]) -> IngestReport:
        started = time.perf_counter()
        for number, incoming in enumerate(files, start=1):
            self.ingest_one(incoming)
            if self.progress:
                self.progress(number, len(files), incoming.path)
        self.report.seconds = time.perf_counter() - started
        return self.report

    def agency_for(self, path: str) -> Agency | None:
        if self.agency is not None:
            return self.agency
        parts = PurePosixPath(path).parts
        for part in parts[:-1]:
            agency = self.agencies.get(part.lower())
            if agency is not None:
                return agency
        return None

    def ingest_one(self, incoming: IncomingFile, depth: int = 0) -> None:
        self.report.seen += 1
        agency = self.agency_for(incoming.path)
        problem = incoming.refused or name_problem(incoming.path)
        if problem:
            self._reject(shown_name(incoming.path), "", problem, agency)
            return
        try:
            if incoming.size > LIMITS.max_file_bytes:
                raise Rejected(_too_big(incoming.size))
            data = incoming.read()
        except Rejected as rejection:
            self._reject(incoming.path, "", rejection.reason, agency)
            return
        except OSError as error:
            self._reject(incoming.path, "", f"The file could not be read: {error}.", agency)
            return
        content_hash = hashlib.sha256(data).hexdigest()
        if RejectedFile.objects.filter(
            review=self.review, path=incoming.path, content_hash=content_hash
        ).exists():
            self.report.unchanged += 1
            return
        existing = EvidenceDocument.with_removed.filter(
            review=self.review, content_hash=content_hash
        ).first()
        if existing is not None and existing.removed_at is not None:
            # Someone removed it on purpose: sending it again does not bring it back; a
            # lead restores it, with its history, from the removed documents' list.
            self.report.removed.append((incoming.path, existing.id))
            return
        if existing is not None:
            _, created = DocumentSource.objects.get_or_create(
                document=existing,
                path=incoming.path,
                defaults={"agency": agency, "added_by": self.user},
            )
            if created:
                self.report.new_sources += 1
            else:
                self.report.unchanged += 1
            return
        try:
            extracted = extract(PurePosixPath(incoming.path).name, data, LIMITS)
        except Rejected as rejection:
            self._reject(incoming.path, content_hash, rejection.reason, agency)
            return
        self._add(incoming.path, data, content_hash, extracted, agency, attachment=depth > 0)
        if depth == 0:
            for attachment in extracted.attachments[: LIMITS.max_attachments]:
                self.ingest_one(
                    IncomingFile(
                        f"{incoming.path}/{attachment.name}",
                        lambda attachment=attachment: attachment.data,
                        len(attachment.data),
                    ),
                    depth=1,
                )

    def folders(self, path: str, attachment: bool = False) -> str:
        """The folders a partnership filed a document in, without the agency's own folder
        or, for an e-mail attachment, the e-mail it came in."""
        parts = list(PurePosixPath(path).parts[:-1])
        if attachment and parts:
            parts.pop()
        kept = [part for part in parts if part.lower() not in self.agencies]
        return "/".join([*kept, PurePosixPath(path).name])

    def _reject(self, path: str, content_hash: str, reason: str, agency: Agency | None) -> None:
        path = path[:500]  # the column's length; an archive can nest names deeper
        RejectedFile.objects.update_or_create(
            review=self.review,
            path=path,
            content_hash=content_hash,
            defaults={"reason": reason, "agency": agency},
        )
        self.report.rejected.append((path, reason))

    def _add(
        self,
        path: str,
        data: bytes,
        content_hash: str,
        extracted: Extracted,
        agency: Agency | None,
        *,
        attachment: bool = False,
    ) -> None:
        stored = storage.store(content_hash, data)
        passages = split_passages(extracted)
        text = extracted.text
        title = (extracted.title or "").strip() or PurePosixPath(path).stem
        read = describe_text(title, text, extracted, arrived=timezone.localdate())
        fingerprint = simhash(text)
        near, near_score = self._nearest(fingerprint)
        alignments = self.aligner.align(passages)
        with transaction.atomic():
            document = EvidenceDocument.objects.create(
                review=self.review,
                content_hash=content_hash,
                title=title[:300],
                agency=agency,
                document_date=read["date"].date,
                date_source=read["date"].source,
                date_note=read["date"].note,
                file_type=extracted.file_type,
                size_bytes=len(data),
                page_count=len(extracted.pages),
                text_chars=len(text),
                status=EvidenceDocument.NEEDS_OCR if extracted.needs_ocr else EvidenceDocument.OK,
                warnings=list(extracted.warnings) + read["warnings"],
                covering=read["covering"],
                **read["kind"],
                ordered_by_line=self.aligner.folder_names_a_line(self.folders(path, attachment)),
                fingerprint=fingerprint,
                near_duplicate_of_id=near,
                near_duplicate_similarity=near_score if near else None,
                stored_name=stored,
                added_by=self.user,
            )
            DocumentSource.objects.create(
                document=document, path=path, agency=agency, added_by=self.user
            )
            rows = Passage.objects.bulk_create(
                Passage(
                    document=document,
                    position=p.position,
                    page=p.page,
                    paragraph=p.paragraph,
                    text=p.text,
                )
                for p in passages
            )
            index_passages(self.review.id, rows)
            self.aligner.store(document, alignments)
        if fingerprint:
            self.fingerprints[document.id] = int(fingerprint, 16)
        self.report.added += 1
        self.report.added_ids.append(document.id)
        self.report.needs_ocr += extracted.needs_ocr
        self.report.near_duplicates += near is not None

    def _nearest(self, fingerprint: str) -> tuple[int | None, float]:
        if not fingerprint:
            return None, 0.0
        value = int(fingerprint, 16)
        best, fewest = None, BITS + 1
        for document_id, other in self.fingerprints.items():
            differing = (value ^ other).bit_count()
            if differing < fewest:
                best, fewest = document_id, differing
        score = 1 - fewest / BITS
        return (best, score) if best is not None and score >= NEAR_DUPLICATE else (None, 0.0)


def has_readable_text(text: str) -> bool:
    """Enough words to judge a document by: a scan's stray characters are not."""
    return sum(len(word) >= 3 and word.isalpha() for word in text.split()) >= 8


def describe_text(title: str, text: str, extracted: Extracted, *, arrived: date) -> dict:
    """What the machine reads from a document's words, as the fields it sets: its date and
    where that came from, its kind, focus and areas, and whether it is covering material.
    A document with no readable text gets none of them, and says why."""
    if not has_readable_text(text):
        return {
            "date": Dated(None, "", ""),
            "covering": "",
            "warnings": [
                "No readable text, so no date, kind, focus or areas were given: "
                + ("it needs OCR." if extracted.needs_ocr else "it may be a scan or an image.")
            ],
            "kind": {
                "kind": "",
                "kind_label": "",
                "kind_score": 0,
                "focus": "",
                "focus_score": 0,
                "focus_words": [],
                "areas": [],
            },  # fmt: skip
        }
    dated = document_date(title, text, extracted.date, arrived, sent=extracted.file_type == "eml")
    kind = classify_document(title, text, extracted.file_type)
    return {
        "date": dated,
        "covering": covering_reason(title, text, extracted.file_type),
        "warnings": [],
        "kind": {
            "kind": kind.kind,
            "kind_label": kind.kind_label,
            "kind_score": kind.kind_score,
            "focus": kind.focus,
            "focus_score": kind.focus_score,
            "focus_words": list(kind.focus_words),
            "areas": [list(pair) for pair in kind.areas],
        },
    }


def ingest_path(
    review: Review,
    path: Path,
    *,
    user: AbstractBaseUser | None = None,
    agency: Agency | None = None,
    progress: Progress | None = None,
    in_subfolders_only: bool = False,
) -> IngestReport:
    files = list(files_in(path, in_subfolders_only=in_subfolders_only))
    return Ingester(review, user=user, agency=agency, progress=progress).run(files)


def ingest_uploads(
    review: Review,
    uploads: list[BinaryIO],
    *,
    user: AbstractBaseUser | None = None,
    agency: Agency | None = None,
) -> IngestReport:
    """Uploaded files (Django's, already streamed to disk in chunks), each read only when
    its turn comes, so one request holds one file in memory at a time. A plain zip (not an
    Office file, which is a zip too) is judged by its directory, then its files are taken
    one by one, named "archive.zip/folder/file"."""
    return Ingester(review, user=user, agency=agency).run(uploaded_files(uploads))


def uploaded_files(uploads: list[BinaryIO]) -> list[IncomingFile]:
    """The files to check in uploads (each with a name and a size), a plain zip's one by one."""
    files: list[IncomingFile] = []
    for upload in uploads:
        name, size = upload.name, upload.size
        archive = _plain_zip(upload)
        if archive is None:
            files.append(IncomingFile(name, lambda upload=upload: _read_all(upload), size))
        else:
            files.extend(_files_in_uploaded_zip(name, archive))
    return files


def _read_all(upload: BinaryIO) -> bytes:
    upload.seek(0)
    return upload.read()


def is_plain_zip(upload: BinaryIO) -> bool:
    """Whether the upload is a plain zip (taken apart into its files), not an Office file."""
    return _plain_zip(upload) is not None


def _plain_zip(upload: BinaryIO) -> zipfile.ZipFile | None:
    """The upload as an open zip when it is a plain one, read from its directory alone."""
    upload.seek(0)
    if upload.read(4)[:2] != b"PK":
        return None
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None  # read as a file, and refused with extraction's own reason
    if "[Content_Types].xml" in names or "mimetype" in names:
        return None
    return archive


def _files_in_uploaded_zip(name: str, archive: zipfile.ZipFile) -> list[IncomingFile]:
    members = _zip_members(archive)
    problem = _archive_problem(members)
    if problem:
        return [_refused(name, problem)]
    files = []
    for member in sorted(members, key=lambda m: m.filename):
        if _skipped(member.filename):
            continue

        def read(member: zipfile.ZipInfo = member) -> bytes:
            if member.file_size > LIMITS.max_file_bytes:
                raise Rejected(_too_big(member.file_size))
            return archive.read(member)

        files.append(IncomingFile(f"{name}/{member.filename}", read, member.file_size))
    return files
