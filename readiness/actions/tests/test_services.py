import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from readiness.actions import services
from readiness.actions.domain.codes import CodeError
from readiness.actions.domain.plan_xlsx import (
    MILESTONE_SHEET,
    PLAN_COLUMNS,
    PLAN_SHEET,
    READ_ONLY,
)
from readiness.actions.models import ActionItem, CodeSequence, Finding, Milestone
from readiness.frameworks.models import Judgement
from readiness.lib.testing.factories import (
    ActionItemFactory,
    AgencyFactory,
    FindingFactory,
    MembershipFactory,
    ReviewFactory,
    UserFactory,
)
from readiness.reviews.models import Phase

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def began(review):
    return services.review_start(review)


def test_a_code_is_issued_once_and_never_changes(review):
    item = services.create_item(review, "action_point", "Write the audit narrative")
    assert item.code == "A1"
    item.code = "A2"
    with pytest.raises(Exception, match="The code A1 was issued and cannot change."):
        item.save()
    with pytest.raises(services.ItemProblems, match="cannot change"):
        services.update_item(ActionItem.objects.get(pk=item.pk), code="A7")
    item.refresh_from_db()
    item.delete()
    # A deleted code is not issued again by the sequence, nor on request.
    assert services.create_item(review, "action_point", "Next").code == "A2"
    with pytest.raises(CodeError) as refused:
        services.create_item(review, "action_point", "Again", code="A1")
    assert str(refused.value) == (
        "A1 was issued in this review before, to an item since deleted; a code is never "
        "issued twice."
    )


def test_codes_asked_for_out_of_order_are_remembered(review):
    services.create_item(review, "action_point", "Nine", code="A9")
    services.create_item(review, "action_point", "Three", code="A3")
    ActionItem.objects.filter(code="A3").delete()
    assert services.create_item(review, "action_point", "Next").code == "A10"
    with pytest.raises(CodeError, match="A3 was issued in this review before"):
        services.create_item(review, "action_point", "Three again", code="A3")
    assert services.review_facts(review).codes == {"A3", "A9", "A10"}


def test_a_wanted_code_that_is_taken_is_refused(review):
    services.create_item(review, "action_point", "First", code="A9")
    with pytest.raises(CodeError, match="A9 is already issued in this review."):
        services.create_item(review, "action_point", "Second", code="A9")
    assert ActionItem.objects.filter(review=review).count() == 1


def test_a_due_date_before_the_review_began_is_refused(review):
    day = began(review) - timedelta(days=1)
    with pytest.raises(services.ItemProblems) as caught:
        services.create_item(review, "action_point", "Late", due_date=day)
    assert caught.value.problems == [
        f"The due date {day.day} {day:%B %Y} is before the review began "
        f"({began(review).day} {began(review):%B %Y})."
    ]
    assert ActionItem.objects.filter(review=review).count() == 0
    assert CodeSequence.objects.filter(review=review).count() == 0


def test_an_owner_outside_the_review_is_refused(review, lead, outsider, framework):
    other_agency = AgencyFactory()
    with pytest.raises(services.ItemProblems) as caught:
        services.create_item(
            review, "action_point", "Owned", owner=outsider, owner_agency=other_agency
        )
    assert caught.value.problems == [
        f"The owner {outsider.get_full_name()} (outsider) is not a member of this review.",
        f"The agency {other_agency.name} is not one of this review's agencies.",
    ]
    item = services.create_item(review, "action_point", "Owned", owner=lead)
    with pytest.raises(
        services.ItemProblems, match=r"The owner Test\d+ Person \(outsider\) is not a member"
    ):
        services.update_item(item, owner=outsider, text="Changed")
    item.refresh_from_db()
    assert (item.owner, item.text) == (lead, "Owned")


def test_progress_sets_the_status_and_links_documents(review, lead):
    item = ActionItemFactory(review=review)
    update = services.add_progress(item, lead, "Drafted", "in_progress", reference="Minutes")
    item.refresh_from_db()
    assert (item.status, update.written_by, update.evidence_reference) == (
        "in_progress",
        lead,
        "Minutes",
    )
    with pytest.raises(services.ItemProblems, match="Say what has happened"):
        services.add_progress(item, lead, "  ", "done")
    item.refresh_from_db()
    assert item.status == "in_progress"


def test_milestones_are_numbered_in_order(review):
    item = ActionItemFactory(review=review, kind="recommendation")
    first = services.add_milestone(item, "Draft", TODAY + timedelta(days=10))
    second = services.add_milestone(item, "Agree", TODAY + timedelta(days=20))
    assert [(first.position, second.position)] == [(1, 2)]
    with pytest.raises(services.ItemProblems, match="before the review began"):
        services.add_milestone(item, "Too early", began(review) - timedelta(days=1))


