"""Single sign-on end to end, against a real OpenID Connect provider (django-oidc-provider in
the small project under tests/oidc_provider/) started once for the module in its own process,
with Readiness under pytest's live server: the browser's part is played by `requests`, which
follows the same redirects and keeps each site's cookies.

Covered: a known person signs in (matched by e-mail, whatever its case); a person with an
invitation waiting signs in and joins; signing out ends both sessions; refused tokens (issued
for another application, by another issuer, with a signature that does not match) and refused
people (an address with no account and no invitation, an address the provider has not
verified) sign nobody in and are recorded. The other rules of who is let in are tested
without a provider in readiness/sso/tests/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from readiness.audit.models import AuditEvent
from readiness.lib.testing.factories import MembershipFactory, ReviewFactory, UserFactory
from readiness.reviews.models import Invitation, Membership
from readiness.reviews.services import invite
from readiness.sso.config import oidc_settings
from tests.oidc_provider.serve import CLIENT_ID, CLIENT_SECRET, PASSWORD

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[1]
PROVIDER_NAME = "Anytown Council"


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory) -> Iterator[str]:
    """The provider's address, once it listens."""
    folder = tmp_path_factory.mktemp("oidc-provider")
    log = (folder / "provider.log").open("w")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.serve", str(folder / "op.sqlite3"),
         live_server.url],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log, text=True,
    )  # fmt: skip
    try:
        line = process.stdout.readline()
        if not line.startswith("READY "):
            process.kill()
            raise AssertionError(
                "the provider did not start:\n" + (folder / "provider.log").read_text()
            )
        yield f"http://127.0.0.1:{line.split()[1]}"
    finally:
        process.kill()
        process.wait(timeout=10)
        log.close()


def environment(provider: str, **changes: str) -> dict[str, str]:
    env = {
        "READINESS_OIDC_ISSUER": f"{provider}/openid",
        "READINESS_OIDC_CLIENT_ID": CLIENT_ID,
        "READINESS_OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "READINESS_OIDC_AUTHORIZATION_ENDPOINT": f"{provider}/openid/authorize",
        "READINESS_OIDC_TOKEN_ENDPOINT": f"{provider}/openid/token",
        "READINESS_OIDC_JWKS_ENDPOINT": f"{provider}/openid/jwks",
        "READINESS_OIDC_USERINFO_ENDPOINT": f"{provider}/openid/userinfo",
        "READINESS_OIDC_END_SESSION_ENDPOINT": f"{provider}/openid/end-session",
        "READINESS_OIDC_PROVIDER_NAME": PROVIDER_NAME,
    }
    return {**env, **changes}


@pytest.fixture
def configure(settings, provider):
    """Readiness's settings from the environment the README documents, as at start-up."""

    def apply(**changes: str) -> None:
        values = oidc_settings(environment(provider, **changes))
        for name, value in values.items():
            setattr(settings, name, value)
        settings.AUTHENTICATION_BACKENDS = [
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
            "readiness.sso.backends.ReadinessOIDCBackend",
        ]

    apply()
    return apply


@pytest.fixture
def known(db):
    return UserFactory(username="kim", email="known.person@anytown.gov.uk")


def sign_in(base: str, username: str) -> tuple[requests.Session, requests.Response]:
    """Press "Sign in with …" on Readiness's page, sign in at the provider, and come back."""
    browser = requests.Session()
    page = browser.get(base + "/accounts/login/", timeout=10)
    start = re.search(r'href="([^"]+)" id="sign-in-with-sso"', page.text).group(1)
    at_provider = browser.get(base + unescape(start), timeout=10)
    assert urlsplit(at_provider.url).path == "/accounts/login/"
    assert at_provider.url != page.url  # the provider's own page, not ours
    answer = browser.post(
        at_provider.url,
        data={
            "csrfmiddlewaretoken": browser.cookies["provider_csrftoken"],
            "username": username,
            "password": PASSWORD,
            "next": parse_qs(urlsplit(at_provider.url).query)["next"][0],
        },
        timeout=10,
    )
    return browser, answer


def signed_in_as(base: str, browser: requests.Session) -> str | None:
    """Whose name Readiness's header shows this browser, or None when it asks to sign in."""
    page = browser.get(base + "/", timeout=10, allow_redirects=False)
    if page.status_code == 302:
        assert page.headers["Location"].startswith("/accounts/login/")
        return None
    return re.search(r'readiness-header__user">\s*<span>([^<]+)</span>', page.text).group(1)


def events() -> list[tuple[str, str, str]]:
    return list(AuditEvent.objects.order_by("id").values_list("username", "action", "what"))


