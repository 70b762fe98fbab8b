"""The countdown around Christmas and Easter 2026-2027, against the published bank holidays."""

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from readiness.countdown.domain.timetable import (
    ActionFacts,
    BriefFacts,
    Calendar,
    CountdownError,
    DocumentItem,
    NarrativeItem,
    as_text,
    build_timetable,
    call_today,
    england_and_wales,
    notice_for,
)
from readiness.lib import workdays

SLAC = notice_for("slac-2009", "SLAC", 10, 10)
JTAI = notice_for("jtai-2023", "JTAI", 10, 5)
ILACS = notice_for("ilacs-2026", "ILACS", 5, 10)

# GOV.UK's published bank holidays for England and Wales.
PUBLISHED_2026 = {
    date(2026, 1, 1): "New Year's Day",
    date(2026, 4, 3): "Good Friday",
    date(2026, 4, 6): "Easter Monday",
    date(2026, 5, 4): "Early May bank holiday",
    date(2026, 5, 25): "Spring bank holiday",
    date(2026, 8, 31): "Summer bank holiday",
    date(2026, 12, 25): "Christmas Day",
    date(2026, 12, 28): "Boxing Day (substitute day)",
}
PUBLISHED_2027 = {
    date(2027, 1, 1): "New Year's Day",
    date(2027, 3, 26): "Good Friday",
    date(2027, 3, 29): "Easter Monday",
    date(2027, 5, 3): "Early May bank holiday",
    date(2027, 5, 31): "Spring bank holiday",
    date(2027, 8, 30): "Summer bank holiday",
    date(2027, 12, 27): "Christmas Day (substitute day)",
    date(2027, 12, 28): "Boxing Day (substitute day)",
}


def calendar(called: date) -> Calendar:
    return england_and_wales(called)


def timetable(called: date, notice=SLAC, **items):
    return build_timetable(called, notice, calendar(called), **items)


def test_the_working_days_helper_has_the_published_2026_and_2027_holidays():
    assert workdays.bank_holidays(2026) == PUBLISHED_2026
    assert workdays.bank_holidays(2027) == PUBLISHED_2027
    assert list(workdays.bank_holidays(2028).items())[0] == (
        date(2028, 1, 3),
        "New Year's Day (substitute day)",
    )


def test_the_countdown_calendar_agrees_with_the_working_days_helper_every_day_of_2026():
    cal = calendar(date(2026, 1, 1))
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert cal.is_working_day(day) == workdays.is_working_day(day), day
        assert cal.add(day, 10) == workdays.add_working_days(day, 10), day
        assert cal.between(day, day + timedelta(days=20)) == workdays.working_days_between(
            day, day + timedelta(days=20)
        )
        day += timedelta(days=1)


@pytest.mark.parametrize(
    "called,start",
    [
        # Christmas 2026: 25 Dec (Fri), 28 Dec (Mon, Boxing Day substitute), 1 Jan 2027.
        (date(2026, 12, 23), date(2027, 1, 11)),
        (date(2026, 12, 24), date(2027, 1, 12)),
        (date(2026, 12, 29), date(2027, 1, 13)),
        (date(2026, 12, 14), date(2026, 12, 30)),
        # Easter 2027: Good Friday 26 Mar, Easter Monday 29 Mar.
        (date(2027, 3, 25), date(2027, 4, 12)),
        (date(2027, 3, 19), date(2027, 4, 6)),
        # Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr.
        (date(2026, 3, 27), date(2026, 4, 14)),
        # May 2027: 3 May and 31 May.
        (date(2027, 4, 26), date(2027, 5, 11)),
        (date(2027, 5, 24), date(2027, 6, 8)),
        # Summer 2027: 30 Aug.
        (date(2027, 8, 23), date(2027, 9, 7)),
        # Christmas 2027: both days on the weekend, substitutes Mon 27 and Tue 28 Dec; New
        # Year's Day 2028 is a Saturday, its substitute Monday 3 January 2028.
        (date(2027, 12, 20), date(2028, 1, 6)),
        (date(2027, 12, 24), date(2028, 1, 12)),
        # No holiday: a plain fortnight.
        (date(2026, 12, 1), date(2026, 12, 15)),
    ],
)
def test_ten_working_days_notice_lands_on_the_right_day(called, start):
    for notice in (SLAC, JTAI):
        t = timetable(called, notice)
        assert (t.start, t.notice_days) == (start, 10)
        assert t.days[-1].date == start and t.days[-1].is_start


