"""Reading single sign-on's settings from the environment."""

import pytest

from readiness.sso.config import OIDC_BACKEND, backends, missing, oidc_settings

from .conftest import ENVIRONMENT


def test_it_is_off_when_no_variable_is_set():
    assert oidc_settings({}) == {"LOCAL_PASSWORDS": True, "SSO_MISSING": [], "SSO": None}


def test_it_reads_every_variable():
    values = oidc_settings(
        {
            **ENVIRONMENT,
            "READINESS_OIDC_USERINFO_ENDPOINT": "https://graph.example.net/oidc/userinfo",
            "READINESS_OIDC_SCOPES": "openid email",
            "READINESS_OIDC_REQUIRE_VERIFIED_EMAIL": "false",
            "READINESS_OIDC_TIMEOUT": "4",
            "READINESS_LOCAL_PASSWORDS": "off",
        }
    )
    assert values == {
        "LOCAL_PASSWORDS": False,
        "SSO_MISSING": [],
        "SSO": {
            "issuer": "https://login.example.net/tenant-1/v2.0",
            "provider_name": "Anytown Council",
            "end_session_endpoint": "https://login.example.net/tenant-1/logout",
            "require_verified_email": False,
        },
        "OIDC_RP_CLIENT_ID": "client-1",
        "OIDC_RP_CLIENT_SECRET": "secret-1",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example.net/tenant-1/authorize",
        "OIDC_OP_TOKEN_ENDPOINT": "https://login.example.net/tenant-1/token",
        "OIDC_OP_JWKS_ENDPOINT": "https://login.example.net/tenant-1/keys",
        "OIDC_OP_USER_ENDPOINT": "https://graph.example.net/oidc/userinfo",
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_RP_SCOPES": "openid email",
        "OIDC_USE_PKCE": True,
        "OIDC_USE_NONCE": True,
        "OIDC_STORE_ID_TOKEN": True,
        "OIDC_TIMEOUT": 4,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "sso:callback",
    }


def test_the_optional_variables_have_defaults():
    values = oidc_settings(
        {
            name: value
            for name, value in ENVIRONMENT.items()
            if name not in ("READINESS_OIDC_PROVIDER_NAME", "READINESS_OIDC_END_SESSION_ENDPOINT")
        }
    )
    assert values["SSO"] == {
        "issuer": "https://login.example.net/tenant-1/v2.0",
        "provider_name": "your organisation",
        "end_session_endpoint": "",
        "require_verified_email": True,
    }
    assert (values["OIDC_OP_USER_ENDPOINT"], values["OIDC_RP_SCOPES"], values["OIDC_TIMEOUT"]) == (
        None,
        "openid email profile",
        10,
    )


def test_a_half_configured_provider_names_what_is_missing_and_stays_off():
    environ = {"READINESS_OIDC_ISSUER": "https://x", "READINESS_OIDC_CLIENT_ID": "c"}
    assert missing(environ) == [
        "READINESS_OIDC_CLIENT_SECRET",
        "READINESS_OIDC_AUTHORIZATION_ENDPOINT",
        "READINESS_OIDC_TOKEN_ENDPOINT",
        "READINESS_OIDC_JWKS_ENDPOINT",
    ]
    assert oidc_settings(environ)["SSO"] is None


@pytest.mark.parametrize(
    ("value", "on"),
    [("off", False), ("false", False), ("0", False), ("no", False), ("on", True), ("", True)],
)
def test_local_passwords_are_switched_off_by_off_false_0_or_no(value, on):
    assert oidc_settings({"READINESS_LOCAL_PASSWORDS": value})["LOCAL_PASSWORDS"] is on


def test_the_backend_is_listed_only_when_single_sign_on_is_configured():
    base = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
    assert backends(base, None) == base
    assert backends(base, {"issuer": "x"}) == [*base, OIDC_BACKEND]
