"""Exact findings for small, planted evidence sets."""

from datetime import date

from readiness.evidence.domain.analyses import (
    AgencyFacts,
    Alignment,
    DocumentFacts,
    LineFacts,
    analyse,
    line_label,
)

TODAY = date(2025, 6, 1)
RECENT = date(2025, 3, 1)

LINES = (
    LineFacts("eh", "hp", "Help and protection", "Early help: do families get help early?"),
    LineFacts("health", "cic", "Children in care", "Health assessments: are they timely?"),
    LineFacts("lead", "iol", "Leaders", "Do leaders know practice?"),
)
AGENCIES = (AgencyFacts("Council"), AgencyFacts("Health"), AgencyFacts("Police"))


def doc(
    id: int,
    *alignments: tuple[str, float, str],
    agency: str = "Council",
    kind: str = "narrative",
    focus: str = "outcomes",
    when: date | None = RECENT,
    ordered: bool = False,
) -> DocumentFacts:
    return DocumentFacts(
        id=id,
        title=f"Document {id}",
        agency=agency,
        kind=kind,
        focus=focus,
        date=when,
        ordered_by_line=ordered,
        alignments=tuple(Alignment(*a) for a in alignments),
    )


def covered(*extra: DocumentFacts) -> list[DocumentFacts]:
    """One strong, current document on every line, so only planted findings show."""
    base = [doc(900 + i, (line.key, 0.9, "suggested")) for i, line in enumerate(LINES)]
    return base + list(extra)


def kinds(analysis, kind):
    return [
        (f.line_key, f.agency, f.severity, f.message, f.document_ids)
        for f in analysis.of_kind(kind)
    ]


def test_a_line_with_nothing_at_all_is_a_high_gap():
    docs = [d for d in covered() if d.id != 900]
    result = analyse(LINES, AGENCIES, docs, TODAY)
    assert kinds(result, "gap") == [
        (
            "eh",
            None,
            "high",
            "No evidence on 'Early help: do families get help early?': no document was "
            "confirmed or even suggested.",
            (),
        )
    ]
    assert result.findings[0].kind == "gap"  # high severity sorts first
    assert result.lines[0].status == "gap"


def test_only_weak_suggestions_is_a_weak_finding_with_the_best_score():
    docs = [d for d in covered() if d.id != 900]
    docs += [doc(1, ("eh", 0.41, "suggested")), doc(2, ("eh", 0.3, "suggested"))]
    result = analyse(LINES, AGENCIES, docs, TODAY)
    assert kinds(result, "gap") == []
    assert kinds(result, "weak") == [
        (
            "eh",
            None,
            "medium",
            "No evidence on 'Early help: do families get help early?' — only 2 weak "
            "suggestions (best 0.41). Confirm one if it shows the work, or add evidence.",
            (1, 2),
        )
    ]
    summary = result.lines[0]
    assert (summary.documents, summary.weak_suggestions, summary.strongest) == (0, 2, 0.41)


def test_rejected_alignments_never_count_even_when_confident():
    docs = [d for d in covered() if d.id != 900]
    docs.append(doc(1, ("eh", 0.95, "rejected")))
    result = analyse(LINES, AGENCIES, docs, TODAY)
    assert [f.line_key for f in result.of_kind("gap")] == ["eh"]
    assert result.lines[0].strongest is None


def test_a_person_rejecting_beats_the_machine_suggesting_the_same_line():
    docs = [d for d in covered() if d.id != 900]
    docs.append(doc(1, ("eh", 0.95, "suggested"), ("eh", 0.95, "rejected")))
    assert [f.line_key for f in analyse(LINES, AGENCIES, docs, TODAY).of_kind("gap")] == ["eh"]


def test_a_confirmed_alignment_counts_whatever_its_confidence():
    docs = [d for d in covered() if d.id != 900]
    docs.append(doc(1, ("eh", 0.2, "confirmed")))
    result = analyse(LINES, AGENCIES, docs, TODAY)
    assert result.of_kind("gap") == () and result.of_kind("weak") == ()
    assert result.lines[0].document_ids == (1,)


def test_plain_tuples_are_accepted_as_alignments():
    d = DocumentFacts(
        1, "Plain", "Council", "narrative", "outcomes", RECENT, False, (("eh", 0.7, "suggested"),)
    )
    assert analyse(LINES[:1], AGENCIES[:1], [d], TODAY).findings[0].kind == "coverage"


def test_a_pile_of_minutes_is_a_surfeit_naming_the_minutes():
    minutes = [
        doc(10 + i, ("health", 0.8, "suggested"), agency="Health", kind="minutes", focus="process")
        for i in range(11)
    ]
    reports = [
        doc(30 + i, ("health", 0.7, "confirmed"), agency="Health", kind="committee_report")
        for i in range(3)
    ]
    result = analyse(LINES, AGENCIES, covered(*minutes, *reports), TODAY)
    assert kinds(result, "surfeit") == [
        (
            "health",
            None,
            "medium",
            "15 documents on 'Health assessments: are they timely?', 11 of them minutes: a "
            "one-to-two page narrative with current data, on what was targeted, what was done "
            "and the outcomes for children, would show the impact better. Keep only minutes "
            "that show a particular point, and signpost what they show.",
            tuple(range(10, 21)),
        )
    ]
    assert result.lines[1].status == "surfeit"
    assert result.lines[1].process_documents == 11