def test_the_days_of_notice_are_numbered_over_christmas_2026():
    t = timetable(date(2026, 12, 23))
    assert [(d.number, d.date) for d in t.days] == [
        (0, date(2026, 12, 23)),
        (1, date(2026, 12, 24)),
        (2, date(2026, 12, 29)),
        (3, date(2026, 12, 30)),
        (4, date(2026, 12, 31)),
        (5, date(2027, 1, 4)),
        (6, date(2027, 1, 5)),
        (7, date(2027, 1, 6)),
        (8, date(2027, 1, 7)),
        (9, date(2027, 1, 8)),
        (10, date(2027, 1, 11)),
    ]
    assert t.holidays_skipped == (
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 28), "Boxing Day (substitute day)"),
        (date(2027, 1, 1), "New Year's Day"),
    )
    assert t.on_site_ends == date(2027, 1, 22)


def test_ilacs_inspectors_arrive_the_monday_after_the_call():
    t = timetable(date(2026, 12, 2), ILACS)  # a Wednesday
    assert (t.start, t.notice_days, t.notes) == (date(2026, 12, 7), 3, ())
    t = timetable(date(2026, 11, 30), ILACS)  # a Monday: the Monday a week later
    assert (t.start, t.notice_days) == (date(2026, 12, 7), 5)
    t = timetable(date(2026, 12, 4), ILACS)  # a Friday
    assert (t.start, t.notice_days) == (date(2026, 12, 7), 1)


def test_ilacs_call_on_wednesday_23_december_2026_meets_the_boxing_day_substitute():
    t = timetable(date(2026, 12, 23), ILACS)
    assert (t.start, t.notice_days) == (date(2026, 12, 29), 2)
    assert [(d.number, d.date) for d in t.days] == [
        (0, date(2026, 12, 23)),
        (1, date(2026, 12, 24)),
        (2, date(2026, 12, 29)),
    ]
    assert t.notes == (
        "The Monday after the call, Monday 28 December 2026, is Boxing Day (substitute day): "
        "this timetable assumes inspectors arrive on the next working day, Tuesday 29 "
        "December 2026. Confirm the start with the lead inspector on the call.",
    )
    assert t.deadlines == dict.fromkeys(t.deadlines, 1)


def test_ilacs_call_on_christmas_eve_2026_leaves_no_day_to_prepare():
    t = timetable(date(2026, 12, 24), ILACS, briefs=[BriefFacts("Police", 2, 1, ("Pat",))])
    assert (t.start, t.notice_days) == (date(2026, 12, 29), 1)
    assert t.deadlines == dict.fromkeys(t.deadlines, 0)
    assert [(task.day, task.due) for task in t.tasks] == [(0, date(2026, 12, 24))]
    assert t.notes[1] == (
        "Inspectors arrive on the first working day after the call: there is no full day to "
        "prepare, so everything falls on the day of the call."
    )


def test_ilacs_call_on_thursday_25_march_2027_meets_easter_monday():
    t = timetable(date(2027, 3, 25), ILACS)
    assert (t.start, t.notice_days) == (date(2027, 3, 30), 1)
    assert t.holidays_skipped == (
        (date(2027, 3, 26), "Good Friday"),
        (date(2027, 3, 29), "Easter Monday"),
    )
    assert t.notes[0].startswith("The Monday after the call, Monday 29 March 2027, is Easter ")


def test_ilacs_call_before_easter_2026():
    t = timetable(date(2026, 4, 1), ILACS)  # Wednesday; Good Friday 3, Easter Monday 6 April
    assert (t.start, t.notice_days) == (date(2026, 4, 7), 2)


