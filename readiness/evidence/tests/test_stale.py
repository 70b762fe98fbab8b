"""Stale material: old documents, documents past their own review date, superseded versions."""

from datetime import date

import pytest

from readiness.evidence.domain.analyses import (
    AgencyFacts,
    Alignment,
    DocumentFacts,
    LineFacts,
    analyse,
)
from readiness.evidence.domain.stale import (
    DocumentAge,
    measured_to,
    months_before,
    months_between,
    stale_documents,
    stated_review_date,
)

TODAY = date(2026, 11, 26)
WINDOW = date(2027, 1, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Approved: 3 October 2022\nReview date: October 2023\n1. Purpose", date(2023, 10, 31)),
        ("Date: 15 September 2025\nReview date: 15 September 2027\nOwner: x", date(2027, 9, 15)),
        ("**Version:** 2.0\n**Next review:** 1 May 2025\n", date(2025, 5, 1)),
        ("Date of next review - February 2024", date(2024, 2, 29)),
        ("Next review due: 01/06/2026", date(2026, 6, 1)),
        ("| Review due | 2025-03-31 |", date(2025, 3, 31)),
        ("This policy is to be reviewed by March 2026.", None),  # not a label at a line start
        ("To be reviewed by March 2026", date(2026, 3, 31)),
        ("Every arrangement was reviewed by a senior manager on 3 May 2024.", None),
        ("Last reviewed: 4 May 2024", None),
        ("Review date: to be agreed", None),
    ],
)
def test_stated_review_date(text, expected):
    found = stated_review_date(text)
    assert (found[0] if found else None) == expected


def test_the_words_the_document_used_are_kept():
    assert stated_review_date("Review date: October 2023\n") == (date(2023, 10, 31), "October 2023")


def test_months_before_keeps_the_day_or_the_months_last():
    assert months_before(date(2027, 1, 11), 24) == date(2025, 1, 11)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_months_between_counts_whole_months():
    assert months_between(date(2024, 11, 26), date(2026, 11, 26)) == 24
    assert months_between(date(2024, 11, 27), date(2026, 11, 26)) == 23
    assert months_between(date(2024, 11, 25), date(2026, 11, 26)) == 24


def test_ages_are_put_in_words_to_the_day_they_are_measured_to():
    assert measured_to(WINDOW, window=True) == (
        "before the inspection window opens on 11 January 2027"
    )
    assert measured_to(date(2027, 5, 1)) == "before 1 May 2027"
    assert measured_to(TODAY, today=True) == "ago"


AT_WINDOW = measured_to(WINDOW, window=True)


def age(id, title, when, kind="annual_report", due=None, due_text="", near=None):
    return DocumentAge(id, title, "Council", kind, when, due, due_text, near)


def test_old_documents_are_named_with_their_age_before_the_window():
    docs = [
        age(1, "LADO annual report 2022-23", date(2023, 7, 14)),
        age(2, "Fresh report", date(2025, 4, 1)),
        age(3, "Undated note", None),
        age(4, "Just over the limit", date(2025, 1, 10)),
        age(5, "Exactly at the limit", date(2025, 1, 11)),
    ]
    found = stale_documents(docs, WINDOW, when=AT_WINDOW, older_than_months=24)
    assert [(s.id, s.severity, s.message) for s in found] == [
        (
            1,
            "medium",
            "'LADO annual report 2022-23' is out of date: dated 14 July 2023, 3 years 5 months "
            "before the inspection window opens on 11 January 2027 (the limit is 2 years).",
        ),
        (
            4,
            "medium",
            "'Just over the limit' is out of date: dated 10 January 2025, just over 2 years "
            "before the "
            "inspection window opens on 11 January 2027 (the limit is 2 years).",
        ),
    ]


def test_without_a_window_age_is_counted_to_today():
    docs = [age(1, "Old", date(2024, 5, 1))]
    found = stale_documents(docs, TODAY, older_than_months=18)
    assert found[0].reasons == (
        "dated 1 May 2024, 2 years 6 months ago (the limit is 1 year 6 months)",
    )
    assert stale_documents(docs, TODAY, older_than_months=36) == []