def test_item_rows_and_finding_numbers_are_plain(review, lead, django_assert_num_queries):
    finding = FindingFactory(review=review, area="Help and protection", position=2)
    early = FindingFactory(review=review, area="Help and protection", position=1)
    item = ActionItemFactory(review=review, owner=lead, finding=finding)
    services.add_progress(item, lead, "Started", "in_progress")
    with django_assert_num_queries(1):
        rows = services.item_rows(review)
    assert [(r.code, r.owner_name, r.status, r.last_progress) for r in rows] == [
        (item.code, "Test" + lead.first_name[4:] + " Person", "in_progress", TODAY)
    ]
    assert services.finding_numbers(review) == {early.id: 1, finding.id: 2}


def test_findings_carry_forward_once_with_their_origin(review):
    first = Phase.objects.create(review=review, name="Part 1", position=1)
    second = Phase.objects.create(review=review, name="Part 2", position=2, is_current=True)
    judgement = Judgement.objects.filter(framework=review.framework).first()
    finding = FindingFactory(review=review, phase=first, indicators=["lac_dental_checks"])
    finding.judgements.set([judgement])
    carried = services.carry_forward_findings(review)
    assert len(carried) == 1
    copy = carried[0]
    assert (copy.phase, copy.origin_phase, copy.carried_forward_from, copy.indicators) == (
        second,
        first,
        finding,
        ["lac_dental_checks"],
    )
    assert list(copy.judgements.all()) == [judgement]
    assert services.carry_forward_findings(review) == []
    assert list(services.current_findings(review)) == [copy]
    assert Finding.objects.filter(review=review).count() == 2


# The action plan workbook --------------------------------------------------------------


def _plan(review, lead, police):
    finding = FindingFactory(review=review)
    judgement = Judgement.objects.get(framework=review.framework, key="help_and_protection")
    rec = services.create_item(
        review, "recommendation", "Revise thresholds with partners",
        rationale="=Partners did not know them", guidance="One\nTwo", finding=finding,
        judgements=[judgement], owner=lead, owner_agency=police,
        due_date=TODAY + timedelta(days=30),
    )  # fmt: skip
    services.add_milestone(rec, "Draft agreed", TODAY + timedelta(days=10))
    services.add_milestone(rec, "Launched", TODAY + timedelta(days=30), TODAY)
    services.create_item(review, "action_point", "Write the audit narrative", code="A9")
    services.add_progress(rec, lead, "Workshop held", "in_progress")
    return rec


def _cells(data):
    workbook = load_workbook(io.BytesIO(data))
    return {
        name: [list(row) for row in workbook[name].iter_rows(values_only=True)]
        for name in workbook.sheetnames
    }


def test_the_plan_round_trips_through_xlsx(review, lead, police):
    _plan(review, lead, police)
    exported = services.export_plan(review)
    cells = _cells(exported)
    assert cells[PLAN_SHEET][0] == [label for _, label, _ in PLAN_COLUMNS]
    assert cells[PLAN_SHEET][1][:11] == [
        "R1", "Recommendation", "Revise thresholds with partners",
        "'=Partners did not know them", "One\nTwo", 1, "help_and_protection", "lead",
        "Anyshire Police", cells[PLAN_SHEET][1][9], "In progress",
    ]  # fmt: skip
    assert cells[PLAN_SHEET][1][12] == "Workshop held"
    assert [row[:2] for row in cells[MILESTONE_SHEET]] == [
        ["Recommendation", "Milestone"], ["R1", "Draft agreed"], ["R1", "Launched"],
    ]  # fmt: skip
    # Codes are never issued twice in a review, so the plan goes back into a new one
    # (next year's review, say) with the same people, agency and finding paragraph.
    carried = ReviewFactory(framework=review.framework)
    MembershipFactory(review=carried, user=lead, role="lead")
    police_again = AgencyFactory(review=carried, name=police.name)
    FindingFactory(review=carried)
    created = services.import_plan(carried, exported, user=lead)
    assert [i.code for i in created] == ["R1", "A9"]
    rec = created[0]
    assert (rec.rationale, rec.owner, rec.owner_agency, rec.status, rec.created_by) == (
        "=Partners did not know them", lead, police_again, "in_progress", lead,
    )  # fmt: skip
    assert [m.text for m in rec.milestones.all()] == ["Draft agreed", "Launched"]
    again = _cells(services.export_plan(carried))
    # Progress is not imported; everything else comes back cell for cell.
    assert [row[:11] for row in again[PLAN_SHEET]] == [row[:11] for row in cells[PLAN_SHEET]]
    assert again[MILESTONE_SHEET] == cells[MILESTONE_SHEET]


