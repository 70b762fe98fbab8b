"""Narratives link documents from the evidence library and the action point they answer."""

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path, reverse

from readiness.demo.loader import link_narrative_documents
from readiness.evidence.index_exports import _narratives_by_judgement
from readiness.evidence.models import EvidenceDocument
from readiness.lib.testing.factories import ActionItemFactory, AgencyFactory, ReviewFactory
from readiness.narratives.models import Narrative, NarrativeVersion
from readiness.narratives.services import check
from readiness.urls import urlpatterns as site_urls

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Dental checks for children in care",
    "targeted_and_why": "Too few children in care had their teeth checked.",
    "what_we_did": "A fast slot with a community dental service.",
    "impact_for_children": "82% of children in care now have a dental check each year.",
    "whats_next": "Reach 85% and keep it there.",
    "evidence_text": "",
    "action_point": "",
}


def document(review, title, agency=None):
    return EvidenceDocument.objects.create(
        review=review, content_hash=title, title=title, agency=agency, file_type="pdf",
        size_bytes=10, stored_name=f"{title}.pdf",
    )  # fmt: skip


@pytest.fixture
def council(review):
    return AgencyFactory(review=review, name="Anytown Borough Council")


@pytest.fixture
def documents(review, council, police):
    return {
        "plan": document(review, "Dental pathway plan", council),
        "tracker": document(review, "Dental check tracker", council),
        "police": document(review, "Police return", police),
    }


def post(client, review, key=None, **data):
    url = reverse("narratives:edit", args=[review.id, key]) if key else reverse(
        "narratives:new", args=[review.id])  # fmt: skip
    return client.post(url, {**FORM, **data})


def test_a_lead_links_documents_and_the_page_links_to_them(as_lead, review, lead, documents):
    response = post(as_lead, review, document_ids=[documents["plan"].id, documents["tracker"].id])
    assert response.status_code == 302
    version = NarrativeVersion.objects.get()
    assert sorted(version.documents.values_list("title", flat=True)) == [
        "Dental check tracker",
        "Dental pathway plan",
    ]
    page = as_lead.get(reverse("narratives:detail", args=[review.id, version.narrative.key]))
    html = page.content.decode()
    plan_url = reverse("evidence:document", args=[review.id, documents["plan"].id])
    assert f'<a class="govuk-link" href="{plan_url}">Dental pathway plan</a>' in html


def test_each_version_keeps_its_own_documents(as_lead, review, lead, documents):
    post(as_lead, review, document_ids=[documents["plan"].id])
    key = Narrative.objects.get().key
    post(as_lead, review, key, document_ids=[documents["tracker"].id])
    linked = {
        v.number: list(v.documents.values_list("title", flat=True))
        for v in NarrativeVersion.objects.all()
    }
    assert linked == {1: ["Dental pathway plan"], 2: ["Dental check tracker"]}
    first = as_lead.get(reverse("narratives:detail", args=[review.id, key]) + "?version=1")
    assert [d.title for d, _ in first.context["documents"]] == ["Dental pathway plan"]
    form = as_lead.get(reverse("narratives:edit", args=[review.id, key])).context["form"]
    assert form.initial["document_ids"] == [documents["tracker"].id]


def test_a_contributor_sees_only_their_agencys_documents_and_keeps_the_others(
    as_lead, as_contributor, review, lead, contributor, documents, police
):
    post(as_lead, review, document_ids=[documents["plan"].id], agency=police.id)
    key = Narrative.objects.get().key
    page = as_contributor.get(reverse("narratives:edit", args=[review.id, key]))
    assert list(page.context["form"].fields["document_ids"].queryset) == [documents["police"]]
    assert "1 document you cannot see stays linked." in page.content.decode()
    response = post(as_contributor, review, key, document_ids=[documents["police"].id])
    assert response.status_code == 302
    latest = NarrativeVersion.objects.get(number=2)
    assert sorted(latest.documents.values_list("title", flat=True)) == [
        "Dental pathway plan",
        "Police return",
    ]
    as_lead.post(reverse("narratives:approve", args=[review.id, key, 2]))
    shown = as_contributor.get(reverse("narratives:detail", args=[review.id, key]))
    assert [(d.title, may_open) for d, may_open in shown.context["documents"]] == [
        ("Dental pathway plan", False),
        ("Police return", True),
    ]
    html = shown.content.decode()
    assert "Dental pathway plan" not in html  # another agency's title is not for them
    assert (
        '<li>A document from Anytown Borough Council <span class="govuk-body-s">'
        "(another agency's: you cannot open it)</span></li>"
    ) in html


def test_a_contributor_cannot_link_a_document_they_cannot_see(
    as_contributor, review, contributor, documents
):
    response = post(as_contributor, review, document_ids=[documents["plan"].id])
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["document_ids"]
    assert not Narrative.objects.exists()


