import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from readiness.actions import services
from readiness.actions.models import ActionItem, Milestone, ProgressUpdate
from readiness.evidence.models import EvidenceDocument
from readiness.lib.testing.factories import ActionItemFactory, AgencyFactory, FindingFactory
from readiness.narratives.models import Narrative, NarrativeVersion
from readiness.reviews.models import Membership

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def plan_url(review, **query):
    url = reverse("actions:plan", args=[review.id])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def document(review, agency, title):
    return EvidenceDocument.objects.create(
        review=review, content_hash=title[:64].ljust(64, "0"), title=title, agency=agency,
        file_type="txt", size_bytes=1, stored_name=title,
    )  # fmt: skip


@pytest.fixture
def plan(review, lead, contributor, police):
    health = AgencyFactory(review=review, name="Anyshire ICB")
    # The review began today, so an overdue date is set past the service's check.
    late = ActionItemFactory(review=review, text="Late one", owner=lead)
    ActionItem.objects.filter(pk=late.pk).update(due_date=TODAY - timedelta(days=3))
    police_item = ActionItemFactory(
        review=review, text="Police one", owner_agency=police, owner=contributor,
        due_date=TODAY + timedelta(days=5),
    )  # fmt: skip
    rec = ActionItemFactory(
        review=review, kind="recommendation", text="Thresholds", owner_agency=health,
        due_date=TODAY + timedelta(days=50),
    )  # fmt: skip
    return late, police_item, rec


def codes(response):
    return [row[0].code for row in response.context["rows"]]


def test_the_plan_lists_every_item_in_code_order(as_lead, review, plan):
    response = as_lead.get(plan_url(review))
    assert response.status_code == 200
    assert codes(response) == ["R1", "A1", "A2"]
    assert "Overdue" in response.content.decode()


def test_filters_and_views(as_lead, as_contributor, review, plan, police, lead):
    assert codes(as_lead.get(plan_url(review, view="overdue"))) == ["A1"]
    assert codes(as_lead.get(plan_url(review, agency=police.id))) == ["A2"]
    assert codes(as_lead.get(plan_url(review, owner=lead.id))) == ["A1"]
    assert codes(as_lead.get(plan_url(review, kind="recommendation"))) == ["R1"]
    assert codes(as_lead.get(plan_url(review, status="done"))) == []
    assert codes(as_lead.get(plan_url(review, mine="on"))) == ["A1"]
    assert codes(as_contributor.get(plan_url(review, mine="on"))) == ["A2"]
    assert codes(as_lead.get(plan_url(review, view="stale", weeks=1))) == []


def test_due_before_window_uses_the_reviews_window(as_lead, review, plan):
    review.window_starts = TODAY + timedelta(days=30)
    review.save()
    assert codes(as_lead.get(plan_url(review, view="due-before-window"))) == ["A1", "A2"]


def test_a_bad_filter_is_a_clear_error(as_lead, review, plan):
    response = as_lead.get(plan_url(review, weeks=0))
    assert response.status_code == 400
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()


def test_the_json_twin(as_viewer, review, plan, lead):
    data = as_viewer.get(reverse("actions:plan-json", args=[review.id]) + "?view=overdue").json()
    assert [(i["code"], i["overdue"], i["owner"]) for i in data["items"]] == [
        ("A1", True, lead.get_full_name())
    ]
    bad = as_viewer.get(reverse("actions:plan-json", args=[review.id]) + "?weeks=0&status=x")
    assert bad.status_code == 400
    assert bad.json() == {"errors": {
        "status": ["Select a valid choice. x is not one of the available choices."],
        "weeks": ["Ensure this value is greater than or equal to 1."],
    }}  # fmt: skip


@pytest.mark.parametrize("count,queries", [(1, 6), (3, 6)])
def test_the_plan_takes_the_same_queries_for_one_or_three_items(
    as_lead, review, lead, count, queries, django_assert_num_queries
):
    for _ in range(count):
        item = ActionItemFactory(review=review, owner=lead)
        services.add_progress(item, lead, "Moved on", "in_progress")
    with django_assert_num_queries(queries):
        response = as_lead.get(plan_url(review))
    assert len(response.context["rows"]) == count


