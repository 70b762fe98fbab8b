from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from readiness.lib.testing.factories import MembershipFactory, ReviewFactory
from readiness.reviews.models import Membership, Phase, Review

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("reviews", [1, 3])
def test_index_lists_my_reviews_in_a_fixed_number_of_queries(
    lead, as_lead, framework, reviews, django_assert_num_queries
):
    for number in range(reviews - 1):
        MembershipFactory(
            review=ReviewFactory(framework=framework, area=f"Area {number}"),
            user=lead,
            role=Membership.VIEWER,
        )
    with django_assert_num_queries(5):
        response = as_lead.get(reverse("reviews:index"))
    assert len(response.context["memberships"]) == reviews


def test_index_does_not_show_other_reviews(as_outsider):
    response = as_outsider.get(reverse("reviews:index"))
    assert [m.review.name for m in response.context["memberships"]] == ["Otherton review"]


def test_detail_for_lead_and_contributor(as_lead, as_contributor, review):
    for client in (as_lead, as_contributor):
        response = client.get(reverse("reviews:detail", args=[review.id]))
        assert response.status_code == 200
        assert response.context["review"] == review


def test_detail_is_404_for_an_outsider(as_outsider, review):
    assert as_outsider.get(reverse("reviews:detail", args=[review.id])).status_code == 404


def test_detail_is_404_for_a_missing_review(as_lead):
    assert as_lead.get(reverse("reviews:detail", args=[999999])).status_code == 404


def test_detail_requires_login(client, review):
    response = client.get(reverse("reviews:detail", args=[review.id]))
    assert response.status_code == 302


def test_create_needs_the_permission(as_lead):
    assert as_lead.get(reverse("reviews:create")).status_code == 403


def test_create_opens_a_review_with_its_agencies_and_phases(lead, as_lead, framework):
    lead.user_permissions.add(Permission.objects.get(codename="add_review"))
    response = as_lead.post(
        reverse("reviews:create"),
        {
            "name": "Newtown review",
            "area": "Newtown",
            "framework": framework.id,
            "window_starts": "2027-01-11",
            "window_ends": "2027-03-26",
            "agencies": "Newtown Council\nNewshire Police\n\nNewshire Police\n",
            "phases": "Part 1: front door\nPart 2: children in care",
        },
    )
    review = Review.objects.get(name="Newtown review")
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:detail", args=[review.id])
    assert [a.name for a in review.agencies.all()] == ["Newshire Police", "Newtown Council"]
    assert [(p.name, p.is_current) for p in review.phases.all()] == [
        ("Part 1: front door", True),
        ("Part 2: children in care", False),
    ]
    assert review.window_starts == date(2027, 1, 11)
    assert Membership.objects.get(review=review).role == Membership.LEAD


def test_create_refuses_a_window_that_ends_before_it_starts(lead, as_lead, framework):
    lead.user_permissions.add(Permission.objects.get(codename="add_review"))
    response = as_lead.post(
        reverse("reviews:create"),
        {
            "name": "Backwards",
            "area": "Newtown",
            "framework": framework.id,
            "window_starts": "2027-03-01",
            "window_ends": "2027-01-01",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["window_ends"] == [
        "The window must end on or after the day it starts."
    ]
    assert not Review.objects.filter(name="Backwards").exists()


def test_create_refuses_another_users_framework(lead, as_lead, outsider):
    from readiness.frameworks.tests.test_framework_views import own_framework

    lead.user_permissions.add(Permission.objects.get(codename="add_review"))
    theirs = own_framework(outsider)
    response = as_lead.post(
        reverse("reviews:create"), {"name": "X", "area": "Y", "framework": theirs.id}
    )
    assert response.status_code == 400
    assert "framework" in response.context["form"].errors


def test_members_lists_people(as_contributor, review, lead, contributor):
    response = as_contributor.get(reverse("reviews:members", args=[review.id]))
    assert response.status_code == 200
    assert [m.user.username for m in response.context["people"]] == ["contributor", "lead"]


def test_members_is_404_for_an_outsider(as_outsider, review):
    assert as_outsider.get(reverse("reviews:members", args=[review.id])).status_code == 404


def test_the_lead_adds_a_contributor_with_an_agency(as_lead, review, police, outsider):
    response = as_lead.post(
        reverse("reviews:members", args=[review.id]),
        {"username": "outsider", "role": "contributor", "agency": police.id},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(review=review, user=outsider)
    assert (membership.role, membership.agency) == ("contributor", police)


def test_a_contributor_needs_an_agency(as_lead, review, outsider):
    response = as_lead.post(
        reverse("reviews:members", args=[review.id]),
        {"username": "outsider", "role": "contributor"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["agency"] == [
        "Choose the agency this contributor works for."
    ]


def test_an_unknown_user_is_named(as_lead, review):
    response = as_lead.post(
        reverse("reviews:members", args=[review.id]), {"username": "nobody", "role": "viewer"}
    )
    assert response.context["form"].errors["username"] == ["There is no user called 'nobody'."]


def test_a_contributor_cannot_add_members(as_contributor, review, outsider):
    response = as_contributor.post(
        reverse("reviews:members", args=[review.id]), {"username": "outsider", "role": "lead"}
    )
    assert response.status_code == 403
    assert not Membership.objects.filter(review=review, user=outsider).exists()


def test_the_last_lead_cannot_be_removed(as_lead, review, lead):
    membership = Membership.objects.get(review=review, user=lead)
    response = as_lead.post(reverse("reviews:remove-member", args=[review.id, membership.id]))
    assert response.status_code == 302
    assert Membership.objects.filter(id=membership.id).exists()


def test_the_lead_removes_a_viewer(as_lead, review, viewer):
    membership = Membership.objects.get(review=review, user=viewer)
    as_lead.post(reverse("reviews:remove-member", args=[review.id, membership.id]))
    assert not Membership.objects.filter(id=membership.id).exists()


def test_an_outsider_cannot_remove_anyone(as_outsider, review, viewer):
    membership = Membership.objects.get(review=review, user=viewer)
    response = as_outsider.post(reverse("reviews:remove-member", args=[review.id, membership.id]))
    assert response.status_code == 404
    assert Membership.objects.filter(id=membership.id).exists()


def test_phases_are_added_and_made_current(as_lead, review):
    as_lead.post(reverse("reviews:phases", args=[review.id]), {"name": "Part 1"})
    as_lead.post(reverse("reviews:phases", args=[review.id]), {"name": "Part 2"})
    second = Phase.objects.get(review=review, name="Part 2")
    as_lead.post(reverse("reviews:start-phase", args=[review.id, second.id]))
    assert [(p.name, p.position, p.is_current) for p in review.phases.all()] == [
        ("Part 1", 1, False),
        ("Part 2", 2, True),
    ]


def test_a_contributor_sees_phases_but_cannot_add_one(as_contributor, review):
    assert as_contributor.get(reverse("reviews:phases", args=[review.id])).status_code == 200
    response = as_contributor.post(reverse("reviews:phases", args=[review.id]), {"name": "X"})
    assert response.status_code == 403
    assert not review.phases.exists()


def test_phases_are_404_for_an_outsider(as_outsider, review):
    assert as_outsider.get(reverse("reviews:phases", args=[review.id])).status_code == 404
