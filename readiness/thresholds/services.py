"""Making checks and links, recording answers, reading results."""

from __future__ import annotations

import hashlib
import logging
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
audit = logging.getLogger("readiness.audit")

# Why a check's cases are fixed once anyone has answered: said on the page and on refusal.
ANSWERED = (
    "People have answered this check, so its cases' text and intended levels are fixed and "
    "no case can be added or removed: the answers already given would no longer mean the "
    "same. You can still correct a title or change the order; to ask about other cases, "
    "start a new check."
)


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


def _lock(check_id: int) -> None:
    """Hold the check's row: recording answers takes the same lock, so a case cannot change
    between "nobody has answered" and the change being saved."""
    ThresholdCheck.objects.select_for_update().filter(pk=check_id).first()


def answered(check: ThresholdCheck) -> bool:
    return check.responses.exists()


def _log(what: str, check: ThresholdCheck, user: AbstractBaseUser | None, **ids: object) -> None:
    audit.info(what, extra={"user": user.pk if user is not None else None,
                            "review": check.review_id, "check": check.id, **ids})  # fmt: skip


@transaction.atomic
def add_vignette(
    check: ThresholdCheck, title: str, text: str, intended_level: str,
    user: AbstractBaseUser | None,
) -> Vignette:  # fmt: skip
    """A case at the end of CHECK; refused once anyone has answered (their answers would
    lack it)."""
    _lock(check.pk)
    if answered(check):
        raise ThresholdError(ANSWERED)
    last = check.vignettes.order_by("-position").values_list("position", flat=True).first()
    vignette = Vignette.objects.create(
        threshold_check=check, position=(last or 0) + 1, title=title.strip(),
        text=text.strip(), intended_level=intended_level,
    )  # fmt: skip
    _log("thresholds case added", check, user, case=vignette.title)
    return vignette


@transaction.atomic
def update_vignette(
    vignette: Vignette, title: str, text: str, intended_level: str,
    user: AbstractBaseUser | None,
) -> list[str]:  # fmt: skip
    """Save the case; returns the names of the fields that changed. Once anyone has
    answered, a changed text or intended level is refused: a title may still be corrected."""
    check = vignette.threshold_check
    _lock(check.pk)
    new = {"title": title.strip(), "text": text.strip(), "intended_level": intended_level}
    changed = [name for name, value in new.items() if getattr(vignette, name) != value]
    if {"text", "intended_level"} & set(changed) and answered(check):
        raise ThresholdError(ANSWERED)
    if changed:
        for name in changed:
            setattr(vignette, name, new[name])
        vignette.save(update_fields=changed)
        _log("thresholds case changed", check, user, case=vignette.title,
             fields=", ".join(changed))  # fmt: skip
    return changed


@transaction.atomic
def move_vignette(vignette: Vignette, up: bool, user: AbstractBaseUser | None) -> bool:
    """Swap the case with the one before (UP) or after it. The order changes no answer's
    meaning, so it may change at any time. Returns whether it moved."""
    check = vignette.threshold_check
    cases = list(check.vignettes.select_for_update().order_by("position", "id"))
    at = next(n for n, v in enumerate(cases) if v.id == vignette.id)
    to = at - 1 if up else at + 1
    if not 0 <= to < len(cases):
        return False
    cases[at], cases[to] = cases[to], cases[at]
    for position, case in enumerate(cases, start=1):
        case.position = position
    Vignette.objects.bulk_update(cases, ["position"])
    _log("thresholds case moved", check, user, case=vignette.title, to=to + 1)
    return True


@transaction.atomic
def remove_vignette(vignette: Vignette, user: AbstractBaseUser | None) -> None:
    check = vignette.threshold_check
    _lock(check.pk)
    if answered(check):
        raise ThresholdError(ANSWERED)
    if check.vignettes.count() <= 1:
        raise ThresholdError("A check needs at least one case: add another before removing this.")
    vignette.delete()
    rest = list(check.vignettes.order_by("position", "id"))
    for position, case in enumerate(rest, start=1):
        case.position = position
    Vignette.objects.bulk_update(rest, ["position"])
    _log("thresholds case removed", check, user, case=vignette.title)


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
    _lock(invitation.threshold_check_id)
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
