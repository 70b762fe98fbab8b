"""Changing and removing a recommendation's milestone: leads and reviewers only."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from readiness.actions import services
from readiness.actions.models import Milestone
from readiness.lib.testing.factories import ActionItemFactory, AgencyFactory, MembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


@pytest.fixture
def rec(review, police):
    return ActionItemFactory(review=review, kind="recommendation", text="Thresholds",
                             owner_agency=police)  # fmt: skip


@pytest.fixture
def milestone(rec):
    return services.add_milestone(rec, "Workshop with schools", date(2026, 12, 10))


def _url(name, milestone):
    return reverse(name, args=[milestone.item.review_id, milestone.item.code, milestone.id])


def _kept(milestone):
    milestone.refresh_from_db()
    return (milestone.text, milestone.due_date, milestone.done_on)


def test_the_item_page_links_each_milestone_to_its_form(as_lead, as_contributor, milestone):
    item = reverse("actions:item", args=[milestone.item.review_id, milestone.item.code])
    link = f'href="{_url("actions:milestone-edit", milestone)}"'
    assert link in as_lead.get(item).content.decode()
    assert link not in as_contributor.get(item).content.decode()


def test_the_form_shows_the_milestone_as_it_is(as_lead, milestone):
    response = as_lead.get(_url("actions:milestone-edit", milestone))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'type="date" name="due_date" value="2026-12-10"' in page
    assert 'name="text" value="Workshop with schools"' in page


def test_the_lead_changes_the_text_and_dates(as_lead, milestone):
    response = as_lead.post(_url("actions:milestone-edit", milestone), {
        "text": " Workshop with schools and colleges ", "due_date": "2026-12-17",
        "done_on": "2026-12-15",
    })  # fmt: skip
    assert response.status_code == 302
    assert _kept(milestone) == (
        "Workshop with schools and colleges", date(2026, 12, 17), date(2026, 12, 15)
    )  # fmt: skip
    assert "Milestone of R1 saved." in as_lead.get(response.url).content.decode()


def test_saved_unchanged_it_keeps_a_date_the_service_would_now_refuse(as_reviewer, milestone):
    # Imported before the review's start moved, say: saving unchanged must not be refused.
    Milestone.objects.filter(pk=milestone.pk).update(due_date=date(2020, 1, 6))
    before = _kept(milestone)
    url = _url("actions:milestone-edit", milestone)
    data = {"text": "Workshop with schools", "due_date": "2020-01-06", "done_on": ""}
    response = as_reviewer.post(url, data)
    assert response.status_code == 302
    assert _kept(milestone) == before
    assert "Nothing had changed." in as_reviewer.get(response.url).content.decode()
    moved = as_reviewer.post(url, {**data, "due_date": "2020-01-07"})
    assert moved.status_code == 400
    assert moved.context["form"].errors["due_date"][0].startswith("The due date 7 January 2020")
    assert _kept(milestone) == before


def test_a_milestone_needs_its_text(as_lead, milestone):
    response = as_lead.post(_url("actions:milestone-edit", milestone), {"text": "  "})
    assert response.status_code == 400
    assert _kept(milestone) == ("Workshop with schools", date(2026, 12, 10), None)


def test_removing_asks_first_then_removes(as_lead, milestone, rec):
    keep = services.add_milestone(rec, "Sign-off", date(2026, 12, 20))
    url = _url("actions:milestone-remove", milestone)
    assert as_lead.get(url).status_code == 405
    asked = as_lead.post(url)
    assert asked.status_code == 200
    assert "Remove this milestone from R1?" in asked.content.decode()
    assert Milestone.objects.filter(pk=milestone.pk).exists()
    removed = as_lead.post(url, {"confirm": "yes"})
    assert removed.status_code == 302
    assert list(rec.milestones.all()) == [keep]
    page = as_lead.get(removed.url).content.decode()
    assert "Removed the milestone “Workshop with schools” from R1." in page


def test_contributors_and_outsiders_cannot(as_contributor, as_viewer, as_outsider, review,
                                           milestone):  # fmt: skip
    other = AgencyFactory(review=review, name="Anyshire ICB")
    as_other = Client()
    member = MembershipFactory(review=review, role="contributor", agency=other)
    as_other.force_login(member.user)
    before = _kept(milestone)
    data = {"text": "Changed", "due_date": "2026-12-12", "confirm": "yes"}
    for client, status in ((as_contributor, 403), (as_other, 403), (as_viewer, 403),
                           (as_outsider, 404)):  # fmt: skip
        assert client.get(_url("actions:milestone-edit", milestone)).status_code == status
        assert client.post(_url("actions:milestone-edit", milestone), data).status_code == status
        assert client.post(_url("actions:milestone-remove", milestone), data).status_code == status
    assert _kept(milestone) == before


def test_a_milestone_of_another_item_is_not_found(as_lead, review, milestone):
    other = ActionItemFactory(review=review)
    url = reverse("actions:milestone-edit", args=[review.id, other.code, milestone.id])
    assert as_lead.get(url).status_code == 404
