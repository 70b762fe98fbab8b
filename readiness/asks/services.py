"""Every change to a request goes through here: asking, changing and withdrawing it,
answering by upload, declining. Asking, changing and withdrawing are kept in the audit log."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import BinaryIO

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from readiness.evidence.audit import audit
from readiness.evidence.ingest import IngestReport, ingest_uploads, is_plain_zip
from readiness.evidence.models import DocumentSource, EvidenceDocument
from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.models import Agency, Review

from .domain.state import (
    AskError,
    check_answerable,
    check_changeable,
    check_decline,
    check_request,
)
from .models import EvidenceRequest


def ask(
    review: Review,
    user: AbstractBaseUser | None,
    *,
    agency: Agency | None,
    lines: list[LineOfEnquiry],
    due_date: date | None,
    message: str,
) -> EvidenceRequest:
    """Ask `agency` for evidence on `lines` by `due_date`. Raises AskError and stores
    nothing on a problem. The agency's contributors hear of it from `readiness notify`."""
    check_request(agency.id if agency else None, [line.id for line in lines], due_date,
                  message, timezone.localdate())  # fmt: skip
    _check_scope(review, agency, lines)
    with transaction.atomic():
        request = EvidenceRequest.objects.create(
            review=review, agency=agency, message=message.strip(), due_date=due_date,
            asked_by=user,
        )  # fmt: skip
        request.lines_of_enquiry.set(lines)
    _log("evidence request made", user, request)
    return request


def _log(what: str, user: AbstractBaseUser | None, request: EvidenceRequest, **extra) -> None:
    who = user.pk if user is not None else None
    audit.info(what, extra={"user": who, "review": request.review_id, "request": request.id,
                            **extra})  # fmt: skip


def _check_scope(review: Review, agency: Agency, lines: list[LineOfEnquiry]) -> None:
    if agency.review_id != review.id:
        raise AskError("That agency is not part of this review.")
    if any(line.judgement.framework_id != review.framework_id for line in lines):
        raise AskError("Those lines of enquiry are not in this review's framework.")


def change(
    request: EvidenceRequest,
    user: AbstractBaseUser | None,
    *,
    agency: Agency | None,
    lines: list[LineOfEnquiry],
    due_date: date | None,
    message: str,
) -> list[str]:
    """Change an open request's agency, lines of enquiry, date or message. Returns the names
    of what changed (empty when nothing did). Raises AskError and changes nothing on a
    problem, or when the request is no longer open. A date already past may be kept."""
    check_changeable(request.status, "changed")
    check_request(agency.id if agency else None, [line.id for line in lines], due_date,
                  message, timezone.localdate(), kept_due=request.due_date)  # fmt: skip
    _check_scope(request.review, agency, lines)
    message = message.strip()
    line_ids = {line.id for line in lines}
    changed = [
        name
        for name, differs in (
            ("agency", agency.id != request.agency_id),
            ("lines of enquiry",
             line_ids != set(request.lines_of_enquiry.values_list("id", flat=True))),
            ("needed by", due_date != request.due_date),
            ("message", message != request.message),
        )
        if differs
    ]  # fmt: skip
    if not changed:
        return []
    with transaction.atomic():
        request.agency, request.due_date, request.message = agency, due_date, message
        request.save(update_fields=["agency", "due_date", "message"])
        request.lines_of_enquiry.set(lines)
    _log("evidence request changed", user, request, changed=", ".join(changed))
    return changed


def withdraw(request: EvidenceRequest, user: AbstractBaseUser | None, reason: str = "") -> None:
    """The review no longer needs the evidence. The request stays, with who withdrew it,
    when and why (the reason is optional); it no longer waits for an answer anywhere."""
    check_changeable(request.status, "withdrawn")
    request.status = EvidenceRequest.WITHDRAWN
    request.withdrawn_by = user
    request.withdrawn_at = timezone.now()
    request.withdraw_reason = reason.strip()
    request.save(update_fields=["status", "withdrawn_by", "withdrawn_at", "withdraw_reason"])
    _log("evidence request withdrawn", user, request)


def _documents_uploaded(review: Review, agency: Agency, uploads: list[BinaryIO]) -> list[int]:
    """The documents that now hold what was uploaded: a plain file by its content (so a file
    the library already held counts too), a zip and an e-mail's attachments by the path the
    ingest gave them ("archive.zip/folder/file") as this agency's, so that another agency's
    zip of the same name is never taken for it."""
    hashes, prefixes = [], []
    for upload in uploads:
        if not is_plain_zip(upload):
            hashes.append(_sha256(upload))
        prefixes.append(f"{upload.name}/")
    in_zip = Q()
    for prefix in prefixes:
        in_zip |= Q(path__startswith=prefix)
    by_hash = EvidenceDocument.objects.filter(review=review, content_hash__in=hashes)
    by_path = DocumentSource.objects.filter(in_zip, document__review=review, agency=agency)
    return sorted(
        set(by_hash.values_list("id", flat=True))
        | set(by_path.values_list("document_id", flat=True))
    )


def _sha256(upload: BinaryIO) -> str:
    """The upload's content hash, read in chunks (uploads are streamed to disk)."""
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def answer(
    request: EvidenceRequest, user: AbstractBaseUser, uploads: list[BinaryIO]
) -> tuple[IngestReport, list[int]]:
    """Take the uploaded files into the evidence library as the asked agency's, link the
    documents to the request and mark it answered. When no file could be used, the request
    stays as it was. A declined request can still be answered (the agency found it after
    all); a withdrawn one cannot (AskError, and nothing is taken in). Returns the ingest
    report and the ids of the documents linked."""
    check_answerable(request.status)
    report = ingest_uploads(request.review, uploads, user=user, agency=request.agency)
    document_ids = _documents_uploaded(request.review, request.agency, uploads)
    if document_ids:
        with transaction.atomic():
            request.documents.add(*document_ids)
            request.status = EvidenceRequest.ANSWERED
            request.answered_by = user
            request.answered_at = timezone.now()
            request.decline_reason = ""
            request.save(update_fields=["status", "answered_by", "answered_at",
                                        "decline_reason"])  # fmt: skip
    return report, document_ids


def decline(request: EvidenceRequest, user: AbstractBaseUser, reason: str) -> None:
    """The agency cannot supply the evidence, and says why."""
    check_answerable(request.status, "declined")
    check_decline(reason)
    if request.status == EvidenceRequest.ANSWERED:
        raise AskError("This request has been answered: it cannot be declined now.")
    request.status = EvidenceRequest.DECLINED
    request.decline_reason = reason.strip()
    request.answered_by = user
    request.answered_at = timezone.now()
    request.save(update_fields=["status", "decline_reason", "answered_by", "answered_at"])
