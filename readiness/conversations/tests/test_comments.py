"""Comments under judgements, documents, narratives and action items, with mentions."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from readiness.conversations.models import Comment
from readiness.evidence.models import EvidenceDocument
from readiness.frameworks.models import Judgement
from readiness.lib.testing.factories import ActionItemFactory, AgencyFactory, UserFactory
from readiness.narratives.models import Narrative, NarrativeVersion

pytestmark = pytest.mark.django_db


def _document(review, agency, title="Police audit"):
    return EvidenceDocument.objects.create(
        review=review, content_hash=title.ljust(64, "0")[:64], title=title, agency=agency,
        file_type="txt", size_bytes=1, stored_name="x",
    )  # fmt: skip


@pytest.fixture
def judgement(review):
    return Judgement.objects.filter(framework=review.framework).order_by("position").first()


def _add(client, review, target, target_id, text):
    url = reverse("conversations:add", args=[review.id, target, target_id])
    return client.post(url, {"text": text})


def test_the_lead_comments_on_a_judgement_and_mentions_the_contributor(
    as_lead, lead, contributor, review, judgement
):
    contributor.first_name, contributor.last_name = "Dana", "Okafor"
    contributor.save()
    response = _add(as_lead, review, "judgement", judgement.id, "@Dana Okafor: is the audit due?")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == (
        reverse("assessment:judgement", args=[review.id, judgement.key]) + f"#comment-{comment.id}"
    )
    assert (comment.author, comment.target, comment.target_id) == (lead, "judgement", judgement.id)
    assert list(comment.mentioned.all()) == [contributor]


def test_comments_show_in_order_under_the_object_with_text_escaped(
    as_lead, as_contributor, review, judgement
):
    _add(as_lead, review, "judgement", judgement.id, "First <script>alert(1)</script>")
    _add(as_contributor, review, "judgement", judgement.id, "Second, @lead")
    page = as_lead.get(reverse("assessment:judgement", args=[review.id, judgement.key]))
    html = page.content.decode()
    assert "Comments (2)" in html
    assert "First &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert html.index("First &lt;script&gt;") < html.index("Second, <strong>@lead</strong>")


def test_a_contributor_comments_on_their_agency_s_document_only(as_contributor, review, police):
    ours = _document(review, police)
    theirs = _document(review, AgencyFactory(review=review, name="Health"), "Health minutes")
    assert _add(as_contributor, review, "document", ours.id, "Newer copy coming").status_code == 302
    assert _add(as_contributor, review, "document", theirs.id, "Hello").status_code == 404
    assert list(Comment.objects.values_list("target_id", flat=True)) == [ours.id]
    page = as_contributor.get(reverse("evidence:document", args=[review.id, ours.id]))
    assert "Newer copy coming" in page.content.decode()


def test_someone_who_cannot_see_a_document_is_not_mentioned_on_it(
    as_lead, review, police, contributor
):
    health = _document(review, AgencyFactory(review=review, name="Health"), "Health minutes")
    _add(as_lead, review, "document", health.id, "@contributor have a look")
    assert list(Comment.objects.get().mentioned.all()) == []


def test_a_viewer_comments_on_a_narrative_and_an_action_item(as_viewer, viewer, review):
    narrative = Narrative.objects.create(review=review, key="story")
    NarrativeVersion.objects.create(narrative=narrative, number=1, title="Story",
                                    targeted_and_why="a", what_we_did="b",
                                    impact_for_children="c", whats_next="d")  # fmt: skip
    item = ActionItemFactory(review=review)
    assert _add(as_viewer, review, "narrative", narrative.id, "Good").status_code == 302
    assert _add(as_viewer, review, "item", item.id, "When?").status_code == 302
    for url, text in (
        (reverse("narratives:detail", args=[review.id, "story"]), "Good"),
        (reverse("actions:item", args=[review.id, item.code]), "When?"),
    ):
        html = as_viewer.get(url).content.decode()
        assert f'<p class="govuk-body govuk-!-margin-bottom-0">{text}</p>' in html


def test_an_outsider_can_neither_comment_nor_follow_a_comment_link(
    as_outsider, as_lead, review, judgement
):
    _add(as_lead, review, "judgement", judgement.id, "Private")
    comment = Comment.objects.get()
    assert _add(as_outsider, review, "judgement", judgement.id, "Hi").status_code == 404
    show = reverse("conversations:show", args=[review.id, comment.id])
    assert as_outsider.get(show).status_code == 404
    assert Comment.objects.count() == 1


def test_a_comment_link_leads_to_its_place_for_those_who_may_see_it(
    as_lead, as_contributor, review, police
):
    health = _document(review, AgencyFactory(review=review, name="Health"), "Health minutes")
    _add(as_lead, review, "document", health.id, "Check the date")
    comment = Comment.objects.get()
    show = reverse("conversations:show", args=[review.id, comment.id])
    response = as_lead.get(show)
    assert response.url == (
        reverse("evidence:document", args=[review.id, health.id]) + f"#comment-{comment.id}"
    )
    assert as_contributor.get(show).status_code == 404


def test_an_empty_comment_is_refused_with_a_reason(as_lead, review, judgement):
    response = _add(as_lead, review, "judgement", judgement.id, "   ")
    assert Comment.objects.count() == 0
    page = as_lead.get(response.url)
    assert "Write a comment before adding it." in page.content.decode()


def test_an_unknown_kind_or_another_review_s_object_is_not_found(as_lead, review, outsider):
    other_item = ActionItemFactory(review=outsider.memberships.get().review)
    assert _add(as_lead, review, "item", other_item.id, "x").status_code == 404
    assert _add(as_lead, review, "finding", 1, "x").status_code == 404


def test_comments_need_a_post(as_lead, review, judgement):
    url = reverse("conversations:add", args=[review.id, "judgement", judgement.id])
    assert as_lead.get(url).status_code == 405


@pytest.mark.parametrize("n", [1, 3])
def test_the_thread_takes_the_same_queries_for_one_or_three_comments(
    review, lead, n, django_assert_num_queries
):
    item = ActionItemFactory(review=review)
    for i in range(n):
        comment = Comment.objects.create(review=review, target="item", target_id=item.id,
                                         author=UserFactory(), text=f"Note {i} @lead")  # fmt: skip
        comment.mentioned.set([lead])
    template = Template('{% load conversations %}{% comments review "item" item_id %}')
    with django_assert_num_queries(2):
        html = template.render(Context({"review": review, "item_id": item.id}))
    assert html.count("<strong>@lead</strong>") == n
