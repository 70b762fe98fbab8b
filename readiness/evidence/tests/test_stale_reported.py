"""Stale material is found in the demo's evidence and reported on the analyses page, in its
JSON twin and by `readiness evidence gaps`."""

import csv
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from readiness.demo.loader import EVIDENCE_DIR, load_evidence
from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import EvidenceDocument
from readiness.evidence.queries import review_analysis
from readiness.lib.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db

PLANTED = [
    "Children missing education procedure 2022",
    "Elective home education annual report 2022",
    "LADO annual report 2022-23",
]


def test_the_demo_sets_planted_stale_documents_are_found_and_no_fresh_one(
    review, lead, tmp_path, settings
):
    settings.DATA_DIR = tmp_path / "data"
    review.window_starts, review.window_ends = date(2027, 1, 11), date(2027, 3, 26)
    review.save()
    load_evidence(review, EVIDENCE_DIR / "anytown")
    with open(EVIDENCE_DIR / "anytown" / "MANIFEST.csv", encoding="utf-8") as file:
        manifest = list(csv.DictReader(file))
    assert sorted(row["title"] for row in manifest if row["planted"] == "stale") == PLANTED
    # E-mails' attachments are documents of their own, so there are more than files.
    assert EvidenceDocument.objects.filter(review=review).count() >= len(manifest)

    result = review_analysis(review)

    assert [s.title for s in result.stale] == PLANTED  # oldest first
    reasons = {s.title: s.reasons for s in result.stale}
    assert reasons["Children missing education procedure 2022"] == (
        "dated 3 October 2022, 4 years 3 months before the inspection window opens on "
        "11 January 2027 (the limit is 2 years)",
        "its review date (October 2023) falls before the inspection window opens on "
        "11 January 2027: review it first",
    )
    assert reasons["LADO annual report 2022-23"] == (
        "dated 14 July 2023, 3 years 5 months before the inspection window opens on "
        "11 January 2027 (the limit is 2 years)",
    )
    stale_findings = [f for f in result.of_kind("stale") if f.document_ids]
    titles = dict(EvidenceDocument.objects.filter(review=review).values_list("id", "title"))
    assert sorted(titles[f.document_ids[0]] for f in stale_findings) == PLANTED
    # All three are about the planted line, and are filed under it.
    assert {f.line_key for f in stale_findings} == {"hp_allegations_and_education"}
    # The fresh policies state review dates in 2027, after the window opens: none is named.
    assert "Anytown thresholds guide - levels of need 2025" in titles.values()
    assert "Anytown thresholds guide - levels of need 2025" not in reasons


def test_with_a_shorter_limit_more_documents_are_named(review, lead, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    settings.EVIDENCE_STALE_DOCUMENT_MONTHS = 6
    today = timezone.localdate()
    folder = tmp_path / "evidence" / "Anytown Borough Council"
    folder.mkdir(parents=True)
    AgencyFactory(review=review, name="Anytown Borough Council")
    old = today - timedelta(days=300)
    (folder / "old.txt").write_text(
        f"Strategy meetings report\nDate: {old.day} {old:%B %Y}\n\nStrategy meetings were "
        "held within one working day for most children and section 47 enquiries followed.\n"
    )
    ingest_path(review, tmp_path / "evidence", user=lead)
    assert [s.title for s in review_analysis(review).stale] == ["old"]
    settings.EVIDENCE_STALE_DOCUMENT_MONTHS = 12
    assert review_analysis(review).stale == ()


@pytest.fixture
def library(review, lead, tmp_path, settings):
    """A policy past its review date and two years old, and a fresh report, dated from today
    so the test does not age."""
    settings.DATA_DIR = tmp_path / "data"
    today = timezone.localdate()
    AgencyFactory(review=review, name="Anytown Borough Council")
    folder = tmp_path / "evidence" / "Anytown Borough Council"
    folder.mkdir(parents=True)
    old = date(today.year - 3, 3, 2)
    (folder / "LADO procedure.md").write_text(
        f"# Managing allegations procedure\n\nApproved: {old.day} {old:%B %Y}\n"
        f"Review date: March {old.year + 1}\n\n"
        "The designated officer (LADO) manages allegations against adults who work with "
        "children. Employers refer to the LADO within one working day.\n"
    )
    fresh = today - timedelta(days=40)
    (folder / "Strategy meetings report.txt").write_text(
        f"Strategy meetings report\nDate: {fresh.day} {fresh:%B %Y}\n\n"
        "Strategy meetings were held within one working day for 94% of children. Section 47 "
        "enquiries start the same day and child protection plans are more focused.\n"
    )
    ingest_path(review, tmp_path / "evidence", user=lead)
    return review


def test_gaps_prints_the_stale_document_and_not_the_fresh_one(library, capsys):
    call_command("evidence", "gaps", "--review", str(library.id))
    stale = [line for line in capsys.readouterr().out.splitlines() if "is out of date" in line]
    year = timezone.localdate().year - 3
    assert len(stale) == 1
    assert stale[0].startswith(
        f"stale\tmedium\t'Managing allegations procedure' is out of date: dated 2 March {year}, "
    )
    assert stale[0].endswith(
        f"(the limit is 2 years); its review date (March {year + 1}) has passed."
    )


def test_the_analyses_page_and_json_list_the_stale_document(as_lead, library):
    response = as_lead.get(reverse("evidence:analyses", args=[library.id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Out-of-date documents" in page
    document = EvidenceDocument.objects.get(review=library, title="Managing allegations procedure")
    assert reverse("evidence:document", args=[library.id, document.id]) in page
    assert "Its review date (March" in page
    assert "Strategy meetings report</a>" not in page.split('id="stale"')[1].split("<h2")[0]
    data = as_lead.get(reverse("evidence:analyses-json", args=[library.id])).json()
    assert [(s["document"], s["title"], s["severity"]) for s in data["stale"]] == [
        (document.id, "Managing allegations procedure", "medium")
    ]
    assert (
        data["stale"][0]["reasons"][-1]
        == f"its review date (March {timezone.localdate().year - 2}) has passed"
    )
