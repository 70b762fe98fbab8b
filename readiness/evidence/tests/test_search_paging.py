"""Contributor search filters to their agency before ranking, and pages its results
(issue 15: a police user searching "children" saw 10 of the 90 passages that matched)."""

import pytest
from django.urls import reverse

from readiness.evidence.models import EvidenceDocument, Passage
from readiness.evidence.search import index_passages, search_page
from readiness.lib.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def _documents(review, agency, count: int, text: str, start: int) -> None:
    for number in range(count):
        document = EvidenceDocument.objects.create(
            review=review, content_hash=f"{start + number:064x}", title=f"{agency.name} {number}",
            agency=agency, file_type="txt", size_bytes=1, stored_name="x",
        )  # fmt: skip
        passage = Passage.objects.create(
            document=document, position=0, page=1, paragraph=1, text=text
        )
        index_passages(review.id, [passage])


@pytest.fixture
def crowded(review, police):
    council = AgencyFactory(review=review, name="Anytown Borough Council")
    # The council's passages rank higher (the word more often, in fewer words) than the police's.
    _documents(review, council, 110, "Children, children and children.", 0)
    _documents(review, police, 30, "Police officers met the children at school " * 8, 1000)
    return review


def test_a_contributor_gets_every_one_of_their_agencys_matches_in_pages(
    as_contributor, crowded, police
):
    url = reverse("evidence:search", args=[crowded.id]) + "?q=children"
    first = as_contributor.get(url)
    second = as_contributor.get(url + "&page=2")
    third = as_contributor.get(url + "&page=3")
    assert (first.context["total"], first.context["pages"]) == (30, 2)
    assert (len(first.context["hits"]), len(second.context["hits"])) == (20, 10)
    assert third.context["hits"] == []
    seen = {h.document_id for r in (first, second) for h in r.context["hits"]}
    assert len(seen) == 30
    assert set(EvidenceDocument.objects.filter(id__in=seen).values_list("agency", flat=True)) == {
        police.id
    }
    assert "30 passages found for “children”: page 1 of 2." in first.content.decode()


def test_the_lead_sees_all_matches_paged(as_lead, crowded):
    response = as_lead.get(reverse("evidence:search", args=[crowded.id]) + "?q=children&page=8")
    assert (response.context["total"], response.context["pages"]) == (140, 7)
    # Past the last page: nothing, not an error.
    assert response.context["hits"] == []


@pytest.mark.parametrize("page", ["0", "-1", "x", "9" * 30])
def test_a_nonsense_page_is_the_first(as_lead, crowded, page):
    response = as_lead.get(
        reverse("evidence:search", args=[crowded.id]) + f"?q=children&page={page}"
    )
    assert (response.status_code, response.context["page"]) == (200, 1)


def test_the_filter_is_in_the_query_not_after_it(crowded, police):
    results = search_page(crowded.id, "children", agency_id=police.id, limit=5)
    assert (len(results.hits), results.total) == (5, 30)
