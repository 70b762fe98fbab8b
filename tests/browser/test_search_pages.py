"""Search in a browser (issue 15): a contributor's results are their own agency's, in pages
that are reached with the keyboard and pass axe; and nothing they read is cached."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser
PASSWORD = "a long and proper passphrase"


@pytest.fixture
def crowded(transactional_db: None) -> int:
    from readiness.evidence.models import EvidenceDocument, Passage
    from readiness.evidence.search import index_passages
    from readiness.frameworks.models import Framework
    from readiness.frameworks.persist import install_builtin_frameworks
    from readiness.lib.testing.factories import AgencyFactory, MembershipFactory, UserFactory
    from readiness.reviews.models import Membership
    from readiness.reviews.services import create_review

    if not Framework.objects.filter(slug="ilacs-2026", is_builtin=True).exists():
        install_builtin_frameworks()
    lead = UserFactory(username="search-lead")
    review = create_review(
        name="Search review", area="Searchshire",
        framework=Framework.objects.get(slug="ilacs-2026", is_builtin=True), lead=lead,
        agencies=[], phases=["Part 1"],
    )  # fmt: skip
    police = AgencyFactory(review=review, name="Anyshire Police")
    council = AgencyFactory(review=review, name="Anytown Borough Council")
    contributor = UserFactory(username="search-police")
    contributor.set_password(PASSWORD)
    contributor.save()
    MembershipFactory(review=review, user=contributor, role=Membership.CONTRIBUTOR, agency=police)
    for number in range(50):
        agency = police if number < 25 else council
        document = EvidenceDocument.objects.create(
            review=review, content_hash=f"{number:064x}", title=f"{agency.name} note {number}",
            agency=agency, file_type="txt", size_bytes=1, stored_name="x",
        )  # fmt: skip
        text = "Children seen." if agency == council else "Officers saw the children today."
        passage = Passage.objects.create(
            document=document, position=0, page=1, paragraph=1, text=text
        )
        index_passages(review.id, [passage])
    return review.id


def test_a_contributor_pages_through_their_agencys_results(page: Page, live_server, crowded):
    log_in(page, live_server.url, "search-police", PASSWORD)
    response = page.goto(f"{live_server.url}/reviews/{crowded}/evidence/search/?q=children")
    assert response is not None and response.headers["cache-control"] == "no-store, private"
    expect(page.get_by_role("status")).to_have_text(
        "25 passages found for “children”: page 1 of 2."
    )
    assert page.get_by_role("link", name="Anytown Borough Council", exact=False).count() == 0
    assert_accessible(page)
    page.get_by_role("link", name="Next page").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(
        "25 passages found for “children”: page 2 of 2."
    )
    expect(page.locator("ol.govuk-list > li")).to_have_count(5)
    assert_accessible(page)
