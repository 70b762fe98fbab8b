from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from readiness.frameworks.access import visible_frameworks
from readiness.sso.context import sso_context

from . import services
from .access import get_review_for_user
from .domain.roles import MANAGE, VIEW, may
from .forms import InviteForm, JoinForm, MemberForm, PhaseForm, ReviewForm, RoleForm, SettingsForm
from .models import Agency, Membership, Phase
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


def _people_page(request, review, membership, form=None, invite_form=None, status=200):
    may_manage = may(membership.role, MANAGE)
    people = list(review.memberships.select_related("user", "agency"))
    role_forms = (
        [(person, RoleForm(prefix=f"m{person.id}", review=review,
                           initial={"role": person.role, "agency": person.agency_id}))
         for person in people]
        if may_manage else [(person, None) for person in people]
    )  # fmt: skip
    pending = (
        list(
            review.invitations.filter(accepted_at=None, withdrawn_at=None).select_related("agency")
        )
        if may_manage
        else []
    )
    return render(request, "reviews/members.html", {
        "review": review, "people": people, "rows": role_forms, "may_manage": may_manage,
        "form": form or MemberForm(review=review),
        "invite_form": invite_form or InviteForm(review=review, auto_id="invite_%s"),
        "invitations": pending, "invitation_days": services.invitation_days(),
        "now": timezone.now(),
    }, status=status)  # fmt: skip


@login_required
def members(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id)
    if request.method != "POST":
        return _people_page(request, review, membership)
    review, membership = get_review_for_user(request.user, review_id, MANAGE)
    form = MemberForm(request.POST, review=review)
    if form.is_valid():
        data = form.cleaned_data
        services.add_member(review, data["username"], data["role"], data["agency"],
                            request.user)  # fmt: skip
        messages.success(request, f"Added {data['username'].username}.")
        return redirect("reviews:members", review_id=review.id)
    return _people_page(request, review, membership, form=form, status=400)


@login_required
@require_POST
def invite(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, MANAGE)
    form = InviteForm(request.POST, review=review, auto_id="invite_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.invite(
                review, data["email"], data["role"], data["agency"], request.user,
                link_for=lambda token: request.build_absolute_uri(
                    reverse("reviews:join", args=[token])),
            )  # fmt: skip
        except ReviewError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, f"Sent an invitation to {data['email']}.")
            return redirect("reviews:members", review_id=review.id)
    return _people_page(request, review, membership, invite_form=form, status=400)


@login_required
@require_POST
def change_role(request: HttpRequest, review_id: int, membership_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    target = get_object_or_404(Membership.objects.select_related("user"), id=membership_id,
                               review=review)  # fmt: skip
    form = RoleForm(request.POST, prefix=f"m{target.id}", review=review)
    name = target.user.get_full_name() or target.user.username
    if not form.is_valid():
        messages.error(request, f"Choose a role and an agency from the lists for {name}.")
        return redirect("reviews:members", review_id=review.id)
    try:
        changed = services.change_role(
            target, form.cleaned_data["role"], form.cleaned_data["agency"], request.user
        )
    except ReviewError as error:
        messages.error(request, f"{name}: {error}")
    else:
        role = target.get_role_display().lower()
        messages.success(request, f"{name} is now {role}." if changed else f"No change for {name}.")
    return redirect("reviews:members", review_id=review.id)


@login_required
@require_POST
def remove(request: HttpRequest, review_id: int, membership_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    target = get_object_or_404(Membership, id=membership_id, review=review)
    try:
        remove_member(target, request.user)
    except ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Removed {target.user.username}.")
    return redirect("reviews:members", review_id=review.id)


def join(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's one-time link: set up an account (or use the one they are signed in
    with) and join the review."""
    invitation = services.find_invitation(token)
    if invitation is None:
        return render(request, "reviews/join.html", {
            "problem": "This link is not a valid invitation. Check you copied all of it.",
        }, status=404)  # fmt: skip
    signed_in = request.user.is_authenticated
    if signed_in and invitation.accepted_by_id == request.user.id:
        # Single sign-on accepted it as they signed in to come back here.
        return redirect("reviews:detail", review_id=invitation.review_id)
    problem = services.invitation_problem(invitation)
    if problem:
        return render(request, "reviews/join.html", {"problem": problem, "invitation": invitation},
                      status=410)  # fmt: skip
    sso = sso_context(request.path)
    if not signed_in and not sso["local_passwords"]:
        # No password accounts here: signing in through the organisation's service accepts
        # the invitation waiting for the person's address.
        return render(request, "reviews/join.html", {
            "invitation": invitation, "role": dict(Membership.ROLES)[invitation.role].lower(),
            **sso,
        }, status=403 if request.method == "POST" else 200)  # fmt: skip
    form = None if signed_in else JoinForm(request.POST or None)
    if request.method == "POST" and (signed_in or form.is_valid()):
        user = request.user
        if not signed_in:
            user = form.save(commit=False)
            user.email = invitation.email
            user.save()
        try:
            services.accept_invitation(invitation, user)
        except ReviewError as error:
            messages.error(request, str(error))
            return redirect("reviews:index")
        if not signed_in:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to {invitation.review.name}.")
        return redirect("reviews:detail", review_id=invitation.review_id)
    return render(request, "reviews/join.html", {
        "invitation": invitation, "form": form,
        "role": dict(Membership.ROLES)[invitation.role].lower(),
        "login_url": reverse("login") + "?next=" + request.path, **sso,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@login_required
def review_settings(request: HttpRequest, review_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    form = SettingsForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changes = services.update_settings(
                review, request.user, name=data["name"], area=data["area"],
                window_starts=data["window_starts"], window_ends=data["window_ends"],
                agencies={a.id: data[f"agency_{a.id}"] for a in form.agencies},
                new_agencies=ReviewForm.lines(data["new_agencies"]),
                phases=[services.PhaseSettings(p.id, data[f"phase_{p.id}_name"],
                                               data[f"phase_{p.id}_starts"],
                                               data[f"phase_{p.id}_ends"])
                        for p in form.phases]
                + [services.PhaseSettings(None, name, None, None)
                   for name in ReviewForm.lines(data["new_phases"])],
            )  # fmt: skip
        except ReviewError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Saved {changes} change{'s' if changes != 1 else ''}."
                if changes
                else "Nothing had changed.",
            )
            return redirect("reviews:settings", review_id=review.id)
    history = review.changes.select_related("changed_by")[:200]
    return render(request, "reviews/settings.html", {
        "review": review, "form": form, "history": history,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@login_required
@require_POST
def remove_agency(request: HttpRequest, review_id: int, agency_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, MANAGE)
    agency = get_object_or_404(Agency, id=agency_id, review=review)
    try:
        services.remove_agency(agency, request.user)
    except ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Removed {agency.name}.")
    return redirect("reviews:settings", review_id=review.id)


@login_required
def phases(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership = get_review_for_user(
        request.user, review_id, MANAGE if request.method == "POST" else VIEW
    )
    may_manage = may(membership.role, MANAGE)
    form = PhaseForm(request.POST or None)
    if request.method == "POST":
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
