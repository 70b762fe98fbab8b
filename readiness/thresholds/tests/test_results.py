from readiness.thresholds.domain.results import Answered, results

INTENDED = {1: "early_help", 2: "child_protection"}
TITLES = {1: "Tired in class", 2: "Bruise on the cheek"}


def people(agency, role, count, first, second):
    return [Answered(agency, role, {1: first, 2: second}) for _ in range(count)]


def test_an_agency_counts_only_with_five_answers_and_the_most_misread_comes_first():
    answered = (
        people("Police", "officer", 5, "child_in_need", "child_protection")
        + people("School", "teacher", 3, "early_help", "child_protection")
        + people("School", "nurse", 3, "early_help", "child_in_need")
        + people("Health", "GP", 4, "universal", "universal")
    )
    result = results(answered, INTENDED, TITLES)
    assert (result.people, result.counted) == (15, 11)
    assert result.hidden_agencies == [("Health", 4)]
    assert [(g.label, g.people, g.answers, g.agreed) for g in result.by_agency] == [
        ("Police", 5, 10, 5),
        ("School", 6, 12, 9),
    ]
    # Roles need five answers too: teachers (3) and nurses (3) are not shown.
    assert [(g.label, g.people) for g in result.by_role] == [("officer", 5)]
    assert result.hidden_roles == 2
    assert [(m.title, m.answers, m.agreed, m.commonest_other, m.direction)
            for m in result.by_vignette] == [
        ("Tired in class", 11, 6, "child_in_need", "higher"),
        ("Bruise on the cheek", 11, 8, "child_in_need", "lower"),
    ]  # fmt: skip