def test_mixed_process_records_are_named_as_such():
    records = [doc(10, ("health", 0.8, "suggested"), kind="minutes", focus="process")]
    records += [
        doc(11 + i, ("health", 0.8, "suggested"), kind="committee_report", focus="process")
        for i in range(3)
    ]
    result = analyse(LINES, AGENCIES, covered(*records), TODAY)
    (finding,) = result.of_kind("surfeit")
    assert finding.message.startswith(
        "5 documents on 'Health assessments: are they timely?', 4 of them minutes or other "
        "process records: "
    )
    assert finding.document_ids == (10, 11, 12, 13)


def test_below_the_share_or_the_count_there_is_no_surfeit():
    few = [
        doc(10 + i, ("health", 0.8, "suggested"), kind="minutes", focus="process") for i in range(3)
    ]
    assert analyse(LINES, AGENCIES, covered(*few), TODAY).of_kind("surfeit") == ()
    # 3 process of 6 = 0.5 < 0.6
    outcomes = [doc(20 + i, ("health", 0.8, "suggested")) for i in range(2)]
    assert analyse(LINES, AGENCIES, covered(*few, *outcomes), TODAY).of_kind("surfeit") == ()


def test_stale_when_the_newest_evidence_is_older_than_the_limit():
    docs = [d for d in covered() if d.id != 902]
    docs += [
        doc(5, ("lead", 0.9, "suggested"), when=date(2024, 1, 10)),
        doc(6, ("lead", 0.9, "confirmed"), when=date(2023, 6, 1)),
        doc(7, ("lead", 0.9, "suggested"), when=None),
    ]
    result = analyse(LINES, AGENCIES, docs, TODAY)
    assert kinds(result, "stale") == [
        (
            "lead",
            None,
            "medium",
            "The newest evidence on 'Do leaders know practice?' is dated 10 January 2024, "
            "508 days ago (older than 365 days): add current data.",
            (5, 6, 7),
        )
    ]
    assert analyse(LINES, AGENCIES, docs, TODAY, stale_after_days=600).of_kind("stale") == ()


def test_undated_evidence_is_said_to_be_undated():
    docs = [d for d in covered() if d.id != 902]
    docs += [
        doc(5, ("lead", 0.9, "suggested"), when=None),
        doc(6, ("lead", 0.9, "suggested"), when=None),
    ]
    assert kinds(analyse(LINES, AGENCIES, docs, TODAY), "stale") == [
        (
            "lead",
            None,
            "info",
            "None of the 2 documents on 'Do leaders know practice?' carries a date, so nobody "
            "can tell how current the evidence is: date them or add current data.",
            (5, 6),
        )
    ]


def test_coverage_names_contributions_silent_agencies_and_who_ordered_by_line():
    docs = [
        doc(1, ("eh", 0.9, "suggested"), agency="Police", ordered=True),
        doc(2, ("health", 0.9, "suggested"), agency="Police", ordered=True),
        doc(3, ("lead", 0.2, "suggested"), agency="Police", ordered=False),
        doc(4, ("lead", 0.9, "suggested"), agency="Council"),
        doc(5, agency="Schools"),
    ]
    result = analyse(LINES, AGENCIES, docs, TODAY)
    assert kinds(result, "coverage") == [
        (
            None,
            "Health",
            "medium",
            "Health contributed no documents: ask for its evidence, ordered by the lines of "
            "enquiry.",
            (),
        ),
        (
            None,
            "Schools",
            "medium",
            "Schools contributed 1 document, but it is not evidence on any line of enquiry yet.",
            (5,),
        ),
        (
            None,
            "Council",
            "info",
            "Council contributed 1 document, evidence on 1 of 3 lines of enquiry (1 aligned). "
            "Its set is not ordered by the lines of enquiry.",
            (4,),
        ),
        (
            None,
            "Police",
            "info",
            "Police contributed 3 documents, evidence on 2 of 3 lines of enquiry (2 aligned). "
            "It ordered its set by the lines of enquiry (67% of its documents filed under one).",
            (1, 2, 3),
        ),
    ]
    police = next(a for a in result.agencies if a.agency == "Police")
    assert police.lines == ("eh", "health")
    assert round(police.ordered_by_line, 2) == 0.67
    assert [a.agency for a in result.agencies] == ["Council", "Health", "Police", "Schools"]
    assert result.for_agency("Health")[0].kind == "coverage"


def test_line_summaries_give_counts_strongest_newest_and_agencies():
    docs = [
        doc(1, ("eh", 0.7, "suggested"), agency="Police", when=date(2025, 1, 1)),
        doc(2, ("eh", 0.65, "confirmed"), agency="Council", when=date(2025, 2, 1)),
        doc(3, ("eh", 0.5, "suggested"), agency="Health", when=date(2025, 5, 1)),
    ]
    summary = analyse(LINES, AGENCIES, docs, TODAY).lines[0]
    assert summary.documents == 2
    assert summary.weak_suggestions == 1
    assert summary.strongest == 0.7
    assert summary.newest == date(2025, 2, 1)  # weak suggestions are not evidence
    assert summary.agencies == ("Council", "Police")
    assert summary.document_ids == (1, 2)
    assert summary.status == "ok"


def test_long_questions_are_cut_at_a_word():
    line = LineFacts(
        "x",
        "j",
        "J",
        "Do children who go missing from home or care get a timely return interview that is used?",
    )
    assert line_label(line) == "Do children who go missing from home or care get a timely…"


def test_a_document_without_an_agency_is_counted_under_a_readable_name():
    result = analyse(LINES, (), [doc(1, ("eh", 0.9, "suggested"), agency="")], TODAY)
    assert [a.agency for a in result.agencies] == ["No agency given"]
    assert result.lines[0].agencies == ("No agency given",)
    assert result.of_kind("coverage")[0].message.startswith("No agency given contributed 1 ")
