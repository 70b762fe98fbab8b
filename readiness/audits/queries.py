"""Reading a review's audits into the plain rows the aggregates take, in a fixed number of
queries whatever the number of audits."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case as SqlCase
from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum, Value, When

from readiness.assessment.models import JudgementAssessment
from readiness.casework.models import revision
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.reviews.models import Agency, Review

from .domain.aggregates import AnswerRow, JudgementShare, Tally, shares_by_judgement, tally
from .models import AuditAnswer, ModerationDecision
from .tools import tool

SECTOR_LABELS = dict(Agency.SECTORS)


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


@dataclass(frozen=True)
class Dashboard:
    order: list[str]
    audits: int
    groups: dict[str, list[Tally]]  # by → tallies
    shares: list[JudgementShare]


GROUPS = ("domain", "team", "agency", "line", "phase")
CACHE_SECONDS = 24 * 60 * 60


def _question_meta(tool_ids: set[str]) -> dict[tuple[str, str], tuple[str, str, tuple, str]]:
    meta = {}
    for tool_id in tool_ids:
        spec = tool(tool_id)
        if spec is None:
            continue
        for section in spec.sections:
            for q in section.questions:
                meta[tool_id, q.id] = (
                    SECTOR_LABELS.get(section.sector, section.sector),
                    spec.domains.get(q.domain, q.domain), q.lines, q.scale,
                )  # fmt: skip
    return meta


def dashboard(review: Review, order: list[str]) -> Dashboard:
    """What the audits say. The counting over every answer is kept in Django's cache until
    the review's fieldwork changes (casework.models.FieldworkRevision goes up on every write
    through the services); the self-assessment's grades are read fresh each time."""
    # The review's creation time too: a number reused by a later review never hits.
    stamp = review.created_at.timestamp()
    key = f"audits-dashboard:{review.id}:{stamp}:{revision(review.id)}:{','.join(order)}"
    counted = cache.get(key)
    if counted is None:
        counted = _count(review, order)
        cache.set(key, counted, CACHE_SECONDS)
    groups, sums, audits, judgements = counted
    return Dashboard(
        order=order,
        audits=audits,
        groups=groups,
        shares=shares_by_judgement(sums, judgements, self_grades(review)),
    )


def _count(review: Review, order: list[str]):
    """Answers grouped by tool, team, phase, question and answer; each case's rank sums per
    judgement in one more query; settled grades replacing the first auditor's. A fixed
    number of queries whatever the number of audits."""
    first = AuditAnswer.objects.filter(audit__review=review, audit__moderates__isnull=True)
    counted = list(
        first.values_list(
            "audit__tool_id", "audit__case__team", "audit__phase__name", "question_id", "answer"
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    decisions = list(
        ModerationDecision.objects.filter(audit__review=review)
        .annotate(
            original=Subquery(
                AuditAnswer.objects.filter(
                    audit=OuterRef("audit"), question_id=OuterRef("question_id")
                ).values("answer")[:1]
            )
        )
        .values_list(
            "audit_id",
            "audit__tool_id",
            "audit__case__team",
            "audit__phase__name",
            "question_id",
            "original",
            "answer",
        )  # fmt: skip
    )
    counts: dict[tuple, int] = defaultdict(int)
    for tool_id, team, phase, question, answer, n in counted:
        counts[tool_id, team, phase, question, answer] += n
    for _, tool_id, team, phase, question, original, settled in decisions:
        if original is not None and original != settled:
            counts[tool_id, team, phase, question, original] -= 1
            counts[tool_id, team, phase, question, settled] += 1
    meta = _question_meta({key[0] for key in counts})
    rows = []
    for (tool_id, team, phase, question, answer), n in counts.items():
        found = meta.get((tool_id, question))
        if found is None or n <= 0:
            continue
        agency, domain, lines, scale = found
        rows.append(AnswerRow(0, team or "No team", agency, phase or "No phase", domain, lines,
                              answer, scale, n))  # fmt: skip
    judgements = judgements_with_lines(review)
    sums = _rank_sums(first, meta, judgements, order, decisions)
    audits = first.values("audit_id").distinct().count()
    groups = {by: sorted(tally(rows, by, order), key=lambda t: t.label) for by in GROUPS}
    return groups, sums, audits, judgements


def _rank_sums(first, meta, judgements, order, decisions) -> dict[str, dict[int, tuple[int, int]]]:
    """Per judgement and audit, (sum of grade ranks, grades), from one grouped query: answers
    are grouped by audit and by which judgements their question speaks to."""
    judgement_lines = {key: set(lines) for key, _, lines in judgements}
    speaks_to: dict[tuple[str, str], frozenset[str]] = {}
    for (tool_id, question), (_, _, q_lines, scale) in meta.items():
        keys = frozenset(k for k, lines in judgement_lines.items() if lines & set(q_lines))
        if scale == "grade" and keys:
            speaks_to[tool_id, question] = keys
    groups = sorted(set(speaks_to.values()), key=sorted)
    if not groups:
        return {}
    members: dict[tuple[str, int], list[str]] = defaultdict(list)
    for (tool_id, question), keys in speaks_to.items():
        members[tool_id, groups.index(keys)].append(question)
    group = SqlCase(
        *[When(audit__tool_id=t, question_id__in=qs, then=Value(g))
          for (t, g), qs in members.items()],
        default=Value(-1), output_field=IntegerField(),
    )  # fmt: skip
    rank = SqlCase(*[When(answer=k, then=Value(i)) for i, k in enumerate(order)],
                   output_field=IntegerField())  # fmt: skip
    sums: dict[str, dict[int, tuple[int, int]]] = {key: {} for key in judgement_lines}
    rows = (
        first.filter(answer__in=order)
        .annotate(group=group)
        .values("audit_id", "group")
        .annotate(total=Sum(rank), count=Count("id"))
        .order_by()
    )
    for row in rows:
        if row["group"] < 0:
            continue
        for key in groups[row["group"]]:
            total, count = sums[key].get(row["audit_id"], (0, 0))
            sums[key][row["audit_id"]] = (total + row["total"], count + row["count"])
    for audit, tool_id, _, _, question, original, settled in decisions:
        keys = speaks_to.get((tool_id, question), frozenset())
        if original not in order or settled not in order:
            continue
        for key in keys:
            if audit in sums[key]:
                total, count = sums[key][audit]
                sums[key][audit] = (total + order.index(settled) - order.index(original), count)
    return sums
