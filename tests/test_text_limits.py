"""Every text a person types has a length limit, in the form and in the model (issue 15:
100,000-character action texts were saved, then a report PDF ran for ten minutes)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from readiness.actions import services
from readiness.actions.models import ActionItem, Finding, ProgressUpdate
from readiness.assessment.models import JudgementAssessment
from readiness.lib import limits
from readiness.lib.testing.factories import ActionItemFactory
from readiness.narratives.models import NarrativeVersion, ServiceImpact

pytestmark = pytest.mark.django_db
HUGE = "x" * 100_000


@pytest.mark.parametrize(
    "model,field,limit",
    [
        (Finding, "text", limits.PARAGRAPH),
        (ActionItem, "text", limits.ITEM),
        (ActionItem, "rationale", limits.PARAGRAPH),
        (ActionItem, "guidance", limits.PARAGRAPH),
        (ProgressUpdate, "text", limits.PARAGRAPH),
        (JudgementAssessment, "rationale", limits.ARGUMENT),
        (JudgementAssessment, "strengths", limits.ARGUMENT),
        (JudgementAssessment, "areas_for_improvement", limits.ARGUMENT),
        (NarrativeVersion, "targeted_and_why", limits.PARAGRAPH),
        (NarrativeVersion, "what_we_did", limits.PARAGRAPH),
        (NarrativeVersion, "impact_for_children", limits.PARAGRAPH),
        (NarrativeVersion, "whats_next", limits.PARAGRAPH),
        (ServiceImpact, "text", limits.ITEM),
        (ServiceImpact, "example", limits.ITEM),
        (ServiceImpact, "feedback_quote", limits.ITEM),
    ],
)
def test_each_model_text_field_has_its_limit(model, field, limit):
    model_field = model._meta.get_field(field)
    assert model_field.max_length == limit
    model_field.run_validators("x" * limit)
    with pytest.raises(ValidationError):
        model_field.run_validators("x" * (limit + 1))
    assert model_field.formfield().max_length == limit


def test_a_huge_rationale_is_refused_by_the_judgement_form(as_lead, review):
    response = as_lead.post(
        reverse("assessment:judgement", args=[review.id, "help_and_protection"]),
        {"grade": "", "rationale": HUGE, "strengths": "", "areas_for_improvement": "",
         "confidence": ""},
    )  # fmt: skip
    assert response.status_code == 400
    assert response.context["form"].errors["rationale"] == [
        "Ensure this value has at most 10000 characters (it has 100000)."
    ]
    assert not JudgementAssessment.objects.exists()


def test_a_huge_action_text_is_refused_by_the_form(as_lead, review):
    response = as_lead.post(
        reverse("actions:new", args=[review.id]), {"kind": "action_point", "text": HUGE}
    )
    assert response.status_code == 400
    assert (
        "Ensure this value has at most 2000 characters (it has 100000)."
        in (response.context["form"].errors["text"])
    )
    assert not ActionItem.objects.exists()


def test_a_huge_progress_update_is_refused_by_a_contributor_form(as_contributor, review, police):
    item = ActionItemFactory(review=review, owner_agency=police)
    response = as_contributor.post(
        reverse("actions:progress", args=[review.id, item.code]),
        {"text": HUGE, "status": "in_progress"},
    )
    assert response.status_code == 400
    assert not ProgressUpdate.objects.exists()


def test_a_huge_narrative_is_refused(as_lead, review):
    response = as_lead.post(
        reverse("narratives:new", args=[review.id]),
        {"title": "A9", "targeted_and_why": HUGE, "what_we_did": "a",
         "impact_for_children": "b", "whats_next": "c"},
    )  # fmt: skip
    assert response.status_code == 400
    assert not NarrativeVersion.objects.exists()


def test_the_services_refuse_huge_text_from_the_command_line_or_an_import(review, lead):
    with pytest.raises(services.ItemProblems) as refused:
        services.create_item(review, "action_point", HUGE)
    assert refused.value.problems == ["The text is 100,000 characters: keep it to 2,000."]
    item = ActionItemFactory(review=review)
    with pytest.raises(services.ItemProblems) as refused:
        services.update_item(item, guidance=HUGE)
    assert refused.value.problems == ["The guidance is 100,000 characters: keep it to 5,000."]
    with pytest.raises(services.ItemProblems) as refused:
        services.add_progress(item, lead, HUGE, "in_progress")
    assert refused.value.problems == ["Keep the update to 5,000 characters."]
