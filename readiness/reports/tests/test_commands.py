"""`readiness report` and `readiness sef`: files written, or exit status 2 with the
check's messages and nothing written."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document as read_docx

from readiness.actions.models import ActionItem
from readiness.actions.services import create_item
from readiness.lib.testing.files import pdf_text

from .helpers import template_docx

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_the_report_in_each_format(review, tmp_path, fmt):
    create_item(review, "recommendation", "Involve partners in revising thresholds.")
    output = tmp_path / f"report.{fmt}"
    out = io.StringIO()
    call_command(
        "report", "--review", str(review.id), "--format", fmt, "--output", str(output), stdout=out
    )
    data = output.read_bytes()
    assert out.getvalue() == f"Wrote Anytown's report to {output} ({len(data):,} bytes).\n"
    if fmt == "pdf":
        text = " ".join(pdf_text(data).split())
        assert "R1 Involve partners in revising thresholds." in text
    elif fmt == "docx":
        paragraphs = [p.text for p in read_docx(io.BytesIO(data)).paragraphs]
        assert paragraphs.count("R1\tInvolve partners in revising thresholds.") == 1
    else:
        assert b"<strong>R1</strong> Involve partners in revising thresholds." in data


def test_a_failed_check_exits_2_with_its_messages_and_writes_nothing(review, tmp_path):
    ActionItem.objects.create(review=review, kind="action_point", code="A13", text="  ")
    output = tmp_path / "report.pdf"
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command(
            "report", "--review", str(review.id), "--format", "pdf",
            "--output", str(output), stderr=err,
        )  # fmt: skip
    assert error.value.returncode == 2
    assert str(error.value) == "The report was not built: 2 problems above."
    assert err.getvalue() == (
        "no-text: A13 in the body has no text.\nno-text: A13 in the summary has no text.\n"
    )
    assert not output.exists()


def test_a_template_missing_styles_exits_2_and_writes_nothing(review, tmp_path):
    template = tmp_path / "council.docx"
    template.write_bytes(template_docx(remove=("Heading 2",)))
    output = tmp_path / "report.docx"
    with pytest.raises(CommandError) as error:
        call_command(
            "report", "--review", str(review.id), "--format", "docx",
            "--output", str(output), "--template", str(template),
        )  # fmt: skip
    assert error.value.returncode == 2
    assert str(error.value) == "The template is missing the styles the report needs: Heading 2."
    assert not output.exists()


def test_a_good_template_is_used(review, tmp_path):
    template = tmp_path / "council.docx"
    template.write_bytes(template_docx())
    output = tmp_path / "report.docx"
    call_command("report", "--review", str(review.id), "--format", "docx", "--output", str(output),
                 "--template", str(template), stdout=io.StringIO())  # fmt: skip
    assert "Council Marker" in {s.name for s in read_docx(str(output)).styles}


@pytest.mark.parametrize(
    "args,message",
    [
        (["--review", "999999", "--format", "pdf"], "There is no review 999999."),
        (["--review", "{id}", "--format", "pdf", "--template", "x.docx"],
         "--template applies to --format docx only."),
        (["--review", "{id}", "--format", "docx", "--template", "/nowhere/x.docx"],
         "There is no template /nowhere/x.docx."),
    ],
)  # fmt: skip
def test_bad_input_exits_2(review, tmp_path, args, message):
    args = [a.format(id=review.id) for a in args]
    with pytest.raises(CommandError) as error:
        call_command("report", *args, "--output", str(tmp_path / "x"))
    assert (error.value.returncode, str(error.value)) == (2, message)


def test_the_self_evaluation_command(review, tmp_path):
    output = tmp_path / "sef.docx"
    out = io.StringIO()
    call_command("sef", "--review", str(review.id), "--output", str(output), stdout=out)
    assert out.getvalue() == f"Wrote Anytown's self-evaluation draft to {output}.\n"
    headings = [p.text for p in read_docx(str(output)).paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Contents",
        "About this draft",
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care",
        "The experiences and progress of care leavers",
    ]
    with pytest.raises(CommandError) as error:
        call_command("sef", "--review", "999999", "--output", str(output))
    assert (error.value.returncode, str(error.value)) == (2, "There is no review 999999.")


def test_the_copy_for_members_leaves_the_annex_out(review, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    call_command("report", "--review", str(review.id), "--format", "html", "--without-annex",
                 stdout=out)  # fmt: skip
    output = tmp_path / "readiness-report-for-members-anytown.html"
    data = output.read_bytes()
    assert out.getvalue() == (
        f"Wrote Anytown's report for members (no evidence annex) to "
        f"readiness-report-for-members-anytown.html ({len(data):,} bytes).\n"
    )
    assert b"Left out of this copy, printed for members" in data
    assert b"What it shows" not in data