def _workbook(rows, milestones=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = PLAN_SHEET
    sheet.append([label for key, label, _ in PLAN_COLUMNS if key not in READ_ONLY])
    for row in rows:
        sheet.append(row)
    if milestones is not None:
        other = workbook.create_sheet(MILESTONE_SHEET)
        other.append(["Recommendation", "Milestone", "Due date", "Done on"])
        for row in milestones:
            other.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _row(code="", kind="Action point", text="Do it", owner="", agency="", due=None,
         status="Not started", finding=None, judgements=""):  # fmt: skip
    return [code, kind, text, "", "", finding, judgements, owner, agency, due, status]


def test_an_import_with_any_problem_changes_nothing_and_says_every_row(
    review, lead, outsider, police
):
    services.create_item(review, "action_point", "Taken", code="A9")
    before = began(review) - timedelta(days=2)
    data = _workbook(
        [
            _row("A10", text="Fine row"),
            _row("A9", text="Collides"),
            _row(due=before),
            _row(owner="outsider"),
            _row(owner="nobody", agency="Otherton Police"),
            _row(text=""),
            _row("R3", kind="Action point"),
            _row(status="Finished", due="next week", finding="x", judgements="no_such"),
            _row("A10", text="Twice"),
            ["=1+1", "Action point", '=HYPERLINK("http://x")'],
        ],
        milestones=[["R4", "Orphan", None, None]],
    )
    with pytest.raises(services.PlanImportError) as caught:
        services.import_plan(review, data, user=lead)
    d = f"{before.day} {before:%B %Y}"
    b = f"{began(review).day} {began(review):%B %Y}"
    assert caught.value.problems == [
        "Action plan, row 3: The code A9 is already issued in this review; leave the code "
        "empty to have a new one issued.",
        f"Action plan, row 4: The due date {d} is before the review began ({b}).",
        "Action plan, row 5: The owner outsider is not a member of this review.",
        "Action plan, row 6: There is no user called “nobody”.",
        "Action plan, row 6: The agency Otherton Police is not one of this review's agencies.",
        "Action plan, row 7: Text: is empty; every item needs its text.",
        "Action plan, row 8: Code: R3 is not a code for an action point.",
        "Action plan, row 9: Finding paragraph: “x” is not a paragraph number.",
        "Action plan, row 9: Due date: “next week” is not a date like 2026-12-01.",
        "Action plan, row 9: Status: “Finished” is not one of Not started, In progress, "
        "Done, Dropped.",
        "Action plan, row 9: There is no judgement no_such in ILACS 2026.",
        "Action plan, row 10: Code: A10 is also on row 2.",
        "Action plan, row 11: Code: is a formula; type the words or the value instead.",
        "Action plan, row 11: Text: is a formula; type the words or the value instead.",
        "Milestones, row 2: R4 is not a recommendation in this file.",
    ]
    assert list(ActionItem.objects.filter(review=review).values_list("code", flat=True)) == ["A9"]
    assert CodeSequence.objects.get(review=review, prefix="A").last_number == 9


def test_a_free_code_is_honoured_and_new_codes_avoid_it(review, police, lead):
    data = _workbook(
        [_row(text="No code"), _row("A2", text="Wants A2", agency="anyshire police")],
    )
    created = services.import_plan(review, data, user=lead)
    assert [(i.code, i.text) for i in created] == [("A2", "Wants A2"), ("A3", "No code")]
    assert created[0].owner_agency == police


def test_files_that_are_not_plans_are_refused(review):
    for data, message in (
        (b"not a zip", "The file is not an Excel workbook (.xlsx)."),
        (_workbook([]), "The sheet “Action plan” has no items."),
    ):
        with pytest.raises(services.PlanImportError) as caught:
            services.import_plan(review, data)
        assert caught.value.problems == [message]
    workbook = Workbook()
    workbook.active.title = "Sheet1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(services.PlanImportError) as caught:
        services.import_plan(review, buffer.getvalue())
    assert caught.value.problems == ["The workbook has no sheet called “Action plan”."]
    assert Milestone.objects.count() == 0


def test_a_missing_column_is_named(review):
    workbook = Workbook()
    workbook.active.title = PLAN_SHEET
    workbook.active.append(["Code", "Kind", "Text"])
    workbook.active.append(["", "Action point", "Do it"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(services.PlanImportError) as caught:
        services.import_plan(review, buffer.getvalue())
    assert caught.value.problems[0] == "Action plan, row 1: the column “Rationale” is missing."
    assert len(caught.value.problems) == 8


def test_an_outsiders_agency_owner_cannot_be_set_through_a_user_id(review):
    stranger = UserFactory()
    with pytest.raises(services.ItemProblems, match=f"The owner {stranger.pk} is not a member"):
        services.create_item(review, "action_point", "X", owner_id=stranger.pk)
    assert date.today()  # the review is untouched
    assert ActionItem.objects.filter(review=review).count() == 0
