"""What every request passes through to keep one person, one bad file or one bad request
from hurting the service or leaving evidence behind (docs/security.md)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from readiness.evidence.audit import audit

NO_STORE = "no-store, private"


def _megabytes(size: int) -> str:
    return f"{size // 1_048_576} MB" if size >= 1_048_576 else f"{max(size // 1024, 1)} KB"


class RequestSizeMiddleware:
    """Refuse a request whose declared length is over the largest upload before a byte of
    its body is read (Django reads a multipart body in full, to disk, before any form can
    say it is too big)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        limit = settings.REQUEST_MAX_BYTES
        if length < 0 or length > limit:
            reason = (
                f"What you sent is larger than the {_megabytes(limit)} one request may carry: "
                "send fewer or smaller files at a time."
                if length > limit
                else "The request’s length could not be read."
            )
            response = render(request, "errors/413.html", {"reason": reason}, status=413)
            # The body is never read: the connection cannot be reused for another request.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class NoStoreMiddleware:
    """Nothing a signed-in person sees stays in the browser's cache: a council PC is often
    shared, and pages, JSON twins and downloads can carry case-level evidence."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = NO_STORE
            response["Pragma"] = "no-cache"
        return response


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """django-axes' answer once an account or an address has failed too often."""
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    audit.warning(
        "sign-in refused: locked out",
        extra={
            "username": _username(credentials, request),
            "address": request.META.get("REMOTE_ADDR", ""),
        },
    )
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "failures": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


def _username(credentials: dict | None, request: HttpRequest | None) -> str:
    if credentials and credentials.get("username"):
        return str(credentials["username"])[:150]
    if request is not None and request.method == "POST":
        return str(request.POST.get("username", ""))[:150]
    return ""