def test_a_review_date_before_the_window_is_out_of_date_and_one_after_it_is_not():
    docs = [
        age(
            1,
            "CME procedure",
            date(2025, 10, 3),
            "policy_or_procedure",
            date(2023, 10, 31),
            "October 2023",
        ),
        age(
            2,
            "Thresholds guide",
            date(2025, 9, 15),
            "policy_or_procedure",
            date(2026, 12, 1),
            "1 December 2026",
        ),
        age(
            3,
            "Escalation policy",
            date(2025, 5, 12),
            "policy_or_procedure",
            date(2027, 5, 12),
            "12 May 2027",
        ),
    ]
    found = stale_documents(docs, WINDOW, when=AT_WINDOW)
    assert [(s.id, s.severity, s.reasons) for s in found] == [  # by the documents' dates
        (
            2,
            "medium",
            (
                "its review date (1 December 2026) falls before the inspection window opens "
                "on 11 January 2027: review it first",
            ),
        ),
        (
            1,
            "medium",
            (
                "its review date (October 2023) falls before the inspection window opens "
                "on 11 January 2027: review it first",
            ),
        ),
    ]
    found = stale_documents(docs, TODAY, when="ago")
    assert [(s.id, s.reasons) for s in found] == [
        (1, ("its review date (October 2023) has passed",))
    ]


def test_a_review_whose_window_is_past_measures_ages_to_the_window_not_today():
    docs = [age(1, "Old", date(2008, 3, 1)), age(2, "Current then", date(2010, 6, 1))]
    window = date(2011, 1, 10)
    found = stale_documents(docs, window, when=measured_to(window, window=True))
    assert [s.message for s in found] == [
        "'Old' is out of date: dated 1 March 2008, 2 years 10 months before the inspection "
        "window opens on 10 January 2011 (the limit is 2 years)."
    ]
    # Measured to today instead, both would be called many years old.
    assert [s.id for s in stale_documents(docs, TODAY, when="ago")] == [1, 2]


def test_an_older_version_is_superseded_by_a_newer_near_duplicate_but_minutes_are_not():
    docs = [
        age(1, "Local offer 2025", date(2025, 4, 1), "policy_or_procedure"),
        age(2, "Local offer 2026", date(2026, 4, 1), "policy_or_procedure", near=1),
        age(3, "Group minutes 9 October", date(2026, 10, 9), "minutes"),
        age(4, "Group minutes 11 September", date(2026, 9, 11), "minutes", near=3),
    ]
    found = stale_documents(docs, WINDOW, when=AT_WINDOW)
    assert [(s.id, s.replaced_by, s.reasons) for s in found] == [
        (
            1,
            2,
            (
                "a newer version, 'Local offer 2026' dated 1 April 2026, is also in the "
                "library: keep one",
            ),
        )
    ]


def test_stale_documents_become_findings_under_their_main_line():
    lines = (
        LineFacts("lado", "hp", "Help and protection", "Are allegations managed well?"),
        LineFacts("lead", "iol", "Leaders", "Do leaders know practice?"),
    )
    documents = [
        DocumentFacts(
            1,
            "LADO annual report 2022-23",
            "Council",
            "annual_report",
            "outcomes",
            date(2023, 7, 14),
            alignments=(Alignment("lado", 0.9, "suggested"), Alignment("lead", 0.7, "suggested")),
        ),
        DocumentFacts(2, "Unaligned old note", "", "other", "process", date(2020, 1, 1)),
        DocumentFacts(
            3,
            "Leaders' report",
            "Council",
            "narrative",
            "outcomes",
            date(2026, 9, 1),
            alignments=(Alignment("lead", 0.9, "suggested"), Alignment("lado", 0.9, "suggested")),
        ),
    ]
    ages = [age(d.id, d.title, d.date) for d in documents]
    ages[1] = DocumentAge(2, "Unaligned old note", "", "other", date(2020, 1, 1))
    stale = stale_documents(ages, WINDOW, when=AT_WINDOW)
    result = analyse(lines, [AgencyFacts("Council")], documents, TODAY, stale_documents=stale)
    findings = result.of_kind("stale")
    assert [(f.line_key, f.agency, f.severity, f.document_ids) for f in findings] == [
        (None, "No agency given", "medium", (2,)),
        ("lado", "Council", "medium", (1,)),
    ]
    assert [s.title for s in result.stale] == ["Unaligned old note", "LADO annual report 2022-23"]
    # The line-level check sees the newer leaders' report on both lines, so finds nothing.
    assert [line.status for line in result.lines] == ["ok", "ok"]
