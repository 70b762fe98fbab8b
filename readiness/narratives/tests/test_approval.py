"""A contributor writes only their own agency's narratives; a lead approves a version before
it counts as current; a lead's own versions count at once."""

import pytest
from django.urls import reverse

from readiness.lib.testing.factories import AgencyFactory
from readiness.narratives.domain import approval
from readiness.narratives.models import Narrative, NarrativeVersion
from readiness.narratives.services import save_version

pytestmark = pytest.mark.django_db

SECTIONS = {
    "targeted_and_why": "Too few children in care had their teeth checked.",
    "what_we_did": "A fast slot with a community dental service.",
    "impact_for_children": "82% of children in care now have a dental check each year.",
    "whats_next": "Reach 85% and keep it there.",
}
FORM = {**SECTIONS, "title": "Dental checks", "evidence_text": "", "action_point": ""}


@pytest.fixture
def health(review):
    return AgencyFactory(review=review, name="Anyshire ICB")


def _narrative(review, lead, agency, key="dental"):
    narrative = Narrative.objects.create(review=review, key=key, agency=agency)
    save_version(narrative, lead, title="Dental checks", indicator_ids=[], evidence=[],
                 **SECTIONS)  # fmt: skip
    return narrative


def _edit(client, review, key, **data):
    return client.post(reverse("narratives:edit", args=[review.id, key]), {**FORM, **data})


def test_a_contributor_cannot_write_another_agency_s_narrative(as_contributor, review, lead,
                                                               health):  # fmt: skip
    _narrative(review, lead, health)
    page = as_contributor.get(reverse("narratives:edit", args=[review.id, "dental"]))
    assert page.status_code == 403
    assert (
        "As agency contributor you can write only your own agency&#x27;s narratives: "
        "this one is Anyshire ICB&#x27;s."
    ) in page.text
    assert 'aria-label="Review"' in page.text  # the review's navigation stays
    assert _edit(as_contributor, review, "dental", title="Police rewrite").status_code == 403
    assert NarrativeVersion.objects.count() == 1


def test_a_contributor_cannot_write_the_partnership_s_narrative(as_contributor, review, lead):
    _narrative(review, lead, None)
    response = _edit(as_contributor, review, "dental")
    assert response.status_code == 403
    assert "this one is the partnership&#x27;s own." in response.text


def test_a_contributor_s_version_waits_for_the_lead(as_contributor, as_lead, lead, review,
                                                   police):  # fmt: skip
    _narrative(review, lead, police)
    response = _edit(as_contributor, review, "dental", title="Dental checks, updated")
    assert response.status_code == 302
    draft = NarrativeVersion.objects.get(number=2)
    assert (draft.awaiting_approval, draft.approved_by) == (True, None)
    # The first version still counts, everywhere a narrative is read.
    index = as_lead.get(reverse("narratives:index-json", args=[review.id])).json()
    assert [(n["title"], n["version"], n["awaiting_approval"]) for n in index["narratives"]] == [
        ("Dental checks", 1, 1)
    ]
    detail = as_lead.get(reverse("narratives:detail", args=[review.id, "dental"]))
    assert detail.context["version"].number == 1
    assert "Version 2 is awaiting a review lead's approval." in detail.text
    draft_page = as_lead.get(
        reverse("narratives:detail", args=[review.id, "dental"]) + "?version=2"
    )
    assert "Approve version 2" in draft_page.text
    assert (
        as_lead.post(reverse("narratives:approve", args=[review.id, "dental", 2])).status_code
        == 302
    )
    draft.refresh_from_db()
    assert (draft.awaiting_approval, draft.approved_by) == (False, lead)
    index = as_lead.get(reverse("narratives:index-json", args=[review.id])).json()
    assert [(n["title"], n["version"], n["awaiting_approval"]) for n in index["narratives"]] == [
        ("Dental checks, updated", 2, 0)
    ]


def test_a_lead_s_own_version_counts_at_once(as_lead, lead, review):
    _narrative(review, lead, None)
    _edit(as_lead, review, "dental", title="Lead's rewrite")
    version = NarrativeVersion.objects.get(number=2)
    assert version.awaiting_approval is False
    detail = as_lead.get(reverse("narratives:detail", args=[review.id, "dental"]))
    assert detail.context["version"].number == 2


def test_a_contributor_s_new_narrative_is_their_agency_s(as_contributor, review, police):
    response = as_contributor.post(reverse("narratives:new", args=[review.id]), FORM)
    assert response.status_code == 302
    narrative = Narrative.objects.get()
    assert narrative.agency == police
    assert narrative.versions.get().awaiting_approval is True


def test_the_lead_chooses_whose_narrative_it_is(as_lead, review, health):
    page = as_lead.get(reverse("narratives:new", args=[review.id]))
    assert '<option value="" selected>The whole partnership</option>' in page.text
    as_lead.post(reverse("narratives:new", args=[review.id]), {**FORM, "agency": health.id})
    assert Narrative.objects.get().agency == health


@pytest.mark.parametrize("who,status", [("as_reviewer", 403), ("as_contributor", 403),
                                        ("as_viewer", 403), ("as_outsider", 404)])  # fmt: skip
def test_only_a_lead_approves(request, who, status, review, lead, police):
    narrative = _narrative(review, lead, police)
    NarrativeVersion.objects.filter(narrative=narrative).update(awaiting_approval=True)
    client = request.getfixturevalue(who)
    response = client.post(reverse("narratives:approve", args=[review.id, "dental", 1]))
    assert response.status_code == status
    assert NarrativeVersion.objects.get().awaiting_approval is True


def test_current_is_the_newest_approved_version():
    class V:
        def __init__(self, number, approved):
            self.number, self.awaiting_approval = number, not approved

    versions = [V(3, False), V(2, False), V(1, True)]
    assert approval.current(versions).number == 1
    assert [v.number for v in approval.awaiting(versions)] == [3, 2]
    assert approval.current([V(1, False)]) is None


@pytest.mark.parametrize(
    "role,member_agency,narrative_agency,allowed",
    [("lead", None, 7, True), ("reviewer", None, None, True), ("contributor", 7, 7, True),
     ("contributor", 7, 8, False), ("contributor", 7, None, False),
     ("contributor", None, None, False), ("viewer", None, None, False)],
)  # fmt: skip
def test_who_may_write(role, member_agency, narrative_agency, allowed):
    assert approval.may_write(role, member_agency, narrative_agency) is allowed
