"""The system checks: a half-configured provider, passwords off with nothing in their place,
and a provider reached over plain HTTP (with --deploy)."""

import os
import re
import subprocess
from pathlib import Path

from django.core.checks import run_checks

from readiness.sso.checks import check_provider_over_https, check_sign_in
from readiness.sso.config import oidc_settings


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


def test_the_documented_entra_id_settings_are_whole_and_pass_the_deploy_checks(settings):
    """The block of docs/deploy.md headed `# single sign-on`, run by the shell as a deployer
    would, then every system check with --deploy's: none of single sign-on's speaks."""
    deploy = (Path(__file__).resolve().parents[3] / "docs" / "deploy.md").read_text()
    [block] = [
        b for b in re.findall(r"```sh\n(.*?)```", deploy, re.S) if b.startswith("# single sign-on")
    ]
    shell = subprocess.run(
        ["bash", "-c", f"set -e\n{block}\nenv -0"],
        env={"PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        check=True,
    )
    environ = dict(line.split("=", 1) for line in shell.stdout.split("\0") if "=" in line)
    values = oidc_settings(environ)
    for name, value in values.items():
        setattr(settings, name, value)
    assert (values["SSO"]["issuer"], values["LOCAL_PASSWORDS"], values["SSO_MISSING"]) == (
        "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
        False,
        [],
    )
    ours = [
        m.id for m in run_checks(tags=["security"], include_deployment_checks=True) if "sso" in m.id
    ]
    assert ours == []
