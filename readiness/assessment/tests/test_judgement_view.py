import pytest
from django.urls import reverse

from readiness.assessment.models import AssessmentChange, EvidenceLink, JudgementAssessment
from readiness.assessment.tests.helpers import grade
from readiness.reviews.services import add_phase

pytestmark = pytest.mark.django_db


def url(review, key="help_and_protection"):
    return reverse("assessment:judgement", args=[review.id, key])


FORM = {
    "grade": "good",
    "rationale": "Strategy meetings are timely.",
    "strengths": "Joint visits.",
    "areas_for_improvement": "CIN plans.",
    "confidence": "medium",
}


def test_the_page_shows_descriptors_to_lead_and_contributor(as_lead, as_contributor, review):
    for client in (as_lead, as_contributor):
        response = client.get(url(review))
        assert response.status_code == 200
        assert response.context["judgement"].key == "help_and_protection"
        assert len(response.context["lines"]) >= 3


def test_the_page_is_404_for_an_outsider(as_outsider, review):
    assert as_outsider.get(url(review)).status_code == 404


def test_a_judgement_of_another_framework_is_404(as_lead, review):
    assert as_lead.get(url(review, "lac_being_healthy")).status_code == 404


def test_the_lead_grades_and_the_history_records_it(as_lead, lead, review):
    add_phase(review, "Part 1: front door")
    response = as_lead.post(url(review), FORM)
    assert response.status_code == 302
    assessment = JudgementAssessment.objects.get(review=review)
    assert (assessment.grade.key, assessment.confidence, assessment.phase.name) == (
        "good",
        "medium",
        "Part 1: front door",
    )
    changes = sorted(
        (c.field, c.old_value, c.new_value, c.changed_by.username, c.phase.name)
        for c in AssessmentChange.objects.all()
    )
    assert changes == [
        ("areas_for_improvement", "", "CIN plans.", "lead", "Part 1: front door"),
        ("confidence", "", "medium", "lead", "Part 1: front door"),
        ("grade", "", "Good", "lead", "Part 1: front door"),
        ("rationale", "", "Strategy meetings are timely.", "lead", "Part 1: front door"),
        ("strengths", "", "Joint visits.", "lead", "Part 1: front door"),
    ]


def test_a_change_of_grade_records_from_and_to(as_reviewer, reviewer, review):
    as_reviewer.post(url(review), FORM)
    as_reviewer.post(url(review), {**FORM, "grade": "requires_improvement"})
    latest = AssessmentChange.objects.filter(field="grade").first()
    assert (latest.old_value, latest.new_value, latest.changed_by) == (
        "Good",
        "Requires improvement to be good",
        reviewer,
    )
    assert AssessmentChange.objects.count() == 6


def test_an_unchanged_submission_records_nothing(as_lead, review):
    as_lead.post(url(review), FORM)
    as_lead.post(url(review), FORM)
    assert AssessmentChange.objects.count() == 5


def test_an_unknown_grade_is_refused_and_nothing_changes(as_lead, review):
    response = as_lead.post(url(review), {**FORM, "grade": "excellent"})
    assert response.status_code == 400
    assert response.context["form"].errors["grade"] == [
        "Select a valid choice. excellent is not one of the available choices."
    ]
    assert not JudgementAssessment.objects.exists()


def test_a_grade_from_another_framework_is_refused(as_lead, review):
    response = as_lead.post(url(review), {**FORM, "grade": "adequate"})
    assert response.status_code == 400
    assert not JudgementAssessment.objects.exists()


def test_a_viewer_cannot_grade(as_viewer, review):
    response = as_viewer.post(url(review), FORM)
    assert response.status_code == 403
    assert b"As viewer you cannot grade judgements." in response.content
    assert not JudgementAssessment.objects.exists()


def test_a_contributor_cannot_grade(as_contributor, review):
    assert as_contributor.post(url(review), FORM).status_code == 403
    assert not JudgementAssessment.objects.exists()


def test_an_outsider_cannot_grade(as_outsider, review):
    assert as_outsider.post(url(review), FORM).status_code == 404
    assert not JudgementAssessment.objects.exists()


def test_the_lead_links_evidence(as_lead, review):
    as_lead.post(
        reverse("assessment:add-link", args=[review.id, "help_and_protection"]),
        {"reference": "Audit report, March 2026", "shows": "Strategy meetings"},
    )
    link = EvidenceLink.objects.get()
    assert (link.reference, link.shows, link.assessment.judgement.key) == (
        "Audit report, March 2026",
        "Strategy meetings",
        "help_and_protection",
    )


def test_a_viewer_cannot_link_evidence(as_viewer, review):
    response = as_viewer.post(
        reverse("assessment:add-link", args=[review.id, "help_and_protection"]),
        {"reference": "X"},
    )
    assert response.status_code == 403
    assert not EvidenceLink.objects.exists()


def test_grades_given_in_an_earlier_phase_carry_forward(as_lead, lead, review):
    from readiness.reviews.services import make_current

    add_phase(review, "Part 1")
    grade(review, lead, help_and_protection="good")
    make_current(add_phase(review, "Part 2"))
    response = as_lead.get(reverse("assessment:grid", args=[review.id]))
    row = response.context["grid"].row("help_and_protection")
    assert (row.grade.label, row.assessment.phase) == ("Good", "Part 1")


def test_the_risks_page_lists_an_inadequate_judgement(as_contributor, lead, review):
    grade(review, lead, care_leavers="inadequate")
    response = as_contributor.get(reverse("assessment:risks", args=[review.id]))
    assert [(r.level, r.judgement_key) for r in response.context["risks"]] == [
        ("high", "care_leavers")
    ]
    data = as_contributor.get(reverse("assessment:risks-json", args=[review.id])).json()
    assert data["risks"] == [
        {
            "level": "high",
            "judgement_id": "care_leavers",
            "judgement": "The experiences and progress of care leavers",
            "strand": "",
            "reason": "Graded inadequate.",
        }
    ]


def test_the_risks_page_is_404_for_an_outsider(as_outsider, review):
    assert as_outsider.get(reverse("assessment:risks", args=[review.id])).status_code == 404


@pytest.mark.parametrize("sent", [{}, {"csrfmiddlewaretoken": "x"}, {"grade": ""}])
def test_a_blank_or_partial_post_saves_nothing(as_lead, review, sent):
    as_lead.post(url(review), FORM)
    response = as_lead.post(url(review), sent)
    assert response.status_code == 400
    saved = JudgementAssessment.objects.get()
    assert (saved.grade.key, saved.rationale, saved.confidence) == (
        "good",
        "Strategy meetings are timely.",
        "medium",
    )
    assert AssessmentChange.objects.count() == 5
    assert "nothing was saved" in response.content.decode()


def test_every_field_sent_empty_is_a_real_clearing(as_lead, review):
    as_lead.post(url(review), FORM)
    empty = dict.fromkeys(FORM, "")
    assert as_lead.post(url(review), empty).status_code == 302
    saved = JudgementAssessment.objects.get()
    assert (saved.grade, saved.rationale, saved.confidence) == (None, "", "")
