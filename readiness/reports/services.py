"""Building the report and the self-evaluation: read, compose, check, then render.
Nothing is rendered when the check finds a problem, or when a template is refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from readiness.reviews.models import Review

from .domain import html, word
from .domain.check import Problem, ReportCheckError, check
from .domain.compose import compose
from .domain.document import Document, printable
from .domain.sef import compose_sef
from .domain.word import check_template
from .models import ReportTemplate
from .queries import branding, report_data

FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "pdf": ("application/pdf", "pdf"),
}


@dataclass(frozen=True)
class Built:
    document: Document
    problems: list[Problem]


def report_document(review: Review, today: date | None = None, annex: bool = True) -> Built:
    document = printable(compose(report_data(review, today), branding(), annex=annex))
    return Built(document, check(document))


def render(document: Document, fmt: str, template: bytes | None = None) -> bytes:
    document = printable(document)
    problems = check(document)
    if problems:
        raise ReportCheckError(problems)
    if fmt == "html":
        return html.page(document)
    if fmt == "docx":
        return word.to_docx(document, template)
    if fmt == "pdf":
        return html.to_pdf(document)
    raise ValueError(f"Unknown format '{fmt}': choose html, docx or pdf.")


def stored_template(review: Review) -> bytes | None:
    found = ReportTemplate.objects.filter(review=review).first()
    return bytes(found.data) if found else None


def build_report(
    review: Review,
    fmt: str,
    template: bytes | None = None,
    today: date | None = None,
    annex: bool = True,
) -> bytes:
    """The report in FMT (without the evidence annex, a copy for members, when ANNEX is
    false). Raises ReportCheckError (with every problem) or TemplateError."""
    if fmt == "docx" and template is None:
        template = stored_template(review)
    if template is not None:
        check_template(template)
    return render(report_document(review, today, annex).document, fmt, template)


def build_sef(review: Review, today: date | None = None) -> bytes:
    """The self-evaluation draft. It quotes the report's findings and items in its own
    bullets, where the check cannot tell an item's code from its words; so the draft is
    refused whenever the report from the same data would be."""
    data = report_data(review, today)
    problems = check(compose(data, branding()))
    if problems:
        raise ReportCheckError(problems)
    return render(compose_sef(data, branding()), "docx", stored_template(review))


@transaction.atomic
def save_template(review: Review, filename: str, data: bytes, user) -> ReportTemplate:
    """Check, then store, the review's Word template (replacing any earlier one)."""
    check_template(data)
    template, _ = ReportTemplate.objects.update_or_create(
        review=review,
        defaults={"filename": filename[:200], "data": data, "uploaded_by": user},
    )
    return template
