"""What the readiness report takes from the thresholds checks: agreement with the intended
level of need, counted only from agencies with enough answers that nobody is identifiable
(the same rule and the same counting as the check's own page)."""

from __future__ import annotations

from readiness.reports.domain.data import ThresholdData
from readiness.reviews.models import Review

from .domain.results import LEVELS, MIN_GROUP, Answered, results
from .models import ThresholdAnswer, ThresholdCheck, Vignette


def report_thresholds(review: Review) -> tuple[ThresholdData, ...]:
    """Every check of the review, oldest first, in three queries whatever their number."""
    checks = list(ThresholdCheck.objects.filter(review=review).order_by("created_at", "id"))
    if not checks:
        return ()
    vignettes: dict[int, list[Vignette]] = {c.id: [] for c in checks}
    for vignette in Vignette.objects.filter(threshold_check__review=review):
        vignettes[vignette.threshold_check_id].append(vignette)
    people: dict[int, dict[int, Answered]] = {c.id: {} for c in checks}
    for check_id, response_id, agency, role, vignette, level in ThresholdAnswer.objects.filter(
        response__threshold_check__review=review
    ).values_list(
        "response__threshold_check_id", "response_id", "response__agency__name",
        "response__role", "vignette_id", "level",
    ):  # fmt: skip
        answered = people[check_id].setdefault(response_id, Answered(agency, role, {}))
        answered.levels[vignette] = level
    found = []
    for check in checks:
        result = results(
            list(people[check.id].values()),
            {v.id: v.intended_level for v in vignettes[check.id]},
            {v.id: v.title for v in vignettes[check.id]},
        )
        worst = next(
            (m for m in result.by_vignette if m.answers and m.agreed < m.answers), None
        )  # by_vignette comes most misread first
        found.append(ThresholdData(
            title=check.title,
            people=result.people,
            counted=result.counted,
            agencies=len(result.by_agency),
            hidden_agencies=len(result.hidden_agencies),
            answers=sum(g.answers for g in result.by_agency),
            agreed=sum(g.agreed for g in result.by_agency),
            min_group=MIN_GROUP,
            misread=worst.title if worst else "",
            misread_answers=worst.answers if worst else 0,
            misread_agreed=worst.agreed if worst else 0,
            misread_instead=LEVELS.get(worst.commonest_other, "").lower() if worst else "",
            misread_direction=worst.direction if worst else "",
        ))  # fmt: skip
    return tuple(found)
