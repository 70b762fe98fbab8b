from datetime import date

import pytest

from readiness.asks.domain.state import (
    AskError,
    RequestRow,
    check_answerable,
    check_changeable,
    check_decline,
    check_request,
    state_of,
    summarise,
)

TODAY = date(2026, 11, 26)


def test_an_open_request_past_its_date_is_overdue():
    assert state_of("open", date(2026, 11, 25), TODAY) == "overdue"


def test_an_open_request_due_today_is_still_open():
    assert state_of("open", TODAY, TODAY) == "open"


@pytest.mark.parametrize("status", ["answered", "declined", "withdrawn"])
def test_answered_declined_and_withdrawn_requests_are_never_overdue(status):
    assert state_of(status, date(2026, 1, 1), TODAY) == status


@pytest.mark.parametrize(
    "agency,lines,due,message,error",
    [
        (None, [1], TODAY, "x", "Choose the agency you are asking."),
        (1, [], TODAY, "x", "Choose at least one line of enquiry."),
        (1, [1], None, "x", "Give the date you need the evidence by."),
        (1, [1], date(2026, 11, 25), "x",
         "The date you need the evidence by cannot be in the past."),
        (1, [1], TODAY, "  ", "Say what you are asking for."),
    ],
)  # fmt: skip
def test_a_request_names_what_it_lacks(agency, lines, due, message, error):
    with pytest.raises(AskError) as raised:
        check_request(agency, lines, due, message, TODAY)
    assert str(raised.value) == error


def test_a_complete_request_passes():
    assert check_request(1, [1, 2], TODAY, "Audit please", TODAY) is None


def test_a_decline_needs_a_reason():
    with pytest.raises(AskError) as raised:
        check_decline("   ")
    assert str(raised.value) == "Say why the agency cannot supply this evidence."


def _row(id, state, due, agency="Police"):
    return RequestRow(id, agency, 1, ("a",), "m", due, state)


def test_the_summary_counts_each_state_and_lists_the_waiting_soonest_first():
    rows = [
        _row(1, "answered", date(2026, 11, 1)),
        _row(2, "open", date(2026, 12, 10)),
        _row(3, "overdue", date(2026, 11, 20)),
        _row(4, "declined", date(2026, 11, 2)),
        _row(5, "open", date(2026, 12, 1), agency="Health"),
    ]
    summary = summarise(rows)
    assert (summary.open, summary.overdue, summary.answered, summary.declined) == (2, 1, 1, 1)
    assert [r.id for r in summary.rows] == [3, 5, 2]
    assert summary.as_dict()["waiting"][0] == {
        "id": 3,
        "agency": "Police",
        "lines_of_enquiry": ["a"],
        "due_date": "2026-11-20",
        "state": "overdue",
        "asked_by": "",
    }


def test_a_changed_request_may_keep_a_date_already_past_but_not_move_to_one():
    past = date(2026, 11, 20)
    check_request(1, [1], past, "x", TODAY, kept_due=past)  # saved unchanged: fine
    with pytest.raises(AskError) as refused:
        check_request(1, [1], date(2026, 11, 21), "x", TODAY, kept_due=past)
    assert str(refused.value) == "The date you need the evidence by cannot be in the past."


@pytest.mark.parametrize(
    "status,message",
    [
        ("answered", "This request has been answered: it can no longer be withdrawn."),
        ("declined", "This request has been declined: it can no longer be withdrawn."),
        ("withdrawn", "This request was withdrawn: it can no longer be withdrawn."),
    ],
)
def test_only_an_open_request_may_be_changed_or_withdrawn(status, message):
    check_changeable("open", "withdrawn")
    with pytest.raises(AskError) as refused:
        check_changeable(status, "withdrawn")
    assert str(refused.value) == message


def test_only_a_withdrawn_request_cannot_be_answered():
    for status in ("open", "answered", "declined"):
        check_answerable(status)
    with pytest.raises(AskError) as refused:
        check_answerable("withdrawn", "declined")
    assert str(refused.value) == "This request was withdrawn: it can no longer be declined."


def test_a_withdrawn_request_is_counted_but_never_waits():
    summary = summarise([_row(1, "open", date(2026, 12, 1)),
                         _row(2, "withdrawn", date(2026, 11, 30))])  # fmt: skip
    assert (summary.open, summary.withdrawn, [r.id for r in summary.rows]) == (1, 1, [1])
    assert summary.as_dict()["withdrawn"] == 1
