"""Error pages in the service's own style, saying why where it is safe to."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _review_of(request: HttpRequest) -> object | None:
    """The review whose page refused the person, when they are a member of it: the refusal
    keeps that review's navigation and offers the way back to it."""
    from readiness.reviews.access import remembered_membership

    match = getattr(request, "resolver_match", None)
    review_id = match.kwargs.get("review_id") if match else None
    if review_id is None:
        return None
    membership = remembered_membership(request.user, review_id)
    return membership.review if membership else None


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception) if exception and str(exception) else "You cannot do that here."
    review = _review_of(request)
    back = request.META.get("HTTP_REFERER", "")
    # Only an address on this site is offered as the way back.
    host = request.get_host()
    if back and not back.split("//", 1)[-1].startswith(host + "/"):
        back = ""
    return render(
        request, "errors/403.html", {"reason": reason, "review": review, "back": back}, status=403
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)
