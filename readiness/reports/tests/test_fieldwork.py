"""The fieldwork in the report: what the case file audits say beside each self-grade, the
quotes marked for the report under their judgement (by role, never by name), the thresholds
check's agreement in the approach, and nothing case-level besides."""

import html
import io
from dataclasses import replace
from datetime import date, datetime

import pytest
from django.utils import timezone
from docx import Document as open_docx

from readiness.actions.models import Finding
from readiness.audits import services as audits
from readiness.audits.models import AuditCitation
from readiness.casework import services as casework
from readiness.casework.domain.caselist import CaseRow
from readiness.interviews import services as interviews
from readiness.interviews.models import NotePassage
from readiness.reports.domain.check import check
from readiness.reports.domain.compose import compose, threshold_sentence
from readiness.reports.domain.data import AuditShare, QuoteData, ThresholdData
from readiness.reports.domain.document import BulletList, Heading, Note, Paragraph, plain
from readiness.reports.domain.html import fragment
from readiness.reports.domain.sample import sample_data
from readiness.reports.domain.word import to_docx
from readiness.reports.queries import report_data
from readiness.thresholds import services as thresholds

TODAY = date(2026, 11, 26)
HELP = "The experiences and progress of children who need help and protection"


def section(document, title: str) -> list:
    """The blocks under the heading TITLE (or whose anchor is TITLE), up to the next heading."""
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks)
                 if isinstance(b, Heading) and title in (b.text, b.anchor))  # fmt: skip
    end = next(i for i, b in enumerate(blocks[start + 1 :], start + 1) if isinstance(b, Heading))
    return blocks[start + 1 : end]


def words(blocks) -> list[str]:
    found = []
    for block in blocks:
        if isinstance(block, Paragraph | Note):
            found.append(plain(block.content))
        elif isinstance(block, BulletList):
            found.extend(plain(item) for item in block.items)
    return found


def test_each_judgement_sets_what_the_audits_say_beside_its_self_grade():
    data = replace(sample_data(), quotes=(), audit_shares=(
        AuditShare("help_and_protection", 17, 7, "Requires improvement"),
        AuditShare("care_leavers", 1, 1, ""),
    ))  # fmt: skip
    document = compose(data)
    assert check(document) == []
    assert words(section(document, HELP))[-1] == (
        "Case file audits: 7 of 17 audited cases (41%) were good or better; the "
        "self-assessment grades this Requires improvement."
    )
    assert words(section(document, "The experiences and progress of care leavers"))[-1] == (
        "Case file audits: 1 of 1 audited case (100%) was good or better; the "
        "self-assessment does not grade this yet."
    )
    in_care = words(section(document, "The experiences and progress of children in care"))
    assert [w for w in in_care if w.startswith("Case file audits")] == []


def test_a_judgement_with_audits_but_no_grade_still_gets_its_section():
    data = sample_data()
    bare = [replace(j, grade="", rationale="", strengths="", areas_for_improvement="",
                    descriptors=()) if j.key == "care_leavers" else j
            for j in data.judgements]  # fmt: skip
    data = replace(data, judgements=tuple(bare), quotes=(),
                   audit_shares=(AuditShare("care_leavers", 4, 3, ""),))  # fmt: skip
    document = compose(data)
    assert check(document) == []
    assert words(section(document, "The experiences and progress of care leavers")) == [
        "We judge this not yet graded.",
        "Case file audits: 3 of 4 audited cases (75%) were good or better; the "
        "self-assessment does not grade this yet.",
    ]


def test_quotes_sit_under_their_judgement_and_the_rest_in_the_approach():
    data = replace(sample_data(), quotes=(
        QuoteData("We talk to the school nurse before we decide.",
                  "Team manager, Anytown Council", "help_and_protection", "Front door"),
        QuoteData("Training on neglect helped.", "Detective constable, Police"),
    ))  # fmt: skip
    document = compose(data)
    assert check(document) == []
    assert words(section(document, HELP))[-2:] == [
        "What staff told us (credited by role, never by name):",
        "“We talk to the school nurse before we decide.” (Team manager, Anytown Council)",
    ]
    approach = words(section(document, "Approach"))
    start = approach.index(
        "Staff also told us the following, marked for this report but not placed under one "
        "judgement (credited by role, never by name):"
    )
    assert approach[start + 1] == "“Training on neglect helped.” (Detective constable, Police)"


