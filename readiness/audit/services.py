"""Writing the audit log. Views and services say what happened; who and from where come from
the request being served (AuditContextMiddleware), or "command line" when there is none.

Lines logged to the `readiness.audit` logger (`audit.info("evidence document viewed",
extra={...})`) are stored too, through `handler.AuditLogHandler`, so every app can record an
event without importing this one."""

from __future__ import annotations

import ipaddress
from contextvars import ContextVar
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest

from .models import AuditEvent

WEB, COMMAND_LINE = "web", "command line"
_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)


class AuditContextMiddleware:
    """Makes the request being served known to the audit log, wherever an event is recorded."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def client_address(request: HttpRequest) -> str | None:
    """Where the request came from. Behind the reverse proxy (READINESS_BEHIND_PROXY) that is
    the last address in X-Forwarded-For, the one our proxy added; a client can forge the
    earlier ones, so they are never read."""
    candidate = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        candidate = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def record(
    action: str,
    *,
    user=None,
    username: str = "",
    review_id: int | None = None,
    what: str = "",
    via: str | None = None,
) -> AuditEvent:
    request = _request.get()
    if user is None and request is not None and getattr(request, "user", None) is not None:
        if request.user.is_authenticated:
            user = request.user
    return AuditEvent.objects.create(
        user=user,
        username=(user.get_username() if user is not None else username)[:150],
        action=action[:60],
        review_id=review_id,
        what=what[:500],
        address=client_address(request) if request is not None else None,
        via=via or (WEB if request is not None else COMMAND_LINE),
    )


def describe(extra: dict) -> str:
    """The 'what' of an event logged with extra fields: a document by its title, the rest as
    they were given."""
    parts = []
    document = extra.pop("document", None)
    if document is not None:
        from readiness.evidence.models import EvidenceDocument

        title = EvidenceDocument.objects.filter(pk=document).values_list("title", flat=True)
        parts.append(f"“{title.first() or '(removed)'}” (document {document})")
    parts += [f"{key}: {value}" for key, value in extra.items()]
    return "; ".join(parts)


def retention_days() -> int:
    return int(settings.AUDIT_RETENTION_DAYS)


def prune(now: datetime) -> int:
    """Delete events older than the retention period; how many went."""
    cutoff = now - timedelta(days=retention_days())
    deleted, _ = AuditEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
