import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from .conftest import answer_all, start

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


def test_audits_go_out_to_excel_and_come_back(review, reviewer, sample, tmp_path, capsys):
    audit = start(review, sample, reviewer)
    answer_all(audit, {"voice_heard": ("good", "Quoted."), "seen_alone": ("yes", "")}, reviewer)
    path = tmp_path / "audits.xlsx"
    call_command("audit", "export", "--review", str(review.id), "--xlsx", str(path))
    assert capsys.readouterr().out == f"Wrote 1 audit to {path}.\n"
    book = load_workbook(path)
    sheet = book["Answers"]
    sheet["G2"] = "Inadequate"  # voice_heard, by its label
    sheet["I2"] = "No words of the child's at all."
    book.save(path)
    call_command("audit", "import", str(path), "--review", str(review.id), "--as", "reviewer")
    assert capsys.readouterr().out == "Read 2 answers; 1 changed.\n"
    assert dict(audit.answers.values_list("question_id", "answer")) == {
        "voice_heard": "inadequate", "seen_alone": "yes",
    }  # fmt: skip


def test_a_bad_row_changes_nothing_and_every_problem_is_named(
    review, reviewer, sample, tmp_path, capsys
):
    audit = start(review, sample, reviewer)
    answer_all(audit, {"voice_heard": ("good", ""), "seen_alone": ("yes", "")}, reviewer)
    path = tmp_path / "audits.xlsx"
    call_command("audit", "export", "--review", str(review.id), "--xlsx", str(path))
    book = load_workbook(path)
    sheet = book["Answers"]
    sheet["G2"] = "Outstanding"
    sheet["G3"] = "Good"  # seen_alone is yes/no
    sheet.append([999, "X", "social_care", "voice_heard", "", "", "Good", "", ""])
    book.save(path)
    capsys.readouterr()
    with pytest.raises(CommandError) as error:
        call_command("audit", "import", str(path), "--review", str(review.id), "--as", "reviewer")
    assert (error.value.returncode, str(error.value)) == (2, "Nothing was imported: 2 problems.")
    assert capsys.readouterr().err.splitlines() == [
        "Row 3: “Good” is not an answer to “seen_alone”.",
        "Row 4: there is no audit 999 in this review.",
    ]
    assert dict(audit.answers.values_list("question_id", "answer"))["voice_heard"] == "good"