@pytest.mark.parametrize(
    "called,message",
    [
        (
            date(2026, 12, 28),
            "Monday 28 December 2026 is Boxing Day (substitute day), a bank holiday in England "
            "and Wales: the call comes on a working day (the next is Tuesday 29 December 2026).",
        ),
        (
            date(2026, 12, 26),
            "Saturday 26 December 2026 is Boxing Day, on a weekend (its bank holiday is Monday "
            "28 December 2026): the call comes on a working day (the next is Tuesday 29 "
            "December 2026).",
        ),
        (
            date(2027, 3, 26),
            "Friday 26 March 2027 is Good Friday, a bank holiday in England and Wales: the call "
            "comes on a working day (the next is Tuesday 30 March 2027).",
        ),
        (
            date(2026, 11, 29),
            "Sunday 29 November 2026 is a weekend day: the call comes on a working day (the "
            "next is Monday 30 November 2026).",
        ),
    ],
)
def test_a_call_on_a_day_off_is_refused(called, message):
    with pytest.raises(CountdownError) as caught:
        timetable(called)
    assert str(caught.value) == message


def test_a_call_before_the_known_years_is_refused():
    with pytest.raises(CountdownError) as caught:
        england_and_wales(date(2009, 6, 1))
    assert str(caught.value) == (
        "Bank holidays are known for 2010-2098 calls only; Monday 1 June 2009 is outside "
        "that range."
    )


def test_a_call_in_a_projected_year_says_so():
    t = build_timetable(date(2031, 1, 6), SLAC, england_and_wales(date(2031, 1, 6)))
    assert (t.start, t.notes) == (
        date(2031, 1, 20),
        (
            "Bank holidays in 2031 and 2032 are projected from the usual rules (the published "
            "lists were checked up to 2030): a one-off holiday announced since would not be "
            "counted, so check gov.uk/bank-holidays.",
        ),
    )


def test_a_framework_without_notice_has_no_countdown():
    with pytest.raises(CountdownError) as caught:
        notice_for("sif-2013", "SIF", 0)
    assert str(caught.value) == (
        "SIF states no notice period, so there is no countdown: inspectors arrive without notice."
    )


def test_what_if_the_call_came_today_uses_the_next_working_day_when_today_is_not_one():
    cal = calendar(date(2026, 12, 25))
    assert call_today(date(2026, 12, 25), cal) == (
        date(2026, 12, 29),
        "Today, Friday 25 December 2026, is Christmas Day, so this shows a call on the next "
        "working day, Tuesday 29 December 2026.",
    )
    assert call_today(date(2026, 11, 28), cal)[0] == date(2026, 11, 30)
    assert call_today(date(2026, 11, 26), cal) == (
        date(2026, 11, 26),
        "If the call came today, Thursday 26 November 2026.",
    )


ACTIONS = [
    ActionFacts(
        "A1",
        "Action point",
        "Refresh thresholds",
        "Ann Able",
        "Council",
        date(2026, 11, 2),
        "In progress",
    ),  # fmt: skip
    ActionFacts(
        "A2", "Action point", "Dental checks", "Bo Best", "Health", date(2027, 1, 6), "Not started"
    ),  # fmt: skip
    ActionFacts("R1", "Recommendation", "Involve partners", "", "", None, "In progress"),
    ActionFacts(
        "A3", "Action point", "Later", "Cy Cole", "Police", date(2027, 2, 1), "Not started"
    ),
]


