import pytest
from django.core.management import CommandError, call_command

from readiness.lib.testing.factories import UserFactory
from readiness.reviews.models import Membership, Review

pytestmark = pytest.mark.django_db


def test_it_creates_a_review(capsys):
    UserFactory(username="amara")
    call_command(
        "review",
        "create",
        "--name",
        "Anytown 2027",
        "--area",
        "Anytown",
        "--framework",
        "ilacs-2026",
        "--lead",
        "amara",
        "--agency",
        "Anyshire Police",
        "--phase",
        "Part 1",
        "--window-starts",
        "2027-01-11",
    )
    review = Review.objects.get(name="Anytown 2027")
    assert capsys.readouterr().out == f"Opened review {review.id}: Anytown 2027 (ilacs-2026).\n"
    assert [a.name for a in review.agencies.all()] == ["Anyshire Police"]
    assert Membership.objects.get(review=review).user.username == "amara"


def test_it_names_an_unknown_framework():
    UserFactory(username="amara")
    with pytest.raises(CommandError) as caught:
        call_command(
            "review",
            "create",
            "--name",
            "X",
            "--area",
            "Y",
            "--framework",
            "ofsted-1999",
            "--lead",
            "amara",
        )
    assert str(caught.value).startswith("No framework 'ofsted-1999' (known: ")
    assert not Review.objects.filter(name="X").exists()


def test_it_refuses_a_bad_date():
    UserFactory(username="amara")
    with pytest.raises(CommandError) as caught:
        call_command(
            "review",
            "create",
            "--name",
            "X",
            "--area",
            "Y",
            "--framework",
            "ilacs-2026",
            "--lead",
            "amara",
            "--window-starts",
            "11/01/2027",
        )
    assert str(caught.value) == "'11/01/2027' is not a date: write it as YYYY-MM-DD."


def test_it_adds_a_contributor_only_with_an_agency(review, police):
    UserFactory(username="dana")
    with pytest.raises(CommandError):
        call_command(
            "review",
            "add-member",
            "--review",
            str(review.id),
            "--user",
            "dana",
            "--role",
            "contributor",
        )
    call_command(
        "review",
        "add-member",
        "--review",
        str(review.id),
        "--user",
        "dana",
        "--role",
        "contributor",
        "--agency",
        "Anyshire Police",
    )
    assert Membership.objects.get(review=review, user__username="dana").agency == police