def test_an_outsider_gets_404(as_outsider, review, plan):
    assert as_outsider.get(plan_url(review)).status_code == 404
    assert as_outsider.get(reverse("actions:item", args=[review.id, "A1"])).status_code == 404


def test_the_item_page_shows_everything(as_lead, review, plan, lead, police):
    late, _, rec = plan
    finding = FindingFactory(review=review, text="Partners do not know the thresholds.")
    services.update_item(rec, finding=finding, rationale="Because", guidance="First\nSecond")
    services.add_milestone(rec, "Workshop", TODAY + timedelta(days=7))
    doc = document(review, police, "Threshold workshop notes")
    services.add_progress(rec, lead, "Workshop booked", "in_progress", [doc], "Board minutes")
    response = as_lead.get(reverse("actions:item", args=[review.id, "r1"]))
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("Thresholds", "Because", "<li>Second</li>", "Paragraph 1", "Workshop",
                 "Workshop booked", "Threshold workshop notes", "Board minutes",
                 "Add a progress update", "Add a milestone", "Edit R1"):  # fmt: skip
        assert text in page, text
    assert reverse("evidence:document", args=[review.id, doc.id]) in page


def test_a_lead_adds_progress_and_a_milestone(as_lead, review, plan):
    rec = plan[2]
    url = reverse("actions:progress", args=[review.id, rec.code])
    response = as_lead.post(url, {"text": "Draft shared", "status": "in_progress"})
    assert response.status_code == 302
    rec.refresh_from_db()
    assert (rec.status, rec.updates.get().text) == ("in_progress", "Draft shared")
    url = reverse("actions:milestone", args=[review.id, rec.code])
    response = as_lead.post(url, {"text": "Sign-off", "due_date": str(TODAY)})
    assert response.status_code == 302
    assert list(rec.milestones.values_list("text", "due_date")) == [("Sign-off", TODAY)]


def test_a_milestone_before_the_review_began_is_refused(as_lead, review, plan):
    rec = plan[2]
    early = services.review_start(review) - timedelta(days=1)
    url = reverse("actions:milestone", args=[review.id, rec.code])
    response = as_lead.post(url, {"text": "Sign-off", "due_date": str(early)})
    assert response.status_code == 400
    assert "is before the review began" in response.content.decode()
    assert Milestone.objects.count() == 0


def test_an_empty_update_is_refused_with_the_form_shown_again(as_lead, review, plan):
    url = reverse("actions:progress", args=[review.id, "A1"])
    response = as_lead.post(url, {"text": "", "status": "done"})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert ProgressUpdate.objects.count() == 0


def test_a_contributor_updates_their_agencys_items_only(
    as_contributor, review, plan, police, contributor
):
    late, police_item, rec = plan
    ActionItem.objects.filter(pk=police_item.pk).update(owner=None)
    ok = as_contributor.post(
        reverse("actions:progress", args=[review.id, police_item.code]),
        {"text": "Briefed officers", "status": "done"},
    )
    assert ok.status_code == 302
    refused = as_contributor.post(
        reverse("actions:progress", args=[review.id, rec.code]),
        {"text": "Not mine", "status": "done"},
    )
    assert refused.status_code == 403
    assert "only to your own agency&#x27;s items" in refused.content.decode()
    page = as_contributor.get(reverse("actions:item", args=[review.id, rec.code]))
    assert "Add a progress update" not in page.content.decode()
    assert "Edit R1" not in page.content.decode()
    assert as_contributor.get(reverse("actions:edit", args=[review.id, "R1"])).status_code == 403
    assert list(ProgressUpdate.objects.values_list("item__code", flat=True)) == ["A2"]


def test_a_contributor_sees_other_agencies_documents_unnamed(as_contributor, review, plan, lead):
    rec = plan[2]
    other = AgencyFactory(review=review, name="Anyshire ICB 2")
    doc = document(review, other, "ICB private minutes")
    services.add_progress(rec, lead, "Minuted", "in_progress", [doc])
    page = as_contributor.get(reverse("actions:item", args=[review.id, "R1"])).content.decode()
    assert "ICB private minutes" not in page
    assert "a document in another agency's evidence" in page