def test_the_approach_says_how_the_thresholds_check_went():
    counted = ThresholdData(
        "Autumn check", people=12, counted=10, agencies=2, hidden_agencies=1, answers=60,
        agreed=45, misread="Bruise on the cheek", misread_answers=10, misread_agreed=4,
        misread_instead="child protection", misread_direction="higher",
    )  # fmt: skip
    document = compose(replace(sample_data(), thresholds=(counted,)))
    assert check(document) == []
    approach = words(section(document, "Approach"))
    assert approach[5] == (
        "tested how staff understand the thresholds for help with invented cases, in 1 "
        "thresholds check answered by 12 people."
    )
    assert approach[6] == (
        "In the thresholds check “Autumn check”, 45 of 60 answers (75%) from 10 people in 2 "
        "agencies placed the invented case at the level of need the partnership intends. The "
        "case most often misread was “Bruise on the cheek”: 40% agreed; most others chose "
        "child protection, a higher level. 1 agency with fewer than 5 answers is not counted, "
        "so that nobody can be identified."
    )
    assert threshold_sentence(replace(counted, counted=0)) == (
        "In the thresholds check “Autumn check”, 12 people have answered, too few from any "
        "one agency to count: an agency's answers count once 5 of its staff have answered, "
        "so that nobody can be identified."
    )
    assert threshold_sentence(ThresholdData("Spring", 0, 0, 0, 0, 0, 0)) == (
        "In the thresholds check “Spring”, nobody has answered yet."
    )


# The review's own fieldwork, read and drawn ------------------------------------------------

NAME = "Kayleigh Brackenbury"  # planted in case-level material: must never reach the report


@pytest.fixture
def fieldwork(review, lead, reviewer, police):
    """An audited case graded good on a help-and-protection question; an interview whose
    notes name a child in a passage not marked as a quote; a quote marked; a thresholds check
    answered by five police officers."""
    rows = [CaseRow(f"ZQ{n:04}", "child_protection", "North", f"W{n}", 6, date(2025, 1, 1))
            for n in range(3)]  # fmt: skip
    casework.import_cases(review, rows)
    sample = casework.draw(review, {"child_protection": 3}, 7, TODAY, lead)
    for n, sampled in enumerate(sample.cases.all()):
        audit = audits.start_audit(review, sampled.case, "social-care-ilacs-2026", reviewer,
                                   date(2026, 11, 20), sample)  # fmt: skip
        answer = ("good", f"{NAME}'s plan is reviewed.") if n == 0 else ("inadequate", "")
        audits.save_answers(audit, list(audits.tool_for(audit).sections),
                            {"assessment_quality": answer}, reviewer)  # fmt: skip
        audits.submit(audit)
    finding = Finding.objects.create(review=review, area="Front door", text="Decisions are quick.")
    for audit in review.case_audits.all()[:2]:
        AuditCitation.objects.create(finding=finding, audit=audit, added_by=lead)
    interview = interviews.schedule(
        review, "interview", f"Interview about {NAME}", timezone.make_aware(
            datetime(2026, 11, 19, 10)), police, "detective sergeant", ["hp_front_door"], lead,
    )  # fmt: skip
    note = interview.notes.first()
    note.text = f"We spoke about {NAME} at the strategy meeting.\n\nWe ring the hub first."
    note.save()
    line = interview.lines.get()
    NotePassage.objects.create(note=note, position=1, line=line, status="confirmed",
                               text=f"We spoke about {NAME} at the strategy meeting.")  # fmt: skip
    NotePassage.objects.create(note=note, position=2, line=line, is_quote=True,
                               text="We ring the hub first.")  # fmt: skip
    check_ = thresholds.create_check(review, "Autumn check", lead)
    levels = {v.id: v.intended_level for v in check_.vignettes.all()}
    for token in thresholds.make_links(check_, police, "officer", 5, 14):
        thresholds.record(token, levels)
    return sample


