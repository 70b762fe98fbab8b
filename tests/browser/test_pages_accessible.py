"""Every page, in every state worth checking, has no WCAG 2.2 AA violations axe can find."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from readiness.frameworks.models import Framework

from .conftest import axe_violations, describe, log_in, log_out

pytestmark = pytest.mark.browser


def test_every_page_is_accessible(page: Page, live_server, demo, tmp_path: Path) -> None:
    base = live_server.url
    anytown, northbridge = demo["Anytown"], demo["Northbridge"]
    slac = Framework.objects.get(slug="slac-2009", is_builtin=True)
    failures: list[str] = []
    visited: list[str] = []

    def check(label: str, status: int | None, expected: int = 200) -> None:
        visited.append(label)
        if status != expected:
            failures.append(f"{label} ({page.url}): status {status}, expected {expected}")
            return
        violations = axe_violations(page)
        if violations:
            failures.append(f"{label} ({page.url}):\n{describe(violations)}")

    def visit(label: str, path: str, expected: int = 200) -> None:
        response = page.goto(base + path)
        check(label, response.status if response else None, expected)

    # Logged out: the sign-in page, blank and after a wrong password.
    visit("sign in", "/accounts/login/")
    page.get_by_label("Username").fill("priya.lead")
    page.get_by_label("Password").fill("not-the-password")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Sign in").click()
    check("sign in with an error", navigation.value.status)
    assert page.locator(".govuk-error-summary").is_visible()

    # The lead of the ILACS review.
    log_in(page, base, "priya.lead")
    a = f"/reviews/{anytown.id}"
    visit("reviews index", "/")
    visit("open a review", "/reviews/new/")
    visit("review overview", f"{a}/")
    visit("grid (ILACS 2026)", f"{a}/grid/")
    visit("single judgement", f"{a}/judgements/impact_of_leaders/")
    visit("risks", f"{a}/risks/")
    visit("members", f"{a}/members/")
    visit("phases", f"{a}/phases/")
    visit("a judgement's evidence", f"{a}/evidence/judgements/impact_of_leaders/")
    visit("removed documents", f"{a}/evidence/removed/")
    visit("frameworks index", "/frameworks/")
    visit("framework detail (SLAC)", f"/frameworks/{slac.id}/")
    visit("load a framework", "/frameworks/load/")
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: readiness-framework/1\nid: bad\njudgements: [\n", encoding="utf-8")
    page.set_input_files("input[type=file]", str(bad))
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Check and load").click()
    check("load a framework: file with problems", navigation.value.status, 400)
    assert page.locator(".govuk-error-summary").is_visible()
    # Not a member of Northbridge: its pages do not exist for this person.
    visit("not found (another council's review)", f"/reviews/{northbridge.id}/", 404)
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    log_out(page)

    # The lead of the SLAC review: composites and a headline with the published-outcome guide.
    log_in(page, base, "morgan.lead")
    n = f"/reviews/{northbridge.id}"
    visit("review overview (SLAC 2009)", f"{n}/")
    visit("grid (SLAC 2009)", f"{n}/grid/")
    visit("composite judgement", f"{n}/judgements/safeguarding_quality_of_provision/")
    visit("headline judgement with guide", f"{n}/judgements/safeguarding_overall_effectiveness/")
    assert page.locator(".readiness-guide").is_visible(), "the headline guide is not shown"
    log_out(page)

    # A reviewer who may not open reviews gets the forbidden page, with the reason.
    log_in(page, base, "tom.reviewer")
    visit("forbidden (opening a review)", "/reviews/new/", 403)
    assert page.get_by_role("heading", level=1).inner_text() == "You cannot do that"

    assert not failures, f"{len(failures)} of {len(visited)} pages failed:\n\n" + "\n\n".join(
        failures
    )
