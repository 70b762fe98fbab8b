"""Readiness at a glance: the review's home page and its JSON twin."""

from __future__ import annotations

from dataclasses import asdict
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from readiness.countdown.forms import CallDateForm
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import GRADE, MANAGE, VIEW, may

from .domain.glance import Glance, Step
from .domain.sparkline import sparkline_svg
from .queries import glance

STEPS_SHOWN, MINE_SHOWN = 10, 6


def _countdown_url(review_id: int, data: Glance) -> str:
    url = reverse("countdown:index", args=[review_id])
    if data.countdown is None:
        return url
    called = data.countdown.called
    return f"{url}?{urlencode({'day': called.day, 'month': called.month, 'year': called.year})}"


def step_link(review_id: int, step: Step, data: Glance) -> str:
    """The page where the step is done."""
    if step.kind == "countdown":
        return _countdown_url(review_id, data)
    if step.kind == "action":
        return reverse("actions:item", args=[review_id, step.ref])
    if step.kind == "gap" and step.ref:
        return reverse("evidence:line", args=[review_id, int(step.ref)])
    if step.kind in ("gap", "stale"):
        return reverse("evidence:analyses", args=[review_id])
    if step.kind == "ungraded":
        return reverse("assessment:judgement", args=[review_id, step.ref])
    if step.kind == "unreviewed":
        return reverse("evidence:judgement", args=[review_id, step.ref]) + "?unreviewed=on"
    if step.kind == "indicator":
        return reverse("indicators:detail", args=[review_id, step.ref])
    if step.kind == "narrative":
        return reverse("narratives:detail", args=[review_id, step.ref])
    return reverse("reviews:detail", args=[review_id])


def _as_json(review, data: Glance) -> dict:
    def steps(items: tuple[Step, ...]) -> list[dict]:
        return [{**asdict(s), "link": step_link(review.id, s, data)} for s in items]

    out = asdict(data)
    out["steps"], out["mine"] = steps(data.steps), steps(data.mine)
    for item in out["actions"]:
        item["due"] = item["due"].isoformat() if item["due"] else None
    if data.countdown is not None:
        out["countdown"]["called"] = data.countdown.called.isoformat()
        out["countdown"]["start"] = data.countdown.start.isoformat()
    return {"review": review.id, **out}


@login_required
def at_a_glance(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    today = timezone.localdate()
    data = glance(review, membership, today)
    if format == "json":
        return JsonResponse({"today": today.isoformat(), **_as_json(review, data)})
    indicators = [
        (
            line,
            mark_safe(  # noqa: S308 - built from numbers and an escaped label only
                sparkline_svg(
                    line.values,
                    f"Trend of {line.name}: "
                    + ", ".join("no figure" if v is None else f"{v:g}" for v in line.values),
                )
            ),
        )
        for line in data.indicators
    ]
    return render(
        request,
        "glance/glance.html",
        {
            "review": review,
            "membership": membership,
            "glance": data,
            "today": today,
            "indicators": indicators,
            "steps": [(s, step_link(review.id, s, data)) for s in data.steps[:STEPS_SHOWN]],
            "more_steps": max(len(data.steps) - STEPS_SHOWN, 0),
            "mine": [(s, step_link(review.id, s, data)) for s in data.mine[:MINE_SHOWN]],
            "more_mine": max(len(data.mine) - MINE_SHOWN, 0),
            "countdown_url": _countdown_url(review.id, data),
            "may_grade": may(membership.role, GRADE),
            "may_manage": may(membership.role, MANAGE),
            "call_form": CallDateForm(),
            "agencies": review.agencies.all(),
            "phases": review.phases.all(),
        },
    )
