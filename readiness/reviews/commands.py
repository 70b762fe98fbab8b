"""Look-ups shared by the management commands, with the errors a person at a terminal needs."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import CommandError

from .models import Review


def review_or_error(review_id: int | object) -> Review:
    review = Review.objects.select_related("framework").filter(id=review_id).first()
    if review is None:
        raise CommandError(f"There is no review {review_id}.")
    return review


def user_or_error(username: str | object) -> AbstractBaseUser:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"There is no user called '{username}'.")
    return user
