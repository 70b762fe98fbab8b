"""Who may see children's case-level material, and the record of every look at it."""

from __future__ import annotations

import logging

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import GRADE
from readiness.reviews.models import Membership, Review

# The same log as the evidence library's: who read what, and when (the logger adds when).
audit = logging.getLogger("readiness.audit")


def get_review_for_casework(
    user: AbstractBaseUser | AnonymousUser, review_id: int
) -> tuple[Review, Membership]:
    """The review, for its lead and reviewers only: an outsider gets 404, and any other
    member 403 with the reason (contributors see their agency's audit sections elsewhere)."""
    return get_review_for_user(user, review_id, GRADE)


def log_view(user: AbstractBaseUser, review: Review, what: str, **ids: object) -> None:
    audit.info(what, extra={"user": user.pk, "review": review.id, **ids})
