"""Exports are read back: what goes out is what the grid holds."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from readiness.assessment.services import find_judgement, update_assessment
from readiness.assessment.tests.helpers import grade

pytestmark = pytest.mark.django_db


@pytest.fixture
def graded(review, lead):
    grade(review, lead, help_and_protection="requires_improvement", care_leavers="good")
    update_assessment(
        review,
        find_judgement(review, "care_leavers"),
        lead,
        rationale='=HYPERLINK("http://example.invalid")',
        confidence="high",
    )
    return review


def test_xlsx_reads_back(as_contributor, graded):
    response = as_contributor.get(reverse("assessment:export", args=[graded.id, "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="anytown-anytown-test-review-judgements.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == (
        "Judgement id",
        "Judgement",
        "Kind",
        "Strand",
        "Grade",
        "Grade rank (1 = best)",
    )
    by_id = {row[0]: row for row in rows[1:]}
    assert sorted(by_id) == [
        "care_leavers",
        "children_in_care",
        "help_and_protection",
        "impact_of_leaders",
    ]
    assert by_id["help_and_protection"][4:6] == ("Requires improvement to be good", 3)
    # A formula typed into a rationale is written as text, never run.
    assert by_id["care_leavers"][10] == '\'=HYPERLINK("http://example.invalid")'


def test_text_pasted_with_control_characters_exports(as_lead, lead, graded):
    # A vertical tab is Word's line break; Excel files cannot hold it.
    update_assessment(
        graded, find_judgement(graded, "care_leavers"), lead,
        strengths="Stable homes\x0bmost stay put\x01",
    )  # fmt: skip
    response = as_lead.get(reverse("assessment:export", args=[graded.id, "xlsx"]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert {row[0]: row[11] for row in rows[1:]}["care_leavers"] == "Stable homes most stay put"


def test_csv_reads_back(as_lead, graded):
    response = as_lead.get(reverse("assessment:export", args=[graded.id, "csv"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["Judgement id"], r["Grade"]) for r in rows] == [
        ("impact_of_leaders", ""),
        ("help_and_protection", "Requires improvement to be good"),
        ("children_in_care", ""),
        ("care_leavers", "Good"),
    ]


def test_json_reads_back(as_lead, graded):
    response = as_lead.get(reverse("assessment:export", args=[graded.id, "json"]))
    data = json.loads(response.content)
    assert data["graded"] == 2
    assert [j["confidence"] for j in data["judgements"]] == ["", "", "", "high"]


def test_an_unknown_format_is_404(as_lead, graded):
    response = as_lead.get(reverse("assessment:export", args=[graded.id, "pdf"]))
    assert response.status_code == 404


def test_an_outsider_cannot_export(as_outsider, graded):
    response = as_outsider.get(reverse("assessment:export", args=[graded.id, "xlsx"]))
    assert response.status_code == 404


def test_the_command_writes_each_format(graded, tmp_path):
    for fmt in ("xlsx", "csv", "json"):
        path = tmp_path / f"grid.{fmt}"
        call_command(
            "judgements",
            "export",
            "--review",
            str(graded.id),
            "--format",
            fmt,
            "--output",
            str(path),
        )
    sheet = load_workbook(tmp_path / "grid.xlsx").active
    assert sheet.max_row == 5
    rows = list(csv.reader(io.StringIO((tmp_path / "grid.csv").read_text("utf-8-sig"))))
    assert len(rows) == 5
    data = json.loads((tmp_path / "grid.json").read_text())
    assert data["review"]["id"] == graded.id


def test_the_command_names_a_missing_review():
    with pytest.raises(CommandError) as caught:
        call_command("judgements", "export", "--review", "424242", "--format", "csv")
    assert str(caught.value) == "There is no review 424242."
