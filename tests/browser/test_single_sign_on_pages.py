"""Single sign-on's pages pass axe: the sign-in page with the provider's button beside the
password form and alone, a password refused when passwords are off, the refusal page, and an
invitation's page that offers single sign-on only. (Signing in against a real provider is
tests/test_single_sign_on.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from readiness.lib.testing.factories import MembershipFactory, ReviewFactory
from readiness.reviews.models import Membership
from readiness.reviews.services import invite
from readiness.sso.config import oidc_settings

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENVIRONMENT = {
    "READINESS_OIDC_ISSUER": "https://login.example.net/tenant-1/v2.0",
    "READINESS_OIDC_CLIENT_ID": "client-1",
    "READINESS_OIDC_CLIENT_SECRET": "secret-1",
    "READINESS_OIDC_AUTHORIZATION_ENDPOINT": "https://login.example.net/tenant-1/authorize",
    "READINESS_OIDC_TOKEN_ENDPOINT": "https://login.example.net/tenant-1/token",
    "READINESS_OIDC_JWKS_ENDPOINT": "https://login.example.net/tenant-1/keys",
    "READINESS_OIDC_PROVIDER_NAME": "Anytown Council",
}


def switch_on(settings, **changes: str) -> None:
    for name, value in oidc_settings({**ENVIRONMENT, **changes}).items():
        setattr(settings, name, value)


def test_single_sign_on_pages_are_accessible(page: Page, live_server, settings) -> None:
    base = live_server.url
    switch_on(settings)
    page.goto(base + "/accounts/login/")
    assert page.get_by_role("button", name="Sign in with Anytown Council").is_visible()
    assert page.get_by_label("Password").is_visible()
    assert_accessible(page)

    switch_on(settings, READINESS_LOCAL_PASSWORDS="off")
    page.goto(base + "/accounts/login/")
    assert page.get_by_label("Password").count() == 0
    assert_accessible(page)

    # A password posted anyway (an old bookmark's form, a script) is refused and said so.
    page.evaluate(
        """() => {
            const form = document.createElement('form');
            form.method = 'post';
            form.innerHTML = '<input name="csrfmiddlewaretoken" value="' +
                document.cookie.match(/csrftoken=([^;]+)/)[1] + '">' +
                '<input name="username" value="kim"><input name="password" value="x">';
            document.body.appendChild(form);
            form.submit();
        }"""
    )
    page.wait_for_load_state()
    assert (
        page.locator(".govuk-error-summary")
        .inner_text()
        .endswith("Passwords are switched off here: sign in with Anytown Council.")
    )
    assert_accessible(page)

    response = page.goto(base + "/accounts/sso/callback/?error=access_denied&state=s")
    assert response.status == 403
    assert page.locator("#refusal-reason").inner_text() == (
        "The sign-in service did not sign you in (access_denied)."
    )
    assert_accessible(page)

    review = ReviewFactory(name="Anytown review")
    lead = MembershipFactory(review=review, role=Membership.LEAD).user
    tokens: list[str] = []
    invite(review, "nia@anytown.gov.uk", Membership.REVIEWER, None, lead, tokens.append)
    page.goto(f"{base}/invitations/{tokens[0]}/")
    assert page.get_by_role("button", name="Sign in with Anytown Council").is_visible()
    assert_accessible(page)
