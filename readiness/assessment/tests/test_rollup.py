from readiness.assessment.domain.rollup import Component, Grade, suggest_grade

SLAC = [
    Grade(1, "outstanding", "Outstanding"),
    Grade(2, "good", "Good"),
    Grade(3, "adequate", "Adequate"),
    Grade(4, "inadequate", "Inadequate"),
]


def components(*ranks, limiting=()):
    return [
        Component(f"c{i}", f"Part {i}", rank, limiting=f"c{i}" in limiting)
        for i, rank in enumerate(ranks, start=1)
    ]


def test_two_of_six_adequate_none_inadequate_suggests_good():
    suggestion = suggest_grade(SLAC, components(2, 2, 3, 2, 3, 2))
    assert suggestion.rank == 2
    assert suggestion.rule == (
        "4 of 6 components good, 2 adequate, none inadequate → suggested good (the middle grade)"
    )


def test_an_even_split_takes_the_worse_middle_grade():
    assert suggest_grade(SLAC, components(1, 1, 2, 2)).rank == 2
    assert suggest_grade(SLAC, components(2, 2, 3, 3)).rank == 3


def test_an_odd_count_takes_the_middle_grade():
    assert suggest_grade(SLAC, components(1, 1, 2)).rank == 1


def test_one_inadequate_caps_the_suggestion_at_adequate():
    suggestion = suggest_grade(SLAC, components(1, 1, 1, 1, 4))
    assert suggestion.rank == 3
    assert suggestion.rule == (
        "4 of 5 components outstanding, 1 inadequate → suggested adequate "
        "(a component inadequate caps it at adequate)"
    )


def test_mostly_inadequate_suggests_inadequate():
    assert suggest_grade(SLAC, components(2, 4, 4)).rank == 4


def test_a_limiting_component_at_inadequate_sinks_it():
    suggestion = suggest_grade(SLAC, components(1, 1, 4, limiting=("c3",)))
    assert suggestion.rank == 4
    assert suggestion.rule == (
        "2 of 3 components outstanding, 1 inadequate; 'Part 3' limits this judgement "
        "→ suggested inadequate"
    )


def test_a_limiting_component_above_inadequate_does_not_limit():
    assert suggest_grade(SLAC, components(1, 1, 3, limiting=("c3",))).rank == 1


def test_no_suggestion_until_every_component_is_graded():
    suggestion = suggest_grade(SLAC, components(2, None, 3))
    assert suggestion.rank is None
    assert suggestion.rule == "2 of 3 components graded: grade the rest to see a suggestion."


def test_it_works_on_a_three_point_scale():
    scale = [Grade(1, "strong", "Strong"), Grade(2, "mixed", "Mixed"), Grade(3, "weak", "Weak")]
    assert suggest_grade(scale, components(1, 1, 3)).rank == 2
