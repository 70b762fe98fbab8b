"""Every sign-in, failed sign-in and sign-out in the audit log: who (as typed), from where."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from readiness.evidence.audit import audit


def _address(request: object) -> str:
    meta = getattr(request, "META", None) or {}
    return meta.get("REMOTE_ADDR", "")


@receiver(user_logged_in, dispatch_uid="readiness-audit-signed-in")
def signed_in(sender: object, request: object, user: object, **kwargs: object) -> None:
    audit.info(
        "signed in",
        extra={"user": user.pk, "username": user.get_username(), "address": _address(request)},
    )


@receiver(user_login_failed, dispatch_uid="readiness-audit-sign-in-failed")
def sign_in_failed(sender: object, credentials: dict, request: object = None, **kwargs) -> None:
    # Django has already masked the password in `credentials`; only the name is kept.
    audit.warning(
        "sign-in failed",
        extra={
            "username": str(credentials.get("username", ""))[:150],
            "address": _address(request),
        },
    )


@receiver(user_logged_out, dispatch_uid="readiness-audit-signed-out")
def signed_out(sender: object, request: object, user: object, **kwargs: object) -> None:
    audit.info(
        "signed out",
        extra={"user": getattr(user, "pk", None), "address": _address(request)},
    )
