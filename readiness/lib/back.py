"""Where a form sends a person back to: a path on this site that the form named, or a
default. A browser's "next" value is untrusted: another site's address would make this an
open redirect, and a bare word ("2026-02-30") would be read by Django as a view's name."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, default: str) -> str:
    """The POSTed `next` when it is a path on this site, else `default`."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