@pytest.mark.clock("2026-11-26")
def test_the_report_uses_the_review_fieldwork_and_nothing_case_level(review, fieldwork):
    data = report_data(review, TODAY)
    assert data.audit_shares == (AuditShare("help_and_protection", 3, 1, ""),)
    assert [(q.text, q.by, q.judgement) for q in data.quotes] == [
        ("We ring the hub first.", "Detective sergeant, Anyshire Police", "help_and_protection")
    ]
    assert [(t.title, t.counted, t.answers, t.agreed) for t in data.thresholds] == [
        ("Autumn check", 5, 30, 30)
    ]
    assert [f.audits for f in data.findings] == [2]
    document = compose(data)
    assert check(document) == []
    under = words(section(document, HELP))
    assert under[-3:] == [
        "Case file audits: 1 of 3 audited cases (33%) were good or better; the "
        "self-assessment does not grade this yet.",
        "What staff told us (credited by role, never by name):",
        "“We ring the hub first.” (Detective sergeant, Anyshire Police)",
    ]
    page = html.unescape(fragment(document))
    docx = open_docx(io.BytesIO(to_docx(document)))
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    word = "\n".join([p.text for p in docx.paragraphs] + cells)
    for text in (page, word):
        assert "We ring the hub first." in text
        assert "Case file audits: 2 cited." in text
        assert NAME not in text
        assert "ZQ0" not in text  # no case id


@pytest.mark.clock("2026-11-26")
def test_reading_the_fieldwork_takes_the_same_queries_for_one_or_three_of_each(
    review, lead, reviewer, police, fieldwork, django_assert_num_queries
):
    with django_assert_num_queries(37):
        report_data(review, TODAY)
    interview = review.interviews.get()
    note = interview.notes.first()
    for n in range(2):
        NotePassage.objects.create(note=note, position=3 + n, line=interview.lines.get(),
                                   is_quote=True, text=f"Quote {n}.")  # fmt: skip
        check_ = thresholds.create_check(review, f"Check {n}", lead)
        levels = {v.id: v.intended_level for v in check_.vignettes.all()}
        for token in thresholds.make_links(check_, police, "officer", 5, 14):
            thresholds.record(token, levels)
    casework.import_cases(review, [CaseRow(f"ZR{n}", "child_in_need", "South", "W", 9,
                                           date(2025, 1, 1)) for n in range(2)])  # fmt: skip
    for case in review.cases.filter(case_id__startswith="ZR"):
        audit = audits.start_audit(review, case, "social-care-ilacs-2026", reviewer, TODAY)
        audits.save_answers(audit, list(audits.tool_for(audit).sections),
                            {"assessment_quality": ("good", "")}, reviewer)  # fmt: skip
    with django_assert_num_queries(37):
        data = report_data(review, TODAY)
    assert (len(data.quotes), len(data.thresholds), data.audit_shares[0].cases) == (3, 3, 5)


def test_the_self_evaluation_says_how_we_know_from_the_audits_and_the_staff():
    from readiness.reports.domain.sef import compose_sef

    data = replace(sample_data(), audit_shares=(
        AuditShare("help_and_protection", 17, 7, "Requires improvement"),
    ), quotes=(QuoteData("We ring the hub first.", "Detective sergeant, Police",
                         "help_and_protection"),))  # fmt: skip
    assert words(section(compose_sef(data), "sef-2-how"))[-3:] == [
        "Case file audits: 7 of 17 audited cases (41%) were good or better; the "
        "self-assessment grades this Requires improvement.",
        "What staff told us (credited by role, never by name):",
        "“We ring the hub first.” (Detective sergeant, Police)",
    ]  # fmt: skip
