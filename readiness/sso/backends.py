"""The OpenID Connect backend: mozilla-django-oidc's code flow, with the ID token's issuer and
audience checked (the library leaves them unchecked), claims matched by `services`, and every
refusal recorded in the audit log with its reason and left on the request for the page."""

from __future__ import annotations

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from readiness.audit.services import record

from .domain.claims import email_of
from .services import user_for_claims

logger = logging.getLogger(__name__)
# Request attributes the callback page reads: why nobody was signed in, and which reviews an
# invitation waiting for the address joined.
REFUSAL, JOINED = "readiness_sso_refusal", "readiness_sso_joined"
LEEWAY_SECONDS = 60  # clocks of the provider and this server may differ a little


class Refused(Exception):
    def __init__(self, reason: str, email: str = "") -> None:
        super().__init__(reason)
        self.reason, self.email = reason, email


class ReadinessOIDCBackend(OIDCAuthenticationBackend):
    def authenticate(self, request: HttpRequest | None, **kwargs) -> AbstractBaseUser | None:
        if request is None or not settings.SSO:
            return None
        if request.path != reverse("sso:callback"):
            return None  # a password sign-in: not ours, whatever its query string says
        try:
            return super().authenticate(request, **kwargs)
        except Refused as refusal:
            return self._refuse(request, refusal.reason, refusal.email)
        except (SuspiciousOperation, jwt.PyJWTError) as error:
            return self._refuse(request, f"The sign-in service's token was refused: {error}")
        except (requests.RequestException, ValueError) as error:
            logger.warning("single sign-on: the provider could not be read: %s", error)
            return self._refuse(
                request, "The sign-in service could not be reached or gave an answer that "
                "could not be read. Try again in a minute.",
            )  # fmt: skip

    def _refuse(self, request: HttpRequest, reason: str, email: str = "") -> None:
        setattr(request, REFUSAL, reason)
        record("sign-in refused", username=email, what=f"single sign-on: {reason}")
        return None

    def _verify_jws(self, payload: str, key: object) -> dict:
        """The signature, and (unlike the library) that the token was issued by our provider,
        for us, and is still current."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(
                f"it is signed with {header.get('alg')!r}, not {self.OIDC_RP_SIGN_ALGO!r}"
            )
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.SSO["issuer"],
                leeway=LEEWAY_SECONDS,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidAudienceError as error:
            raise SuspiciousOperation("it was issued for another application") from error
        except jwt.InvalidIssuerError as error:
            raise SuspiciousOperation("it was issued by another sign-in service") from error
        except jwt.InvalidSignatureError as error:
            raise SuspiciousOperation("its signature does not match the provider's keys") from (
                error
            )
        except jwt.ExpiredSignatureError as error:
            raise SuspiciousOperation("it has expired") from error

    def get_userinfo(self, access_token: str, id_token: str, payload: dict) -> dict:
        """The ID token's claims, completed by the userinfo endpoint when there is one (it
        must speak of the same person)."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            extra = super().get_userinfo(access_token, id_token, payload)
            if extra.get("sub") != payload.get("sub"):
                raise Refused("The sign-in service's user information was about someone else.")
            claims.update(extra)
        return claims

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict):
        claims = self.get_userinfo(access_token, id_token, payload)
        # The person is the request's user while invitations are accepted, so that the audit
        # log says who joined; then the anonymous user again, for the callback to sign them in.
        before = getattr(self.request, "user", None)
        try:
            outcome = user_for_claims(
                claims,
                require_verified=settings.SSO["require_verified_email"],
                found=lambda user: setattr(self.request, "user", user),
            )
        finally:
            self.request.user = before
        if outcome.user is None:
            raise Refused(outcome.reason, email_of(claims))
        setattr(self.request, JOINED, outcome.joined)
        return outcome.user
