"""People correct what the machine read from a document, and the machine then leaves it be.

A correction of the title, date, kind, focus or agency is kept as a `DocumentChange` (who,
when, from, to) and the field is added to the document's `corrected` list, which every later
run of the machine (`reread_document`, `readiness evidence reread`) respects. Who may correct:
the review's lead and reviewers, and contributors of the document's own agency.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from readiness.reviews.domain.roles import CONTRIBUTOR, GRADE, may
from readiness.reviews.models import Agency, Membership

from . import storage
from .domain.dating import PERSON
from .domain.doctype import KIND_LABELS
from .domain.extract import extract
from .domain.types import Rejected
from .ingest import LIMITS, describe_text
from .models import DocumentChange, EvidenceDocument

CORRECTABLE = ("title", "document_date", "kind", "focus", "agency")
FIELD_NAMES = {
    "title": "title",
    "document_date": "date",
    "kind": "type",
    "focus": "focus",
    "agency": "agency",
}


def may_correct(membership: Membership, document: EvidenceDocument) -> bool:
    if may(membership.role, GRADE):
        return True
    return (
        membership.role == CONTRIBUTOR
        and membership.agency_id is not None
        and membership.agency_id == document.agency_id
    )


def _shown(field: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if field == "document_date" and isinstance(value, date):
        return value.isoformat()
    if field == "agency" and isinstance(value, Agency):
        return value.name
    if field == "kind":
        return KIND_LABELS.get(str(value), str(value))
    return str(value)


@transaction.atomic
def correct_document(
    document: EvidenceDocument, user: AbstractBaseUser, values: dict[str, object]
) -> list[str]:
    """Apply a person's values for the correctable fields; returns the fields changed."""
    changed = []
    for field in CORRECTABLE:
        if field not in values:
            continue
        new = values[field]
        old = getattr(document, field)
        if (old or None) == (new or None):
            continue
        DocumentChange.objects.create(
            document=document,
            field=field,
            before=_shown(field, old)[:300],
            after=_shown(field, new)[:300],
            changed_by=user,
        )
        setattr(document, field, new)
        changed.append(field)
        if field == "kind":
            document.kind_label = KIND_LABELS.get(str(new), "") if new else ""
            document.kind_score = 1.0 if new else 0.0
        if field == "focus":
            document.focus_score = 1.0 if new else 0.0
        if field == "document_date":
            document.date_source = PERSON if new else ""
            document.date_note = ""
    if changed:
        document.corrected = sorted(set(document.corrected) | set(changed))
        document.save()
    return changed


def reread_document(document: EvidenceDocument, arrived: date) -> list[str]:
    """Read the stored file again with today's extractor and classifier, keeping every
    field a person corrected; returns the fields that changed."""
    source = document.sources.order_by("id").first()
    name = PurePosixPath(source.path).name if source else f"document.{document.file_type}"
    try:
        extracted = extract(name, storage.read(document.content_hash), LIMITS)
    except (OSError, Rejected, storage.DamagedFile):
        return []  # a damaged file is logged by the storage; its old reading stands
    title = document.title if "title" in document.corrected else (extracted.title or "").strip()
    title = title or document.title
    read = describe_text(title, extracted.text, extracted, arrived=arrived)
    fresh: dict[str, object] = {
        "title": title[:300],
        "document_date": read["date"].date,
        "date_source": read["date"].source,
        "date_note": read["date"].note,
        "covering": read["covering"],
        **read["kind"],
    }
    kept = set(document.corrected)
    follows = {"document_date": ("date_source", "date_note"), "kind": ("kind_label", "kind_score")}
    follows["focus"] = ("focus_score", "focus_words")
    for field in list(kept):
        kept.update(follows.get(field, ()))
    changed = []
    for field, value in fresh.items():
        if field in kept or getattr(document, field) == value:
            continue
        setattr(document, field, value)
        changed.append(field)
    if changed:
        document.save(update_fields=changed)
    return changed
