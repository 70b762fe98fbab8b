"""Who a single sign-on lets in: an account matched by its address, or a person with an
invitation waiting for it (their account made as they arrive, the invitation's role applied).
Nobody else."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from readiness.audit.models import AuditEvent
from readiness.lib.testing.factories import UserFactory
from readiness.reviews.models import Invitation, Membership
from readiness.reviews.services import invite
from readiness.sso.services import user_for_claims

pytestmark = pytest.mark.django_db
User = get_user_model()


def claims(email: str, **more: object) -> dict:
    return {"sub": "s-1", "email": email, "email_verified": True, **more}


def invite_to(review, lead, email: str, role: str = Membership.REVIEWER, agency=None):
    return invite(review, email, role, agency, lead, lambda token: token)


def test_an_account_is_matched_by_its_address_whatever_the_case():
    kim = UserFactory(username="kim", email="kim.known@anytown.gov.uk")
    outcome = user_for_claims(claims("Kim.Known@ANYTOWN.gov.uk"))
    assert (outcome.user, outcome.reason, outcome.joined) == (kim, "", [])
    assert User.objects.count() == 1


def test_an_address_with_no_account_and_no_invitation_is_refused():
    outcome = user_for_claims(claims("stranger@example.org"))
    assert (outcome.user, outcome.reason) == (
        None,
        "There is no account here for stranger@example.org and no invitation waiting for it. "
        "Ask your review's lead to invite this address.",
    )
    assert User.objects.count() == 0


def test_an_unverified_address_is_refused_unless_verification_is_not_required():
    kim = UserFactory(username="kim", email="kim@anytown.gov.uk")
    unverified = claims("kim@anytown.gov.uk", email_verified=False)
    assert user_for_claims(unverified).reason == (
        "The sign-in service has not verified your e-mail address, kim@anytown.gov.uk."
    )
    assert user_for_claims(unverified, require_verified=False).user == kim


def test_two_accounts_with_the_address_are_refused_rather_than_guessed_between():
    UserFactory(username="kim", email="kim@anytown.gov.uk")
    UserFactory(username="kim2", email="KIM@anytown.gov.uk")
    outcome = user_for_claims(claims("kim@anytown.gov.uk"))
    assert (outcome.user, outcome.reason) == (
        None,
        "More than one account here has the address kim@anytown.gov.uk, so it cannot say which "
        "is yours. Ask whoever runs Readiness to give each account its own address.",
    )


def test_a_switched_off_account_is_refused():
    UserFactory(username="kim", email="kim@anytown.gov.uk", is_active=False)
    assert user_for_claims(claims("kim@anytown.gov.uk")).reason == (
        "The account for kim@anytown.gov.uk has been switched off."
    )


def test_an_invitation_waiting_makes_the_account_and_applies_the_role(review, lead, police):
    invitation = invite_to(review, lead, "nia@anytown.gov.uk", Membership.CONTRIBUTOR, police)
    AuditEvent.objects.all().delete()

    outcome = user_for_claims(claims("Nia@Anytown.gov.uk", given_name="Nia", family_name="New"))

    nia = outcome.user
    assert (nia.username, nia.email, nia.get_full_name(), nia.has_usable_password()) == (
        "nia@anytown.gov.uk", "nia@anytown.gov.uk", "Nia New", False,
    )  # fmt: skip
    assert outcome.joined == ["Anytown test review"]
    member = Membership.objects.get(review=review, user=nia)
    assert (member.role, member.agency) == (Membership.CONTRIBUTOR, police)
    invitation.refresh_from_db()
    assert invitation.accepted_by == nia
    assert list(AuditEvent.objects.order_by("id").values_list("action", "what")) == [
        ("account made by single sign-on", "nia@anytown.gov.uk"),
        ("member added", "nia@anytown.gov.uk as Agency contributor for Anyshire Police"),
    ]


def test_an_existing_account_also_joins_the_reviews_waiting_for_its_address(review, lead):
    kim = UserFactory(username="kim", email="kim@anytown.gov.uk")
    invite_to(review, lead, "kim@anytown.gov.uk", Membership.VIEWER)
    outcome = user_for_claims(claims("kim@anytown.gov.uk"))
    assert (outcome.user, outcome.joined) == (kim, ["Anytown test review"])
    assert Membership.objects.get(review=review, user=kim).role == Membership.VIEWER


def test_an_expired_or_replaced_invitation_lets_nobody_in(review, lead):
    invitation = invite_to(review, lead, "nia@anytown.gov.uk")
    Invitation.objects.filter(id=invitation.id).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert user_for_claims(claims("nia@anytown.gov.uk")).user is None
    Invitation.objects.filter(id=invitation.id).update(
        expires_at=timezone.now() + timedelta(days=1), withdrawn_at=timezone.now()
    )
    assert user_for_claims(claims("nia@anytown.gov.uk")).user is None
    assert User.objects.filter(email="nia@anytown.gov.uk").count() == 0


def test_a_username_already_taken_gets_a_number(review, lead):
    UserFactory(username="nia@anytown.gov.uk", email="someone.else@anytown.gov.uk")
    invite_to(review, lead, "nia@anytown.gov.uk")
    assert user_for_claims(claims("nia@anytown.gov.uk")).user.username == "nia@anytown.gov.uk-2"


def test_the_caller_hears_of_the_person_before_invitations_are_accepted(review, lead):
    invite_to(review, lead, "nia@anytown.gov.uk")
    heard = []
    user_for_claims(
        claims("nia@anytown.gov.uk"),
        found=lambda user: heard.append(Membership.objects.filter(user=user).count()),
    )
    assert heard == [0]
