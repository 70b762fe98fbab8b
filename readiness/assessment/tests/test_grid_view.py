import pytest
from django.urls import reverse

from readiness.assessment.tests.helpers import grade
from readiness.lib.testing.factories import MembershipFactory, ReviewFactory
from readiness.reviews.models import Membership

pytestmark = pytest.mark.django_db


def test_the_grid_shows_every_judgement_to_lead_and_contributor(
    as_lead, as_contributor, review, lead
):
    grade(review, lead, help_and_protection="requires_improvement")
    for client in (as_lead, as_contributor):
        response = client.get(reverse("assessment:grid", args=[review.id]))
        assert response.status_code == 200
        rows = response.context["grid"].rows
        assert [r.judgement.key for r in rows] == [
            "impact_of_leaders",
            "help_and_protection",
            "children_in_care",
            "care_leavers",
        ]
        assert [r.grade.label if r.grade else None for r in rows] == [
            None,
            "Requires improvement to be good",
            None,
            None,
        ]


def test_the_grid_is_404_for_an_outsider(as_outsider, review):
    assert as_outsider.get(reverse("assessment:grid", args=[review.id])).status_code == 404
    assert as_outsider.get(reverse("assessment:grid-json", args=[review.id])).status_code == 404


@pytest.mark.parametrize("framework_slug", ["ilacs-2026", "slac-2009"])
def test_query_count_does_not_depend_on_the_number_of_judgements(
    lead, as_lead, framework_slug, django_assert_num_queries
):
    from readiness.frameworks.models import Framework

    other = ReviewFactory(framework=Framework.objects.get(slug=framework_slug))
    MembershipFactory(review=other, user=lead, role=Membership.LEAD)
    if framework_slug == "slac-2009":
        grade(other, lead, lac_being_healthy="inadequate", lac_staying_safe="good")
    else:
        grade(other, lead, care_leavers="good")
    with django_assert_num_queries(7):
        as_lead.get(reverse("assessment:grid", args=[other.id]))


def test_the_json_twin_matches_the_page(as_contributor, review, lead):
    grade(review, lead, care_leavers="good")
    data = as_contributor.get(reverse("assessment:grid-json", args=[review.id])).json()
    assert data["review"]["framework"] == "ilacs-2026"
    assert [s["key"] for s in data["scale"]] == [
        "outstanding",
        "good",
        "requires_improvement",
        "inadequate",
    ]
    assert data["graded"] == 1
    care_leavers = next(j for j in data["judgements"] if j["judgement_id"] == "care_leavers")
    assert (care_leavers["grade"], care_leavers["grade_rank"]) == ("Good", 2)


def test_a_headline_shows_its_suggestion_and_the_published_guide(lead, as_lead):
    from readiness.frameworks.models import Framework

    ilacs_2023 = ReviewFactory(framework=Framework.objects.get(slug="ilacs-2023"))
    MembershipFactory(review=ilacs_2023, user=lead, role=Membership.LEAD)
    grade(
        ilacs_2023,
        lead,
        impact_of_leaders="good",
        help_and_protection="good",
        children_in_care="good",
        care_leavers="requires_improvement",
    )
    data = as_lead.get(reverse("assessment:grid-json", args=[ilacs_2023.id])).json()
    overall = next(j for j in data["judgements"] if j["judgement_id"] == "overall_effectiveness")
    assert overall["grade"] == ""
    assert overall["suggested_grade"] == "Good"
    assert overall["suggestion_rule"] == (
        "3 of 4 components good, 1 requires improvement to be good, none inadequate "
        "→ suggested good (the middle grade)"
    )
    guide = overall["headline_guide"]
    assert guide["table"] == "ilacs-2023"
    assert abs(sum(guide["probabilities"].values()) - 1) < 0.001
    assert guide["most_likely"] == "good"


def test_a_persons_grade_is_never_overwritten_by_the_suggestion(lead, as_lead, slac):
    other = ReviewFactory(framework=slac)
    MembershipFactory(review=other, user=lead, role=Membership.LEAD)
    grade(
        other,
        lead,
        safeguarding_service_responsiveness="good",
        safeguarding_assessment_and_direct_work="good",
        safeguarding_case_planning_reviews_recording="good",
        safeguarding_quality_of_provision="adequate",
    )
    data = as_lead.get(reverse("assessment:grid-json", args=[other.id])).json()
    quality = next(
        j for j in data["judgements"] if j["judgement_id"] == "safeguarding_quality_of_provision"
    )
    assert (quality["grade"], quality["suggested_grade"]) == ("Adequate", "Good")
    assert quality["differs_from_suggestion"] is True
