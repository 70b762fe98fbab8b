"""Removing a document from the library, and a lead bringing it back.

A removed document keeps its row, file, passages and alignments, so nothing of the audit
trail is lost; the `objects` managers leave it out of every list, analysis, search and export
(models.CurrentDocuments). Each removal and restoration is a `DocumentChange` and an audit
log line. Who may remove: the review's lead, and contributors of the document's own agency.
Who may restore: the lead only.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from readiness.reviews.domain.roles import CONTRIBUTOR, MANAGE, may
from readiness.reviews.models import Membership

from .audit import audit
from .models import DocumentChange, EvidenceDocument

IN_LIBRARY, REMOVED = "in the library", "removed"


def may_remove(membership: Membership, document: EvidenceDocument) -> bool:
    if may(membership.role, MANAGE):
        return True
    return (
        membership.role == CONTRIBUTOR
        and membership.agency_id is not None
        and membership.agency_id == document.agency_id
    )


def may_restore(membership: Membership) -> bool:
    return may(membership.role, MANAGE)


@transaction.atomic
def remove_document(document: EvidenceDocument, user: AbstractBaseUser) -> None:
    if document.removed_at is not None:
        return
    document.removed_at, document.removed_by = timezone.now(), user
    document.save(update_fields=["removed_at", "removed_by"])
    DocumentChange.objects.create(
        document=document, field="removed", before=IN_LIBRARY, after=REMOVED, changed_by=user
    )
    audit.info(
        "evidence document removed",
        extra={"user": user.pk, "review": document.review_id, "document": document.id},
    )


@transaction.atomic
def restore_document(document: EvidenceDocument, user: AbstractBaseUser) -> None:
    if document.removed_at is None:
        return
    document.removed_at, document.removed_by = None, None
    document.save(update_fields=["removed_at", "removed_by"])
    DocumentChange.objects.create(
        document=document, field="removed", before=REMOVED, after=IN_LIBRARY, changed_by=user
    )
    audit.info(
        "evidence document restored",
        extra={"user": user.pk, "review": document.review_id, "document": document.id},
    )
