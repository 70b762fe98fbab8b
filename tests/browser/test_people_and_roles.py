"""People and roles in a browser: the lead invites by e-mail and the invitee sets up their
account through the link; each role sees only its tabs; a refusal keeps the navigation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_the_lead_invites_and_the_invitee_joins_through_the_link(
    page: Page, browser: Browser, live_server, demo, mailoutbox
):
    review = demo["Anytown"]
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/")
    page.get_by_role("link", name="People").click()
    assert_accessible(page)
    form = page.locator("form").filter(has_text="E-mail address")
    form.get_by_label("E-mail address").fill("kim.ward@example.org")
    form.get_by_label("Role").select_option(label="Agency contributor")
    form.get_by_label("Agency").select_option(label="Anyshire Police")
    form.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Sent an invitation to kim.ward@example.org.")).to_be_visible()
    expect(
        page.get_by_text("kim.ward@example.org: agency contributor (Anyshire Police)")
    ).to_be_visible()
    assert_accessible(page)
    assert [m.to for m in mailoutbox] == [["kim.ward@example.org"]]
    link = re.search(r"http://\S+/invitations/\S+/", mailoutbox[0].body).group(0)

    invitee = browser.new_context(bypass_csp=True).new_page()
    invitee.goto(link)
    expect(invitee.get_by_role("heading", name=f"Join {review.name}")).to_be_visible()
    assert_accessible(invitee)
    invitee.get_by_label("First name").fill("Kim")
    invitee.get_by_label("Last name").fill("Ward")
    invitee.get_by_label("Username").fill("kim.ward")
    invitee.get_by_label("Password", exact=True).fill("a long synthetic passphrase")
    invitee.get_by_label("Password confirmation").fill("a long synthetic passphrase")
    invitee.get_by_role("button", name="Create my account and join").click()
    expect(invitee.get_by_text(f"Welcome to {review.name}.")).to_be_visible()
    nav = invitee.get_by_role("navigation", name="Review")
    expect(nav.get_by_role("link", name="Report")).to_have_count(0)
    expect(nav.get_by_role("link", name="Settings")).to_have_count(0)
    assert_accessible(invitee)
    # Used: its owner coming back is taken to the review, anyone else is told.
    invitee.goto(link)
    expect(invitee).to_have_url(f"{live_server.url}/reviews/{review.id}/")
    invitee.context.close()
    stranger = browser.new_context(bypass_csp=True).new_page()
    stranger.goto(link)
    expect(stranger.get_by_text("This invitation has already been used.")).to_be_visible()
    stranger.context.close()


def test_the_lead_changes_a_role(page: Page, live_server, demo):
    review = demo["Anytown"]
    log_in(page, live_server.url, "priya.lead")
    page.goto(f"{live_server.url}/reviews/{review.id}/members/")
    page.get_by_label("Role of Lee Farrowdale").select_option(label="Reviewer")
    page.get_by_role("button", name="Change role of Lee Farrowdale").click()
    expect(page.get_by_text("Lee Farrowdale is now reviewer.")).to_be_visible()
    expect(page.get_by_label("Role of Lee Farrowdale")).to_have_value("reviewer")
    assert_accessible(page)


@pytest.mark.parametrize(
    "username,tabs",
    [
        ("dana.police", ["Overview", "Self-assessment grid", "Evidence", "Indicators",
                         "Narratives", "Findings", "Action plan", "Requests", "Countdown",
                         "Fieldwork", "Risks", "People"]),
        ("lee.viewer", ["Overview", "Self-assessment grid", "Evidence", "Indicators",
                        "Narratives", "Findings", "Action plan", "Requests", "Countdown",
                        "Fieldwork", "Report", "Risks", "People"]),
    ],
)  # fmt: skip
def test_each_role_sees_its_tabs_and_a_refusal_keeps_the_way_back(
    page: Page, live_server, demo, username, tabs
):
    review = demo["Anytown"]
    log_in(page, live_server.url, username)
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/")
    nav = page.get_by_role("navigation", name="Review")
    assert nav.get_by_role("link").all_inner_texts() == tabs
    expect(page.get_by_role("link", name="Add a recommendation or action point")).to_have_count(0)
    page.goto(f"{live_server.url}/reviews/{review.id}/actions/A12/edit/")
    expect(page.get_by_role("heading", name="You cannot do that")).to_be_visible()
    expect(page.get_by_text("you cannot change the findings or the action plan.")).to_be_visible()
    expect(page.get_by_text("grade judgements")).to_have_count(0)
    assert (
        page.get_by_role("navigation", name="Review").get_by_role("link").all_inner_texts() == tabs
    )
    assert_accessible(page)
    page.get_by_role("link", name=f"Go to the overview of {review.name}").click()
    expect(page.get_by_role("heading", name=review.name, level=1)).to_be_visible()
