"""Create reviews and change their people, settings and phases, atomically, keeping a
history of every change."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from readiness.frameworks.models import Framework

from .domain.roles import ROLE_NAMES
from .models import Agency, Invitation, Membership, Phase, Review, ReviewChange


class ReviewError(ValueError):
    pass


@transaction.atomic
def create_review(
    *,
    name: str,
    area: str,
    framework: Framework,
    lead: AbstractBaseUser,
    agencies: list[str] | None = None,
    phases: list[str] | None = None,
    window_starts: date | None = None,
    window_ends: date | None = None,
) -> Review:
    if window_starts and window_ends and window_ends < window_starts:
        raise ReviewError("The inspection window must end on or after the day it starts.")
    review = Review.objects.create(
        name=name,
        area=area,
        framework=framework,
        window_starts=window_starts,
        window_ends=window_ends,
        created_by=lead,
    )
    Agency.objects.bulk_create(Agency(review=review, name=a) for a in agencies or [])
    for position, phase in enumerate(phases or [], start=1):
        Phase.objects.create(review=review, name=phase, position=position, is_current=position == 1)
    Membership.objects.create(review=review, user=lead, role=Membership.LEAD)
    return review


@transaction.atomic
def add_phase(review: Review, name: str) -> Phase:
    last = review.phases.aggregate(last=Max("position"))["last"] or 0
    has_current = review.phases.filter(is_current=True).exists()
    return Phase.objects.create(
        review=review, name=name, position=last + 1, is_current=not has_current
    )


@transaction.atomic
def make_current(phase: Phase) -> None:
    """Later phases build on earlier ones: grades already given carry forward, marked with
    the phase they were given in."""
    Phase.objects.filter(review=phase.review, is_current=True).update(is_current=False)
    Phase.objects.filter(id=phase.id).update(is_current=True)


def _name(user: AbstractBaseUser) -> str:
    return user.get_full_name() or user.get_username()


def _is_last_lead(membership: Membership) -> bool:
    if membership.role != Membership.LEAD:
        return False
    return Membership.objects.filter(review=membership.review, role=Membership.LEAD).count() == 1


def _record(review: Review, by: AbstractBaseUser | None, what: str, before: str, after: str):
    ReviewChange.objects.create(review=review, changed_by=by, what=what, before=before,
                                after=after)  # fmt: skip


def _shown(value: object) -> str:
    if value is None or value == "":
        return "not set"
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


@transaction.atomic
def add_member(
    review: Review, user: AbstractBaseUser, role: str, agency: Agency | None,
    by: AbstractBaseUser | None,
) -> Membership:  # fmt: skip
    """Add someone who already has an account."""
    membership = Membership.objects.create(review=review, user=user, role=role, agency=agency)
    _record(review, by, f"{_name(user)} added", "", _role_text(role, agency))
    return membership


@transaction.atomic
def remove_member(membership: Membership, by: AbstractBaseUser | None = None) -> None:
    if _is_last_lead(membership):
        raise ReviewError("A review must keep at least one lead.")
    _record(membership.review, by, f"{_name(membership.user)} removed",
            ROLE_NAMES[membership.role], "")  # fmt: skip
    membership.delete()


def _role_text(role: str, agency: Agency | None) -> str:
    return f"{ROLE_NAMES[role]} ({agency.name})" if agency else ROLE_NAMES[role]


@transaction.atomic
def change_role(
    membership: Membership, role: str, agency: Agency | None, by: AbstractBaseUser | None
) -> bool:
    """Give a member another role (and agency); False when nothing changed. An agency
    contributor must have an agency; other roles see every agency, so keep none."""
    if role not in ROLE_NAMES:
        raise ReviewError(f"There is no role called '{role}'.")
    if role == Membership.CONTRIBUTOR and agency is None:
        raise ReviewError("Choose the agency this contributor works for.")
    if agency is not None and agency.review_id != membership.review_id:
        raise ReviewError("That agency is not one of this review's agencies.")
    if role != Membership.CONTRIBUTOR:
        agency = None
    if role == membership.role and agency == membership.agency:
        return False
    if role != Membership.LEAD and _is_last_lead(membership):
        raise ReviewError("A review must keep at least one lead: make someone else lead first.")
    before = _role_text(membership.role, membership.agency)
    membership.role, membership.agency = role, agency
    membership.save(update_fields=["role", "agency"])
    _record(membership.review, by, f"Role of {_name(membership.user)}", before,
            _role_text(role, agency))  # fmt: skip
    return True


# Invitations ---------------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_days() -> int:
    return getattr(settings, "READINESS_INVITATION_DAYS", 7)


@transaction.atomic
def invite(
    review: Review,
    email: str,
    role: str,
    agency: Agency | None,
    by: AbstractBaseUser,
    link_for: object,
) -> Invitation:
    """Invite EMAIL to the review and send the one-time link. `link_for(token)` makes the
    link's full address. An earlier invitation to the same address is withdrawn: only the
    newest link works."""
    email = email.strip().lower()
    if role == Membership.CONTRIBUTOR and agency is None:
        raise ReviewError("Choose the agency this contributor works for.")
    if Membership.objects.filter(review=review, user__email__iexact=email).exists():
        raise ReviewError(f"{email} is already a member of this review.")
    now = timezone.now()
    Invitation.objects.filter(
        review=review, email=email, accepted_at=None, withdrawn_at=None
    ).update(withdrawn_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        review=review, email=email, role=role,
        agency=agency if role == Membership.CONTRIBUTOR else None,
        token_hash=_hash(token), invited_by=by,
        expires_at=now + timedelta(days=invitation_days()),
    )  # fmt: skip
    _record(review, by, f"Invited {email}", "", _role_text(role, invitation.agency))
    days = invitation_days()
    send_mail(
        subject=f"You are invited to {review.name}",
        message=(
            f"{_name(by)} has invited you to take part in {review.name} ({review.area}) "
            f"as {_role_text(role, invitation.agency)}.\n\n"
            f"Set up your account and join through this link:\n{link_for(token)}\n\n"
            f"The link works once and expires in {days} day{'s' if days != 1 else ''}, "
            f"on {timezone.localtime(invitation.expires_at):%-d %B %Y at %H:%M}. "
            "If you did not expect it, ignore this message."
        ),
        from_email=None,
        recipient_list=[email],
    )
    return invitation


def find_invitation(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("review", "agency", "invited_by")
        .filter(token_hash=_hash(token))
        .first()
    )


def invitation_problem(invitation: Invitation, now: datetime | None = None) -> str:
    """Why the invitation can no longer be used, or "" when it can."""
    now = now or timezone.now()
    if invitation.accepted_at:
        return "This invitation has already been used. Sign in to reach the review."
    if invitation.withdrawn_at:
        return "This invitation was replaced by a newer one: use the link in the latest e-mail."
    if invitation.expires_at <= now:
        return "This invitation has expired. Ask the review lead to invite you again."
    return ""


@transaction.atomic
def accept_invitation(invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """The invitee joins the review in the role they were invited to; the link is spent."""
    invitation = Invitation.objects.select_for_update().get(id=invitation.id)
    problem = invitation_problem(invitation)
    if problem:
        raise ReviewError(problem)
    if Membership.objects.filter(review=invitation.review, user=user).exists():
        raise ReviewError("You are already a member of this review.")
    membership = Membership.objects.create(
        review=invitation.review, user=user, role=invitation.role, agency=invitation.agency
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _record(invitation.review, user, f"{_name(user)} joined", "",
            _role_text(invitation.role, invitation.agency))  # fmt: skip
    return membership


# Settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhaseSettings:
    id: int | None  # None for a new phase
    name: str
    starts: date | None
    ends: date | None


@transaction.atomic
def update_settings(
    review: Review,
    by: AbstractBaseUser | None,
    *,
    name: str,
    area: str,
    window_starts: date | None,
    window_ends: date | None,
    agencies: dict[int, str],
    new_agencies: list[str],
    phases: list[PhaseSettings],
) -> int:
    """Change a review's settings after it was opened; each change is kept in its history.
    `agencies` renames existing agencies by id. Returns the number of changes made."""
    if window_starts and window_ends and window_ends < window_starts:
        raise ReviewError("The inspection window must end on or after the day it starts.")
    for phase in phases:
        if phase.starts and phase.ends and phase.ends < phase.starts:
            raise ReviewError(f"{phase.name} must end on or after the day it starts.")
    names = [n.strip() for n in agencies.values()] + [n.strip() for n in new_agencies]
    if any(not n for n in names):
        raise ReviewError("Every agency needs a name.")
    if len({n.lower() for n in names}) != len(names):
        raise ReviewError("Two agencies cannot have the same name.")
    changes = 0
    for field, label, value in (
        ("name", "Name", name),
        ("area", "Local authority area", area),
        ("window_starts", "Inspection expected from", window_starts),
        ("window_ends", "Inspection expected by", window_ends),
    ):
        old = getattr(review, field)
        if old != value:
            _record(review, by, label, _shown(old), _shown(value))
            setattr(review, field, value)
            changes += 1
    review.save()
    held = {a.id: a for a in review.agencies.all()}
    renamed: dict[int, str] = {}
    for agency_id, new_name in agencies.items():
        agency = held.get(agency_id)
        if agency is None:
            raise ReviewError("That agency is not one of this review's agencies.")
        if agency.name != new_name.strip():
            _record(review, by, "Agency renamed", agency.name, new_name.strip())
            renamed[agency_id] = new_name.strip()
            changes += 1
    # Through a placeholder first, so that swapping two names passes the unique constraint.
    for agency_id in renamed:
        Agency.objects.filter(id=agency_id).update(name=f"renaming {agency_id}")
    for agency_id, new_name in renamed.items():
        Agency.objects.filter(id=agency_id).update(name=new_name)
    for new_name in new_agencies:
        Agency.objects.create(review=review, name=new_name.strip())
        _record(review, by, "Agency added", "", new_name.strip())
        changes += 1
    current = {p.id: p for p in review.phases.all()}
    last = max((p.position for p in current.values()), default=0)
    has_current = any(p.is_current for p in current.values())
    for phase in phases:
        if phase.id is None:
            last += 1
            Phase.objects.create(review=review, name=phase.name, position=last,
                                 starts=phase.starts, ends=phase.ends,
                                 is_current=not has_current)  # fmt: skip
            has_current = True
            _record(review, by, "Phase added", "", phase.name)
            changes += 1
            continue
        held_phase = current.get(phase.id)
        if held_phase is None:
            raise ReviewError("That phase is not one of this review's phases.")
        for field, label in (("name", "name"), ("starts", "start"), ("ends", "end")):
            old, value = getattr(held_phase, field), getattr(phase, field)
            if old != value:
                _record(review, by, f"Phase {held_phase.position} {label}", _shown(old),
                        _shown(value))  # fmt: skip
                setattr(held_phase, field, value)
                changes += 1
        held_phase.save()
    return changes


@transaction.atomic
def remove_agency(agency: Agency, by: AbstractBaseUser | None) -> None:
    """Remove an agency nothing belongs to yet. One with people, evidence, items or narratives is
    refused, naming what it still has: removing it would orphan them silently."""
    held = [
        words
        for related, words in (
            ("members", "people"),
            ("documents", "evidence documents"),
            ("action_items", "action items"),
            ("narratives", "narratives"),
        )
        if hasattr(agency, related) and getattr(agency, related).exists()
    ]
    if held:
        raise ReviewError(f"{agency.name} cannot be removed: it still has {' and '.join(held)}.")
    _record(agency.review, by, "Agency removed", agency.name, "")
    agency.delete()
