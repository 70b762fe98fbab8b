"""A document's date: what it says about itself beats its file's metadata."""

from datetime import date

from readiness.evidence.domain.dating import Dated, document_date

ARRIVED = date(2026, 11, 26)


def test_a_date_in_the_title_wins():
    dated = document_date("Minutes, 4 March 2024", "Meeting held on 5 March 2024", None, ARRIVED)
    assert dated == Dated(date(2024, 3, 4), "title")
    assert dated.label == "stated in its title"


def test_the_opening_text_beats_a_metadata_default():
    dated = document_date(
        "Health assessments audit", "Dated 30 October 2026\n\nWe audited 20 files.",
        date(2000, 1, 1), ARRIVED,
    )  # fmt: skip
    assert dated == Dated(
        date(2026, 10, 30),
        "text",
        "The file's properties say 1 January 2000: a default that programs write when no date "
        "is set, so it was set aside.",
    )


def test_the_opening_text_beats_metadata_that_is_merely_wrong():
    dated = document_date("Audit", "Dated 30 October 2026", date(2013, 12, 23), ARRIVED)
    assert dated == Dated(date(2026, 10, 30), "text")


def test_a_review_date_or_a_meeting_to_come_is_not_the_documents_date():
    text = "Review date: March 2027\nNext meeting: 3 December 2026\nApproved 12 May 2025"
    assert document_date("Thresholds", text, None, ARRIVED) == Dated(date(2025, 5, 12), "text")


def test_metadata_is_used_when_the_text_states_no_date():
    assert document_date("Thresholds", "No date here.", date(2024, 6, 1), ARRIVED) == Dated(
        date(2024, 6, 1), "metadata"
    )


def test_implausible_metadata_is_set_aside():
    for value, why in (
        (date(1980, 1, 1), "a default that programs write when no date is set"),
        (date(1985, 6, 1), "before 1990"),
        (date(2027, 1, 1), "after the day the file arrived"),
    ):
        dated = document_date("Policy", "No date here.", value, ARRIVED)
        assert (dated.date, dated.source, why in dated.note) == (None, "", True)


def test_an_emails_sending_day_beats_its_text_but_not_its_subject():
    text = "From: Jo\n\nThe audit of 3 May 2021 is attached."
    assert document_date("Evidence", text, date(2026, 10, 1), ARRIVED, sent=True) == Dated(
        date(2026, 10, 1), "sent"
    )
    assert document_date(
        "Notes of 2 October 2026", text, date(2026, 10, 5), ARRIVED, sent=True
    ) == (Dated(date(2026, 10, 2), "title"))


def test_a_short_date_in_a_title_counts_the_way_people_write_it():
    assert document_date("LAC Health SG mins 04.01.11", "", None, ARRIVED) == Dated(
        date(2011, 1, 4), "title"
    )
    assert document_date("Agenda 18/05/99", "", None, ARRIVED) == Dated(date(1999, 5, 18), "title")
    assert document_date("Policy v2.1.10", "", None, ARRIVED) == Dated(None, "")


def test_a_date_naming_its_day_beats_a_month_and_a_start_date_is_not_the_documents():
    notice = "Changes to the LAC health clinic from April 2011\n\nIssued 21 March 2011."
    assert document_date("IMG_0412", notice, None, ARRIVED) == Dated(date(2011, 3, 21), "text")
    poster = "Safeguarding leads briefing June 2011\n\nDesignated leads met on 7 June 2011."
    assert document_date("poster", poster, None, ARRIVED) == Dated(date(2011, 6, 7), "text")
    assert document_date("note", "Written in June 2011.", None, ARRIVED) == Dated(
        date(2011, 6, 1), "text"
    )
