"""Fetch a review together with the permission check, as every view must."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .domain.roles import VIEW, may, refusal
from .models import Membership, Review


def get_review_for_user(
    user: AbstractBaseUser | AnonymousUser, review_id: int, action: str = VIEW
) -> tuple[Review, Membership]:
    """The review and the user's membership of it.

    Someone who is not a member gets 404, so that a review's existence is not revealed to
    another council. A member whose role does not allow the action gets 403 with the reason.
    """
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("review__framework", "agency")
        .filter(review_id=review_id, user=user)
        .first()
    )
    if membership is None:
        raise Http404
    # Kept on the user for this request, so the review's navigation and the refusal page
    # know the role without asking the database again.
    remembered = getattr(user, "_review_memberships", None)
    if remembered is None:
        remembered = user._review_memberships = {}
    remembered[membership.review_id] = membership
    if not may(membership.role, action):
        raise PermissionDenied(refusal(membership.role, action))
    return membership.review, membership


def remembered_membership(user: object, review_id: int) -> Membership | None:
    """The membership get_review_for_user found for this user in this request, else a
    fresh look-up (None for someone who is not a member)."""
    found = (getattr(user, "_review_memberships", None) or {}).get(review_id)
    if found is None and getattr(user, "is_authenticated", False):
        found = Membership.objects.filter(review_id=review_id, user=user).first()
    return found
