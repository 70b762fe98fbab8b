import pytest
from django.urls import reverse

from readiness.actions.models import Finding
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.lib.testing.factories import ActionItemFactory, FindingFactory
from readiness.reviews.models import Phase

pytestmark = pytest.mark.django_db


def url(review):
    return reverse("actions:findings", args=[review.id])


def test_findings_are_numbered_and_grouped_in_report_order(as_viewer, review):
    later = FindingFactory(review=review, evaluation="readiness", area="Narratives", position=0,
                           text="Narratives describe meetings.")  # fmt: skip
    first = FindingFactory(review=review, area="Help and protection", position=0,
                           text="Strategy meetings are quick.")  # fmt: skip
    item = ActionItemFactory(review=review, finding=later)
    response = as_viewer.get(url(review))
    sections = response.context["sections"]
    assert [(e, [(a, [(n, f.id) for n, f in ps]) for a, ps in areas]) for e, areas in sections] == [
        ("How well services perform against the grade descriptors",
         [("Help and protection", [(1, first.id)])]),
        ("How ready the partnership is for inspection", [("Narratives", [(2, later.id)])]),
    ]  # fmt: skip
    page = response.content.decode()
    assert reverse("actions:item", args=[review.id, item.code]) in page
    assert "Add a finding" not in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_findings_page_takes_the_same_queries(
    as_lead, review, count, django_assert_num_queries
):
    judgement = Judgement.objects.filter(framework=review.framework).first()
    for _ in range(count):
        finding = FindingFactory(review=review)
        finding.judgements.set([judgement])
        ActionItemFactory(review=review, finding=finding)
    with django_assert_num_queries(7):
        response = as_lead.get(url(review))
    assert sum(len(ps) for _, areas in response.context["sections"] for _, ps in areas) == count


def test_a_lead_adds_a_finding_in_the_current_phase(as_lead, review, lead):
    phase = Phase.objects.create(review=review, name="Part 1", position=1, is_current=True)
    judgement = Judgement.objects.get(framework=review.framework, key="help_and_protection")
    line = LineOfEnquiry.objects.filter(judgement__framework=review.framework).first()
    response = as_lead.post(
        reverse("actions:new-finding", args=[review.id]),
        {"evaluation": "performance", "area": "Help and protection", "position": 1,
         "text": "Partners understand thresholds.", "judgements": [judgement.id],
         "lines_of_enquiry": [line.id], "indicators": ["re_referrals_12_months"]},
    )  # fmt: skip
    finding = Finding.objects.get(review=review)
    assert response.status_code == 302
    assert response.url == url(review) + f"#finding-{finding.id}"
    assert (finding.phase, finding.written_by, finding.indicators) == (
        phase, lead, ["re_referrals_12_months"],
    )  # fmt: skip
    assert list(finding.judgements.all()) == [judgement]
    assert list(finding.lines_of_enquiry.all()) == [line]


def test_a_finding_without_text_is_refused(as_reviewer, review):
    response = as_reviewer.post(
        reverse("actions:new-finding", args=[review.id]),
        {"evaluation": "performance", "area": "Help", "position": 0, "text": ""},
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert Finding.objects.count() == 0


def test_carrying_forward_shows_the_origin(as_lead, review):
    first = Phase.objects.create(review=review, name="Part 1: front door", position=1)
    Phase.objects.create(review=review, name="Part 2", position=2, is_current=True)
    FindingFactory(review=review, phase=first)
    page = as_lead.get(url(review)).content.decode()
    assert "Carry 1 finding forward into Part 2" in page
    response = as_lead.post(reverse("actions:carry-forward", args=[review.id]))
    assert response.status_code == 302
    page = as_lead.get(url(review)).content.decode()
    assert "From Part 1: front door" in page
    assert "Carry 1 finding" not in page
    assert Finding.objects.filter(review=review).count() == 2


def test_contributors_and_viewers_read_but_do_not_write(as_contributor, as_viewer, review):
    finding = FindingFactory(review=review)
    for client in (as_contributor, as_viewer):
        assert client.get(url(review)).status_code == 200
        edit = reverse("actions:edit-finding", args=[review.id, finding.id])
        assert client.get(edit).status_code == 403
        carry = reverse("actions:carry-forward", args=[review.id])
        assert client.post(carry).status_code == 403


def test_an_outsider_gets_404(as_outsider, review):
    finding = FindingFactory(review=review)
    assert as_outsider.get(url(review)).status_code == 404
    edit = reverse("actions:edit-finding", args=[review.id, finding.id])
    assert as_outsider.get(edit).status_code == 404


def test_the_findings_json_twin(as_viewer, review):
    finding = FindingFactory(review=review, text="Quick strategy meetings.", indicators=["x"])
    item = ActionItemFactory(review=review, finding=finding)
    data = as_viewer.get(reverse("actions:findings-json", args=[review.id])).json()
    assert data == {"review": review.id, "findings": [{
        "paragraph": 1, "evaluation": "performance", "area": "Help and protection",
        "text": "Quick strategy meetings.", "phase": None, "origin_phase": None,
        "judgements": [], "indicators": ["x"], "raises": [item.code],
    }]}  # fmt: skip


def test_a_carried_finding_still_shows_the_items_it_raises(as_lead, review):
    """Before the fix the copy raised nothing and the item linked to the old paragraph, an
    anchor no longer on the findings page (the report's own kind of dangling link)."""
    first = Phase.objects.create(review=review, name="Part 1", position=1)
    Phase.objects.create(review=review, name="Part 2", position=2, is_current=True)
    finding = FindingFactory(review=review, phase=first)
    item = ActionItemFactory(review=review, finding=finding)
    as_lead.post(reverse("actions:carry-forward", args=[review.id]))
    copy = Finding.objects.get(carried_forward_from=finding)
    data = as_lead.get(reverse("actions:findings-json", args=[review.id])).json()
    assert [(f["paragraph"], f["raises"]) for f in data["findings"]] == [(1, [item.code])]
    page = as_lead.get(reverse("actions:item", args=[review.id, item.code])).content.decode()
    assert f'href="/reviews/{review.id}/findings/#finding-{copy.id}">Paragraph 1</a>' in page
    item.refresh_from_db()
    assert item.finding_id == copy.id
