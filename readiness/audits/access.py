"""Fetching audits with their permission check; every look at one is logged."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from readiness.casework.access import log_view
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import VIEW
from readiness.reviews.models import Membership, Review

from .domain.rules import visible_sections
from .domain.tool import Section
from .models import CaseAudit
from .tools import tools_for

__all__ = ["audit_for_user", "log_view", "sector_of", "visible_audits"]


def sector_of(membership: Membership) -> str | None:
    return membership.agency.sector if membership.agency_id else None


def _case_level(
    user: AbstractBaseUser | AnonymousUser, review_id: int
) -> tuple[Review, Membership]:
    review, membership = get_review_for_user(user, review_id, VIEW)
    if membership.role == Membership.VIEWER:
        raise PermissionDenied(
            "Viewers see what the audits say, not children's case files: ask the review's lead."
        )
    return review, membership


def visible_audits(user: AbstractBaseUser | AnonymousUser, review_id: int):
    """The review, the membership and the audits this person may see: all of them for the
    lead and reviewers; for a contributor, those whose tool has their agency's section."""
    review, membership = _case_level(user, review_id)
    audits = CaseAudit.objects.filter(review=review)
    if membership.role == Membership.CONTRIBUTOR:
        sector = sector_of(membership)
        tool_ids = [t.id for t in tools_for(review.framework.slug)
                    if any(s.sector == sector for s in t.sections)]  # fmt: skip
        audits = audits.filter(tool_id__in=tool_ids, moderates__isnull=True)
    return review, membership, audits


def audit_for_user(
    user: AbstractBaseUser | AnonymousUser, review_id: int, audit_id: int
) -> tuple[Review, Membership, CaseAudit, list[Section]]:
    review, membership, audits = visible_audits(user, review_id)
    audit = (
        audits.select_related("case", "auditor", "moderates", "sample").filter(id=audit_id).first()
    )
    if audit is None:
        raise Http404
    from .services import tool_for

    sections = visible_sections(tool_for(audit), membership.role, sector_of(membership))
    return review, membership, audit, sections
