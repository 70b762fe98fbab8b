from readiness.interviews.domain.notes import (
    IMPACT_QUESTION,
    question_bank,
    quote_attribution,
    split_notes,
)


def test_the_bank_asks_each_lines_question_a_probe_and_always_the_impact_question():
    bank = question_bank([("hp_front_door", "Does the front door respond quickly?")])
    assert bank == [
        ("hp_front_door", "Does the front door respond quickly?"),
        ("hp_front_door", "How do you know? What would show it?"),
        ("", "What difference has this made for children?"),
    ]
    assert question_bank([]) == [("", IMPACT_QUESTION)]


def test_notes_split_into_paragraphs_and_long_ones_at_sentences():
    long = " ".join(f"Sentence number {n} is about the front door." for n in range(30))
    passages = split_notes(f"First point.\n\n  Second\npoint.  \n\n\n{long}")
    assert passages[:2] == ["First point.", "Second point."]
    assert all(len(p) <= 600 for p in passages[2:])
    assert " ".join(passages[2:]) == long


def test_quotes_are_credited_by_role_never_by_name():
    assert quote_attribution("school nurse", "Anyshire Health") == "School nurse, Anyshire Health"
    assert quote_attribution("", "") == "A member of staff"
