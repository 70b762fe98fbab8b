"""The door every export passes: the hits found in it, and a lead's confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from readiness.evidence.audit import audit
from readiness.lib.back import safe_next
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import MANAGE, SEE_ALL_EVIDENCE, may
from readiness.reviews.models import Membership, Review

from .services import EXPORT_NAMES, HitsChanged, check_export, confirm_export, plural


def _refused(request, review, membership, check, status=409, next_path=None) -> HttpResponse:
    return render(request, "privacy/refused.html", {
        "review": review,
        "check": check,
        "hits_label": plural(len(check.hits), "possible personal detail"),
        "may_confirm": may(membership.role, MANAGE),
        "next": next_path or request.get_full_path(),
    }, status=status)  # fmt: skip


def gate(
    request: HttpRequest,
    review: Review,
    membership: Membership,
    export: str,
    next_path: str | None = None,
):
    """None when EXPORT may leave; otherwise the page that stops it (status 409): the hits
    with their document and page, and for a lead the form that lets it leave, then goes back
    to NEXT_PATH (by default the address asked for; a form's page when that was a POST)."""
    check = check_export(review, export)
    if check.cleared:
        audit.info(
            "exported",
            extra={"user": request.user.pk, "review": review.id, "export": check.name,
                   "personal details confirmed": len(check.hits)},
        )  # fmt: skip
        return None
    return _refused(request, review, membership, check, next_path=next_path)


@login_required
@require_POST
def confirm(request: HttpRequest, review_id: int, export: str) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    if export not in EXPORT_NAMES:
        raise Http404
    if not may(membership.role, MANAGE):
        raise PermissionDenied("Only the review's lead may confirm personal data in an export.")
    target = safe_next(request, f"/reviews/{review.id}/")
    try:
        confirm_export(review, export, request.user, request.POST.get("fingerprint", ""))
    except HitsChanged as error:
        check = check_export(review, export)
        messages.error(request, str(error))
        return _refused(request, review, membership, check)
    messages.success(request, f"You confirmed the personal details in {EXPORT_NAMES[export]}.")
    return redirect(target)
