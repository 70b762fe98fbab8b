"""People: invite by e-mail with a one-time expiring link, change a role, remove someone."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from readiness.lib.testing.factories import AgencyFactory
from readiness.reviews.models import Invitation, Membership, ReviewChange
from readiness.reviews.services import ReviewError, change_role, invite

pytestmark = pytest.mark.django_db


def _invite(client, review, email="kim.ward@example.org", role="contributor", agency=None):
    return client.post(
        reverse("reviews:invite", args=[review.id]),
        {"email": email, "role": role, "agency": agency.id if agency else ""},
    )


def _link(mail) -> str:
    return re.search(r"http://testserver(/invitations/\S+/)", mail.body).group(1)


def test_the_lead_invites_by_e_mail_and_the_link_is_sent(as_lead, review, police, mailoutbox):
    response = _invite(as_lead, review, agency=police)
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["kim.ward@example.org"]]
    assert mailoutbox[0].subject == "You are invited to Anytown test review"
    assert "as agency contributor (Anyshire Police)" in mailoutbox[0].body
    assert "expires in 7 days" in mailoutbox[0].body
    invitation = Invitation.objects.get(review=review)
    token = _link(mailoutbox[0]).split("/")[2]
    assert invitation.token_hash != token and len(invitation.token_hash) == 64


def test_a_contributor_invitation_needs_an_agency(as_lead, review, mailoutbox):
    response = _invite(as_lead, review)
    assert response.status_code == 400
    assert response.context["invite_form"].errors == {
        "agency": ["Choose the agency this contributor works for."]
    }
    assert mailoutbox == []


def test_a_member_cannot_be_invited_again(as_lead, lead, review, mailoutbox):
    lead.email = "lead@example.org"
    lead.save()
    response = _invite(as_lead, review, email="LEAD@example.org", role="viewer")
    assert response.context["invite_form"].errors == {
        "email": ["lead@example.org is already a member of this review."]
    }
    assert mailoutbox == []


@pytest.mark.parametrize("who", ["as_reviewer", "as_contributor", "as_viewer"])
def test_only_the_lead_invites(request, who, review, mailoutbox):
    response = _invite(request.getfixturevalue(who), review, role="viewer")
    assert response.status_code == 403
    assert mailoutbox == []


def test_an_outsider_cannot_invite(as_outsider, review, mailoutbox):
    assert _invite(as_outsider, review, role="viewer").status_code == 404


def test_the_invitee_sets_up_an_account_and_joins(client, as_lead, review, police, mailoutbox):
    _invite(as_lead, review, agency=police)
    link = _link(mailoutbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "invited kim.ward@example.org to take part as agency contributor" in page.text
    response = client.post(link, {
        "first_name": "Kim", "last_name": "Ward", "username": "kim.ward",
        "password1": "a long synthetic passphrase", "password2": "a long synthetic passphrase",
    })  # fmt: skip
    assert response.status_code == 302
    assert response.url == reverse("reviews:detail", args=[review.id])
    user = get_user_model().objects.get(username="kim.ward")
    assert (user.email, user.get_full_name()) == ("kim.ward@example.org", "Kim Ward")
    membership = Membership.objects.get(review=review, user=user)
    assert (membership.role, membership.agency) == ("contributor", police)
    assert client.get(reverse("reviews:detail", args=[review.id])).status_code == 200
    # The link works once: its owner, coming back, is taken to the review; anyone else is told.
    assert client.get(link).url == reverse("reviews:detail", args=[review.id])
    again = Client().get(link)
    assert again.status_code == 410
    assert "already been used" in again.text


def test_an_expired_link_is_refused(client, as_lead, review, mailoutbox):
    _invite(as_lead, review, role="viewer")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(_link(mailoutbox[0]))
    assert response.status_code == 410
    assert "This invitation has expired. Ask the review lead to invite you again." in response.text
    posted = client.post(_link(mailoutbox[0]), {"username": "late"})
    assert posted.status_code == 410
    assert not get_user_model().objects.filter(username="late").exists()


def test_a_second_invitation_replaces_the_first(client, as_lead, review, mailoutbox):
    _invite(as_lead, review, role="viewer")
    _invite(as_lead, review, role="reviewer")
    assert client.get(_link(mailoutbox[0])).status_code == 410
    assert client.get(_link(mailoutbox[1])).status_code == 200


def test_a_made_up_link_is_not_found(client):
    assert client.get(reverse("reviews:join", args=["made-up"])).status_code == 404


def test_someone_signed_in_joins_with_their_own_account(as_outsider, outsider, as_lead, review,
                                                        mailoutbox):  # fmt: skip
    _invite(as_lead, review, email="outsider@example.org", role="viewer")
    response = as_outsider.post(_link(mailoutbox[0]))
    assert response.status_code == 302
    assert Membership.objects.get(review=review, user=outsider).role == "viewer"


def test_the_lead_changes_a_role_and_it_is_in_the_history(as_lead, lead, viewer, review, police):
    membership = Membership.objects.get(review=review, user=viewer)
    response = as_lead.post(
        reverse("reviews:change-role", args=[review.id, membership.id]),
        {f"m{membership.id}-role": "contributor", f"m{membership.id}-agency": police.id},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.agency) == ("contributor", police)
    change = ReviewChange.objects.get(review=review)
    assert (change.what, change.before, change.after, change.changed_by) == (
        f"Role of {viewer.get_full_name()}", "viewer", "agency contributor (Anyshire Police)", lead,
    )  # fmt: skip


def test_a_role_change_keeps_a_lead(lead, review):
    membership = Membership.objects.get(review=review, user=lead)
    with pytest.raises(ReviewError, match="must keep at least one lead"):
        change_role(membership, "viewer", None, lead)
    assert Membership.objects.get(id=membership.id).role == "lead"


def test_a_contributor_keeps_an_agency_and_others_lose_theirs(contributor, lead, review, police):
    membership = Membership.objects.get(review=review, user=contributor)
    with pytest.raises(ReviewError, match="Choose the agency"):
        change_role(membership, "contributor", None, lead)
    with pytest.raises(ReviewError, match="not one of this review's agencies"):
        change_role(membership, "contributor", AgencyFactory(name="Elsewhere"), lead)
    assert change_role(membership, "reviewer", police, lead) is True
    membership.refresh_from_db()
    assert (membership.role, membership.agency) == ("reviewer", None)
    assert change_role(membership, "reviewer", None, lead) is False


@pytest.mark.parametrize("who", ["as_reviewer", "as_contributor", "as_viewer"])
def test_only_the_lead_changes_roles(request, who, viewer, review):
    membership = Membership.objects.get(review=review, user=viewer)
    response = request.getfixturevalue(who).post(
        reverse("reviews:change-role", args=[review.id, membership.id]),
        {f"m{membership.id}-role": "lead"},
    )
    assert response.status_code == 403
    assert "As " in response.text and "you cannot manage this review." in response.text
    assert Membership.objects.get(id=membership.id).role == "viewer"


def test_removing_someone_is_in_the_history(as_lead, viewer, review):
    membership = Membership.objects.get(review=review, user=viewer)
    as_lead.post(reverse("reviews:remove-member", args=[review.id, membership.id]))
    assert not Membership.objects.filter(id=membership.id).exists()
    assert list(ReviewChange.objects.values_list("what", "before")) == [
        (f"{viewer.get_full_name()} removed", "viewer")
    ]


def test_the_people_page_offers_role_forms_to_the_lead_only(as_lead, as_viewer, review, viewer):
    lead_page = as_lead.get(reverse("reviews:members", args=[review.id]))
    viewer_page = as_viewer.get(reverse("reviews:members", args=[review.id]))
    assert lead_page.text.count("Change role<") == 2
    assert "Invite someone by e-mail" in lead_page.text
    assert "Change role" not in viewer_page.text
    assert "Invite someone" not in viewer_page.text
    assert "---------" not in lead_page.text


def test_invite_service_writes_nothing_for_a_contributor_without_agency(lead, review):
    with pytest.raises(ReviewError):
        invite(review, "x@example.org", "contributor", None, lead, link_for=str)
    assert Invitation.objects.count() == 0


def test_the_two_forms_on_the_people_page_have_their_own_ids(as_lead, review):
    page = as_lead.get(reverse("reviews:members", args=[review.id])).text
    ids = re.findall(r' id="([^"]+)"', page)
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    assert 'for="invite_email"' in page and 'aria-describedby="invite_email-hint"' in page


def test_a_weak_password_is_refused_and_the_link_still_works(client, as_lead, review, mailoutbox):
    _invite(as_lead, review, role="viewer")
    link = _link(mailoutbox[0])
    response = client.post(link, {"first_name": "Kim", "last_name": "Ward",
                                  "username": "kim", "password1": "short",
                                  "password2": "short"})  # fmt: skip
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["password2"]
    assert not get_user_model().objects.filter(username="kim").exists()
    assert client.get(link).status_code == 200
