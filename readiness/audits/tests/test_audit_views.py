import io
import logging
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from readiness.audits import services
from readiness.audits.models import AuditAnswer, ChildAction, ModerationDecision

from .conftest import answer_all, start

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_lead_lists_audits_and_the_look_is_logged(as_lead, review, reviewer, sample, caplog):
    start(review, sample, reviewer)
    with caplog.at_level(logging.INFO, logger="readiness.audit"):
        response = as_lead.get(reverse("audits:index", args=[review.id]))
    text = response.content.decode()
    assert "1 audit</caption>" in text
    assert "AT00" in text
    assert [r.message for r in caplog.records] == ["audits listed"]


@pytest.mark.parametrize(("client_name", "status"), [("as_viewer", 403), ("as_outsider", 404)])
def test_viewers_and_outsiders_see_no_case_level_material(request, review, reviewer, sample,
                                                         client_name, status):  # fmt: skip
    audit = start(review, sample, reviewer)
    client = request.getfixturevalue(client_name)
    index = client.get(reverse("audits:index", args=[review.id])).status_code
    assert index == {"as_viewer": 302, "as_outsider": 404}[client_name]  # viewers: the dashboard
    for name, args in [
        ("audits:new", [review.id]),
        ("audits:audit", [review.id, audit.id]),
        ("audits:agreement", [review.id]),
        ("audits:export", [review.id]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == status, name


def test_a_contributor_sees_only_their_agencys_section_of_multi_agency_audits(
    as_contributor, review, reviewer, contributor, sample
):
    single = start(review, sample, reviewer)
    macfa = start(review, sample, reviewer, "macfa-ilacs-2026", n=1)
    index = as_contributor.get(reverse("audits:index", args=[review.id])).content.decode()
    assert "1 audit</caption>" in index
    assert (
        as_contributor.get(reverse("audits:audit", args=[review.id, single.id])).status_code == 404
    )
    page = as_contributor.get(reverse("audits:audit", args=[review.id, macfa.id])).content.decode()
    assert "Did the police share what they knew with social care promptly?" in page
    assert "Children&#x27;s social care" not in page
    assert "Strengths" not in page
    response = as_contributor.post(reverse("audits:audit", args=[review.id, macfa.id]), {
        "q-po_shared": "yes", "e-po_shared": "Shared within a day.", "q-sc_voice": "good",
    })  # fmt: skip
    assert response.status_code == 302
    assert list(AuditAnswer.objects.values_list("question_id", "answer", "agency__name")) == [
        ("po_shared", "yes", "Anyshire Police")
    ]


def test_an_auditor_grades_and_submits(as_reviewer, review, reviewer, sample):
    audit = start(review, sample, reviewer)
    response = as_reviewer.post(reverse("audits:audit", args=[review.id, audit.id]), {
        "q-voice_heard": "good", "e-voice_heard": "Child's words quoted.",
        "q-seen_alone": "yes", "strengths": "Warm, consistent worker.", "submit": "",
    })  # fmt: skip
    assert response.status_code == 302
    audit.refresh_from_db()
    assert (audit.status, audit.strengths) == ("submitted", "Warm, consistent worker.")
    assert dict(audit.answers.values_list("question_id", "answer")) == {
        "voice_heard": "good", "seen_alone": "yes",
    }  # fmt: skip


def test_an_answer_off_the_scale_is_refused_and_nothing_is_stored(
    as_reviewer, review, reviewer, sample
):
    audit = start(review, sample, reviewer)
    response = as_reviewer.post(reverse("audits:audit", args=[review.id, audit.id]), {
        "q-voice_heard": "good", "q-seen_alone": "maybe",
    })  # fmt: skip
    assert response.status_code == 400
    assert (
        "“maybe” is not an answer to question &#x27;seen_alone&#x27;." in response.content.decode()
    )
    assert audit.answers.count() == 0


def test_moderation_is_blind_then_compared_and_settled_by_the_lead(
    as_lead, review, reviewer, second_reviewer, sample
):
    first = start(review, sample, reviewer)
    answer_all(first, {"voice_heard": ("good", ""), "plan_smart": ("good", ""),
                       "seen_alone": ("yes", "")}, reviewer)  # fmt: skip
    services.submit(first)
    as_second = client_for(second_reviewer)
    response = as_second.post(reverse("audits:moderate", args=[review.id, first.id]))
    second = first.moderation
    assert response.url == reverse("audits:audit", args=[review.id, second.id])
    # Blind: neither sees the other's grades before both are submitted.
    blind = as_second.get(reverse("audits:audit", args=[review.id, first.id]))
    assert blind.status_code == 403
    assert (
        client_for(reviewer).get(reverse("audits:audit", args=[review.id, second.id])).status_code
        == 403
    )
    answer_all(second, {"voice_heard": ("good", ""), "plan_smart": ("inadequate", ""),
                        "seen_alone": ("yes", "")}, second_reviewer)  # fmt: skip
    services.submit(second)
    assert as_second.get(reverse("audits:audit", args=[review.id, first.id])).status_code == 200
    url = reverse("audits:moderation", args=[review.id, first.id])
    page = as_lead.get(url).content.decode()
    assert "1 question graded differently." in page
    # The auditors themselves do not settle.
    refused = client_for(reviewer).post(
        url, {"question": "plan_smart", "answer": "good", "reason": "x"}
    )
    assert refused.status_code == 403
    as_lead.post(url, {"question": "plan_smart", "answer": "requires_improvement",
                       "reason": "Plan lacks timescales but is followed."})  # fmt: skip
    assert list(ModerationDecision.objects.values_list("question_id", "answer", "reason")) == [
        ("plan_smart", "requires_improvement", "Plan lacks timescales but is followed.")
    ]
    data = as_lead.get(reverse("audits:agreement-json", args=[review.id])).json()
    assert data["overall"]["grades"]["pairs"] == 2
    assert data["overall"]["grades"]["agreed"] == 1
    assert data["overall"]["yes_no"] == {"pairs": 1, "agreed": 1, "percent": 100.0, "kappa": None}
    names = [u.get_full_name() for u in (reviewer, second_reviewer)]
    assert [(p["auditors"], p["audits"]) for p in data["pairs"]] == [(sorted(names), 1)]


def test_an_urgent_action_is_flagged_and_stays_until_done(as_lead, review, reviewer, sample):
    audit = start(review, sample, reviewer)
    url = reverse("audits:add-action", args=[review.id, audit.id])
    as_lead.post(url, {"text": "Visit this week: no visit for 9 weeks.", "urgent": "on"})
    assert ChildAction.objects.count() == 0  # refused: no team manager named
    as_lead.post(url, {"text": "Visit this week: no visit for 9 weeks.", "urgent": "on",
                       "team_manager": "North team manager"})  # fmt: skip
    index = as_lead.get(reverse("audits:index", args=[review.id])).content.decode()
    assert "1 action for a child needs to happen now" in index
    assert "Visit this week: no visit for 9 weeks. (flagged to North team manager" in index
    action = ChildAction.objects.get()
    as_lead.post(reverse("audits:action-done", args=[review.id, action.id]), {"note": "Visited."})
    index = as_lead.get(reverse("audits:index", args=[review.id])).content.decode()
    assert "need to happen now" not in index and "needs to happen now" not in index


def test_the_audits_download_as_a_workbook_of_case_ids(as_lead, review, reviewer, sample, caplog):
    audit = start(review, sample, reviewer)
    answer_all(audit, {"voice_heard": ("good", "=HYPERLINK(1)")}, reviewer)
    with caplog.at_level(logging.INFO, logger="readiness.audit"):
        response = as_lead.get(reverse("audits:export", args=[review.id]))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Audits", "Answers", "Actions for children"]
    answers = list(book["Answers"].iter_rows(values_only=True))
    assert answers[1][:4] == (audit.id, "AT000", "social_care", "voice_heard")
    assert answers[1][6:] == ("Good", None, "'=HYPERLINK(1)")
    assert [r.message for r in caplog.records] == ["audits exported"]


def test_the_audit_list_reads_a_fixed_number_of_queries(
    as_lead, review, reviewer, sample, django_assert_num_queries
):
    start(review, sample, reviewer)
    with django_assert_num_queries(9):  # 7, and the audit log's row with its person
        as_lead.get(reverse("audits:index", args=[review.id]))
    start(review, sample, reviewer, n=1)
    start(review, sample, reviewer, n=2)
    with django_assert_num_queries(9):
        as_lead.get(reverse("audits:index", args=[review.id]))


def test_an_audit_starts_from_the_sample(as_lead, review, sample):
    case = sample.cases.first().case
    response = as_lead.post(reverse("audits:new", args=[review.id]), {
        "case": case.id, "tool": "macfa-ilacs-2026",
    })  # fmt: skip
    audit = review.case_audits.get()
    assert response.url == reverse("audits:audit", args=[review.id, audit.id])
    assert (audit.case_id, audit.sample_id, audit.audited_on) == (
        case.id,
        sample.id,
        date(2026, 11, 26),
    )


def test_a_finding_cites_an_audit(as_lead, as_contributor, review, reviewer, sample):
    from readiness.audits.models import AuditCitation
    from readiness.lib.testing.factories import FindingFactory

    audit = start(review, sample, reviewer)
    finding = FindingFactory(review=review, text="Plans drift in the North team.")
    other = FindingFactory()  # another review's
    url = reverse("audits:cite", args=[review.id, audit.id])
    as_lead.post(url, {"finding": other.id})
    as_lead.post(url, {"finding": finding.id})
    assert list(AuditCitation.objects.values_list("finding_id", "audit_id")) == [
        (finding.id, audit.id)
    ]
    page = as_lead.get(reverse("audits:audit", args=[review.id, audit.id])).content.decode()
    assert "Help and protection: Plans drift in the North team." in page
    assert as_contributor.post(url, {"finding": finding.id}).status_code == 404
