"""Read a review's grid from the database as plain data, in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count

from readiness.frameworks.models import Framework, GradeLevel, Judgement, JudgementComponent
from readiness.reviews.models import Review

from .domain.grid import AssessmentInfo, Grid, JudgementInfo, build_grid
from .domain.rollup import Grade
from .models import JudgementAssessment


def framework_scale(framework: Framework) -> list[Grade]:
    return [
        Grade(rank=g.rank, key=g.key, label=g.label)
        for g in GradeLevel.objects.filter(framework=framework).order_by("rank")
    ]


def framework_judgements(framework: Framework) -> list[JudgementInfo]:
    components: dict[int, list[tuple[str, bool]]] = {}
    for link in (
        JudgementComponent.objects.filter(composite__framework=framework)
        .select_related("component")
        .order_by("composite_id", "position")
    ):
        components.setdefault(link.composite_id, []).append((link.component.key, link.limiting))
    judgements = (
        Judgement.objects.filter(framework=framework)
        .annotate(line_count=Count("lines_of_enquiry"))
        .order_by("position")
    )
    return [
        JudgementInfo(
            key=j.key,
            title=j.title,
            kind=j.kind,
            strand_key=j.strand_key,
            strand_name=j.strand_name,
            published_key=j.published_key,
            components=tuple(components.get(j.id, [])),
            lines_of_enquiry=j.line_count,
        )
        for j in judgements
    ]


def review_assessments(review: Review) -> dict[str, AssessmentInfo]:
    rows = (
        JudgementAssessment.objects.filter(review=review)
        .select_related("judgement", "grade", "updated_by", "phase")
        .annotate(link_count=Count("evidence_links"))
    )
    return {
        a.judgement.key: AssessmentInfo(
            rank=a.grade.rank if a.grade else None,
            rationale=a.rationale,
            strengths=a.strengths,
            areas_for_improvement=a.areas_for_improvement,
            confidence=a.confidence,
            updated_by=a.updated_by.get_full_name() or a.updated_by.username
            if a.updated_by
            else "",
            updated_at=a.updated_at,
            phase=a.phase.name if a.phase else "",
            evidence_links=a.link_count,
        )
        for a in rows
    }


def review_grid(review: Review) -> Grid:
    framework = review.framework
    return build_grid(
        framework_scale(framework),
        framework_judgements(framework),
        review_assessments(review),
        framework.headline_guide,
    )


def review_summary(review: Review) -> dict[str, object]:
    return {
        "id": review.id,
        "name": review.name,
        "area": review.area,
        "framework": review.framework.slug,
        "framework_name": review.framework.name,
    }
