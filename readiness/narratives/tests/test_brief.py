"""Interview briefs: strongest impacts first, one page, and say what was left off."""

from readiness.narratives.domain.brief import BRIEF_WORDS_PER_PAGE, Impact, interview_brief

DATA = Impact(
    "More children in care have their teeth checked",
    indicator_id="lac_dental_checks",
    value_words="82% in 2025-26, up from 58% in 2023-24",
)
QUOTE = Impact("Children feel listened to at reviews", feedback_quote="They asked me first.")
EXAMPLE = Impact("Faster help at the front door", example="A family seen within 4 days.")
BARE = Impact("Good partnership working")


def test_data_backed_impacts_come_first_then_feedback_then_examples():
    brief = interview_brief("Children in care", [BARE, EXAMPLE, QUOTE, DATA])
    assert brief.impacts == (DATA, QUOTE, EXAMPLE, BARE)
    assert brief.dropped == () and brief.note == ""
    assert brief.pages <= 1


def test_equally_backed_impacts_keep_the_services_order():
    first, second = Impact("First", value_words="1"), Impact("Second", value_words="2")
    assert interview_brief("S", [first, second]).impacts == (first, second)


def test_a_long_list_is_cut_to_one_page_dropping_the_weakest_with_a_note():
    many = [DATA] * 10 + [
        Impact(f"Unsupported claim number {i} about " + "good work " * 12) for i in range(20)
    ]
    brief = interview_brief("Early help", many)
    assert brief.words <= BRIEF_WORDS_PER_PAGE
    assert brief.dropped and all(not i.data_backed for i in brief.dropped)
    assert brief.impacts[:10] == (DATA,) * 10
    assert f"{len(brief.dropped)} impacts left off to keep this to one page" in brief.note
    assert brief.note in brief.text()


def test_one_impact_is_kept_even_if_it_alone_is_long():
    huge = Impact("word " * 1000, value_words="1")
    brief = interview_brief("S", [huge])
    assert brief.impacts == (huge,) and brief.pages > 1


def test_markdown_and_text_render_the_data_example_and_quote():
    brief = interview_brief("Children in care", [QUOTE, DATA, EXAMPLE])
    md = brief.markdown()
    assert md.startswith("# Interview brief: Children in care\n")
    assert "- More children in care have their teeth checked\n  - Data: 82% in 2025-26" in md
    assert "What they told us: “They asked me first.”" in md
    assert "Example: A family seen within 4 days." in md
    text = brief.text()
    assert text.startswith("Interview brief: Children in care\n") and "#" not in text
    assert "    Data: 82% in 2025-26" in text


def test_an_indicator_without_words_is_named_so_the_reader_can_find_it():
    brief = interview_brief("S", [Impact("Stable homes", indicator_id="placements_long_term")])
    assert "Data: see indicator placements_long_term" in brief.text()
