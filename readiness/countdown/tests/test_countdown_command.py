import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError

from readiness.lib.testing.factories import ActionItemFactory

# The fixtures' dates (an item due 1 December 2026, a call on 23 December) are fixed, so the
# day the tests run is fixed with them: the review begins on 26 November 2026.
pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def slac_review(review, slac, lead):
    review.framework = slac
    review.save()
    ActionItemFactory(review=review, text="Refresh thresholds", due_date=date(2026, 12, 1))
    return review


def test_it_prints_the_timetable_for_the_day_of_the_call(slac_review, capsys):
    call_command("countdown", "--review", str(slac_review.id), "--called", "2026-12-23")
    out = capsys.readouterr().out.splitlines()
    assert out[:5] == [
        "Anytown test review",
        "Countdown under SLAC 2009",
        "The call: Wednesday 23 December 2026",
        "Inspectors arrive: Monday 11 January 2027 (day 10, 10 working days after the call)",
        "On site until: Friday 22 January 2027",
    ]
    assert out[out.index("Day 2 – Tuesday 29 December 2026") + 1] == (
        "  [Overdue action] A1: a progress update on “Refresh thresholds” – Not started, due "
        "Tuesday 1 December 2026: overdue by 22 days – owner: no owner"
    )
    assert out[-1] == "Day 10: inspectors arrive – Monday 11 January 2027"


def test_it_prints_json(review, capsys):
    call_command(
        "countdown", "--review", str(review.id), "--called", "2027-03-25", "--format", "json"
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["review"], data["called"], data["start"], data["notice_working_days"]) == (
        review.id,
        "2027-03-25",
        "2027-03-30",
        1,
    )
    assert data["bank_holidays_skipped"] == [
        {"date": "2027-03-26", "name": "Good Friday"},
        {"date": "2027-03-29", "name": "Easter Monday"},
    ]


@pytest.mark.clock("2026-12-28")
def test_without_a_date_it_takes_today_or_the_next_working_day(review, capsys):
    note = (
        "Today, Monday 28 December 2026, is Boxing Day (substitute day), so this shows a call "
        "on the next working day, Tuesday 29 December 2026."
    )
    call_command("countdown", "--review", str(review.id), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert (data["called"], data["today"]) == ("2026-12-29", note)
    call_command("countdown", "--review", str(review.id))
    assert capsys.readouterr().out.splitlines()[0] == note


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ["--called", "2026-12-28"],
            "Monday 28 December 2026 is Boxing Day (substitute day), a bank holiday in England "
            "and Wales: the call comes on a working day (the next is Tuesday 29 December 2026).",
        ),
        (
            ["--called", "2026-12-32"],
            "'2026-12-32' is not a date: give the day of the call as YYYY-MM-DD, e.g. 2026-12-01.",
        ),
        (
            ["--called", "2009-06-01"],
            "Bank holidays are known for 2010-2098 calls only; Monday 1 June 2009 is outside "
            "that range.",
        ),
    ],
)
def test_a_bad_date_exits_2_with_a_clear_message(review, args, message):
    with pytest.raises(CommandError) as caught:
        call_command("countdown", "--review", str(review.id), *args)
    assert (str(caught.value), caught.value.returncode) == (message, 2)


def test_an_unknown_review_exits_2(db):
    with pytest.raises(CommandError) as caught:
        call_command("countdown", "--review", "999999", "--called", "2026-12-01")
    assert (str(caught.value), caught.value.returncode) == ("There is no review 999999.", 2)


def test_the_command_has_help_and_is_in_the_cli_doc():
    command = load_command_class(get_commands()["countdown"], "countdown")
    assert command.help
    parser = command.create_parser("readiness", "countdown")
    ours = [a for a in parser._actions if a.dest in ("review", "called", "format")]
    assert [bool(a.help) for a in ours] == [True, True, True]
    assert "`readiness countdown" in (ROOT / "docs" / "cli.md").read_text()
