"""Issue 14 in a browser: a lead's evidence pack with a planted NHS number is stopped at the
door, the lead confirms it and the pack downloads; the lead reads the audit log. Both pages
pass axe."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser
PASSWORD = "a long pass phrase 77"


@pytest.fixture
def planted(transactional_db, tmp_path, settings):
    from readiness.evidence.ingest import ingest_path
    from readiness.frameworks.models import Framework
    from readiness.frameworks.persist import install_builtin_frameworks
    from readiness.lib.testing.factories import (
        AgencyFactory,
        MembershipFactory,
        ReviewFactory,
        UserFactory,
    )

    if not Framework.objects.filter(slug="ilacs-2026", is_builtin=True).exists():
        install_builtin_frameworks()
    settings.DATA_DIR = tmp_path / "data"
    review = ReviewFactory(
        name="Anytown review", area="Anytown", framework=Framework.objects.get(slug="ilacs-2026")
    )
    AgencyFactory(review=review, name="Anyshire Police")
    lead = UserFactory(username="ann.lead")
    lead.set_password(PASSWORD)
    lead.save()
    MembershipFactory(review=review, user=lead, role="lead")
    folder = tmp_path / "in" / "Anyshire Police"
    folder.mkdir(parents=True)
    (folder / "case file audit.txt").write_text(
        "Multi-agency case file audit, March 2026\n\n"
        "Strategy meetings were held within one working day for most children.\n\n"
        "Case 4: NHS number 943 476 5919; seen alone at every visit.\n"
    )
    ingest_path(review, tmp_path / "in", user=lead)
    return review


def test_a_pack_with_an_nhs_number_is_stopped_until_the_lead_confirms(
    page: Page, live_server, planted
):
    review = planted
    log_in(page, live_server.url, "ann.lead", PASSWORD)
    page.goto(f"{live_server.url}/reviews/{review.id}/evidence/index.zip")
    expect(
        page.get_by_role("heading", name="Personal data found: the evidence pack was not exported")
    ).to_be_visible()
    expect(page.get_by_role("cell", name="943 476 5919").first).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role(
            "button", name="I have checked these and the evidence pack may leave"
        ).click()
    pack = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert pack.namelist()[0] == "00 Evidence index.html"

    page.goto(f"{live_server.url}/reviews/{review.id}/members/")
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", name="Audit log")).to_be_visible()
    expect(page.get_by_role("cell", name="Exported").first).to_be_visible()
    expect(page.get_by_role("cell", name="Signed in")).to_be_visible()
    assert_accessible(page)
