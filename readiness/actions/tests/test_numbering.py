from readiness.actions.domain.numbering import FindingRef, grouped, paragraph_numbers


def test_paragraphs_are_numbered_through_the_report_in_reading_order():
    findings = [
        FindingRef(1, "readiness", "Narratives", 0),
        FindingRef(2, "performance", "Help and protection", 2),
        FindingRef(3, "performance", "Children in care", 0),
        FindingRef(4, "performance", "Help and protection", 1),
        FindingRef(5, "robustness", "Thresholds", 0),
        FindingRef(6, "performance", "Help and protection", 1),
    ]
    # Evaluations in the report's order; areas as first written; positions, then age.
    assert paragraph_numbers(findings) == {4: 1, 6: 2, 2: 3, 3: 4, 5: 5, 1: 6}
    assert [
        (e, [(a, [f.id for f in fs]) for a, fs in areas]) for e, areas in grouped(findings)
    ] == [
        ("performance", [("Help and protection", [4, 6, 2]), ("Children in care", [3])]),
        ("robustness", [("Thresholds", [5])]),
        ("readiness", [("Narratives", [1])]),
    ]


def test_no_findings_no_numbers():
    assert paragraph_numbers([]) == {}
