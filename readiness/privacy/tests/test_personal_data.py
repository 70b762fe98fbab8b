"""The personal data check's rules, one kind at a time, with the look-alikes it must leave."""

import pytest

from readiness.privacy.domain.personal_data import (
    Source,
    counts,
    find_in_text,
    nhs_number_is_valid,
    scan,
    upn_check_letter,
    upn_is_valid,
)


def found(text: str) -> list[tuple[str, str]]:
    return [(kind, value) for kind, value, _, _ in find_in_text(text)]


def test_the_nhs_number_check_digit_is_modulus_11():
    # 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
    assert nhs_number_is_valid("9434765919")
    assert not nhs_number_is_valid("9434765918")
    assert not nhs_number_is_valid("943476591")
    # 6×2 = 12, remainder 1, asks for a check digit of 10: no such NHS number exists.
    assert not any(nhs_number_is_valid(f"000000006{d}") for d in "0123456789")


def test_the_upn_check_letter_is_modulus_23_of_the_positions():
    # 2×2 + 0×3 + 1×4 + 2×5 + 3×6 + 4×7 + 5×8 + 6×9 + 7×10 + 8×11 + 9×12 + 0×13 = 424;
    # 424 mod 23 = 10, the eleventh letter of A–Z without I, O and S: L.
    assert upn_check_letter("201234567890") == "L"
    assert upn_is_valid("L201234567890")
    assert not upn_is_valid("M201234567890")
    # A temporary UPN ends in a letter, counted as its place among the check letters (A = 0).
    # "…789B": the last place counts B = 1, so 424 + 13 = 437 = 19 × 23, remainder 0: A.
    assert upn_check_letter("20123456789B") == "A"
    assert upn_check_letter("2012345678X0") is None


def test_an_nhs_number_is_found_in_each_way_it_is_written_and_only_when_valid():
    assert found("NHS number 943 476 5919.") == [("NHS number", "943 476 5919")]
    assert found("NHS 943-476-5919") == [("NHS number", "943-476-5919")]
    assert found("nhs no 9434765919") == [("NHS number", "9434765919")]
    assert found("Contract 943 476 5918 and phone 01632 960123") == []
    assert found("mixed 943 476-5919 separators") == []
    assert found("inside a longer number 19434765919") == []


def test_dates_are_dates_of_birth_only_after_a_birth_cue():
    assert found("DOB: 03/05/2015") == [("date of birth", "03/05/2015")]
    assert found("D.O.B. 3 May 2015") == [("date of birth", "3 May 2015")]
    assert found("she was born on 3rd May 2015") == [("date of birth", "3rd May 2015")]
    assert found("Date of birth is 2015-05-03") == [("date of birth", "2015-05-03")]
    assert found("The meeting on 3 May 2015 agreed the plan.") == []


def test_postcodes_of_every_shape_and_not_their_look_alikes():
    assert found("at 4 Mill Lane, AN1 2BD") == [("postcode", "AN1 2BD")]
    assert found("W1A 1AA and M60 1NW and CR26XH") == [
        ("postcode", "W1A 1AA"),
        ("postcode", "M60 1NW"),
        ("postcode", "CR26XH"),
    ]
    # The inward code never uses C, I, K, M, O or V; lower case and longer codes are not ones.
    assert found("AB12 3CD, ab1 2bd, ILACS 2018, NHS 111, Room B12") == []


def test_names_beside_child_born_or_dob():
    assert found("Child: Jade Morris") == [("name", "Jade Morris")]
    assert found("Child's name:\nAmy Lee") == [("name", "Amy Lee")]
    assert found("the child Liam O'Neill-Hart was seen") == [("name", "Liam O'Neill-Hart")]
    assert found("Ella Price, born 4 June 2014") == [
        ("name", "Ella Price"),
        ("date of birth", "4 June 2014"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the Child Protection Plan was reviewed",
        "Child A and Child B were discussed",
        "child by child\tTariq Hollins\tOwner",
        "Babies born to mothers under 18 fell",
        "Young People born outside the UK",
        "Chaired by Priya Shah, Head of Service",
        "each child in care has a Personal Education Plan",
    ],
)
def test_the_services_own_words_are_not_names(text):
    assert found(text) == []


def test_a_scan_places_each_hit_in_its_document_and_page():
    hits = scan(
        [
            Source("Case file audit", 2, "Child: Jade Morris (DOB 03/05/2015)"),
            Source("Minutes", None, "Nothing here."),
        ]
    )
    assert [(h.kind, h.value, h.document, h.page) for h in hits] == [
        ("name", "Jade Morris", "Case file audit", 2),
        ("date of birth", "03/05/2015", "Case file audit", 2),
    ]
    assert hits[0].context == "Child: Jade Morris (DOB 03/05/2015)"
    assert counts(hits) == {"date of birth": 1, "name": 1}


def test_table_cells_run_together_by_a_pdf_are_not_a_name():
    # From the demo's health group minutes: "child by child | Tariq Hollins | Done".
    assert found("ICB and council data child by child Tariq Hollins Done; see paper") == []
