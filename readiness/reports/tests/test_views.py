"""The report page and its downloads, the template upload and the activities, for a lead,
a partner-agency contributor and an outsider."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as read_docx

from readiness.actions.models import ActionItem
from readiness.reports.models import ReportTemplate, ReviewActivity

from .helpers import template_docx

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_the_lead_sees_the_check_the_downloads_and_the_preview(as_lead, review):
    response = as_lead.get(reverse("reports:report", args=[review.id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Report check: passes" in page
    assert f'href="/reviews/{review.id}/report/readiness-report.pdf"' in page
    assert 'id="sec-summary">Summary and way forward</h2>' in page
    assert "Upload the template" in page and "Record case files" in page


def test_a_contributor_is_refused_and_an_outsider_sees_nothing(as_contributor, as_outsider, review):
    url = reverse("reports:report", args=[review.id])
    refused = as_contributor.get(url)
    assert refused.status_code == 403
    assert as_outsider.get(url).status_code == 404
    pdf = reverse("reports:download", args=[review.id, "pdf"])
    assert (as_contributor.get(pdf).status_code, as_outsider.get(pdf).status_code) == (403, 404)


@pytest.mark.parametrize(
    "fmt,content_type,start",
    [("pdf", "application/pdf", b"%PDF-1.7"), ("docx", DOCX, b"PK\x03\x04"),
     ("html", "text/html; charset=utf-8", b"<!DOCTYPE html>")],
)  # fmt: skip
def test_each_download(as_lead, review, fmt, content_type, start):
    response = as_lead.get(reverse("reports:download", args=[review.id, fmt]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="anytown-readiness-report.{fmt}"'
    )
    assert response.content.startswith(start)


def test_an_unknown_format_is_not_found(as_lead, review):
    assert as_lead.get(f"/reviews/{review.id}/report/readiness-report.rtf").status_code == 404


def test_a_report_that_fails_its_check_is_not_built(as_lead, review):
    # An item stored without its text (only possible by going round the services).
    ActionItem.objects.create(review=review, kind="action_point", code="A13", text="")
    page = as_lead.get(reverse("reports:report", args=[review.id])).content.decode()
    assert "Report check: 2 problems to put right" in page
    assert "A13 in the body has no text." in page and "A13 in the summary has no text." in page
    assert "readiness-report.pdf" not in page
    assert "self-evaluation.docx" not in page
    response = as_lead.get(reverse("reports:download", args=[review.id, "pdf"]))
    assert response.status_code == 409
    assert b"%PDF" not in response.content
    assert "no-text: A13 in the summary has no text." in response.content.decode()
    sef = as_lead.get(reverse("reports:sef", args=[review.id]))
    assert sef.status_code == 409
    assert "no-text: A13 in the summary has no text." in sef.content.decode()


def test_the_self_evaluation_downloads_as_word(as_viewer, review):
    response = as_viewer.get(reverse("reports:sef", args=[review.id]))
    assert (response.status_code, response["Content-Type"]) == (200, DOCX)
    headings = [p.text for p in read_docx(io.BytesIO(response.content)).paragraphs
                if p.style.name == "Heading 2"]  # fmt: skip
    assert headings[:3] == [
        "What do we know about the quality and impact of practice?",
        "How do we know it?",
        "What are we doing to improve?",
    ]
    assert len(headings) == 3 * 4  # ILACS: four areas besides the headline


def test_the_lead_uploads_a_template_and_the_word_report_uses_it(as_lead, review):
    upload = SimpleUploadedFile("council.docx", template_docx(), content_type=DOCX)
    response = as_lead.post(reverse("reports:template", args=[review.id]), {"template": upload})
    assert response.status_code == 302
    stored = ReportTemplate.objects.get(review=review)
    assert stored.filename == "council.docx"
    report = as_lead.get(reverse("reports:download", args=[review.id, "docx"]))
    assert "Council Marker" in {s.name for s in read_docx(io.BytesIO(report.content)).styles}
    as_lead.post(reverse("reports:remove-template", args=[review.id]))
    assert not ReportTemplate.objects.filter(review=review).exists()


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("council.docx", template_docx(remove=("Title",)),
         "The template is missing the styles the report needs: Title."),
        ("council.docx", b"%PDF-1.7 a PDF called .docx",
         "The template is not a Word document (.docx)."),
        ("big.docx", b"PK\x03\x04" + b"0" * (5 * 1024 * 1024),
         "The template is 5.0 MB; the limit is 5 MB."),
    ],
    ids=["missing-styles", "not-word", "too-big"],
)  # fmt: skip
def test_a_bad_template_is_refused_and_nothing_is_stored(as_lead, review, name, data, message):
    upload = SimpleUploadedFile(name, data, content_type=DOCX)
    response = as_lead.post(reverse("reports:template", args=[review.id]), {"template": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReportTemplate.objects.exists()


def test_a_reviewer_records_what_was_reviewed(as_reviewer, review):
    url = reverse("reports:activities", args=[review.id])
    response = as_reviewer.post(url, {"kind": "case_file", "count": "17",
                                       "description": "children in care"})  # fmt: skip
    assert response.status_code == 302
    activity = ReviewActivity.objects.get()
    assert (activity.kind, activity.count, activity.description) == (
        "case_file", 17, "children in care"
    )  # fmt: skip
    page = as_reviewer.get(reverse("reports:report", args=[review.id])).content.decode()
    assert "reviewed 17 case files (children in care);" in page
    bad = as_reviewer.post(url, {"kind": "interview", "count": "0"})
    assert bad.status_code == 400
    assert "Ensure this value is greater than or equal to 1." in bad.content.decode()
    assert ReviewActivity.objects.count() == 1
    remove = reverse("reports:remove-activity", args=[review.id, activity.id])
    assert as_reviewer.post(remove).status_code == 302
    assert not ReviewActivity.objects.exists()


def test_the_page_takes_the_same_queries_for_one_or_three_activities(
    as_lead, review, django_assert_num_queries
):
    url = reverse("reports:report", args=[review.id])
    ReviewActivity.objects.create(review=review, kind="interview", count=1)
    with django_assert_num_queries(30):
        as_lead.get(url)
    for count in (2, 3):
        ReviewActivity.objects.create(review=review, kind="focus_group", count=count)
    with django_assert_num_queries(30):
        as_lead.get(url)
