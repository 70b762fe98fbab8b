"""Where a gap is seen (a line of enquiry's evidence, a judgement's page), those who may ask
are offered to ask an agency for evidence, with the line or the judgement's lines chosen."""

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from readiness.frameworks.models import Judgement

pytestmark = pytest.mark.django_db

ONE = "Ask an agency for evidence on this line of enquiry"
ALL = "Ask an agency for evidence on this judgement's lines of enquiry"


@pytest.fixture
def judgement(review):
    return Judgement.objects.filter(framework=review.framework, lines_of_enquiry__isnull=False,
                                    ).order_by("position").first()  # fmt: skip


def _link(review, lines) -> str:
    query = urlencode([("line", line.key) for line in lines]).replace("&", "&amp;")
    return f'href="{reverse("asks:new", args=[review.id])}?{query}"'


def test_a_line_s_evidence_page_offers_to_ask_about_that_line(as_lead, review, judgement):
    line = judgement.lines_of_enquiry.order_by("position").first()
    page = as_lead.get(reverse("evidence:line", args=[review.id, line.id])).content.decode()
    assert f"{_link(review, [line])}>{ONE}</a>" in page
    form = as_lead.get(reverse("asks:new", args=[review.id]), {"line": line.key})
    assert form.context["form"]["lines"].value() == [line.id]


def test_a_judgement_s_pages_offer_to_ask_about_all_its_lines(as_reviewer, review, judgement):
    lines = list(judgement.lines_of_enquiry.order_by("position"))
    for name in ("evidence:judgement", "assessment:judgement"):
        page = as_reviewer.get(reverse(name, args=[review.id, judgement.key])).content.decode()
        assert f"{_link(review, lines)}>{ALL}</a>" in page, name
    query = [("line", line.key) for line in lines]
    form = as_reviewer.get(reverse("asks:new", args=[review.id]) + "?" + urlencode(query))
    assert sorted(form.context["form"]["lines"].value()) == sorted(line.id for line in lines)


def test_only_those_who_may_ask_are_offered_it(as_contributor, as_viewer, as_outsider, review,
                                               judgement):  # fmt: skip
    line = judgement.lines_of_enquiry.order_by("position").first()
    urls = [
        reverse("evidence:line", args=[review.id, line.id]),
        reverse("evidence:judgement", args=[review.id, judgement.key]),
        reverse("assessment:judgement", args=[review.id, judgement.key]),
    ]
    for client in (as_contributor, as_viewer):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert "Ask an agency for evidence" not in response.content.decode(), url
    for url in urls:
        assert as_outsider.get(url).status_code == 404, url
