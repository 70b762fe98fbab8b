"""Aligning a review's evidence again, in the background: the lead starts it (after a change
of framework wording or of the model); its page shows how many documents are done."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import MANAGE, SEE_ALL_EVIDENCE, may

from .jobs import start_realign_job
from .models import EvidenceDocument, RealignJob

RECENT = 5


@login_required
def realign(request: HttpRequest, review_id: int) -> HttpResponse:
    """What realigning does, the last runs and, for the lead, the button that starts one."""
    action = MANAGE if request.method == "POST" else SEE_ALL_EVIDENCE
    review, membership = get_review_for_user(request.user, review_id, action)
    if request.method == "POST":
        job = start_realign_job(review, user=request.user)
        return redirect("evidence:realign-job", review_id=review.id, job_id=job.id)
    jobs = RealignJob.objects.filter(review=review).select_related("created_by")[:RECENT]
    return render(request, "evidence/realign.html", {
        "review": review,
        "jobs": jobs,
        "documents": EvidenceDocument.objects.filter(review=review).count(),
        "may_manage": may(membership.role, MANAGE),
    })  # fmt: skip


@login_required
def realign_job(request: HttpRequest, review_id: int, job_id: int) -> HttpResponse:
    review, _ = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    job = get_object_or_404(
        RealignJob.objects.select_related("created_by"), id=job_id, review=review
    )
    return render(request, "evidence/realign_job.html", {"review": review, "job": job})
