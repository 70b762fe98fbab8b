"""Look-ups shared by the management commands, with the errors a person at a terminal needs."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import CommandError
from django.utils.text import slugify

from readiness.lib.text import plural

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


def review_or_the_only_one(review_id: int | None) -> Review:
    """The review asked for; with none asked for, the only review there is, so a council
    running one review can type `readiness countdown --called 2026-12-01` as it stands."""
    if review_id is not None:
        return review_or_error(review_id)
    reviews = list(Review.objects.select_related("framework").order_by("id")[:21])
    if len(reviews) == 1:
        return reviews[0]
    if not reviews:
        raise CommandError("There are no reviews yet.")
    listed = "; ".join(f"{review.id}: {review.name}" for review in reviews[:20])
    more = " …" if len(reviews) > 20 else ""
    raise CommandError(
        f"There are {plural(len(reviews), 'review')}: say which with --review ({listed}{more})."
    )


def default_name(review: Review, stem: str, extension: str) -> str:
    """A file name for REVIEW's output when the person gave none: stem-area.extension."""
    return f"{stem}-{slugify(review.area) or review.id}.{extension}"


BAD_INPUT = 2


def output_path_or_error(output: str | Path) -> Path:
    """The file a command is asked to write, refused (exit 2, nothing written) when its folder
    does not exist or is not a folder: a typing slip must not create folders anywhere, the
    filesystem's root included."""
    path = Path(output)
    folder = path.parent
    if not folder.is_dir():
        raise CommandError(
            f"The folder {folder} does not exist: create it first, or choose another --output.",
            returncode=BAD_INPUT,
        )
    if path.is_dir():
        raise CommandError(f"{path} is a folder: give --output a file name.", returncode=BAD_INPUT)
    return path
