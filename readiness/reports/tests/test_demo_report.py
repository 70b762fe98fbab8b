"""Anytown's demo report: the check passes, every item is in the body and the summary with
the same code, the approach counts what the demo recorded; `demo export` writes the report
in three formats and the self-evaluation."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from readiness.demo.domain.partnerships import ANYTOWN
from readiness.demo.loader import load_partnership
from readiness.reports.demo import load_activities
from readiness.reports.domain.check import check
from readiness.reports.domain.compose import compose
from readiness.reports.domain.document import BulletList, Item, Paragraph
from readiness.reports.queries import report_data

pytestmark = pytest.mark.django_db


def test_anytown_s_report_passes_its_check_with_every_item_in_both_places():
    review = load_partnership(ANYTOWN)
    assert load_activities(review) == 5
    document = compose(report_data(review, date(2026, 11, 26)))
    assert check(document) == []
    body = [b.code for b in document.blocks if isinstance(b, Item) and b.place == "body"]
    summary = [b.code for b in document.blocks if isinstance(b, Item) and b.place == "summary"]
    assert summary == ["R1", "A9", "A10", "A11", "A12", "A13", "A14", "A15"]
    assert sorted(body) == sorted(summary)
    blocks = list(document.blocks)
    approach = blocks.index(Paragraph(("In conducting the review we:",), 6, "para-6"))
    assert isinstance(blocks[approach + 1], BulletList)
    assert [item[0] for item in blocks[approach + 1].items][1:] == [
        "reviewed 18 case files (children in need, on child protection plans and in care);",
        "held 45 interviews (social workers about those children; council managers, the lead "
        "member and the chief executive; partners, one to one or in small groups); and",
        "conducted 2 focus groups (social workers; team managers, 15 people).",
    ]


def test_demo_export_writes_the_reports(tmp_path):
    call_command("demo", "load", "--without-evidence", stdout=io.StringIO())
    out = io.StringIO()
    call_command("demo", "export", "--output-dir", str(tmp_path), stdout=out)
    assert (
        f"Report for Anytown: {tmp_path}/anytown-readiness-report.html, .docx and .pdf; "
        "anytown-self-evaluation-draft.docx"
    ) in out.getvalue()
    for name in ("anytown-readiness-report.html", "anytown-readiness-report.docx",
                 "anytown-readiness-report.pdf", "anytown-self-evaluation-draft.docx",
                 "northbridge-readiness-report.pdf"):  # fmt: skip
        assert (tmp_path / name).stat().st_size > 10_000, name
    assert (tmp_path / "anytown-readiness-report.pdf").read_bytes().startswith(b"%PDF-1.7")
