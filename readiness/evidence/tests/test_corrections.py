"""People correct a document's title, date, type, focus and agency; the history keeps it; a
re-run of the machine leaves it; the original file downloads for whoever may see it."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from readiness.evidence.corrections import reread_document
from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import DocumentChange, EvidenceDocument
from readiness.evidence.tests.factories import STRATEGY, write_folder
from readiness.lib.testing.factories import AgencyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


@pytest.fixture
def library(review, lead, police, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    AgencyFactory(review=review, name="Anytown Borough Council")
    ingest_path(review, write_folder(tmp_path / "evidence"), user=lead)
    return review


def police_document(review):
    return EvidenceDocument.objects.get(review=review, agency__name="Anyshire Police")


def council_document(review):
    return EvidenceDocument.objects.filter(
        review=review, agency__name="Anytown Borough Council"
    ).first()


def form_of(document):
    return {
        "title": document.title,
        "document_date": document.document_date.isoformat() if document.document_date else "",
        "kind": document.kind,
        "focus": document.focus,
        "agency": str(document.agency_id or ""),
    }


def url(review, document, name="evidence:correct"):
    return reverse(name, args=[review.id, document.id])


def test_the_form_opens_with_every_value_and_saving_it_unchanged_changes_nothing(as_lead, library):
    document = police_document(library)
    page = as_lead.get(url(library, document))
    assert page.status_code == 200
    form = page.context["form"]
    assert {name: form[name].value() for name in form.fields} == {
        "title": document.title,
        "document_date": document.document_date,
        "kind": document.kind,
        "focus": document.focus,
        "agency": document.agency_id,
    }
    assert as_lead.post(url(library, document), form_of(document)).status_code == 302
    assert DocumentChange.objects.count() == 0
    document.refresh_from_db()
    assert document.corrected == []


def test_a_reviewer_corrects_the_date_and_type_and_the_history_keeps_it(
    as_reviewer, reviewer, library
):
    document = police_document(library)
    values = form_of(document) | {"document_date": "2026-10-30", "kind": "audit_or_review"}
    response = as_reviewer.post(url(library, document), values)
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.document_date, document.date_source, document.kind) == (
        date(2026, 10, 30),
        "person",
        "audit_or_review",
    )
    assert (document.kind_label, document.kind_score, document.corrected) == (
        "Audit or review",
        1.0,
        ["document_date", "kind"],
    )
    changes = list(DocumentChange.objects.values_list("field", "after", "changed_by"))
    assert sorted(changes) == [
        ("document_date", "2026-10-30", reviewer.id),
        ("kind", "Audit or review", reviewer.id),
    ]
    page = as_reviewer.get(reverse("evidence:document", args=[library.id, document.id]))
    assert "History of corrections (2)" in page.content.decode()


def test_a_rerun_of_the_machine_keeps_what_people_corrected(as_lead, library):
    document = police_document(library)
    machine_kind = document.kind
    as_lead.post(url(library, document), form_of(document) | {"title": "Strategy meetings"})
    EvidenceDocument.objects.filter(id=document.id).update(kind="other", kind_label="Other")
    document.refresh_from_db()
    assert reread_document(document, date(2026, 11, 26)) == ["kind", "kind_label"]
    document.refresh_from_db()
    assert (document.title, document.kind) == ("Strategy meetings", machine_kind)


def test_the_reread_command_reports_what_it_kept(library, capsys):
    document = council_document(library)
    document.corrected = ["kind"]
    document.kind = "training"
    document.save()
    call_command("evidence", "reread", "--review", str(library.id))
    assert capsys.readouterr().out == (
        "Re-read 3 documents: 0 changed; 1 with corrections by people, which were kept.\n"
    )
    document.refresh_from_db()
    assert document.kind == "training"


def test_a_blank_post_changes_nothing(as_lead, library):
    document = police_document(library)
    response = as_lead.post(url(library, document), {})
    assert (response.status_code, response.content.decode()) == (
        400,
        "Nothing was sent: no detail was changed.",
    )


def test_who_may_correct(as_contributor, as_viewer, as_outsider, library):
    own, other = police_document(library), council_document(library)
    assert as_contributor.get(url(library, own)).status_code == 200
    assert as_contributor.get(url(library, other)).status_code == 404  # not even visible
    assert as_viewer.get(url(library, own)).status_code == 403
    assert as_outsider.get(url(library, own)).status_code == 404


def test_the_original_downloads_for_those_who_may_see_it_and_is_logged(
    as_lead, as_contributor, as_outsider, lead, library, caplog
):
    document = police_document(library)
    with caplog.at_level("INFO", logger="readiness.audit"):
        response = as_lead.get(url(library, document, "evidence:original"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="strategy meetings.txt"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == STRATEGY.encode()
    assert [(r.message, r.user, r.document) for r in caplog.records] == [
        ("evidence document downloaded", lead.pk, document.id)
    ]
    other = council_document(library)
    assert as_contributor.get(url(library, other, "evidence:original")).status_code == 404
    assert as_outsider.get(url(library, document, "evidence:original")).status_code == 404