def test_another_reviews_document_cannot_be_linked(as_lead, review, lead, documents):
    other = document(ReviewFactory(), "Elsewhere")
    response = post(as_lead, review, document_ids=[other.id])
    assert response.status_code == 400
    assert not NarrativeVersion.objects.exists()


def test_a_linked_document_is_signposting(as_lead, review, lead, documents):
    post(as_lead, review)
    unlinked = check(NarrativeVersion.objects.get())
    assert "no_signposting" in [f.code for f in unlinked.findings]
    post(as_lead, review, Narrative.objects.get().key, document_ids=[documents["plan"].id])
    linked = check(NarrativeVersion.objects.get(number=2))
    assert "no_signposting" not in [f.code for f in linked.findings]


def test_the_action_point_is_shown_with_its_text(as_lead, review, lead):
    for number in range(1, 13):
        ActionItemFactory(review=review, code=f"A{number}", text=f"Action {number}")
    response = post(as_lead, review, action_point="a12")
    assert response.status_code == 302
    narrative = Narrative.objects.get()
    assert narrative.action_point == "A12"
    page = as_lead.get(reverse("narratives:detail", args=[review.id, narrative.key]))
    assert page.context["action"]["code"] == "A12"
    assert page.context["action"]["text"] == "Action 12"
    assert "no_action_point" not in [f.code for f in page.context["result"].findings]


def _item_page(request, review_id, code):
    return HttpResponse(code)


# The site's own URLs first: where the actions app has its item page, that one is used;
# the stand-in after them answers only where it has none.
ACTIONS_URLS = [
    *site_urls,
    path(
        "",
        include(
            ([path("reviews/<int:review_id>/actions/<str:code>/", _item_page, name="item")],
             "actions"),
        ),
    ),
]  # fmt: skip


@override_settings(ROOT_URLCONF=__name__)
def test_the_action_point_links_to_its_page_where_the_actions_app_has_one(as_lead, review, lead):
    ActionItemFactory(review=review, code="A1", text="Write a narrative on dental checks")
    post(as_lead, review, action_point="A1")
    narrative = Narrative.objects.get()
    page = as_lead.get(reverse("narratives:detail", args=[review.id, narrative.key]))
    url = reverse("actions:item", args=[review.id, "A1"])
    assert f'<a class="govuk-link" href="{url}">A1</a>: Write a narrative on dental checks' in (
        page.content.decode()
    )


urlpatterns = ACTIONS_URLS


@pytest.mark.parametrize(
    "code,message",
    [
        ("A99", "There is no action point A99 in this review: use a code from its actions"),
        ("twelve", "Enter the action point's code as a letter and a number, like A12"),
    ],
)
def test_a_wrong_action_point_gets_a_clear_error(as_lead, review, lead, code, message):
    ActionItemFactory(review=review, code="A1", text="An action")
    response = post(as_lead, review, action_point=code)
    assert response.status_code == 400
    assert response.context["form"].errors == {"action_point": [message]}
    assert not Narrative.objects.exists()


def test_any_well_formed_code_is_taken_while_the_review_has_no_actions(as_lead, review, lead):
    post(as_lead, review, action_point="A12")
    narrative = Narrative.objects.get()
    page = as_lead.get(reverse("narratives:detail", args=[review.id, narrative.key]))
    assert page.context["action"] == {"code": "A12", "text": "", "url": ""}
    assert "<strong>A12</strong>" in page.content.decode()


def test_the_evidence_index_lists_the_linked_documents(as_lead, review, lead, documents):
    post(as_lead, review, document_ids=[documents["plan"].id, documents["tracker"].id],
         action_point="A12")  # fmt: skip
    Narrative.objects.update(judgement_areas=["children_in_care"])

    class Line:
        class judgement:  # noqa: N801 - stands in for a line's judgement
            published_key, key, title = "children_in_care", "children_in_care", "In care"

    assert _narratives_by_judgement(review, [Line]) == {
        "In care": (
            "A12: Dental checks for children in care (narrative, version 1); evidence: "
            "Dental check tracker; Dental pathway plan",
        )
    }


def test_the_demo_links_its_narratives_evidence_by_title(review, lead, council):
    narrative = Narrative.objects.create(review=review, key="gcse", action_point="A13")
    version = NarrativeVersion.objects.create(
        narrative=narrative, number=1, title="t", targeted_and_why="a", what_we_did="b",
        impact_for_children="c", whats_next="d",
        evidence=["Virtual school head's annual report 2024-25", "Not in the library"],
    )  # fmt: skip
    found = document(review, "Virtual School Head's Annual Report 2024-25", council)
    assert link_narrative_documents(review) == 1
    version.refresh_from_db()
    assert list(version.documents.all()) == [found]
    assert version.evidence == ["Not in the library"]
    assert link_narrative_documents(review) == 0  # again: nothing more to link
