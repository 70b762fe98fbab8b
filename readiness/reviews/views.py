from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from readiness.frameworks.access import visible_frameworks

from .access import get_review_for_user
from .domain.roles import MANAGE, may
from .forms import MemberForm, PhaseForm, ReviewForm
from .models import Membership, Phase
from .services import ReviewError, add_phase, create_review, make_current, remove_member


def may_create_reviews(user: object) -> bool:
    return bool(getattr(user, "is_staff", False) or user.has_perm("reviews.add_review"))


@login_required
def index(request: HttpRequest) -> HttpResponse:
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("review__framework", "agency")
        .order_by("review__area", "review__name")
    )
    return render(
        request,
        "reviews/index.html",
        {"memberships": memberships, "may_create": may_create_reviews(request.user)},
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    if not may_create_reviews(request.user):
        raise PermissionDenied("You cannot open a review. Ask your administrator.")
    form = ReviewForm(request.POST or None, frameworks=visible_frameworks(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        review = create_review(
            name=data["name"],
            area=data["area"],
            framework=data["framework"],
            lead=request.user,
            agencies=form.lines(data["agencies"]),
            phases=form.lines(data["phases"]),
            window_starts=data["window_starts"],
            window_ends=data["window_ends"],
        )
        messages.success(request, f"Opened {review.name}. You are its lead.")
        return redirect("reviews:detail", review_id=review.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "reviews/create.html", {"form": form}, status=status)


@login_required
def detail(request: HttpRequest, review_id: int) -> HttpResponse:
    """The review's home page: readiness at a glance (readiness.glance)."""
    from readiness.glance.views import at_a_glance

    return at_a_glance(request, review_id)


@login_required
def members(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id)
    may_manage = may(membership.role, MANAGE)
    form = MemberForm(request.POST or None, review=review)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied("Only the review lead can add members.")
        if form.is_valid():
            data = form.cleaned_data
            Membership.objects.create(
                review=review,
                user=data["username"],
                role=data["role"],
                agency=data["agency"],
            )
            messages.success(request, f"Added {data['username'].username}.")
            return redirect("reviews:members", review_id=review.id)
    people = review.memberships.select_related("user", "agency")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "reviews/members.html",
        {"review": review, "people": people, "form": form, "may_manage": may_manage},
        status=status,
    )


@login_required
@require_POST
def remove(request: HttpRequest, review_id: int, membership_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    target = get_object_or_404(Membership, id=membership_id, review=review)
    try:
        remove_member(target)
    except ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Removed {target.user.username}.")
    return redirect("reviews:members", review_id=review.id)


@login_required
def phases(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id)
    may_manage = may(membership.role, MANAGE)
    form = PhaseForm(request.POST or None)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied("Only the review lead can change phases.")
        if form.is_valid():
            phase = add_phase(review, form.cleaned_data["name"])
            messages.success(request, f"Added {phase.name}.")
            return redirect("reviews:phases", review_id=review.id)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "reviews/phases.html",
        {"review": review, "phases": review.phases.all(), "form": form, "may_manage": may_manage},
        status=status,
    )


@login_required
@require_POST
def start_phase(request: HttpRequest, review_id: int, phase_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    phase = get_object_or_404(Phase, id=phase_id, review=review)
    make_current(phase)
    messages.success(request, f"{phase.name} is now the current phase.")
    return redirect("reviews:phases", review_id=review.id)
