"""System checks for single sign-on: a half-configured provider, passwords switched off with
nothing in their place, and (with --deploy) a provider reached over plain HTTP."""

from __future__ import annotations

from django.conf import settings
from django.core import checks

ENDPOINTS = (
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
)


@checks.register(checks.Tags.security)
def check_sign_in(app_configs: object = None, **kwargs: object) -> list[checks.CheckMessage]:
    problems: list[checks.CheckMessage] = []
    missing = getattr(settings, "SSO_MISSING", [])
    if missing:
        problems.append(
            checks.Error(
                "Single sign-on is half configured: " + ", ".join(missing) + " not set.",
                hint="Set them all (docs/deploy.md, 'Single sign-on'), or unset every "
                "READINESS_OIDC_ variable.",
                id="readiness_sso.E001",
            )
        )
    if not settings.LOCAL_PASSWORDS and not settings.SSO:
        problems.append(
            checks.Error(
                "READINESS_LOCAL_PASSWORDS is off but single sign-on is not configured: "
                "nobody could sign in.",
                id="readiness_sso.E002",
            )
        )
    return problems


@checks.register(checks.Tags.security, deploy=True)
def check_provider_over_https(
    app_configs: object = None, **kwargs: object
) -> list[checks.CheckMessage]:
    if not settings.SSO:
        return []
    plain = [
        name
        for name in ENDPOINTS
        if (getattr(settings, name, None) or "https://").startswith("http://")
    ]
    if not plain:
        return []
    return [
        checks.Warning(
            "Single sign-on reaches the provider over plain HTTP: " + ", ".join(plain) + ".",
            hint="Use the provider's https:// endpoints.",
            id="readiness_sso.W001",
        )
    ]