def test_a_person_with_an_invitation_waiting_signs_in_and_joins(live_server, configure):
    review = ReviewFactory(name="Anytown review")
    lead = MembershipFactory(review=review, role=Membership.LEAD).user
    invite(review, "Newcomer@anytown.gov.uk", Membership.REVIEWER, None, lead, lambda t: t)
    AuditEvent.objects.all().delete()

    browser, answer = sign_in(live_server.url, "newcomer")

    assert (answer.status_code, answer.url) == (200, live_server.url + "/")
    assert "Welcome to Anytown review." in answer.text
    assert signed_in_as(live_server.url, browser) == "Nia Newcomer"
    member = Membership.objects.get(review=review, user__email="newcomer@anytown.gov.uk")
    assert (member.user.username, member.role, member.user.has_usable_password()) == (
        "newcomer@anytown.gov.uk", Membership.REVIEWER, False,
    )  # fmt: skip
    assert Invitation.objects.get(review=review).accepted_by == member.user
    assert events() == [
        ("newcomer@anytown.gov.uk", "account made by single sign-on", "newcomer@anytown.gov.uk"),
        ("newcomer@anytown.gov.uk", "member added",
         "newcomer@anytown.gov.uk as Reviewer"),
        ("newcomer@anytown.gov.uk", "signed in", "single sign-on"),
    ]  # fmt: skip


def test_a_known_person_signs_in_and_signing_out_ends_both_sessions(
    live_server, configure, provider, known
):
    browser, answer = sign_in(live_server.url, "known")
    assert (answer.status_code, answer.url) == (200, live_server.url + "/")
    assert signed_in_as(live_server.url, browser) == known.get_full_name()
    assert events() == [("kim", "signed in", "single sign-on")]

    out = browser.post(
        live_server.url + "/accounts/logout/",
        data={"csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        timeout=10,
    )
    assert [urlsplit(r.url).path for r in out.history] == [
        "/accounts/logout/",
        "/openid/end-session",
    ]
    assert (out.status_code, out.url) == (200, live_server.url + "/accounts/login/")
    assert signed_in_as(live_server.url, browser) is None
    # The provider asks again: its own session has ended too.
    again = browser.get(live_server.url + "/accounts/sso/start/", timeout=10)
    assert (again.url.startswith(provider + "/accounts/login/"), again.status_code) == (True, 200)
    assert [action for _, action, _ in events()] == ["signed in", "signed out"]


NO_ACCOUNT = (
    "There is no account here for stranger@example.org and no invitation waiting for it. Ask "
    "your review's lead to invite this address."
)


def refused(base: str, username: str) -> str:
    """Sign in as USERNAME at the provider, expecting Readiness to refuse: the reason shown."""
    browser, answer = sign_in(base, username)
    assert (answer.status_code, urlsplit(answer.url).path) == (403, "/accounts/sso/callback/")
    assert signed_in_as(base, browser) is None
    shown = re.search(r'<p class="govuk-body" id="refusal-reason">([^<]*)</p>', answer.text)
    return unescape(shown.group(1))


def test_an_unknown_or_unverified_address_is_refused(live_server, configure, known):
    assert refused(live_server.url, "stranger") == NO_ACCOUNT
    # An account with the address exists, but the provider does not vouch for the address.
    UserFactory(username="una", email="unverified@anytown.gov.uk")
    unverified = (
        "The sign-in service has not verified your e-mail address, unverified@anytown.gov.uk."
    )
    assert refused(live_server.url, "unverified") == unverified
    assert events() == [
        ("stranger@example.org", "sign-in refused", f"single sign-on: {NO_ACCOUNT}"),
        ("unverified@anytown.gov.uk", "sign-in refused", f"single sign-on: {unverified}"),
    ]


TOKEN_REFUSED = "The sign-in service's token was refused: "


def test_a_token_for_another_application_from_another_issuer_or_badly_signed_is_refused(
    live_server, configure, provider, known
):
    # The provider issues this person's ID token for another client (tests/oidc_provider/).
    UserFactory(username="eli", email="elsewhere@anytown.gov.uk")
    assert refused(live_server.url, "elsewhere") == (
        TOKEN_REFUSED + "it was issued for another application"
    )
    configure(READINESS_OIDC_ISSUER="https://login.example.net/another-tenant/v2.0")
    assert refused(live_server.url, "known") == (
        TOKEN_REFUSED + "it was issued by another sign-in service"
    )
    # Keys published under the provider's key id that did not sign the token.
    configure(READINESS_OIDC_JWKS_ENDPOINT=f"{provider}/impostor-jwks")
    assert refused(live_server.url, "known") == (
        TOKEN_REFUSED + "its signature does not match the provider's keys"
    )
    assert events() == [
        ("", "sign-in refused", f"single sign-on: {TOKEN_REFUSED}{why}")
        for why in (
            "it was issued for another application",
            "it was issued by another sign-in service",
            "its signature does not match the provider's keys",
        )
    ]
