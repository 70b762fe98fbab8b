"""Making checks and links, recording answers, reading results."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from pathlib import Path

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from readiness.reviews.models import Agency, Review

from .domain.results import LEVELS, Answered, Results, results
from .models import Invitation, ThresholdAnswer, ThresholdCheck, ThresholdResponse, Vignette

VIGNETTES = Path(__file__).resolve().parent / "data" / "vignettes.yaml"
MAX_LINKS = 500


class ThresholdError(ValueError):
    pass


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_check(review: Review, title: str, user: AbstractBaseUser | None) -> ThresholdCheck:
    """A check with the shipped invented vignettes (`data/vignettes.yaml`)."""
    check = ThresholdCheck.objects.create(review=review, title=title, created_by=user)
    shipped = yaml.safe_load(VIGNETTES.read_text(encoding="utf-8"))
    Vignette.objects.bulk_create(
        Vignette(
            threshold_check=check,
            position=n,
            title=v["title"],
            text=v["text"].strip(),
            intended_level=v["level"],
        )  # fmt: skip
        for n, v in enumerate(shipped, start=1)
    )
    return check


def make_links(
    check: ThresholdCheck, agency: Agency, role: str, count: int, days: int
) -> list[str]:
    """COUNT one-time tokens for staff of AGENCY in ROLE, valid for DAYS days."""
    if agency.review_id != check.review_id:
        raise ThresholdError("That agency is not part of this review.")
    if not role.strip():
        raise ThresholdError("Say which role these staff have (for example, “school nurse”).")
    if not 1 <= count <= MAX_LINKS:
        raise ThresholdError(f"Make between 1 and {MAX_LINKS} links at a time.")
    if not 1 <= days <= 60:
        raise ThresholdError("Links last between 1 and 60 days.")
    tokens = [secrets.token_urlsafe(24) for _ in range(count)]
    expires = timezone.now() + timedelta(days=days)
    Invitation.objects.bulk_create(
        Invitation(
            threshold_check=check,
            agency=agency,
            role=role.strip()[:80],
            token_hash=token_hash(t),
            expires_at=expires,
        )  # fmt: skip
        for t in tokens
    )
    return tokens


def invitation_for(token: str) -> tuple[Invitation | None, str]:
    """The open invitation for TOKEN, or None with the reason a person can read."""
    invitation = (
        Invitation.objects.select_related("threshold_check", "agency")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None:
        return None, "This link is not recognised. Check it was copied in full."
    if invitation.used_at is not None:
        return None, "This link has already been used: each link can be used once."
    if invitation.expires_at <= timezone.now():
        return None, "This link has expired. Ask whoever sent it for a new one."
    return invitation, ""


@transaction.atomic
def record(token: str, levels: dict[int, str]) -> ThresholdResponse:
    invitation, reason = invitation_for(token)
    if invitation is None:
        raise ThresholdError(reason)
    # Lock the invitation so that two submissions of one link cannot both count.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at is not None:
        raise ThresholdError("This link has already been used: each link can be used once.")
    vignettes = {v.id: v for v in invitation.threshold_check.vignettes.all()}
    missing = [v.title for vid, v in vignettes.items() if levels.get(vid) not in LEVELS]
    if missing:
        raise ThresholdError(f"Choose a level for every case: {', '.join(missing)}.")
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    response = ThresholdResponse.objects.create(
        threshold_check=invitation.threshold_check, agency=invitation.agency, role=invitation.role,
        submitted_on=timezone.localdate(),
    )  # fmt: skip
    ThresholdAnswer.objects.bulk_create(
        ThresholdAnswer(response=response, vignette_id=vid, level=levels[vid]) for vid in vignettes
    )
    return response


def check_results(check: ThresholdCheck) -> Results:
    vignettes = list(check.vignettes.all())
    people: dict[int, Answered] = {}
    for response_id, agency, role, vignette, level in ThresholdAnswer.objects.filter(
        response__threshold_check=check
    ).values_list(
        "response_id", "response__agency__name", "response__role", "vignette_id", "level"
    ):
        people.setdefault(response_id, Answered(agency, role, {})).levels[vignette] = level
    return results(
        list(people.values()),
        {v.id: v.intended_level for v in vignettes},
        {v.id: v.title for v in vignettes},
    )
