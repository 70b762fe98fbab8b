import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from readiness.lib.testing.factories import ReviewFactory
from readiness.reviews.commands import default_name, review_or_the_only_one

pytestmark = pytest.mark.django_db


def test_no_review_asked_for_means_the_only_one(review):
    assert review_or_the_only_one(None) == review


def test_no_review_asked_for_among_several_lists_them(review):
    other = ReviewFactory(name="Second look", framework=review.framework)
    with pytest.raises(CommandError) as error:
        review_or_the_only_one(None)
    assert str(error.value) == (
        f"There are 2 reviews: say which with --review "
        f"({review.id}: {review.name}; {other.id}: Second look)."
    )


def test_no_reviews_at_all():
    with pytest.raises(CommandError) as error:
        review_or_the_only_one(None)
    assert str(error.value) == "There are no reviews yet."


def test_a_review_asked_for_is_that_one(review):
    ReviewFactory(framework=review.framework)
    assert review_or_the_only_one(review.id) == review


def test_default_file_name(review):
    assert default_name(review, "readiness-report", "pdf") == "readiness-report-anytown.pdf"


def test_the_countdown_as_the_issue_types_it(review):
    out = io.StringIO()
    call_command("countdown", "--called", "2026-12-01", stdout=out)
    assert out.getvalue().startswith(f"{review.name}\n")


def test_the_report_without_an_output_is_written_here(review, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("report", "--format", "html", stdout=io.StringIO())
    assert [path.name for path in tmp_path.iterdir()] == ["readiness-report-anytown.html"]
