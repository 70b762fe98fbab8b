"""A review's settings after it was opened: window, agencies and phases, with history."""

from datetime import date

import pytest
from django.urls import reverse

from readiness.lib.testing.factories import AgencyFactory
from readiness.reviews.models import Agency, Phase, ReviewChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def settled(review, police):
    review.window_starts, review.window_ends = date(2027, 1, 11), date(2027, 3, 26)
    review.save()
    phase = Phase.objects.create(review=review, name="Part 1", position=1, is_current=True,
                                 starts=date(2026, 9, 1), ends=date(2026, 12, 18))  # fmt: skip
    return review, phase


def _unchanged(form) -> dict:
    """The form's fields as the page shows them, as a browser would send them back."""
    data = {}
    for field in form:
        value = field.value()
        data[field.html_name] = value.isoformat() if isinstance(value, date) else value or ""
    return data


def test_the_page_shows_every_date_in_iso(as_lead, settled):
    review, phase = settled
    page = as_lead.get(reverse("reviews:settings", args=[review.id]))
    assert page.status_code == 200
    assert 'value="2027-01-11"' in page.text and 'value="2027-03-26"' in page.text
    assert 'value="2026-09-01"' in page.text and 'value="2026-12-18"' in page.text


def test_saving_unchanged_keeps_everything_and_records_nothing(as_lead, settled):
    review, phase = settled
    url = reverse("reviews:settings", args=[review.id])
    data = _unchanged(as_lead.get(url).context["form"])
    response = as_lead.post(url, data, follow=True)
    assert "Nothing had changed." in response.text
    review.refresh_from_db()
    phase.refresh_from_db()
    assert (review.window_starts, review.window_ends) == (date(2027, 1, 11), date(2027, 3, 26))
    assert (phase.name, phase.starts, phase.ends) == (
        "Part 1",
        date(2026, 9, 1),
        date(2026, 12, 18),
    )
    assert ReviewChange.objects.count() == 0


def test_the_lead_changes_the_window_agencies_and_phases(as_lead, lead, settled, police):
    review, phase = settled
    url = reverse("reviews:settings", args=[review.id])
    data = _unchanged(as_lead.get(url).context["form"])
    data |= {
        "window_starts": "2027-02-01",
        f"agency_{police.id}": "Anyshire Constabulary",
        "new_agencies": "Anyshire ICB\nAnyshire ICB\n",
        f"phase_{phase.id}_ends": "2027-01-08",
        "new_phases": "Part 2",
    }
    response = as_lead.post(url, data, follow=True)
    assert "Saved 5 changes." in response.text
    review.refresh_from_db()
    assert review.window_starts == date(2027, 2, 1)
    assert list(Agency.objects.filter(review=review).values_list("name", flat=True)) == [
        "Anyshire Constabulary", "Anyshire ICB",
    ]  # fmt: skip
    assert list(review.phases.values_list("name", "position", "is_current")) == [
        ("Part 1", 1, True), ("Part 2", 2, False),
    ]  # fmt: skip
    history = list(ReviewChange.objects.order_by("id").values_list("what", "before", "after"))
    assert history == [
        ("Inspection expected from", "11 January 2027", "1 February 2027"),
        ("Agency renamed", "Anyshire Police", "Anyshire Constabulary"),
        ("Agency added", "", "Anyshire ICB"),
        ("Phase 1 end", "18 December 2026", "8 January 2027"),
        ("Phase added", "", "Part 2"),
    ]
    assert ReviewChange.objects.filter(changed_by=lead).count() == 5
    page = as_lead.get(url)
    assert "Anyshire Constabulary" in page.text and "18 December 2026" in page.text


def test_a_window_that_ends_before_it_starts_is_refused(as_lead, settled):
    review, _ = settled
    url = reverse("reviews:settings", args=[review.id])
    data = _unchanged(as_lead.get(url).context["form"]) | {"window_ends": "2026-12-01"}
    response = as_lead.post(url, data)
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "window_ends": ["The window must end on or after the day it starts."]
    }
    review.refresh_from_db()
    assert review.window_ends == date(2027, 3, 26)


def test_two_agencies_cannot_share_a_name(as_lead, settled, police):
    review, _ = settled
    url = reverse("reviews:settings", args=[review.id])
    data = _unchanged(as_lead.get(url).context["form"]) | {"new_agencies": "anyshire police"}
    response = as_lead.post(url, data)
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Two agencies cannot have the same name."
    ]
    assert Agency.objects.filter(review=review).count() == 1


def test_an_agency_with_people_is_not_removed(as_lead, contributor, review, police):
    response = as_lead.post(reverse("reviews:remove-agency", args=[review.id, police.id]),
                            follow=True)  # fmt: skip
    assert "Anyshire Police cannot be removed: it still has people." in response.text
    assert Agency.objects.filter(id=police.id).exists()


def test_an_unused_agency_is_removed_with_history(as_lead, review):
    spare = AgencyFactory(review=review, name="Spare agency")
    as_lead.post(reverse("reviews:remove-agency", args=[review.id, spare.id]))
    assert not Agency.objects.filter(id=spare.id).exists()
    assert list(ReviewChange.objects.values_list("what", "before")) == [
        ("Agency removed", "Spare agency")
    ]


@pytest.mark.parametrize("who", ["as_reviewer", "as_contributor", "as_viewer"])
def test_only_the_lead_sees_settings(request, who, review):
    response = request.getfixturevalue(who).get(reverse("reviews:settings", args=[review.id]))
    assert response.status_code == 403
    assert "you cannot manage this review." in response.text
    # The refusal keeps the review's navigation and the way back.
    assert 'aria-label="Review"' in response.text
    assert f'href="/reviews/{review.id}/"' in response.text


def test_an_outsider_gets_404(as_outsider, review):
    assert as_outsider.get(reverse("reviews:settings", args=[review.id])).status_code == 404
