"""The founding review's defects arriving through the review's own data: the real pipeline
(database -> report -> check) refuses to build, in every format and for the self-evaluation,
and nothing is rendered. test_check.py shows the check on plain-data documents."""

import io
import re

import pypdfium2
import pytest
from docx import Document as read_docx

from readiness.actions.models import ActionItem, Finding
from readiness.actions.services import create_item
from readiness.frameworks.models import Judgement
from readiness.reports.domain.check import Problem, ReportCheckError
from readiness.reports.services import build_report, build_sef, report_document

pytestmark = pytest.mark.django_db


def refusal(review, fmt="pdf") -> list[Problem]:
    with pytest.raises(ReportCheckError) as error:
        build_report(review, fmt)
    return error.value.problems


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_an_action_point_stored_without_its_text_is_refused(review, fmt):
    """A13 in the founding summary, with its code and no words."""
    ActionItem.objects.create(review=review, kind="action_point", code="A13", text="")
    assert refusal(review, fmt) == [
        Problem("no-text", "A13 in the body has no text."),
        Problem("no-text", "A13 in the summary has no text."),
    ]


def test_the_self_evaluation_refuses_the_same_item(review):
    """The draft lists an area's items as bullets "A13 <text> (owner …)": without the
    report's check it went out as "A13  (no owner yet; not started)"."""
    area = Judgement.objects.filter(framework=review.framework).exclude(kind="headline")[0]
    item = ActionItem.objects.create(review=review, kind="action_point", code="A13", text=" ")
    item.judgements.set([area])
    with pytest.raises(ReportCheckError) as error:
        build_sef(review)
    assert error.value.problems == [
        Problem("no-text", "A13 in the body has no text."),
        Problem("no-text", "A13 in the summary has no text."),
    ]


def test_a_finding_stored_without_its_text_is_refused(review):
    Finding.objects.create(review=review, evaluation="performance", area="Help", text="")
    assert refusal(review) == [Problem("no-text", "Paragraph 8 has no text.")]


def test_a_finding_pasted_with_word_s_broken_field_is_refused(review):
    """The founding contents: "Direct casework ... Error! Bookmark not defined."."""
    Finding.objects.create(
        review=review, evaluation="performance", area="Help",
        text="Direct casework is improving (see page Error! Bookmark not defined.).",
    )  # fmt: skip
    assert refusal(review) == [
        Problem("dangling-reference",
                "paragraph 8 contains 'Error! Bookmark not defined': a broken field."),
    ]  # fmt: skip


def test_blank_lines_in_guidance_never_become_empty_bullets(review):
    """The founding summary's empty bullets: a blank line in an item's guidance is dropped,
    so the report builds and every bullet says something."""
    create_item(review, "recommendation", "Revise the thresholds.",
                guidance="Involve partners.\n\n   \nRe-launch the CAF.\n")  # fmt: skip
    built = report_document(review)
    assert built.problems == []
    items = [b for b in built.document.blocks if getattr(b, "code", "") == "R1"]
    assert [(i.place, i.guidance) for i in items] == [
        ("body", ("Involve partners.", "Re-launch the CAF.")),
        ("summary", ("Involve partners.", "Re-launch the CAF.")),
    ]
    assert build_report(review, "html").startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_text_pasted_with_control_characters_still_builds(review, fmt):
    """A vertical tab (Word's line break) or a bell in a finding made the Word report fail
    with python-docx's "All strings must be XML compatible" (a server error)."""
    Finding.objects.create(review=review, evaluation="performance", area="Help",
                           text="Pasted from Word:\x0bline two\x0cpage\x07 three\x01.")  # fmt: skip
    data = build_report(review, fmt)
    if fmt == "docx":
        paragraphs = [p.text for p in read_docx(io.BytesIO(data)).paragraphs]
        assert "8\tPasted from Word: line two page three." in paragraphs
    elif fmt == "html":
        assert b"Pasted from Word: line two page three." in data
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", data)
    else:
        text = "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(data))
        assert "Pasted from Word: line two page three." in text.replace("\r\n", " ")
