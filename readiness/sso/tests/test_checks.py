"""The system checks: a half-configured provider, passwords off with nothing in their place,
and a provider reached over plain HTTP (with --deploy)."""

from readiness.sso.checks import check_provider_over_https, check_sign_in


def test_nothing_is_said_without_single_sign_on():
    assert check_sign_in() == []
    assert check_provider_over_https() == []


def test_a_half_configured_provider_is_an_error(settings):
    settings.SSO_MISSING = ["READINESS_OIDC_TOKEN_ENDPOINT"]
    [error] = check_sign_in()
    assert (error.id, error.msg) == (
        "readiness_sso.E001",
        "Single sign-on is half configured: READINESS_OIDC_TOKEN_ENDPOINT not set.",
    )


def test_passwords_off_without_single_sign_on_is_an_error(settings):
    settings.LOCAL_PASSWORDS = False
    assert [e.id for e in check_sign_in()] == ["readiness_sso.E002"]


def test_passwords_off_with_single_sign_on_is_fine(sso):
    sso(READINESS_LOCAL_PASSWORDS="off")
    assert check_sign_in() == []
    assert check_provider_over_https() == []


def test_a_provider_over_plain_http_is_a_deploy_warning(sso):
    sso(READINESS_OIDC_TOKEN_ENDPOINT="http://login.example.net/token")
    [warning] = check_provider_over_https()
    assert (warning.id, warning.msg) == (
        "readiness_sso.W001",
        "Single sign-on reaches the provider over plain HTTP: OIDC_OP_TOKEN_ENDPOINT.",
    )
