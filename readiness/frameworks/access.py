"""Which frameworks a person may see: the shipped ones, their own, and their reviews'."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from readiness.reviews.models import Membership

from .models import Framework


def visible_frameworks(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Framework]:
    if not user.is_authenticated:
        return Framework.objects.none()
    review_frameworks = Membership.objects.filter(user=user).values("review__framework_id")
    return Framework.objects.filter(
        Q(is_builtin=True) | Q(loaded_by=user) | Q(id__in=review_frameworks)
    )


def get_framework_for_user(user: AbstractBaseUser | AnonymousUser, framework_id: int) -> Framework:
    framework = visible_frameworks(user).filter(id=framework_id).first()
    if framework is None:
        raise Http404
    return framework


def may_load_frameworks(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Review leads and staff may load their partnership's own frameworks."""
    if not user.is_authenticated:
        return False
    return bool(
        user.is_staff
        or user.has_perm("frameworks.add_framework")
        or Membership.objects.filter(user=user, role=Membership.LEAD).exists()
    )
