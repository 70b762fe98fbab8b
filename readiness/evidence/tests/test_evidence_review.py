"""Reviewing a line's or a judgement's evidence at scale: every document, paged; filters;
confidence in words; bulk confirm and reject; the upload's result; removal and restoring."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from readiness.evidence.domain.confidence import confidence_word
from readiness.evidence.index_exports import evidence_index
from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import Alignment, DocumentChange, EvidenceDocument
from readiness.evidence.queries import analysis_facts
from readiness.evidence.search import search
from readiness.evidence.tests.factories import CARE_LEAVERS, STRATEGY, write_folder
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.lib.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(review, lead, police, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    AgencyFactory(review=review, name="Anytown Borough Council")
    ingest_path(review, write_folder(tmp_path / "evidence"), user=lead)
    return review


def strategy_line(review) -> LineOfEnquiry:
    """The line the police's strategy meetings report matches best."""
    alignment = (
        Alignment.objects.filter(document__review=review, document__agency__name="Anyshire Police")
        .order_by("-confidence")
        .first()
    )
    return alignment.line_of_enquiry


def line_url(review, line) -> str:
    return reverse("evidence:line", args=[review.id, line.id])


def test_confidence_in_words():
    assert [confidence_word(c, b) for c, b in [(0.9, False), (0.6, False), (0.9, True)]] == [
        "strong",
        "possible",
        "weak",
    ]


def test_a_line_page_lists_every_document_with_words_and_the_number_on_hover(as_lead, library):
    line = strategy_line(library)
    response = as_lead.get(line_url(library, line))
    assert response.status_code == 200
    rows = response.context["rows"]
    expected = Alignment.objects.filter(document__review=library, line_of_enquiry=line)
    assert sorted(r.alignment_id for r in rows) == sorted(expected.values_list("id", flat=True))
    top = rows[0]
    html = response.content.decode()
    assert f'title="Confidence {top.confidence:.2f} (0 to 1)">{top.word}</span>' in html
    assert response.context["may_decide"] is True


