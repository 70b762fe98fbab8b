"""The report check against the founding review's defects, each reproduced as a plain-data
document shaped like the founding review's own pages (../shared/seed/)."""

from readiness.reports.domain.check import Problem, check
from readiness.reports.domain.compose import compose
from readiness.reports.domain.document import (
    BulletList,
    Contents,
    ContentsEntry,
    Document,
    Heading,
    Item,
    Paragraph,
    Ref,
    contents_for,
)
from readiness.reports.domain.sample import sample_data

THRESHOLDS = (
    "Ensure that partners are involved in the revision of thresholds and that the new "
    "thresholds are widely understood."
)
CAF = "There may be opportunities in the re-launch of the CAF to widen the understanding."
A13 = (
    "Ensure that the GCSE examination results are collected and collated as soon as they "
    "are available so that the data can be used immediately."
)


def founding(*blocks, contents: Contents | None = None) -> Document:
    """A founding-review-like document: headings, paragraph 20 raising R1, then a summary."""
    body = [
        Heading(1, "Introduction", "sec-introduction"),
        Paragraph(("Bedford Borough Council and its partners continue to improve.",), 1,
                  "para-1"),
        Heading(1, "Partnership working", "sec-partnership"),
        Paragraph(("Partners understanding of thresholds for intervention are variable.",),
                  20, "para-20"),
        Item("recommendation", "R1", THRESHOLDS, "item-R1", "body", (CAF,)),
        Paragraph(("Responsibility for the educational attainment of LAC is not as widely "
                   "owned as it could be.",), 26, "para-26"),
        Item("action_point", "A13", A13, "item-A13", "body"),
        Heading(1, "Summary and Way Forward", "sec-summary"),
        *blocks,
    ]  # fmt: skip
    head = [contents if contents is not None else contents_for(body)]
    return Document("Review", "Part 2", "2011", tuple(head + body))


CLEAN_SUMMARY = (
    Item("recommendation", "R1", THRESHOLDS, "sum-R1", "summary", (CAF,),
         Ref("para-20", "paragraph 20")),
    Item("action_point", "A13", A13, "sum-A13", "summary", (), Ref("para-26", "paragraph 26")),
)  # fmt: skip


def test_the_founding_review_without_its_defects_passes():
    assert check(founding(*CLEAN_SUMMARY)) == []


def test_contents_pointing_at_headings_that_are_not_there_is_refused():
    """ "Direct casework ... Error! Bookmark not defined." in the founding contents."""
    contents = Contents((
        ContentsEntry("Introduction", "sec-introduction", 1),
        ContentsEntry("Direct casework", "sec-direct-casework", 2),
        ContentsEntry("Leadership and management", "sec-leadership", 2),
        ContentsEntry("Partnership working", "sec-partnership", 2),
    ))  # fmt: skip
    assert check(founding(*CLEAN_SUMMARY, contents=contents)) == [
        Problem("dangling-reference", "The contents entry 'Direct casework' points to no "
                "heading (no 'sec-direct-casework'); Word would print 'Error! Bookmark not "
                "defined.'"),
        Problem("dangling-reference", "The contents entry 'Leadership and management' points "
                "to no heading (no 'sec-leadership'); Word would print 'Error! Bookmark not "
                "defined.'"),
    ]  # fmt: skip


def test_a_cross_reference_to_nowhere_and_a_broken_field_are_refused():
    document = founding(
        *CLEAN_SUMMARY,
        Paragraph(("As set out in ", Ref("para-99", "paragraph 99"), "."), 32, "para-32"),
        Paragraph(("Readiness, see page Error! Bookmark not defined.",), 33, "para-33"),
    )
    assert check(document) == [
        Problem("dangling-reference", "paragraph 32 refers to 'paragraph 99', which is not in "
                "the report (no 'para-99')."),
        Problem("dangling-reference", "paragraph 33 contains 'Error! Bookmark not defined': "
                "a broken field."),
    ]  # fmt: skip


def test_r1_in_the_body_and_r7_in_the_summary_is_refused():
    r7 = Item("recommendation", "R7", THRESHOLDS, "sum-R7", "summary", (CAF,))
    assert check(founding(r7, CLEAN_SUMMARY[1])) == [
        Problem("code-mismatch", f"The summary calls '{THRESHOLDS[:60]}' R7; the body calls "
                "it R1."),
    ]  # fmt: skip


def test_a13_in_the_summary_without_its_text_is_refused():
    bare = Item("action_point", "A13", "", "sum-A13", "summary")
    assert check(founding(CLEAN_SUMMARY[0], bare)) == [
        Problem("no-text", "A13 in the summary has no text."),
    ]


def test_empty_bullets_are_refused():
    """The founding summary: "Action Points" then three bullets with nothing in them, and an
    empty bullet under R1's guidance."""
    r1 = Item("recommendation", "R1", THRESHOLDS, "sum-R1", "summary", (CAF, ""))
    document = founding(r1, BulletList(((), ("",), (" ",))), CLEAN_SUMMARY[1])
    assert check(document) == [
        Problem("empty-bullet", "Bullet 2 under R1 in the summary is empty."),
        Problem("empty-bullet", "Bullet 1 of the list after R1 in the summary is empty."),
        Problem("empty-bullet", "Bullet 2 of the list after R1 in the summary is empty."),
        Problem("empty-bullet", "Bullet 3 of the list after R1 in the summary is empty."),
        Problem("text-mismatch", "R1's guidance differs between the body and the summary."),
    ]  # fmt: skip


def test_an_item_in_one_place_only_is_refused():
    assert check(founding(CLEAN_SUMMARY[0])) == [
        Problem("missing-item", "A13 is in the body but not in the summary."),
    ]
    extra = Item("action_point", "A16", "Prepare for interviews.", "sum-A16", "summary")
    assert check(founding(*CLEAN_SUMMARY, extra)) == [
        Problem("missing-item", "A16 is in the summary but not in the body."),
    ]


def test_every_founding_defect_at_once_is_reported_together():
    contents = Contents((ContentsEntry("Direct casework", "sec-direct-casework", 2),))
    document = founding(
        Item("recommendation", "R7", THRESHOLDS, "sum-R7", "summary", (CAF, "")),
        BulletList(((),)),
        Item("action_point", "A13", "", "sum-A13", "summary"),
        contents=contents,
    )
    assert check(document) == [
        Problem("dangling-reference", "The contents entry 'Direct casework' points to no "
                "heading (no 'sec-direct-casework'); Word would print 'Error! Bookmark not "
                "defined.'"),
        Problem("empty-bullet", "Bullet 2 under R7 in the summary is empty."),
        Problem("empty-bullet", "Bullet 1 of the list after R7 in the summary is empty."),
        Problem("no-text", "A13 in the summary has no text."),
        Problem("code-mismatch", f"The summary calls '{THRESHOLDS[:60]}' R7; the body calls "
                "it R1."),
    ]  # fmt: skip


def test_a_composed_report_passes():
    assert check(compose(sample_data(findings=40, items=30, documents=200))) == []


def test_a_composed_report_with_no_findings_or_items_passes():
    document = compose(sample_data(findings=0, items=0, documents=0))
    assert check(document) == []
    texts = [b.text for b in document.headings()]
    assert "Summary and way forward" in texts and "Annex C: action plan" in texts
