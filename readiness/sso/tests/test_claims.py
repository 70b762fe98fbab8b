"""What a provider's claims say: the address, whether it is verified, the person's names."""

import pytest

from readiness.sso.domain.claims import claims_problem, display_names, email_of, email_verified


def test_the_address_is_lower_cased_and_trimmed():
    assert email_of({"email": " Kim.Known@Anytown.GOV.uk "}) == "kim.known@anytown.gov.uk"
    assert email_of({"email": None}) == ""
    assert email_of({}) == ""


@pytest.mark.parametrize(
    ("claims", "verified"),
    [
        ({"email_verified": True}, True),
        ({"email_verified": "true"}, True),
        ({"email_verified": False}, False),
        ({"email_verified": "false"}, False),
        ({"xms_edov": True}, True),  # Entra ID: the address's domain is verified by the tenant
        ({"xms_edov": "1"}, True),
        ({"xms_edov": False}, False),
        ({}, False),
    ],
)
def test_an_address_is_verified_by_email_verified_or_entra_id_s_xms_edov(claims, verified):
    assert email_verified(claims) is verified


def test_the_problem_with_claims_is_said_in_words():
    assert claims_problem({}, require_verified=True) == (
        "The sign-in service did not say what your e-mail address is."
    )
    assert claims_problem({"email": "kim"}, require_verified=False) == (
        "The sign-in service did not say what your e-mail address is."
    )
    assert claims_problem({"email": "kim@anytown.gov.uk"}, require_verified=True) == (
        "The sign-in service has not verified your e-mail address, kim@anytown.gov.uk."
    )
    assert claims_problem({"email": "kim@anytown.gov.uk"}, require_verified=False) == ""
    assert (
        claims_problem(
            {"email": "kim@anytown.gov.uk", "email_verified": True}, require_verified=True
        )
        == ""
    )


def test_names_come_from_given_and_family_name_or_else_name():
    assert display_names({"given_name": "Kim ", "family_name": " Known"}) == ("Kim", "Known")
    assert display_names({"name": "Kim de Known"}) == ("Kim", "de Known")
    assert display_names({}) == ("", "")
    assert display_names({"given_name": "K" * 200}) == ("K" * 150, "")
