"""The sign-in page with single sign-on beside or instead of passwords, the start of a sign-in,
the callback's refusals, signing out, and an invitation's page when passwords are off."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from readiness.audit.models import AuditEvent
from readiness.lib.testing.factories import PASSWORD, UserFactory
from readiness.reviews.models import Membership
from readiness.reviews.services import accept_invitation, invite

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
BUTTON = re.compile(r'<a href="([^"]+)" id="sign-in-with-sso"[^>]*>([^<]+)</a>')


def events() -> list[tuple[str, str, str]]:
    return list(AuditEvent.objects.order_by("id").values_list("username", "action", "what"))


def test_without_single_sign_on_the_page_has_the_password_form_only(client):
    page = client.get(LOGIN)
    assert (BUTTON.search(page.text), 'id="id_password"' in page.text) == (None, True)


def test_with_single_sign_on_the_page_offers_the_provider_beside_passwords(client, sso):
    page = client.get(LOGIN + "?next=/reviews/3/")
    assert BUTTON.search(page.text).groups() == (
        "/accounts/sso/start/?next=%2Freviews%2F3%2F",
        "Sign in with Anytown Council",
    )
    assert 'id="id_password"' in page.text


def test_with_passwords_off_the_page_has_no_password_form(client, sso):
    sso(READINESS_LOCAL_PASSWORDS="off")
    page = client.get(LOGIN)
    assert BUTTON.search(page.text).group(2) == "Sign in with Anytown Council"
    assert ('id="id_password"' in page.text, 'method="post"' in page.text) == (False, False)


def test_with_passwords_off_a_right_password_is_refused_and_recorded(client, sso):
    UserFactory(username="kim")
    sso(READINESS_LOCAL_PASSWORDS="off")
    answer = client.post(LOGIN, {"username": "kim", "password": PASSWORD})
    assert answer.status_code == 403
    assert "Passwords are switched off here: sign in with Anytown Council." in answer.text
    assert client.get("/").status_code == 302  # nobody signed in
    assert events() == [("kim", "sign-in refused", "a password, with passwords off")]


def test_with_passwords_on_a_password_still_signs_in_beside_single_sign_on(client, sso):
    UserFactory(username="kim")
    answer = client.post(LOGIN, {"username": "kim", "password": PASSWORD})
    assert (answer.status_code, answer["Location"]) == (302, "/")
    assert events() == [("kim", "signed in", "")]


def test_the_start_and_callback_are_not_found_without_single_sign_on(client):
    assert client.get(reverse("sso:start")).status_code == 404
    assert client.get(reverse("sso:callback") + "?code=a&state=b").status_code == 404


def test_the_start_sends_the_browser_to_the_provider_with_state_nonce_and_pkce(client, sso):
    answer = client.get(reverse("sso:start") + "?next=/reviews/3/")
    where = urlsplit(answer["Location"])
    query = {name: values[0] for name, values in parse_qs(where.query).items()}
    assert (answer.status_code, f"{where.scheme}://{where.netloc}{where.path}") == (
        302,
        "https://login.example.net/tenant-1/authorize",
    )
    assert sorted(query) == [
        "client_id", "code_challenge", "code_challenge_method", "nonce", "redirect_uri",
        "response_type", "scope", "state",
    ]  # fmt: skip
    assert (query["client_id"], query["redirect_uri"], query["scope"]) == (
        "client-1",
        "http://testserver/accounts/sso/callback/",
        "openid email profile",
    )
    assert query["code_challenge_method"] == "S256"
    assert list(client.session["oidc_states"]) == [query["state"]]
    assert client.session["oidc_login_next"] == "/reviews/3/"


@pytest.mark.parametrize("started", [True, False])
def test_a_callback_this_browser_did_not_start_is_refused(client, sso, started):
    if started:
        client.get(reverse("sso:start"))  # a sign-in of its own, with another state
    answer = client.get(reverse("sso:callback") + "?code=c&state=not-ours")
    assert answer.status_code == 403
    assert "This sign-in was not started here, or has been used already." in answer.text
    assert client.get("/").status_code == 302
    assert events() == []  # nothing was asked of the provider, so no sign-in to record


def test_the_provider_saying_no_is_shown_and_recorded(client, sso):
    answer = client.get(reverse("sso:callback") + "?error=access_denied&state=s")
    assert answer.status_code == 403
    assert "The sign-in service did not sign you in (access_denied)." in answer.text
    assert events() == [
        ("", "sign-in refused", "single sign-on: The sign-in service did not sign you in "
         "(access_denied).")
    ]  # fmt: skip


def _signed_in_by_sso(client: Client, user) -> None:
    client.force_login(user, backend="readiness.sso.backends.ReadinessOIDCBackend")
    session = client.session
    session["oidc_id_token"] = "header.payload.signature"
    session.save()


def test_signing_out_after_single_sign_on_goes_on_to_the_provider_s_sign_out(client, sso):
    _signed_in_by_sso(client, UserFactory(username="kim"))
    answer = client.post(reverse("logout"))
    where = urlsplit(answer["Location"])
    assert f"{where.scheme}://{where.netloc}{where.path}" == (
        "https://login.example.net/tenant-1/logout"
    )
    assert parse_qs(where.query) == {
        "id_token_hint": ["header.payload.signature"],
        "client_id": ["client-1"],
        "post_logout_redirect_uri": ["http://testserver/accounts/login/"],
    }
    assert client.get("/").status_code == 302  # Readiness's own session has ended


def test_signing_out_without_an_end_session_endpoint_comes_back_to_the_sign_in_page(client, sso):
    sso(READINESS_OIDC_END_SESSION_ENDPOINT="")
    _signed_in_by_sso(client, UserFactory(username="kim"))
    answer = client.post(reverse("logout"))
    assert (answer.status_code, answer["Location"]) == (302, LOGIN)


def test_signing_out_after_a_password_sign_in_stays_here(client, sso):
    client.force_login(UserFactory(username="kim"))
    answer = client.post(reverse("logout"))
    assert (answer.status_code, answer["Location"]) == (302, LOGIN)


@pytest.fixture
def invitation_link(review, lead):
    tokens = []
    invitation = invite(review, "nia@anytown.gov.uk", Membership.REVIEWER, None, lead,
                        tokens.append)  # fmt: skip
    return invitation, reverse("reviews:join", args=[tokens[0]])


def test_with_passwords_off_an_invitation_offers_single_sign_on_only(client, sso, invitation_link):
    sso(READINESS_LOCAL_PASSWORDS="off")
    invitation, link = invitation_link
    page = client.get(link)
    assert page.status_code == 200
    assert BUTTON.search(page.text).group(1) == "/accounts/sso/start/?next=" + link.replace(
        "/", "%2F"
    )
    assert 'id="id_password1"' not in page.text
    posted = client.post(link, {"username": "nia", "password1": "x" * 12, "password2": "x" * 12})
    assert posted.status_code == 403
    assert Membership.objects.filter(review=invitation.review).count() == 1  # the lead alone


def test_with_passwords_on_an_invitation_offers_both(client, sso, invitation_link):
    page = client.get(invitation_link[1])
    assert BUTTON.search(page.text).group(2) == "Sign in with Anytown Council"
    assert 'id="id_password1"' in page.text


def test_coming_back_to_an_invitation_single_sign_on_accepted_goes_to_the_review(
    client, sso, invitation_link
):
    invitation, link = invitation_link
    nia = UserFactory(username="nia", email="nia@anytown.gov.uk")
    accept_invitation(invitation, nia)
    client.force_login(nia)
    answer = client.get(link)
    assert (answer.status_code, answer["Location"]) == (
        302,
        reverse("reviews:detail", args=[invitation.review_id]),
    )


def test_a_provider_that_cannot_be_reached_signs_nobody_in_and_says_so(client, sso):
    # Port 1 on the loopback refuses at once: no network is needed to fail.
    sso(READINESS_OIDC_TOKEN_ENDPOINT="http://127.0.0.1:1/token")
    started = client.get(reverse("sso:start"))
    state = parse_qs(urlsplit(started["Location"]).query)["state"][0]
    answer = client.get(reverse("sso:callback") + f"?code=c&state={state}")
    reason = (
        "The sign-in service could not be reached or gave an answer that could not be read. "
        "Try again in a minute."
    )
    assert (answer.status_code, reason in answer.text) == (403, True)
    assert client.get("/").status_code == 302
    assert events() == [("", "sign-in refused", f"single sign-on: {reason}")]


def test_a_password_sign_in_never_starts_single_sign_on_whatever_its_query_says(client, sso):
    UserFactory(username="kim")
    answer = client.post(LOGIN + "?code=c&state=s", {"username": "kim", "password": "wrong"})
    assert answer.status_code == 200  # the form again, with its error; no provider was asked
    assert events() == [("kim", "sign-in failed", "")]
