"""A review's data read into the report: findings (the newest copy of a carried-forward
one, with its origin), items under the finding that raised them, counts of what was
reviewed, in a fixed number of queries."""

from datetime import date

import pytest

from readiness.actions.models import Finding, Milestone, ProgressUpdate
from readiness.actions.services import carry_forward, create_item
from readiness.assessment.services import update_assessment
from readiness.evidence.models import EvidenceDocument
from readiness.frameworks.models import GradeLevel, Judgement
from readiness.reports.domain.check import check
from readiness.reports.domain.compose import compose
from readiness.reports.domain.document import Item, Paragraph
from readiness.reports.models import ReviewActivity
from readiness.reports.queries import report_data
from readiness.reviews.models import Phase

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 26)


@pytest.fixture
def filled(review, lead, police):
    part1 = Phase.objects.create(review=review, name="Part 1: front door", position=1,
                                 starts=date(2026, 6, 1), ends=date(2026, 7, 31))  # fmt: skip
    part2 = Phase.objects.create(review=review, name="Part 2: children in care", position=2,
                                 starts=date(2026, 9, 1), is_current=True)  # fmt: skip
    judgement = Judgement.objects.get(framework=review.framework, key="help_and_protection")
    update_assessment(review, judgement, lead, via="test",
                      grade=GradeLevel.objects.get(framework=review.framework, key="good"),
                      rationale="Thresholds for children at risk are well understood.")  # fmt: skip
    document = EvidenceDocument.objects.create(
        review=review, content_hash="1" * 64, title="Thresholds guidance 2026", agency=police,
        file_type="pdf", size_bytes=1, stored_name="x",
    )  # fmt: skip
    original = Finding.objects.create(
        review=review, area="Thresholds", text="Partners' understanding of thresholds for "
        "children in need varies.", phase=part1, indicators=["lac_health_assessments"],
    )  # fmt: skip
    original.judgements.set([judgement])
    original.documents.set([document])
    finding = carry_forward(original, part2)
    readiness = Finding.objects.create(review=review, evaluation="readiness", area="Evidence",
                                       text="Only the police ordered their evidence.")  # fmt: skip
    r1 = create_item(review, "recommendation", "Involve partners in revising thresholds.",
                     finding=original, owner=lead, owner_agency=police,
                     due_date=date(2026, 12, 18),
                     guidance="Use the CAF re-launch.\n\n")  # fmt: skip
    Milestone.objects.create(item=r1, text="Draft agreed", due_date=date(2026, 12, 1))
    ProgressUpdate.objects.create(item=r1, text="First draft shared.", status="in_progress")
    create_item(review, "action_point", "Order the evidence by line of enquiry.", code="A14",
                finding=readiness)  # fmt: skip
    create_item(review, "action_point", "List each service's impacts.", code="A15")
    ReviewActivity.objects.create(review=review, kind="case_file", count=17,
                                  description="children in care")  # fmt: skip
    ReviewActivity.objects.create(review=review, kind="interview", count=16)
    ReviewActivity.objects.create(review=review, kind="interview", count=4)
    ReviewActivity.objects.create(review=review, kind="focus_group", count=2, people=14)
    return finding


def test_the_data_read_from_the_review(filled, review, lead):
    data = report_data(review, TODAY)
    assert (data.documents, data.document_agencies) == (1, 1)
    assert [(f.id, f.area, f.origin, f.documents, f.indicators) for f in data.findings] == [
        (filled.id, "Thresholds", "Part 1: front door", ("Thresholds guidance 2026",),
         ("Children looked after for 12 months whose health assessments were up to date",)),
        (data.findings[1].id, "Evidence", "", (), ()),
    ]  # fmt: skip
    r1 = next(i for i in data.items if i.code == "R1")
    assert (r1.code, r1.finding_id, r1.guidance, r1.owner, r1.agency) == (
        "R1", filled.id, ("Use the CAF re-launch.",), lead.get_full_name(), "Anyshire Police",
    )  # fmt: skip
    assert (r1.latest_update, [m.text for m in r1.milestones]) == ("First draft shared.",
                                                                   ["Draft agreed"])  # fmt: skip
    assert [(i.code, i.finding_id is None) for i in data.items] == [
        ("A14", False), ("A15", True), ("R1", False),
    ]  # fmt: skip
    graded = [j for j in data.judgements if j.grade]
    assert [(j.key, j.grade) for j in graded] == [("help_and_protection", "Good")]
    assert len(graded[0].descriptors) == 6  # one for each of its lines of enquiry


def test_the_report_places_items_under_their_findings_and_counts_what_was_reviewed(filled, review):
    document = compose(report_data(review, TODAY))
    assert check(document) == []
    blocks = list(document.blocks)
    finding = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph)
                   and "thresholds for children in need" in b.content[0])  # fmt: skip
    assert blocks[finding + 2] == Item(
        "recommendation", "R1", "Involve partners in revising thresholds.", "item-R1", "body",
        ("Use the CAF re-launch.",),
    )  # fmt: skip
    approach = next(b for b in blocks if isinstance(b, Paragraph) and b.content ==
                    ("In conducting the review we:",))  # fmt: skip
    bullets = blocks[blocks.index(approach) + 1]
    assert [item[0] for item in bullets.items] == [
        "reviewed 1 evidence document from 1 agency;",
        "reviewed 17 case files (children in care);",
        "held 20 interviews; and",
        "conducted 2 focus groups (14 people).",
    ]
    summary = [b for b in blocks if isinstance(b, Item) and b.place == "summary"]
    assert [(i.code, i.raised_in.text if i.raised_in else None) for i in summary] == [
        ("R1", f"paragraph {blocks[finding].number}"),
        ("A14", "paragraph 13"),
        ("A15", "paragraph 14"),
    ]


def test_reading_takes_the_same_queries_for_one_or_three_items(
    filled, review, django_assert_num_queries
):
    with django_assert_num_queries(29):
        report_data(review, TODAY)
    for number in range(2):
        item = create_item(review, "recommendation", f"More {number}", finding=filled)
        Milestone.objects.create(item=item, text="Step")
        Finding.objects.create(review=review, area="More", text=f"Finding {number}")
    with django_assert_num_queries(29):
        report_data(review, TODAY)


def test_a_review_with_nothing_yet_still_makes_a_report_that_passes(review):
    document = compose(report_data(review, TODAY))
    assert check(document) == []
    texts = [b.content for b in document.blocks if isinstance(b, Paragraph)]
    assert ("No findings are recorded under this evaluation yet.",) in texts
    assert ("No recommendations or action points yet.",) in texts
