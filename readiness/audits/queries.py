"""Reading a review's audits into the plain rows the aggregates take, in a fixed number of
queries whatever the number of audits."""

from __future__ import annotations

from readiness.assessment.models import JudgementAssessment
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.reviews.models import Agency, Review

from .domain.aggregates import AnswerRow
from .models import AuditAnswer, ModerationDecision
from .tools import tool

SECTOR_LABELS = dict(Agency.SECTORS)


def answer_rows(review: Review) -> list[AnswerRow]:
    settled = {
        (audit, question): answer
        for audit, question, answer in ModerationDecision.objects.filter(
            audit__review=review
        ).values_list("audit_id", "question_id", "answer")
    }
    answers = AuditAnswer.objects.filter(
        audit__review=review, audit__moderates__isnull=True
    ).values_list(
        "audit_id", "audit__tool_id", "audit__case__team", "audit__phase__name", "question_id",
        "answer",
    )  # fmt: skip
    meta: dict[str, dict[str, tuple[str, str, tuple[str, ...], str]]] = {}
    rows = []
    for audit, tool_id, team, phase, question_id, answer in answers.iterator(chunk_size=5000):
        if tool_id not in meta:
            spec = tool(tool_id)
            meta[tool_id] = {
                q.id: (SECTOR_LABELS.get(s.sector, s.sector),
                       spec.domains.get(q.domain, q.domain), q.lines, q.scale)
                for s in spec.sections for q in s.questions
            } if spec else {}  # fmt: skip
        found = meta[tool_id].get(question_id)
        if found is None:
            continue
        agency, domain, lines, scale = found
        rows.append(AnswerRow(
            audit=audit, team=team or "No team", agency=agency, phase=phase or "No phase",
            domain=domain, lines=lines, answer=settled.get((audit, question_id), answer),
            scale=scale,
        ))  # fmt: skip
    return rows


def judgements_with_lines(review: Review) -> list[tuple[str, str, tuple[str, ...]]]:
    lines: dict[int, list[str]] = {}
    for judgement_id, key in LineOfEnquiry.objects.filter(
        judgement__framework=review.framework
    ).values_list("judgement_id", "key"):
        lines.setdefault(judgement_id, []).append(key)
    return [
        (j.key, j.title, tuple(lines.get(j.id, ())))
        for j in Judgement.objects.filter(framework=review.framework).order_by("position")
        if j.id in lines
    ]


def self_grades(review: Review) -> dict[str, str]:
    return dict(
        JudgementAssessment.objects.filter(review=review, grade__isnull=False).values_list(
            "judgement__key", "grade__label"
        )
    )


def line_questions(review: Review) -> dict[str, str]:
    return dict(
        LineOfEnquiry.objects.filter(judgement__framework=review.framework).values_list(
            "key", "question"
        )
    )
