import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError
from django.utils import timezone

from readiness.actions import services
from readiness.actions.models import ActionItem
from readiness.lib.testing.factories import ActionItemFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("actions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fails(*args):
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("actions", *args, stdout=io.StringIO(), stderr=err)
    assert caught.value.returncode == 2
    return str(caught.value), err.getvalue()


@pytest.fixture
def items(review, lead, police, contributor):
    late = ActionItemFactory(review=review, text="Late", owner=lead)
    ActionItem.objects.filter(pk=late.pk).update(due_date=TODAY - timedelta(days=1))
    ActionItemFactory(review=review, text="Police", owner_agency=police,
                      due_date=TODAY + timedelta(days=3))  # fmt: skip
    return late


def test_every_sub_command_has_help():
    command = load_command_class(get_commands()["actions"], "actions")
    parser = command.create_parser("readiness", "actions")
    subs = next(a for a in parser._actions if isinstance(getattr(a, "choices", None), dict))
    assert sorted(subs.choices) == ["add", "export", "import", "list", "update"]
    for sub in subs.choices.values():
        assert all(a.help for a in sub._actions if a.dest != "help")


def test_list_filters_and_formats(review, items, police):
    out, _ = run("list", "--review", str(review.id))
    assert out.splitlines()[-1] == "2 items."
    out, _ = run("list", "--review", str(review.id), "--overdue", "--format", "json")
    assert [(r["code"], r["overdue"]) for r in json.loads(out)] == [("A1", True)]
    out, _ = run("list", "--review", str(review.id), "--agency", "anyshire police",
                 "--format", "csv")  # fmt: skip
    assert out.splitlines()[0] == "code,kind,status,due,owner,agency,last_progress,text"
    assert out.splitlines()[1].startswith("A2,Action point,Not started,")
    out, _ = run("list", "--review", str(review.id), "--mine", "lead")
    assert out.splitlines()[0].startswith("A1    Not started")
    out, _ = run("list", "--review", str(review.id), "--stale-weeks", "2",
                 "--today", str(TODAY + timedelta(weeks=3)))  # fmt: skip
    assert out.splitlines()[-1] == "2 items."
    review.window_starts = TODAY + timedelta(days=2)
    review.save()
    out, _ = run("list", "--review", str(review.id), "--due-before-window")
    assert out.splitlines()[-1] == "1 item."


def test_list_refuses_bad_input(review, items):
    assert fails("list", "--review", str(review.id), "--stale-weeks", "0")[0] == (
        "The number of weeks without progress must be 1 or more."
    )
    assert fails("list", "--review", str(review.id), "--agency", "Mars")[0] == (
        "The agency Mars is not one of this review's agencies."
    )


def test_add_issues_a_code_and_refuses_bad_input(review, lead, contributor, outsider):
    out, _ = run("add", "--review", str(review.id), "--as", "lead", "--kind", "recommendation",
                 "--text", "Revise the thresholds", "--owner", "lead", "--agency",
                 "Anyshire Police", "--due", str(TODAY + timedelta(days=30)))  # fmt: skip
    assert out == "Added R1.\n"
    began = services.review_start(review) - timedelta(days=1)
    message, _ = fails("add", "--review", str(review.id), "--as", "lead", "--kind",
                       "action_point", "--text", "X", "--due", str(began))  # fmt: skip
    start = services.review_start(review)
    assert message == (f"The due date {began.day} {began:%B %Y} is before the review began "
                       f"({start.day} {start:%B %Y}).")  # fmt: skip
    message, _ = fails("add", "--review", str(review.id), "--as", "lead", "--kind",
                       "action_point", "--text", "X", "--owner", "outsider")  # fmt: skip
    assert message == (
        f"The owner {outsider.get_full_name()} (outsider) is not a member of this review."
    )
    message, _ = fails("add", "--review", str(review.id), "--as", "lead", "--kind",
                       "recommendation", "--text", "X", "--code", "R1")  # fmt: skip
    assert message == "R1 is already issued in this review."
    message, _ = fails("add", "--review", str(review.id), "--as", "contributor", "--kind",
                       "action_point", "--text", "X")  # fmt: skip
    assert message == (
        "contributor is an agency contributor; only a lead or reviewer may change the action plan."
    )
    assert list(ActionItem.objects.values_list("code", flat=True)) == ["R1"]


def test_update_records_progress(review, items, contributor):
    out, _ = run("update", "--review", str(review.id), "--as", "contributor", "--code", "a2",
                 "--status", "in_progress", "--progress", "Briefing held")  # fmt: skip
    assert out == "A2 is now in progress.\n"
    assert ActionItem.objects.get(code="A2").updates.get().text == "Briefing held"
    message, _ = fails("update", "--review", str(review.id), "--as", "contributor", "--code",
                       "A1", "--status", "done", "--progress", "Not mine")  # fmt: skip
    assert message == "As agency contributor you can add progress only to your own agency's items."
    assert fails("update", "--review", str(review.id), "--as", "lead", "--code", "A99",
                 "--status", "done", "--progress", "x")[0] == (
        f"There is no A99 in review {review.id}."
    )  # fmt: skip


def test_export_then_import_into_another_review(review, items, tmp_path, framework, lead):
    path = tmp_path / "plan.xlsx"
    out, _ = run("export", "--review", str(review.id), "--xlsx", str(path))
    assert out == f"Wrote the action plan of {review.name} to {path}.\n"
    # Importing into the same review: every code collides, every row is named, nothing changes.
    message, err = fails("import", str(path), "--review", str(review.id), "--as", "lead")
    assert message == "3 problems in the file; nothing was imported."
    assert err.splitlines() == [
        "Action plan, row 2: The code A1 is already issued in this review; leave the code "
        "empty to have a new one issued.",
        "Action plan, row 2: The due date "
        f"{(TODAY - timedelta(days=1)).day} {TODAY - timedelta(days=1):%B %Y} is before the "
        f"review began ({TODAY.day} {TODAY:%B %Y}).",
        "Action plan, row 3: The code A2 is already issued in this review; leave the code "
        "empty to have a new one issued.",
    ]
    assert ActionItem.objects.filter(review=review).count() == 2
    assert fails("import", str(tmp_path / "none.xlsx"), "--review", str(review.id),
                 "--as", "lead")[0] == f"There is no file {tmp_path / 'none.xlsx'}."  # fmt: skip
