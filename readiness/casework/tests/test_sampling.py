from datetime import date

import pytest

from readiness.casework.domain.sampling import (
    Candidate,
    draw_sample,
    months_between,
    parse_sizes,
    reason,
)

AS_OF = date(2026, 11, 26)


def population() -> list[Candidate]:
    """60 children: 30 on child protection plans over 3 teams, 20 in care, 10 care leavers."""
    people = []
    for n in range(30):
        people.append(Candidate(n, f"CP{n:03}", "child_protection", f"T{n % 3}", f"W{n % 6}",
                                n % 18, date(2025, 1, 1)))  # fmt: skip
    for n in range(20):
        people.append(Candidate(100 + n, f"LAC{n:03}", "children_in_care", f"T{n % 2}",
                                f"W{n % 4}", 5 + n % 10, None))  # fmt: skip
    for n in range(10):
        people.append(Candidate(200 + n, f"CL{n:03}", "care_leavers", "Leaving care", "PA1", 19))
    return people


def test_it_draws_the_stated_size_from_each_stratum_exactly():
    draw = draw_sample(population(), {"child_protection": 6, "children_in_care": 4}, 7, AS_OF)
    strata = [d.stratum for d in draw.drawn]
    assert strata == ["child_protection"] * 6 + ["children_in_care"] * 4
    assert all(d.candidate.list_key == d.stratum for d in draw.drawn)
    assert draw.shortfalls == {}


def test_the_same_seed_draws_the_same_children_and_another_seed_others():
    sizes = {"child_protection": 6, "children_in_care": 4}
    first = [d.candidate.case_id for d in draw_sample(population(), sizes, 7, AS_OF).drawn]
    again = [d.candidate.case_id for d in draw_sample(population()[::-1], sizes, 7, AS_OF).drawn]
    other = [d.candidate.case_id for d in draw_sample(population(), sizes, 8, AS_OF).drawn]
    assert first == again
    assert first != other


def test_it_spreads_a_stratum_across_teams_and_workers():
    draw = draw_sample(population(), {"child_protection": 6}, 11, AS_OF)
    teams = sorted(d.candidate.team for d in draw.drawn)
    workers = sorted(d.candidate.worker for d in draw.drawn)
    assert teams == ["T0", "T0", "T1", "T1", "T2", "T2"]
    assert workers == ["W0", "W1", "W2", "W3", "W4", "W5"]


def test_it_says_how_many_short_a_list_was():
    draw = draw_sample(population(), {"care_leavers": 12}, 1, AS_OF)
    assert len(draw.drawn) == 10
    assert draw.shortfalls == {"care_leavers": 2}


def test_a_child_is_reasoned_in_a_leads_words():
    cp = Candidate(1, "CP1", "child_protection", "North", "W1", 7, date(2025, 1, 1))
    fresh = Candidate(2, "CP2", "child_protection", "", "", None, date(2026, 10, 26))
    leaver = Candidate(3, "CL1", "care_leavers", "Leaving care", "PA", 19)
    assert reason(cp, AS_OF) == "child protection plan over 18 months; team North; 5 to 9"
    assert reason(fresh, AS_OF) == "child protection plan for 1 month; age not known"
    assert reason(leaver, AS_OF) == "care leavers; team Leaving care; 18 and over"


def test_months_are_whole_months():
    assert months_between(date(2025, 5, 27), date(2026, 11, 26)) == 17
    assert months_between(date(2025, 5, 26), date(2026, 11, 26)) == 18


def test_sizes_are_read_and_bad_ones_named():
    assert parse_sizes("child_protection=5, children_in_care=3") == {
        "child_protection": 5,
        "children_in_care": 3,
    }
    with pytest.raises(ValueError, match="“fostering” is not a list"):
        parse_sizes("fostering=3")
    with pytest.raises(ValueError, match="needs a size of 1 or more, like child_protection=5"):
        parse_sizes("child_protection=none")
