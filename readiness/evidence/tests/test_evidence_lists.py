"""The evidence list pages: a fixed number of queries whatever the size of the library, the
strongest documents first, and the documents' JSON in pages (issue 15: the evidence list was
the slowest page under load)."""

import pytest
from django.urls import reverse

from readiness.evidence.models import Alignment, EvidenceDocument
from readiness.frameworks.models import LineOfEnquiry
from readiness.lib.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def _library(review, police, count: int) -> list[EvidenceDocument]:
    council = AgencyFactory(review=review, name="Anytown Borough Council")
    lines = list(LineOfEnquiry.objects.filter(judgement__framework=review.framework)[:3])
    documents = []
    for number in range(count):
        document = EvidenceDocument.objects.create(
            review=review, content_hash=f"{number:064x}", title=f"Audit {number}",
            agency=police if number % 2 == 0 else council, file_type="txt", size_bytes=1,
            stored_name="x",
        )  # fmt: skip
        for position, line in enumerate(lines):
            Alignment.objects.create(
                document=document, line_of_enquiry=line,
                confidence=round(0.9 - 0.1 * position - 0.01 * number, 2),
                below_threshold=position == 2, reasons=[f"p.1 ¶{position + 1}: 'shown'"],
            )  # fmt: skip
        documents.append(document)
    return documents


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(
    "name,lead_queries,contributor_queries",
    [("evidence:by-line", 8, 8), ("evidence:by-line-json", 7, 7),
     ("evidence:by-agency", 4, 4), ("evidence:documents-json", 6, 6)],
)  # fmt: skip
def test_each_list_costs_the_same_queries_at_any_size(
    as_lead, as_contributor, review, police, count, name, lead_queries, contributor_queries,
    django_assert_num_queries,
):  # fmt: skip
    _library(review, police, count)
    url = reverse(name, args=[review.id])
    with django_assert_num_queries(lead_queries):
        assert as_lead.get(url).status_code == 200
    with django_assert_num_queries(contributor_queries):
        assert as_contributor.get(url).status_code == 200


def test_the_strongest_documents_come_first_confirmed_before_suggested(as_lead, review, police):
    documents = _library(review, police, 3)
    line = LineOfEnquiry.objects.filter(judgement__framework=review.framework).first()
    Alignment.objects.filter(document=documents[2], line_of_enquiry=line).update(
        status=Alignment.CONFIRMED
    )
    data = as_lead.get(reverse("evidence:by-line-json", args=[review.id])).json()
    first = next(entry for entry in data["lines_of_enquiry"] if entry["line"] == line.key)
    assert [(d["title"], d["status"]) for d in first["documents"]] == [
        ("Audit 2", "confirmed"),
        ("Audit 0", "suggested"),
        ("Audit 1", "suggested"),
    ]
    assert (first["confirmed"], first["suggested"], first["weak"]) == (1, 2, 0)


def test_a_contributor_counts_only_their_agencys_documents(as_contributor, review, police):
    _library(review, police, 3)
    data = as_contributor.get(reverse("evidence:by-line-json", args=[review.id])).json()
    titles = {d["title"] for entry in data["lines_of_enquiry"] for d in entry["documents"]}
    assert titles == {"Audit 0", "Audit 2"}
    counted = sum(e["confirmed"] + e["suggested"] + e["weak"] for e in data["lines_of_enquiry"])
    assert counted == 6


def test_the_documents_json_comes_in_pages(as_lead, review, police):
    _library(review, police, 101)
    url = reverse("evidence:documents-json", args=[review.id])
    first = as_lead.get(url).json()
    assert (first["count"], first["page"], first["pages"], len(first["documents"])) == (
        101, 1, 2, 100,
    )  # fmt: skip
    assert first["next"] == url + "?page=2"
    second = as_lead.get(first["next"]).json()
    assert (second["page"], second["next"], len(second["documents"])) == (2, None, 1)
    assert len(second["documents"][0]["alignments"]) == 3


def test_the_lists_link_each_document(as_lead, review, police):
    (document,) = _library(review, police, 1)
    link = f'href="/reviews/{review.id}/evidence/documents/{document.id}/"'
    for name in ("evidence:by-line", "evidence:by-agency"):
        assert link in as_lead.get(reverse(name, args=[review.id])).content.decode()


def test_the_agency_list_reads_only_the_fields_its_rows_show(as_lead, review, police):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _library(review, police, 2)
    with CaptureQueriesContext(connection) as queries:
        page = as_lead.get(reverse("evidence:by-agency", args=[review.id])).content.decode()
    (listed,) = [
        q["sql"] for q in queries.captured_queries if "evidence_evidencedocument" in q["sql"]
    ]
    for unread in ("areas", "focus_words", "date_note", "content_hash", "stored_name"):
        assert f'"evidence_evidencedocument"."{unread}"' not in listed
    assert (page.count("Audit 0"), page.count("Audit 1")) == (1, 1)
