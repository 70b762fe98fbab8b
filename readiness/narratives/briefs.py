"""Interview briefs: each service's impacts, data-backed first, on one page."""

from __future__ import annotations

from readiness.indicators.queries import review_indicators
from readiness.reviews.models import Review

from .domain.brief import Brief, Impact, interview_brief
from .models import ServiceImpact


def service_briefs(review: Review) -> list[Brief]:
    figures = {
        view.definition.id: view
        for view in review_indicators(review)
        if view.latest is not None and view.latest.value is not None
    }
    by_service: dict[str, list[Impact]] = {}
    for item in ServiceImpact.objects.filter(review=review):
        view = figures.get(item.indicator)
        words = None
        if view is not None:
            words = f"{view.definition.short_title}: {view.trend.words}"
        by_service.setdefault(item.service, []).append(
            Impact(
                text=item.text,
                indicator_id=item.indicator or None,
                value_words=words,
                example=item.example or None,
                feedback_quote=item.feedback_quote or None,
            )
        )
    return [interview_brief(service, impacts) for service, impacts in sorted(by_service.items())]
