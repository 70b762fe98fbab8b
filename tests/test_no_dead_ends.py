"""No dead ends: every link a person is shown inside a review opens for them.

For each role, start from every tab the navigation offers, follow each link into the review
two steps deep, and open it. A link that answers 403 is a button or tab the role should
never have been shown."""

import re

import pytest
from django.urls import reverse

from readiness.evidence.models import EvidenceDocument
from readiness.indicators.models import DataImport
from readiness.lib.testing.factories import ActionItemFactory, AgencyFactory, FindingFactory
from readiness.narratives.models import Narrative, NarrativeVersion

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/reviews/\d+/[^"#?]*)')
# Downloads are refused the same way as the pages that link them, and are slow to build.
SKIP = re.compile(
    r"\.(docx|xlsx|pdf|zip|md)$|/original/|/export|/download|\.json$|/(html|docx|xlsx|zip)/$"
)


@pytest.fixture
def material(review, police, lead):
    health = AgencyFactory(review=review, name="Anyshire ICB")
    EvidenceDocument.objects.create(
        review=review, content_hash="1" * 64, title="Police audit", agency=police,
        file_type="txt", size_bytes=1, stored_name="x",
    )  # fmt: skip
    EvidenceDocument.objects.create(
        review=review, content_hash="2" * 64, title="Health audit", agency=health,
        file_type="txt", size_bytes=1, stored_name="y",
    )  # fmt: skip
    for key, agency in (("health-story", health), ("partnership-story", None)):
        narrative = Narrative.objects.create(review=review, key=key, agency=agency)
        NarrativeVersion.objects.create(
            narrative=narrative, number=1, title=key, targeted_and_why="a", what_we_did="b",
            impact_for_children="c", whats_next="d",
        )  # fmt: skip
    FindingFactory(review=review)
    ActionItemFactory(review=review, owner_agency=health)
    DataImport.objects.create(review=review, kind="table")


# A count of one with a plural noun ("1 files") or Django's empty choice ("---------").
WRONG_WORDS = re.compile(
    r"\b1 (files|documents|items|actions|narratives|indicators|judgements|findings|changes|"
    r"problems|people|reviews|days|weeks|months|years)\b|---------"
)


FORM = re.compile(r'<form[^>]*method="post"[^>]*>', re.I)
ACTION = re.compile(r'action="(/reviews/\d+/[^"#?]*)"')


def crawl(
    client, review, wrong_words: list | None = None, forms: set | None = None
) -> dict[str, int]:
    start = client.get(reverse("reviews:detail", args=[review.id]))
    nav = start.text.split('aria-label="Review"', 1)[1].split("</nav>", 1)[0]
    queue = [(path, 0) for path in HREF.findall(nav)]
    seen: dict[str, int] = {}
    while queue:
        path, depth = queue.pop(0)
        if path in seen or SKIP.search(path) or not path.startswith(f"/reviews/{review.id}/"):
            continue
        response = client.get(path)
        seen[path] = response.status_code
        if wrong_words is not None and "html" in response.get("Content-Type", ""):
            wrong_words.extend((path, m.group(0)) for m in WRONG_WORDS.finditer(response.text))
        if forms is not None and response.status_code == 200:
            for tag in FORM.findall(response.text):
                found = ACTION.search(tag)
                if found or "action=" not in tag:  # not the sign-out form
                    forms.add(found.group(1) if found else path)
        if depth < 2 and response.status_code == 200 and "html" in response["Content-Type"]:
            queue.extend((p, depth + 1) for p in HREF.findall(response.text))
    return seen


@pytest.mark.parametrize("role", ["lead", "reviewer", "contributor", "viewer"])
def test_every_link_shown_opens(request, role, review, material):
    client = request.getfixturevalue(f"as_{role}")
    wrong_words: list = []
    seen = crawl(client, review, wrong_words)
    assert len(seen) > 15
    refused = sorted(path for path, status in seen.items() if status == 403)
    assert refused == []
    assert wrong_words == []


@pytest.mark.parametrize("role", ["contributor", "viewer"])
def test_every_form_shown_may_be_sent(request, role, review, material):
    """Each form a contributor or viewer is shown accepts them: sent empty, it may be found
    wanting (400, or back to the page with the reason) but is never refused (403)."""
    client = request.getfixturevalue(f"as_{role}")
    forms: set = set()
    crawl(client, review, forms=forms)
    if role == "viewer":  # a viewer reads and may comment: no other form is offered them
        assert {path for path in forms if "/comments/" not in path} == set()
    else:
        assert len(forms) >= 2
    refused = sorted(path for path in forms if client.post(path, {}).status_code == 403)
    assert refused == [], sorted(forms)


def test_the_tabs_follow_the_role(as_lead, as_contributor, as_viewer, review):
    def tabs(client):
        page = client.get(reverse("reviews:detail", args=[review.id])).text
        nav = page.split('aria-label="Review"', 1)[1].split("</nav>", 1)[0]
        return re.findall(r'govuk-service-navigation__link"[^>]*>([^<]+)</a>', nav)

    everyone = ["Overview", "Self-assessment grid", "Evidence", "Indicators", "Narratives",
                "Findings", "Action plan", "Requests", "Countdown", "Fieldwork"]  # fmt: skip
    assert tabs(as_lead) == everyone + ["Report", "Risks", "People", "Settings"]
    assert tabs(as_viewer) == everyone + ["Report", "Risks", "People"]
    assert tabs(as_contributor) == everyone + ["Risks", "People"]


def test_a_refusal_names_the_real_reason_and_the_way_back(as_contributor, review):
    response = as_contributor.get(
        reverse("actions:new", args=[review.id]), HTTP_REFERER="http://testserver/reviews/"
    )
    assert response.status_code == 403
    assert "As agency contributor you cannot change the findings or the action plan." in (
        response.text
    )
    assert "grade judgements" not in response.text
    assert 'aria-label="Review"' in response.text
    assert 'href="http://testserver/reviews/"' in response.text
    assert f'href="/reviews/{review.id}/"' in response.text


def test_a_refusal_offers_no_way_back_to_another_site(as_contributor, review):
    response = as_contributor.get(
        reverse("actions:new", args=[review.id]), HTTP_REFERER="https://elsewhere.example/x"
    )
    assert "elsewhere.example" not in response.text
