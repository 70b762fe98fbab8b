"""What a provider's claims say about who is signing in: plain data in, plain answers out."""

from __future__ import annotations

from collections.abc import Mapping

_TRUE = (True, 1, "true", "True", "1")


def email_of(claims: Mapping[str, object]) -> str:
    """The e-mail address the claims carry, lower-cased (addresses are matched without case)."""
    email = claims.get("email")
    return email.strip().lower() if isinstance(email, str) else ""


def email_verified(claims: Mapping[str, object]) -> bool:
    """Whether the provider vouches for the address: the standard `email_verified`, or Entra
    ID's optional `xms_edov` (the address's domain is one the tenant has verified), since
    Entra ID does not send `email_verified`."""
    return claims.get("email_verified") in _TRUE or claims.get("xms_edov") in _TRUE


def claims_problem(claims: Mapping[str, object], *, require_verified: bool) -> str:
    """Why these claims cannot sign anyone in, or "" when they can."""
    email = email_of(claims)
    if not email or "@" not in email:
        return "The sign-in service did not say what your e-mail address is."
    if require_verified and not email_verified(claims):
        return f"The sign-in service has not verified your e-mail address, {email}."
    return ""


def display_names(claims: Mapping[str, object]) -> tuple[str, str]:
    """First and last name from the standard claims, each cut to what Django keeps."""
    first, last = claims.get("given_name"), claims.get("family_name")
    first = first.strip() if isinstance(first, str) else ""
    last = last.strip() if isinstance(last, str) else ""
    if not (first or last) and isinstance(claims.get("name"), str):
        first, _, last = claims["name"].strip().partition(" ")
    return first[:150], last[:150]
