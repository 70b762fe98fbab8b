"""The count of waiting requests, for the review's overview."""

from django import template

from readiness.reviews.domain.roles import SEE_ALL_EVIDENCE, may

from ..queries import open_requests_summary

register = template.Library()


@register.inclusion_tag("asks/_banner.html")
def requests_waiting(review, membership) -> dict:
    summary = open_requests_summary(review, membership)
    return {
        "review": review,
        "summary": summary,
        "waiting": summary.open + summary.overdue,
        "for_you": not may(membership.role, SEE_ALL_EVIDENCE),
    }
