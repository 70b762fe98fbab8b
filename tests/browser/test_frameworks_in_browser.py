"""Loading a framework file through the web: a good one lands on its page, a bad one is
refused whole with every problem and its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "jtai-neglect.yaml"


def broken_copy(directory: Path) -> Path:
    """The example with a second 'front_door' judgement and two composites in a cycle."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("id: jtai-neglect", "id: jtai-broken", 1)
    text = text.replace("short_name: JTAI front door and neglect", "short_name: Broken JTAI", 1)
    for key, other in (
        ("neglect_practice", "neglect_leadership"),
        ("neglect_leadership", "neglect_practice"),
    ):
        text = re.sub(
            rf"(  - id: {key}\n    title: [^\n]*\n)    kind: single\n",
            rf"\1    kind: composite\n    components:\n      - {other}\n",
            text,
        )
    duplicate = (
        "  - id: front_door\n"
        "    title: A second front door\n"
        "    kind: single\n"
        "    lines_of_enquiry:\n"
        "      - id: jtai_second_front_door\n"
        "        question: Is this here twice?\n"
        "        descriptors:\n"
        "          strong: a\n"
        "          effective: b\n"
        "          needs_development: c\n"
        "          weak: d\n"
    )
    text = text.replace("  - id: neglect_practice\n", duplicate + "  - id: neglect_practice\n", 1)
    path = directory / "jtai-broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def upload(page: Page, path: Path) -> int:
    page.get_by_label("Framework file (YAML)").set_input_files(str(path))
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Check and load").click()
    return navigation.value.status


def test_lead_loads_a_framework_and_a_broken_one_is_refused(
    page: Page, live_server, demo, tmp_path: Path
) -> None:
    base = live_server.url
    log_in(page, base, "priya.lead")
    page.goto(base + "/frameworks/")
    page.get_by_role("link", name=re.compile("Load a framework", re.I)).click()
    expect(page).to_have_url(base + "/frameworks/load/")

    assert upload(page, EXAMPLE) == 200
    expect(page).to_have_url(re.compile(r"/frameworks/\d+/$"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Loaded JTAI front door and neglect."
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Joint targeted area inspection")
    expect(page.get_by_text("The multi-agency response at the front door").first).to_be_visible()
    assert_accessible(page)

    page.goto(base + "/frameworks/load/")
    assert upload(page, broken_copy(tmp_path)) == 400
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("2 problems; nothing was loaded")
    problems = summary.locator("li").all_inner_texts()
    assert any(re.match(r"Line \d+.*duplicate judgement id 'front_door'", p) for p in problems), (
        problems
    )
    assert any(
        re.match(r"Line \d+.*components form a cycle: neglect_practice → neglect_leadership", p)
        for p in problems
    ), problems
    assert_accessible(page)

    page.goto(base + "/frameworks/")
    listing = page.locator("main")
    expect(listing).to_contain_text("JTAI front door and neglect")
    expect(listing).not_to_contain_text("Broken JTAI")
    expect(listing).not_to_contain_text("jtai-broken")