def test_the_line_page_is_paged_not_capped(as_lead, lead, review, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(55):
        (folder / f"offer {number}.md").write_text(f"{CARE_LEAVERS}\nVersion {number}.")
    ingest_path(review, folder, user=lead)
    line = (
        Alignment.objects.filter(document__review=review)
        .values("line_of_enquiry")
        .order_by("-line_of_enquiry__alignments__confidence")
        .first()
    )
    line = LineOfEnquiry.objects.get(id=line["line_of_enquiry"])
    total = Alignment.objects.filter(document__review=review, line_of_enquiry=line).count()
    assert total == 55
    first = as_lead.get(line_url(review, line))
    second = as_lead.get(line_url(review, line) + "?page=2")
    assert (len(first.context["rows"]), len(second.context["rows"])) == (50, 5)
    assert first.context["page"].paginator.count == 55


@pytest.mark.parametrize("documents", [1, 3])
def test_the_line_page_costs_the_same_queries_at_any_size(
    as_lead, lead, review, tmp_path, settings, documents, django_assert_num_queries
):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(documents):
        (folder / f"offer {number}.md").write_text(f"{CARE_LEAVERS}\nVersion {number}.")
    ingest_path(review, folder, user=lead)
    line = Alignment.objects.filter(document__review=review).first().line_of_enquiry
    with django_assert_num_queries(7):
        as_lead.get(line_url(review, line))


def test_filters_narrow_by_agency_and_unreviewed(as_lead, library):
    line = strategy_line(library)
    council = library.agencies.get(name="Anytown Borough Council")
    police_only = as_lead.get(line_url(library, line), {"agency": library.agencies.get(
        name="Anyshire Police").id})  # fmt: skip
    assert {r.agency for r in police_only.context["rows"]} == {"Anyshire Police"}
    none = as_lead.get(line_url(library, line), {"agency": council.id, "kind": "minutes",
                                                 "focus": "outcomes"})  # fmt: skip
    assert none.context["rows"] == []
    assert "No document matches these filters." in none.content.decode()
    Alignment.objects.filter(line_of_enquiry=line).update(status=Alignment.CONFIRMED)
    unreviewed = as_lead.get(line_url(library, line), {"unreviewed": "on"})
    assert unreviewed.context["rows"] == []


def test_a_lead_confirms_and_rejects_several_in_one_form(as_lead, lead, library):
    line = strategy_line(library)
    ids = list(
        Alignment.objects.filter(document__review=library, line_of_enquiry=line)
        .order_by("id")
        .values_list("id", flat=True)
    )
    here = line_url(library, line) + "?unreviewed=on"
    response = as_lead.post(
        reverse("evidence:decide-many", args=[library.id]),
        {"alignment": ids, "decision": "confirm", "next": here},
    )
    assert response.status_code == 302
    assert response["Location"] == here
    assert set(Alignment.objects.filter(id__in=ids).values_list("status", "decided_by")) == {
        ("confirmed", lead.id)
    }
    response = as_lead.post(
        reverse("evidence:decide-many", args=[library.id]),
        {"alignment": ids[:1], "decision": "reject", "next": "https://elsewhere.example/"},
    )
    assert response["Location"] == reverse("evidence:by-line", args=[library.id])
    assert Alignment.objects.get(id=ids[0]).status == Alignment.REJECTED


def test_bulk_decision_with_nothing_ticked_says_so(as_lead, library):
    response = as_lead.post(
        reverse("evidence:decide-many", args=[library.id]), {"decision": "confirm"}, follow=True
    )
    assert "Tick at least one document, then confirm or reject." in response.content.decode()


def test_a_contributor_sees_their_own_agency_but_cannot_decide(as_contributor, library):
    line = strategy_line(library)
    response = as_contributor.get(line_url(library, line))
    assert {r.agency for r in response.context["rows"]} == {"Anyshire Police"}
    assert response.context["may_decide"] is False
    assert 'name="alignment"' not in response.content.decode()
    alignment = Alignment.objects.filter(line_of_enquiry=line).first()
    refused = as_contributor.post(
        reverse("evidence:decide-many", args=[library.id]),
        {"alignment": [alignment.id], "decision": "confirm"},
    )
    assert refused.status_code == 403
    assert Alignment.objects.get(id=alignment.id).status == Alignment.SUGGESTED


def test_a_reviewer_cannot_decide_on_another_reviews_alignments(
    as_reviewer, library, outsider, framework, tmp_path
):
    from readiness.lib.testing.factories import ReviewFactory

    other = ReviewFactory(framework=framework)
    ingest_path(other, write_folder(tmp_path / "other"))
    theirs = Alignment.objects.filter(document__review=other).first()
    as_reviewer.post(
        reverse("evidence:decide-many", args=[library.id]),
        {"alignment": [theirs.id], "decision": "reject"},
    )
    assert Alignment.objects.get(id=theirs.id).status == Alignment.SUGGESTED


def test_an_outsider_gets_404(as_outsider, library):
    line = strategy_line(library)
    judgement = line.judgement
    for url in (
        line_url(library, line),
        reverse("evidence:judgement", args=[library.id, judgement.key]),
        reverse("evidence:removed", args=[library.id]),
    ):
        assert as_outsider.get(url).status_code == 404, url
    assert (
        as_outsider.post(
            reverse("evidence:decide-many", args=[library.id]), {"decision": "confirm"}
        ).status_code
        == 404
    )


def test_the_judgement_page_states_each_question_once(as_lead, library):
    line = strategy_line(library)
    judgement = Judgement.objects.get(id=line.judgement_id)
    response = as_lead.get(reverse("evidence:judgement", args=[library.id, judgement.key]))
    html = response.content.decode()
    questions = {r.line_question for r in response.context["rows"]}
    assert questions
    for question in questions:
        assert html.count(escape(question)) == 1, question


def test_the_self_assessment_page_groups_evidence_under_each_question_once(as_lead, library):
    line = strategy_line(library)
    judgement = Judgement.objects.get(id=line.judgement_id)
    response = as_lead.get(reverse("assessment:judgement", args=[library.id, judgement.key]))
    html = response.content.decode()
    library_part = html[html.index("From the evidence library") :]
    library_part = library_part[: library_part.index("Other evidence noted by reviewers")]
    assert library_part.count(escape(line.question)) == 1
    assert reverse("evidence:judgement", args=[library.id, judgement.key]) in library_part


def test_the_upload_result_links_each_new_document_with_its_lines(as_lead, library):
    response = as_lead.post(
        reverse("evidence:upload", args=[library.id]),
        {
            "files": [SimpleUploadedFile("offer 2.md", CARE_LEAVERS.encode() + b"\nNew.")],
            "agency": library.agencies.get(name="Anytown Borough Council").id,
        },
        follow=True,
    )
    html = response.content.decode()
    document = EvidenceDocument.objects.get(review=library, title__startswith="Care leavers",
                                            sources__path="offer 2.md")  # fmt: skip
    assert reverse("evidence:document", args=[library.id, document.id]) in html
    best = document.alignments.order_by("-confidence").first()
    assert best.line_of_enquiry.question in html
    assert "Checked 1 file: 1 added." in html


def test_the_owning_agencys_contributor_removes_a_document_and_the_lead_restores_it(
    as_contributor, as_lead, contributor, lead, library
):
    document = EvidenceDocument.objects.get(review=library, agency__name="Anyshire Police")
    line = strategy_line(library)
    indexed_before = evidence_index(library).documents
    response = as_contributor.post(reverse("evidence:remove", args=[library.id, document.id]))
    assert response.status_code == 302
    assert not EvidenceDocument.objects.filter(id=document.id).exists()
    kept = EvidenceDocument.with_removed.get(id=document.id)
    assert kept.removed_by == contributor
    # Gone from the lists, the analyses' facts, the search and the exports.
    by_line = as_lead.get(line_url(library, line))
    assert document.id not in {r.document_id for r in by_line.context["rows"]}
    assert (
        as_lead.get(reverse("evidence:document", args=[library.id, document.id])).status_code == 404
    )
    assert document.id not in {h.document_id for h in search(library.id, "strategy")}
    assert document.id not in {d.id for d in analysis_facts(library)[2]}
    index = evidence_index(library)
    assert document.id not in {e.document_id for line in index.lines for e in line.entries}
    assert index.documents == indexed_before - 1
    # The lead sees it among the removed documents and restores it, with the history kept.
    removed = as_lead.get(reverse("evidence:removed", args=[library.id]))
    assert [d.id for d in removed.context["documents"]] == [document.id]
    as_lead.post(reverse("evidence:restore", args=[library.id, document.id]))
    assert EvidenceDocument.objects.filter(id=document.id).exists()
    assert list(
        DocumentChange.objects.filter(document=document)
        .order_by("id")
        .values_list("field", "before", "after", "changed_by")
    ) == [
        ("removed", "in the library", "removed", contributor.id),
        ("removed", "removed", "in the library", lead.id),
    ]


def test_another_agencys_contributor_cannot_remove_and_a_contributor_cannot_restore(
    as_contributor, as_lead, library
):
    council = EvidenceDocument.objects.filter(
        review=library, agency__name="Anytown Borough Council"
    ).first()
    refused = as_contributor.post(reverse("evidence:remove", args=[library.id, council.id]))
    assert refused.status_code == 404  # they cannot even see it
    police = EvidenceDocument.objects.get(review=library, agency__name="Anyshire Police")
    as_lead.post(reverse("evidence:remove", args=[library.id, police.id]))
    restore = reverse("evidence:restore", args=[library.id, police.id])
    assert as_contributor.post(restore).status_code == 403
    assert as_contributor.get(reverse("evidence:removed", args=[library.id])).status_code == 403
    assert not EvidenceDocument.objects.filter(id=police.id).exists()


def test_a_reviewer_may_not_remove(as_reviewer, library):
    document = EvidenceDocument.objects.get(review=library, agency__name="Anyshire Police")
    assert (
        as_reviewer.post(reverse("evidence:remove", args=[library.id, document.id])).status_code
        == 403
    )


def test_sending_a_removed_file_again_does_not_bring_it_back(as_lead, library):
    document = EvidenceDocument.objects.get(review=library, agency__name="Anyshire Police")
    as_lead.post(reverse("evidence:remove", args=[library.id, document.id]))
    response = as_lead.post(
        reverse("evidence:upload", args=[library.id]),
        {"files": [SimpleUploadedFile("again.txt", STRATEGY.encode())]},
        follow=True,
    )
    assert "had been removed from the library before" in response.content.decode()
    assert not EvidenceDocument.objects.filter(id=document.id).exists()


def test_the_index_exports_give_the_confidence_in_words_and_as_a_number(as_lead, library):
    import io

    from openpyxl import load_workbook

    xlsx = as_lead.get(reverse("evidence:index", args=[library.id, "xlsx"]))
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[0][7:9] == ("Status", "Confidence")
    entries = [
        row for row in rows[1:] if row[3] and row[3] != "No evidence yet" and row[2] != "Narrative"
    ]
    assert entries
    for row in entries:
        word = "strong" if row[8] >= 0.75 else "possible"
        assert row[7] == f"{word} suggestion"


def test_the_line_pages_json_twin_gives_words_and_numbers(as_lead, library):
    line = strategy_line(library)
    data = as_lead.get(line_url(library, line), {"format": "json"}).json()
    expected = Alignment.objects.filter(document__review=library, line_of_enquiry=line)
    assert data["count"] == expected.count()
    for item in data["documents"]:
        alignment = expected.get(id=item["alignment"])
        assert item["confidence"] == alignment.confidence
        assert item["confidence_words"] == confidence_word(
            alignment.confidence, alignment.below_threshold
        )


def test_the_evidence_tab_offers_every_document_of_a_line(
    as_lead, lead, review, tmp_path, settings
):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(12):
        (folder / f"offer {number}.md").write_text(f"{CARE_LEAVERS}\nVersion {number}.")
    ingest_path(review, folder, user=lead)
    html = as_lead.get(reverse("evidence:by-line", args=[review.id])).content.decode()
    busiest = (
        Alignment.objects.filter(document__review=review)
        .exclude(status=Alignment.REJECTED)
        .values_list("line_of_enquiry", flat=True)
    )
    counts = {}
    for line_id in busiest:
        counts[line_id] = counts.get(line_id, 0) + 1
    line_id, total = max(counts.items(), key=lambda item: item[1])
    assert total == 12
    assert (
        f'href="{reverse("evidence:line", args=[review.id, line_id])}">Show all 12 and review them'
        in html
    )
