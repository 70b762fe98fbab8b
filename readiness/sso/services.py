"""Who a single sign-on lets in: an account matched by e-mail, or a person with an invitation
waiting for that address, whose account is made as they arrive. Nobody else."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from readiness.audit.services import record
from readiness.reviews.models import Invitation
from readiness.reviews.services import ReviewError, accept_invitation

from .domain.claims import claims_problem, display_names, email_of


@dataclass(frozen=True)
class Outcome:
    user: AbstractBaseUser | None
    reason: str = ""  # why nobody was signed in
    joined: list[str] = field(default_factory=list)  # reviews joined by invitation


def pending_invitations(email: str) -> list[Invitation]:
    return list(
        Invitation.objects.filter(
            email__iexact=email, accepted_at=None, withdrawn_at=None, expires_at__gt=timezone.now()
        ).select_related("review")
    )


def _free_username(email: str) -> str:
    """The address itself, as people know it; a number after it when someone already chose
    that username by hand."""
    User = get_user_model()
    candidate, n = email[:150], 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{email[: 150 - len(str(n)) - 1]}-{n}"
    return candidate


@transaction.atomic
def user_for_claims(
    claims: Mapping[str, object],
    *,
    require_verified: bool = True,
    found: Callable[[AbstractBaseUser], None] = lambda user: None,
) -> Outcome:
    """The user these verified claims sign in, with any invitations waiting for their address
    accepted, or the reason nobody is signed in. FOUND hears of the user before any
    invitation is accepted (the sign-in page makes them the request's user, so that the audit
    log says who joined)."""
    problem = claims_problem(claims, require_verified=require_verified)
    if problem:
        return Outcome(None, problem)
    email = email_of(claims)
    User = get_user_model()
    users = list(User.objects.filter(email__iexact=email)[:2])
    if len(users) > 1:
        return Outcome(
            None,
            f"More than one account here has the address {email}, so it cannot say which is "
            "yours. Ask whoever runs Readiness to give each account its own address.",
        )
    invitations = pending_invitations(email)
    if not users and not invitations:
        return Outcome(
            None,
            f"There is no account here for {email} and no invitation waiting for it. Ask "
            "your review's lead to invite this address.",
        )
    if users:
        user = users[0]
        if not user.is_active:
            return Outcome(None, f"The account for {email} has been switched off.")
    else:
        first, last = display_names(claims)
        user = User(username=_free_username(email), email=email, first_name=first, last_name=last)
        # Never a password: this person signs in through the organisation's service only.
        user.set_unusable_password()
        user.save()
        record("account made by single sign-on", user=user, what=email)
    found(user)
    joined = []
    for invitation in invitations:
        try:
            accept_invitation(invitation, user)
        except ReviewError:
            continue  # already a member: the invitation stays as it was
        joined.append(invitation.review.name)
    return Outcome(user, joined=joined)
