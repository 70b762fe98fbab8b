"""Single sign-on switched on for one test, from a made-up environment as at start-up. The
provider's addresses are never reached by these tests: those that talk to a real provider are
in tests/test_single_sign_on.py."""

import pytest

from readiness.sso.config import oidc_settings

ISSUER = "https://login.example.net/tenant-1/v2.0"
ENVIRONMENT = {
    "READINESS_OIDC_ISSUER": ISSUER,
    "READINESS_OIDC_CLIENT_ID": "client-1",
    "READINESS_OIDC_CLIENT_SECRET": "secret-1",
    "READINESS_OIDC_AUTHORIZATION_ENDPOINT": "https://login.example.net/tenant-1/authorize",
    "READINESS_OIDC_TOKEN_ENDPOINT": "https://login.example.net/tenant-1/token",
    "READINESS_OIDC_JWKS_ENDPOINT": "https://login.example.net/tenant-1/keys",
    "READINESS_OIDC_END_SESSION_ENDPOINT": "https://login.example.net/tenant-1/logout",
    "READINESS_OIDC_PROVIDER_NAME": "Anytown Council",
}


@pytest.fixture
def sso(settings):
    """Switch single sign-on on; call with changes to the environment to change it."""

    def apply(**changes: str) -> None:
        for name, value in oidc_settings({**ENVIRONMENT, **changes}).items():
            setattr(settings, name, value)
        settings.AUTHENTICATION_BACKENDS = [
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
            "readiness.sso.backends.ReadinessOIDCBackend",
        ]

    apply()
    return apply