def test_each_item_falls_on_its_day_with_its_owner():
    t = timetable(
        date(2026, 12, 23),
        actions=ACTIONS,
        narratives=[
            NarrativeItem(
                "dental",
                "Dental checks",
                "Bo Best",
                "Health",
                ("figures older than the latest data",),
            )
        ],  # fmt: skip
        documents=[
            DocumentItem(
                7,
                "Audit 2024",
                "Police",
                "Cy Cole",
                date(2024, 5, 1),
                reasons=("dated 1 May 2024", "its review date has passed"),
            ),  # fmt: skip
            DocumentItem(None, "", "Health", "", None, count=3),
        ],
        briefs=[BriefFacts("Police", 3, 2, ("Cy Cole",))],
    )
    assert [(x.day, x.due, x.kind, x.ref, x.owner, x.agency) for x in t.tasks] == [
        (2, date(2026, 12, 29), "action_overdue", "A1", "Ann Able", "Council"),
        (4, date(2026, 12, 31), "evidence", "", "", "Health"),
        (4, date(2026, 12, 31), "evidence", "7", "Cy Cole", "Police"),
        (5, date(2027, 1, 4), "narrative", "dental", "Bo Best", "Health"),
        # A2 is due Wednesday 6 January, working day 7, the same day as the open actions.
        (7, date(2027, 1, 6), "action_open", "R1", "", ""),
        (7, date(2027, 1, 6), "action_open", "A2", "Bo Best", "Health"),
        (7, date(2027, 1, 6), "action_open", "A3", "Cy Cole", "Police"),
        (9, date(2027, 1, 8), "brief", "Police", "Cy Cole", "Police"),
    ]
    assert [x.why for x in t.tasks] == [
        "In progress, due Monday 2 November 2026: overdue by 51 days",
        "out of date (titles shown to those who see every agency's evidence)",
        "dated 1 May 2024; its review date has passed",
        "figures older than the latest data",
        "In progress, no due date",
        "Not started, due Wednesday 6 January 2027",
        "Not started, due Monday 1 February 2027",
        "3 impacts, 2 backed by data",
    ]
    assert t.tasks[1].what == "3 documents from Health"


def test_an_action_due_on_a_weekend_is_due_the_working_day_before():
    action = ActionFacts("A9", "Action point", "x", "", "", date(2027, 1, 3), "Not started")
    (task,) = timetable(date(2026, 12, 23), actions=[action]).tasks
    assert (task.day, task.due) == (4, date(2026, 12, 31))


def test_the_timetable_reads_as_text_and_as_data():
    t = timetable(date(2026, 12, 23), actions=ACTIONS[:1], undated_documents=2)
    text = as_text(t)
    assert text.splitlines()[:7] == [
        "Countdown under SLAC",
        "The call: Wednesday 23 December 2026",
        "Inspectors arrive: Monday 11 January 2027 (day 10, 10 working days after the call)",
        "On site until: Friday 22 January 2027",
        "Not counted: Friday 25 December 2026 (Christmas Day)",
        "Not counted: Monday 28 December 2026 (Boxing Day (substitute day))",
        "Not counted: Friday 1 January 2027 (New Year's Day)",
    ]
    assert (
        "  [Overdue action] A1: a progress update on “Refresh thresholds” – In progress, due "
        "Monday 2 November 2026: overdue by 51 days – owner: Ann Able, Council"
    ) in text.splitlines()
    data = t.as_dict()
    assert data["start"] == "2027-01-11"
    assert data["notes"] == [
        "2 documents carry no date, so nobody can tell whether they are current: date them "
        "when you can."
    ]
    assert data["days"][2]["tasks"][0]["ref"] == "A1"
    assert data["days"][2]["tasks"][0]["due"] == "2026-12-29"


def test_the_table_in_the_countdown_doc_is_true():
    doc = (Path(__file__).resolve().parents[3] / "docs" / "countdown.md").read_text()
    table = doc[doc.index("| call | SLAC / JTAI") :].split("\n\n")[0].splitlines()[2:]
    assert len(table) == 5

    def day(text: str) -> date:
        found = re.match(r"\w{3} \d{1,2} \w{3} \d{4}", text)
        assert found, text
        return datetime.strptime(found.group(), "%a %d %b %Y").date()

    for row in table:
        called, slac, ilacs = (cell.strip() for cell in row.strip("|").split("|"))
        assert timetable(day(called), SLAC).start == day(slac), row
        assert timetable(day(called), ILACS).start == day(ilacs), row
        stated = re.search(r", day (\d+)", ilacs)
        if stated:
            assert timetable(day(called), ILACS).notice_days == int(stated.group(1)), row


def test_every_kind_of_task_has_its_words_and_its_place():
    from readiness.countdown.domain.timetable import COUNT_WORDS, KIND_LABELS, SCHEDULE

    assert set(COUNT_WORDS) == set(SCHEDULE) == set(KIND_LABELS)
