"""Write narrative versions and check them against the latest data."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from readiness.evidence.models import EvidenceDocument
from readiness.indicators.models import DataImport, IndicatorValue
from readiness.indicators.queries import definition, period_label
from readiness.reviews.models import Review

from .domain.check import CheckResult, IndicatorRef, NarrativeText, check_narrative
from .models import Narrative, NarrativeVersion

SECTIONS = ("targeted_and_why", "what_we_did", "impact_for_children", "whats_next")


def current_values(review: Review) -> dict[str, tuple[str, float | None]]:
    """indicator id → (period label, value) of the latest period held."""
    latest: dict[str, tuple[str, float | None]] = {}
    for item in IndicatorValue.objects.filter(review=review).order_by("period_end"):
        found = definition(item.indicator)
        if found is not None:
            latest[item.indicator] = (period_label(found, item.period_end), item.value)
    return latest


def shown(value: float | None, unit: str) -> str:
    if value is None:
        return "no figure"
    number = f"{value:g}" if value != int(value) else f"{int(value)}"
    return f"{number}%" if unit == "percent" else number


@transaction.atomic
def save_version(
    narrative: Narrative,
    user: AbstractBaseUser | None,
    *,
    title: str,
    indicator_ids: list[str],
    evidence: list[str],
    documents: Iterable[EvidenceDocument] = (),
    approved: bool = True,
    **sections: str,
) -> NarrativeVersion:
    """A new version: embedded indicators take the figures held now; `documents` (from the
    narrative's own review) are the evidence library documents it links. Unless `approved`
    (a lead's own version), it waits for a lead's approval before it counts as current."""
    values = current_values(narrative.review)
    embedded = []
    for indicator_id in indicator_ids:
        found = definition(indicator_id)
        if found is None or indicator_id not in values:
            continue
        period, value = values[indicator_id]
        embedded.append({"indicator": indicator_id, "period": period,
                         "value": shown(value, found.unit)})  # fmt: skip
    documents = list(documents)
    if any(d.review_id != narrative.review_id for d in documents):
        raise ValueError("A narrative links only its own review's documents.")
    last = narrative.versions.aggregate(last=Max("number"))["last"] or 0
    version = NarrativeVersion.objects.create(
        narrative=narrative,
        number=last + 1,
        title=title,
        indicators=embedded,
        evidence=evidence,
        written_by=user,
        awaiting_approval=not approved,
        **{name: sections[name] for name in SECTIONS},
    )
    version.documents.set(documents)
    return version


def approve(version: NarrativeVersion, user: AbstractBaseUser) -> bool:
    """Approve a version, so that it (and not an earlier one) counts as current. False when
    it was already approved."""
    if not version.awaiting_approval:
        return False
    version.awaiting_approval = False
    version.approved_by, version.approved_at = user, timezone.now()
    version.save(update_fields=["awaiting_approval", "approved_by", "approved_at"])
    return True


def as_text(version: NarrativeVersion, action_point: str = "") -> NarrativeText:
    return NarrativeText(
        title=version.title,
        targeted_and_why=version.targeted_and_why,
        what_we_did=version.what_we_did,
        impact_for_children=version.impact_for_children,
        whats_next=version.whats_next,
        indicators=tuple(
            IndicatorRef(i["indicator"], i["period"], i["value"]) for i in version.indicators
        ),
        evidence_links=len(version.evidence) + len(version.documents.all()),
        action_point_links=1 if action_point else 0,
        updated_on=timezone.localtime(version.written_at).date(),
    )


def check_context(review: Review) -> dict:
    """What every check of a review's narratives reads: fetch once for a list of them."""
    # Only the date: an import's quality report can be long, and this runs on every glance.
    latest = (
        DataImport.objects.filter(review=review)
        .order_by("-imported_at")
        .only("imported_at")
        .first()
    )
    return {
        "latest_import": timezone.localtime(latest.imported_at).date() if latest else None,
        "current_values": current_values(review),
    }


def check(version: NarrativeVersion, context: dict | None = None) -> CheckResult:
    """`context` from check_context(review), when checking many of one review's narratives."""
    if context is None:
        context = check_context(version.narrative.review)
    return check_narrative(
        as_text(version, version.narrative.action_point),
        today=timezone.localdate(),
        **context,
    )


def action_point(narrative: Narrative) -> dict[str, str] | None:
    """The narrative's action point as the actions app holds it: code, text and, where that
    app has a page for it, its address. None when the narrative names no action point."""
    if not narrative.action_point:
        return None
    from readiness.actions.models import ActionItem

    item = (
        ActionItem.objects.filter(review=narrative.review_id, code=narrative.action_point)
        .only("code", "text")
        .first()
    )
    found = {"code": narrative.action_point, "text": item.text if item else "", "url": ""}
    if item is not None:
        try:
            found["url"] = reverse("actions:item", args=[narrative.review_id, item.code])
        except NoReverseMatch:  # the actions app's pages are not installed
            pass
    return found
