"""Requests still waiting for an answer in the countdown (`countdown.domain.timetable`)."""

from datetime import date

import pytest
from django.urls import reverse

from readiness.countdown.domain.timetable import (
    RequestFacts,
    as_text,
    build_timetable,
    england_and_wales,
    notice_for,
)

from .factories import make_request

SLAC = notice_for("slac-2009", "SLAC", 10, 10)
CALLED = date(2026, 12, 1)  # a Tuesday: inspectors arrive Tuesday 15 December, day 10


def _tasks(*requests):
    t = build_timetable(CALLED, SLAC, england_and_wales(CALLED), requests=requests)
    return t, [(task.day, task.what, task.why, task.owner, task.agency) for task in t.tasks]


def test_a_request_due_in_the_notice_falls_on_its_due_date():
    _, tasks = _tasks(RequestFacts(7, "Anyshire Police", date(2026, 12, 3), ("a1", "a2"), "Ann"))
    assert tasks == [
        (2, "Anyshire Police to answer the request for evidence on 2 lines of enquiry",
         "asked by Ann, due Thursday 3 December 2026", "Agency contributors", "Anyshire Police"),
    ]  # fmt: skip


def test_an_overdue_request_and_one_due_after_the_start_fall_with_stale_evidence():
    t, tasks = _tasks(
        RequestFacts(1, "Health", date(2026, 11, 27), ("b",)),
        RequestFacts(2, "Police", date(2027, 1, 10), ("c",)),
    )
    assert t.deadlines["request"] == t.deadlines["evidence"] == 4
    assert [(day, why) for day, _, why, _, _ in tasks] == [
        (4, "due Friday 27 November 2026: overdue by 4 days"),
        (4, "due Sunday 10 January 2027, after inspectors arrive: needed before"),
    ]
    assert (
        "[Evidence request] Health to answer the request for evidence on 1 line of enquiry"
        in as_text(t)
    )


@pytest.mark.django_db
@pytest.mark.clock("2026-11-26")
def test_the_countdown_page_links_each_waiting_request(as_contributor, review, police, lead):
    waiting = make_request(review, police, due=date(2026, 12, 3), asked_by=lead)
    make_request(review, police, due=date(2026, 12, 3), status="answered")
    data = as_contributor.get(
        reverse("countdown:index-json", args=[review.id]) + "?called=2026-12-01"
    ).json()
    tasks = [task for day in data["days"] for task in day["tasks"] if task["kind"] == "request"]
    assert [(t["ref"], t["link"], t["label"]) for t in tasks] == [
        (str(waiting.id), reverse("asks:detail", args=[review.id, waiting.id]), "Evidence request")
    ]
