from readiness.conversations.domain.mentions import Person, find_mentions, split_mentions

DANA = Person(1, "dana.police", "Dana Okafor")
DAN = Person(2, "dan", "Dan Reed")
PRIYA = Person(3, "priya.lead", "Priya Shah")
PEOPLE = [DANA, DAN, PRIYA]


def test_a_mention_by_username():
    assert find_mentions("@dana.police can you find the audit?", PEOPLE) == [1]


def test_a_mention_by_full_name_in_any_case():
    assert find_mentions("Thanks @priya shah, and @Dan Reed.", PEOPLE) == [3, 2]


def test_the_longest_handle_wins():
    assert find_mentions("@dana.police", [DAN, Person(4, "dana", ""), DANA]) == [1]


def test_a_name_must_end_at_a_word_boundary():
    assert find_mentions("@danielle said so", PEOPLE) == []


def test_an_e_mail_address_mentions_nobody():
    assert find_mentions("write to priya@dan.example", PEOPLE) == []


def test_someone_not_on_the_review_is_not_mentioned():
    assert find_mentions("@sam.health please", PEOPLE) == []


def test_each_person_once_in_order_of_first_mention():
    assert find_mentions("@dan then @priya.lead then @Dan Reed again", PEOPLE) == [2, 3]


def test_the_text_is_split_around_mentions():
    assert split_mentions("Hi @dan, see this.", PEOPLE) == [
        ("Hi ", None),
        ("@dan", DAN),
        (", see this.", None),
    ]
