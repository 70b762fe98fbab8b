"""Create reviews and change their people and phases, atomically."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max

from readiness.frameworks.models import Framework

from .models import Agency, Membership, Phase, Review


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


def remove_member(membership: Membership) -> None:
    if membership.role == Membership.LEAD:
        leads = Membership.objects.filter(review=membership.review, role=Membership.LEAD)
        if leads.count() == 1:
            raise ReviewError("A review must keep at least one lead.")
    membership.delete()