def test_a_viewer_reads_but_cannot_write(as_viewer, review, plan):
    page = as_viewer.get(reverse("actions:item", args=[review.id, "A1"]))
    assert page.status_code == 200
    assert "Add a progress update" not in page.content.decode()
    response = as_viewer.post(
        reverse("actions:progress", args=[review.id, "A1"]), {"text": "x", "status": "done"}
    )
    assert response.status_code == 403
    assert as_viewer.get(reverse("actions:new", args=[review.id])).status_code == 403


def test_a_lead_creates_an_item_and_gets_the_next_code(as_lead, review, plan, lead, police):
    response = as_lead.post(
        reverse("actions:new", args=[review.id]),
        {"kind": "action_point", "text": "Prepare the interview briefs", "owner": lead.id,
         "owner_agency": police.id, "due_date": str(TODAY + timedelta(days=9)),
         "status": "not_started"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response.url == reverse("actions:item", args=[review.id, "A3"])
    assert ActionItem.objects.get(code="A3").owner_agency == police


def test_a_due_date_before_the_review_began_is_refused_on_the_page(as_lead, review, plan):
    early = services.review_start(review) - timedelta(days=1)
    response = as_lead.post(
        reverse("actions:edit", args=[review.id, "A1"]),
        {"text": "Late one", "due_date": str(early), "status": "not_started"},
    )
    assert response.status_code == 400
    assert "is before the review began" in response.content.decode()
    assert ActionItem.objects.get(code="A1").due_date == TODAY - timedelta(days=3)


def test_an_owner_outside_the_review_cannot_be_chosen(as_lead, review, plan, outsider):
    response = as_lead.post(
        reverse("actions:edit", args=[review.id, "A1"]),
        {"text": "Late one", "owner": outsider.id, "status": "not_started"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "owner": ["The owner you chose is not a member of this review."]
    }
    page = response.content.decode()
    assert '<a href="#id_owner">The owner you chose is not a member of this review.</a>' in page
    assert ActionItem.objects.get(code="A1").owner.username == "lead"
    other = AgencyFactory()  # another review's agency
    response = as_lead.post(
        reverse("actions:edit", args=[review.id, "A1"]),
        {"text": "Changed", "owner_agency": other.id, "status": "not_started"},
    )
    assert response.context["form"].errors == {
        "owner_agency": ["The agency you chose is not one of this review's agencies."]
    }
    assert ActionItem.objects.get(code="A1").text == "Late one"


def test_export_and_import_pages(as_lead, as_reviewer, review, plan):
    response = as_lead.get(reverse("actions:export", args=[review.id]))
    assert response["Content-Disposition"] == (
        'attachment; filename="anytown-test-review-action-plan.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content))["Action plan"]
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Code", "R1", "A1", "A2"]
    # Importing the same plan again: every code collides; nothing changes.
    upload = io.BytesIO(response.content)
    upload.name = "plan.xlsx"
    again = as_reviewer.post(reverse("actions:import", args=[review.id]), {"file": upload})
    page = again.content.decode()
    assert again.status_code == 400
    assert "Nothing was imported: 4 problems in the file" in page
    assert "Action plan, row 2: The code R1 is already issued in this review" in page
    assert ActionItem.objects.filter(review=review).count() == 3


def test_an_import_that_works_lists_the_new_codes(as_lead, review, plan):
    data = services.export_plan(review)
    # R1 and A1 are issued, so only A2's row goes back in, under a code not yet issued.
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["Action plan"]
    sheet.delete_rows(2, 2)  # R1 and A1
    assert sheet["A2"].value == "A2"
    sheet["A2"] = "A7"
    workbook["Milestones"].delete_rows(2, 10)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "plan.xlsx"
    response = as_lead.post(reverse("actions:import", args=[review.id]), {"file": buffer})
    assert response.status_code == 302
    assert ActionItem.objects.get(review=review, code="A7").text == "Police one"
    assert ActionItem.objects.filter(review=review).count() == 4


def test_a_milestone_is_marked_done_and_back(as_lead, as_contributor, review, plan):
    rec = plan[2]
    milestone = services.add_milestone(rec, "Sign-off", TODAY)
    url = reverse("actions:milestone-done", args=[review.id, rec.code, milestone.id])
    assert as_contributor.post(url).status_code == 403
    assert as_lead.post(url).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_on == TODAY
    as_lead.post(url)
    milestone.refresh_from_db()
    assert milestone.done_on is None
    other = ActionItemFactory(review=review)
    wrong = reverse("actions:milestone-done", args=[review.id, other.code, milestone.id])
    assert as_lead.post(wrong).status_code == 404


def test_the_item_page_links_the_narratives_written_for_it(as_lead, review, plan, lead):
    late, _, _ = plan
    written = Narrative.objects.create(review=review, key="late-story", action_point=late.code)
    Narrative.objects.create(review=review, key="other-story", action_point="A99")
    for number, title in ((1, "First draft"), (2, "The late story")):
        NarrativeVersion.objects.create(
            narrative=written, number=number, title=title, targeted_and_why="t",
            what_we_did="d", impact_for_children="i", whats_next="n", written_by=lead,
        )  # fmt: skip
    page = as_lead.get(reverse("actions:item", args=[review.id, late.code])).content.decode()
    link = reverse("narratives:detail", args=[review.id, "late-story"])
    assert f'<a class="govuk-link" href="{link}">The late story</a> (version 2)' in page
    assert "First draft" not in page
    assert "other-story" not in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_item_page_takes_the_same_queries_for_one_or_three_updates(
    as_contributor, review, plan, police, contributor, lead, count, django_assert_num_queries
):
    """The contributor's page: its own agency's documents named, another's not."""
    late, police_item, rec = plan
    other = AgencyFactory(review=review, name="Anyshire ICB 3")
    for n in range(count):
        mine, theirs = document(review, police, f"Police {n}"), document(review, other, f"ICB {n}")
        services.add_progress(police_item, lead, f"Update {n}", "in_progress", [mine, theirs])
        services.add_milestone(police_item, f"Step {n}", TODAY)
    with django_assert_num_queries(12):
        response = as_contributor.get(reverse("actions:item", args=[review.id, police_item.code]))
    page = response.content.decode()
    assert [u.text for u in response.context["updates"]] == [
        f"Update {n}" for n in reversed(range(count))
    ]
    assert page.count("a document in another agency's evidence") == count
    assert all(f">Police {n}</a>" in page for n in range(count))
    assert "ICB 0" not in page


def test_the_export_takes_text_with_control_characters(as_lead, review, plan):
    """Text given on the command line can hold a vertical tab or a form feed (a NUL is
    refused by the forms); openpyxl refused such a workbook: a server error."""
    services.create_item(review, "action_point", "Brief\x0bthe panel\x0c\x01 today")
    response = as_lead.get(reverse("actions:export", args=[review.id]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["Action plan"]
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)][-1] == (
        "Brief the panel  today"
    )


def test_an_owner_who_left_the_review_is_named_not_silently_cleared(as_lead, review, plan):
    late, police_item, rec = plan
    owner = police_item.owner
    Membership.objects.filter(review=review, user=owner).delete()
    url = reverse("actions:edit", args=[review.id, police_item.code])
    form = as_lead.get(url).context["form"]
    assert form["owner"].value() == owner.id
    assert owner.id in [choice[0].value for choice in form.fields["owner"].choices if choice[0]]
    response = as_lead.post(url, {"text": "Police two", "owner": owner.id,
                                  "status": "not_started"})  # fmt: skip
    assert response.status_code == 400
    assert response.context["form"].errors == {"owner": [
        f"The owner {owner.get_full_name()} ({owner.username}) is not a member of this review."
    ]}  # fmt: skip
    police_item.refresh_from_db()
    assert (police_item.text, police_item.owner_id) == ("Police one", owner.id)
