import logging

import pytest
from django.urls import reverse

from readiness.interviews import services
from readiness.interviews.models import Interview, NotePassage

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]

FRONT_DOOR = (
    "Referrals from schools reach the front door and the multi-agency safeguarding hub "
    "decides within a day; thresholds are understood by partners."
)


@pytest.fixture
def interview(review, police, lead):
    from datetime import datetime

    from django.utils import timezone

    return services.schedule(
        review, "focus_group", "Front door focus group",
        timezone.make_aware(datetime(2026, 12, 3, 10, 30)), police, "",
        ["hp_front_door"], lead, [("detective constable", police), ("sergeant", police)],
    )  # fmt: skip


def test_scheduling_builds_the_question_bank_and_participants_by_role(as_lead, review, police):
    response = as_lead.post(reverse("interviews:new", args=[review.id]), {
        "kind": "interview", "title": "Head of service", "when": "2026-12-03 10:30",
        "agency": police.id, "role": "head of service", "lines": ["hp_front_door", "hp_early_help"],
    })  # fmt: skip
    item = Interview.objects.get()
    assert response.url == reverse("interviews:interview", args=[review.id, item.id])
    assert [n.question for n in item.notes.all()][
        -1
    ] == "What difference has this made for children?"
    assert item.notes.count() == 5
    assert sorted(item.lines.values_list("key", flat=True)) == ["hp_early_help", "hp_front_door"]


def test_a_bad_time_is_refused(as_lead, review):
    response = as_lead.post(reverse("interviews:new", args=[review.id]), {
        "kind": "interview", "title": "X", "when": "tomorrow",
    })  # fmt: skip
    assert response.status_code == 400
    assert "Say when, like 2026-12-03 10:30." in response.content.decode()


def test_notes_are_split_aligned_confirmed_and_quoted(as_lead, review, interview, caplog):
    url = reverse("interviews:interview", args=[review.id, interview.id])
    as_lead.post(url, {"note-1": FRONT_DOOR + "\n\nWe are proud of it."})
    passages = list(NotePassage.objects.order_by("position"))
    assert [p.text for p in passages] == [FRONT_DOOR, "We are proud of it."]
    assert passages[0].line.key == "hp_front_door"
    assert passages[0].status == "suggested"
    passage_url = reverse("interviews:passage", args=[review.id, passages[0].id])
    as_lead.post(passage_url, {"status": "confirmed", "line": "hp_front_door"})
    as_lead.post(passage_url, {"quote": "yes"})
    # Saving the note again keeps the decision on the unchanged passage.
    as_lead.post(url, {"note-1": FRONT_DOOR + "\n\nWe are very proud of it."})
    kept = NotePassage.objects.get(text=FRONT_DOOR)
    assert (kept.status, kept.is_quote) == ("confirmed", True)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="readiness.audit"):
        data = as_lead.get(reverse("interviews:quotes-json", args=[review.id])).json()
    assert data == {"quotes": [{
        "text": FRONT_DOOR, "by": "Participant in a focus group, Anyshire Police",
        "line": kept.line.question,
    }]}  # fmt: skip
    assert [r.message for r in caplog.records] == ["interview quotes viewed"]


@pytest.mark.parametrize(("client_name", "status"), [
    ("as_contributor", 403), ("as_viewer", 403), ("as_outsider", 404),
])  # fmt: skip
def test_only_the_lead_and_reviewers_read_interview_notes(
    request, review, interview, client_name, status
):
    client = request.getfixturevalue(client_name)
    for name, args in [("interviews:index", [review.id]), ("interviews:new", [review.id]),
                       ("interviews:interview", [review.id, interview.id]),
                       ("interviews:quotes", [review.id])]:  # fmt: skip
        assert client.get(reverse(name, args=args)).status_code == status, name


def test_the_list_reads_a_fixed_number_of_queries(as_lead, review, police, lead, interview,
                                                  django_assert_num_queries):  # fmt: skip
    with django_assert_num_queries(6):
        as_lead.get(reverse("interviews:index", args=[review.id]))
    for n in range(2):
        services.schedule(review, "interview", f"I{n}", interview.when, police, "manager",
                          ["hp_early_help"], lead)  # fmt: skip
    with django_assert_num_queries(6):
        as_lead.get(reverse("interviews:index", args=[review.id]))


def test_the_report_counts_focus_groups_once_notes_are_written(review, interview, lead):
    from readiness.reports.queries import report_data

    def fieldwork():
        return [(a.kind, a.count, a.people) for a in report_data(review).activities]

    assert fieldwork() == []
    services.write_notes(interview, {1: "Partners call the front door first."}, lead)
    assert fieldwork() == [("focus_group", 1, 2)]
