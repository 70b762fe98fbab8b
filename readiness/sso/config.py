"""Single sign-on's settings, read from the environment.

Plain Python with nothing of Django in it, so that `readiness/settings.py` can call it and the
tests can build the same settings from a made-up environment. Every endpoint is named
explicitly: nothing is discovered from the issuer over the network at start-up, so a provider
that is down cannot stop Readiness starting, and the tests need no network.
"""

from __future__ import annotations

from collections.abc import Mapping

OIDC_BACKEND = "readiness.sso.backends.ReadinessOIDCBackend"

# What each variable is; all of the first group are needed for single sign-on to be on.
REQUIRED = {
    "READINESS_OIDC_ISSUER": "the provider's issuer, as its tokens' `iss` claim says it",
    "READINESS_OIDC_CLIENT_ID": "Readiness's client (application) id at the provider",
    "READINESS_OIDC_CLIENT_SECRET": "Readiness's client secret at the provider",
    "READINESS_OIDC_AUTHORIZATION_ENDPOINT": "where people are sent to sign in",
    "READINESS_OIDC_TOKEN_ENDPOINT": "where Readiness swaps the code for tokens",
    "READINESS_OIDC_JWKS_ENDPOINT": "the provider's public signing keys",
}
OPTIONAL = (
    "READINESS_OIDC_USERINFO_ENDPOINT",
    "READINESS_OIDC_END_SESSION_ENDPOINT",
    "READINESS_OIDC_PROVIDER_NAME",
    "READINESS_OIDC_SCOPES",
    "READINESS_OIDC_REQUIRE_VERIFIED_EMAIL",
    "READINESS_OIDC_SIGN_ALGO",
    "READINESS_OIDC_TIMEOUT",
)

_FALSE = ("0", "false", "no", "off")


def _off(value: str) -> bool:
    return value.strip().lower() in _FALSE


def missing(environ: Mapping[str, str]) -> list[str]:
    """The required variables left unset, when at least one OIDC variable is set (a
    half-configured provider is a mistake to report, not a reason to fall back silently)."""
    names = set(REQUIRED) | set(OPTIONAL)
    if not any(environ.get(name, "").strip() for name in names):
        return []
    return [name for name in REQUIRED if not environ.get(name, "").strip()]


def oidc_settings(environ: Mapping[str, str]) -> dict[str, object]:
    """Django settings for single sign-on from ENVIRON: mozilla-django-oidc's names, and
    SSO (None when single sign-on is off) for Readiness's own pages."""
    local_passwords = not _off(environ.get("READINESS_LOCAL_PASSWORDS", "on"))
    values: dict[str, object] = {
        "LOCAL_PASSWORDS": local_passwords,
        "SSO_MISSING": missing(environ),
    }
    configured = all(environ.get(name, "").strip() for name in REQUIRED)
    if not configured:
        values["SSO"] = None
        return values
    get = lambda name, default="": environ.get(name, default).strip()  # noqa: E731
    values.update(
        {
            "SSO": {
                "issuer": get("READINESS_OIDC_ISSUER"),
                "provider_name": get("READINESS_OIDC_PROVIDER_NAME", "your organisation"),
                "end_session_endpoint": get("READINESS_OIDC_END_SESSION_ENDPOINT"),
                "require_verified_email": not _off(
                    get("READINESS_OIDC_REQUIRE_VERIFIED_EMAIL", "true")
                ),
            },
            "OIDC_RP_CLIENT_ID": get("READINESS_OIDC_CLIENT_ID"),
            "OIDC_RP_CLIENT_SECRET": get("READINESS_OIDC_CLIENT_SECRET"),
            "OIDC_OP_AUTHORIZATION_ENDPOINT": get("READINESS_OIDC_AUTHORIZATION_ENDPOINT"),
            "OIDC_OP_TOKEN_ENDPOINT": get("READINESS_OIDC_TOKEN_ENDPOINT"),
            "OIDC_OP_JWKS_ENDPOINT": get("READINESS_OIDC_JWKS_ENDPOINT"),
            # Optional: without it the claims come from the ID token alone.
            "OIDC_OP_USER_ENDPOINT": get("READINESS_OIDC_USERINFO_ENDPOINT") or None,
            "OIDC_RP_SIGN_ALGO": get("READINESS_OIDC_SIGN_ALGO", "RS256"),
            "OIDC_RP_SCOPES": get("READINESS_OIDC_SCOPES", "openid email profile"),
            "OIDC_USE_PKCE": True,
            "OIDC_USE_NONCE": True,
            # Kept for the provider's sign-out (id_token_hint), never shown.
            "OIDC_STORE_ID_TOKEN": True,
            # A provider that does not answer must not hold a web worker for long.
            "OIDC_TIMEOUT": int(get("READINESS_OIDC_TIMEOUT", "10")),
            "OIDC_AUTHENTICATION_CALLBACK_URL": "sso:callback",
        }
    )
    return values


def backends(base: list[str], sso: object) -> list[str]:
    """The authentication backends: BASE, and single sign-on's when it is configured."""
    return [*base, OIDC_BACKEND] if sso else list(base)
