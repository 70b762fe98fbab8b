"""The aligner: pure functions, no database, fast."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from readiness.evidence.domain.align import Aligner, align_document, classify_jsonl
from readiness.evidence.domain.align import framework_lines as lines_of
from readiness.evidence.domain.align.model import DEFAULT_PATH, load_model
from readiness.evidence.domain.align.text import stem, terms, tokens
from readiness.evidence.domain.types import Feedback, LineText, PassageText
from readiness.frameworks.domain.loader import load_framework_file

DATA = Path(__file__).resolve().parents[2] / "frameworks" / "data"

CARE_LEAVER = (
    "Care leavers are supported by personal advisers who keep in touch; pathway plans are up "
    "to date and most young people live in suitable accommodation."
)
PROTECTION = (
    "Strategy meetings are held promptly with police and health, and section 47 enquiries "
    "are thorough and lead to protective child protection plans."
)
IN_CARE = "Children in care live in stable foster placements and their IRO reviews their care plan."
LEADERS = (
    "Caseloads are manageable and social workers receive regular supervision; leaders use "
    "case file audits and performance data to understand the quality of practice."
)


@lru_cache
def lines(framework: str) -> tuple[LineText, ...]:
    return tuple(lines_of(load_framework_file(str(DATA / f"{framework}.yaml"))))


def zero_shot(framework: str = "ilacs-2023", **kwargs) -> Aligner:
    return Aligner(lines(framework), use_trained=False, **kwargs)


def test_tokens_stem_and_drop_stopwords() -> None:
    assert tokens("The children's placements") == ["child", stem("placements")]
    assert stem("plans") == stem("planning") == "plan"
    assert stem("assessed") == stem("assessment") == "assess"
    assert "pathway plan" in terms("pathway plans")
    assert "18" in tokens("aged 18 to 21") and "2023" not in tokens("in 2023")


def test_framework_lines_carry_the_published_area() -> None:
    ilacs = lines("ilacs-2023")
    assert {line.area for line in ilacs} >= {"care_leavers", "children_in_care"}
    assert all(line.question and line.descriptors for line in ilacs)
    assert len({line.key for line in ilacs}) == len(ilacs)


@pytest.mark.parametrize(
    ("text", "judgement"),
    [
        (CARE_LEAVER, "care_leavers"),
        (PROTECTION, "help_and_protection"),
        (IN_CARE, "children_in_care"),
        (LEADERS, "impact_of_leaders"),
    ],
)
def test_zero_shot_ranks_the_right_judgement_first(text: str, judgement: str) -> None:
    aligner = zero_shot()
    assert not aligner.uses_trained
    assert aligner.rank_areas(text)[0][0] == judgement
    best = aligner.score_passages([text])[0][0]
    assert aligner.judgement_of(best.line_key) == judgement


def test_scores_are_ranked_and_between_0_and_1() -> None:
    for ranked in zero_shot().score_passages([CARE_LEAVER, PROTECTION, "", "Apologies."]):
        scores = [item.score for item in ranked]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 <= s <= 1.0 for s in scores)
    empty = zero_shot().score_passages([""])[0]
    assert all(item.score == 0 for item in empty)


def test_probabilities_over_judgements_sum_to_one() -> None:
    ranked = zero_shot("slac-2009").rank_areas(PROTECTION)
    assert abs(sum(p for _, p in ranked) - 1.0) < 1e-9
    assert len(ranked) == len({line.judgement_key for line in lines("slac-2009")})


def test_the_trained_model_is_used_only_where_it_knows_the_areas() -> None:
    if load_model() is None:
        pytest.skip(f"no shipped model at {DEFAULT_PATH}")
    assert Aligner(lines("ilacs-2023")).uses_trained
    assert Aligner(lines("ilacs-2018")).uses_trained
    assert not Aligner(lines("slac-2009")).uses_trained
    assert not Aligner(lines("ilacs-2023"), use_trained=False).uses_trained
    trained = Aligner(lines("ilacs-2023"))
    assert trained.rank_areas(CARE_LEAVER)[0][0] == "care_leavers"
    assert trained.rank_areas(PROTECTION)[0][0] == "help_and_protection"


def _score(aligner: Aligner, text: str, line_key: str) -> float:
    return next(s.score for s in aligner.score_passage(text) if s.line_key == line_key)


def test_a_confirmation_lifts_the_line_for_a_similar_passage() -> None:
    line = "iol_partnerships_and_corporate_parenting"
    example = "The youth offending management board reviewed reoffending by children in custody."
    similar = "The youth offending board looked at reoffending rates and custody numbers."
    before = _score(zero_shot(), similar, line)
    after = _score(zero_shot(feedback=[Feedback(example, line, True)]), similar, line)
    assert after > before
    unrelated = _score(zero_shot(feedback=[Feedback(example, line, True)]), CARE_LEAVER, line)
    assert unrelated < after


def test_a_rejection_lowers_the_line_for_a_similar_passage() -> None:
    line = "cl_pathway_and_advisers"
    before = _score(zero_shot(), CARE_LEAVER, line)
    after = _score(zero_shot(feedback=[Feedback(CARE_LEAVER, line, False)]), CARE_LEAVER, line)
    assert after < before


def test_feedback_on_unknown_lines_is_ignored() -> None:
    aligner = zero_shot(feedback=[Feedback(CARE_LEAVER, "no_such_line", True)])
    assert aligner.rank_areas(CARE_LEAVER)[0][0] == "care_leavers"


def test_align_document_gives_confidence_and_reasons() -> None:
    passages = [
        PassageText(0, 1, 1, "Agenda and apologies."),
        PassageText(1, 4, 2, CARE_LEAVER * 3),
        PassageText(2, 4, 3, CARE_LEAVER),
    ]
    result = align_document(zero_shot(), passages)
    top = result[0]
    assert top.line_key.startswith("cl_")
    assert not top.suggested_only and top.confidence >= 0.5
    assert top.reasons[0].startswith("p.4 ¶2: 'Care leavers are supported")
    assert top.reasons[0].endswith("…'") and len(top.reasons) <= 3
    assert all(a.suggested_only == (a.confidence < 0.5) for a in result)
    assert [a.confidence for a in result] == sorted((a.confidence for a in result), reverse=True)
    assert align_document(zero_shot(), [PassageText(0, 1, 1, "  ")]) == []


def test_a_high_threshold_turns_facts_into_suggestions() -> None:
    passages = [PassageText(0, 1, 1, CARE_LEAVER)]
    assert all(a.suggested_only for a in align_document(zero_shot(), passages, threshold=1.01))


def test_classify_jsonl_carries_on_past_bad_lines() -> None:
    given = [
        json.dumps({"text": CARE_LEAVER, "id": "a1"}),
        "not json",
        "",
        json.dumps({"words": "no text"}),
        json.dumps([1, 2]),
        json.dumps({"text": PROTECTION}),
    ]
    out = [json.loads(line) for line in classify_jsonl(given, zero_shot())]
    assert len(out) == 5  # the blank line is skipped
    assert out[0]["text_id"] == "a1" and out[0]["areas"][0]["judgement"] == "care_leavers"
    assert len(out[0]["lines_of_enquiry"]) == 5
    assert out[0]["lines_of_enquiry"][0]["judgement"] == "care_leavers"
    assert [o["index"] for o in out] == [0, 1, 2, 3, 4]
    assert "error" in out[1] and "error" in out[2] and "error" in out[3]
    assert out[4]["areas"][0]["judgement"] == "help_and_protection"
    assert "text_id" not in out[4]


def test_adapting_on_unlabelled_passages_keeps_clear_cases_right() -> None:
    aligner = zero_shot()
    corpus = [CARE_LEAVER, PROTECTION, IN_CARE, LEADERS] * 15
    aligner.adapt(corpus)
    for text, judgement in [(CARE_LEAVER, "care_leavers"), (PROTECTION, "help_and_protection")]:
        assert aligner.rank_areas(text)[0][0] == judgement


def test_an_empty_framework_is_refused() -> None:
    with pytest.raises(ValueError):
        Aligner([])


def test_the_harness_labels_paragraphs_by_their_heading() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
    from alignment_reports import labelled_paragraphs

    lines = [
        "Judgement Grade",
        "The experiences and progress of care",  # the grade table: no colon, no paragraph
        "leavers",
        "Good",
        "The experiences and progress of children who need help and",
        "protection: good",
        "1. Strategy meetings are timely and well attended by police and health partners.",
        "They lead to protective plans.",
        "2.Thresholds are understood across the partnership and applied consistently here.",
        "Experiences of children in care: outstanding",
        "3. Children live in stable homes close to their families and schools, and thrive.",
    ]
    got = list(labelled_paragraphs(lines))
    assert [area for area, _ in got] == [
        "help_and_protection",
        "help_and_protection",
        "children_in_care",
    ]
    assert got[0][1].endswith("They lead to protective plans.")


def test_pooling_with_neighbours_gives_probabilities() -> None:
    from readiness.evidence.domain.align.aligner import pool_with_neighbours

    rows = [[0.9, 0.1], [0.4, 0.6], [0.8, 0.2], [0.3, 0.7]]
    pooled = pool_with_neighbours(rows)
    assert all(abs(sum(row) - 1.0) < 1e-9 for row in pooled)
    assert pooled[1][0] > pooled[1][1]  # an unsure passage follows its neighbours
    assert pool_with_neighbours([[0.3, 0.7]]) == [pytest.approx([0.3, 0.7])]


def test_document_context_reads_a_passage_with_its_neighbours() -> None:
    unsure = "Managers check that plans are reviewed and that the young person's views are heard."
    texts = [CARE_LEAVER, CARE_LEAVER, unsure, CARE_LEAVER, CARE_LEAVER]
    aligner = zero_shot()
    ranked = aligner.rank_passages(texts)
    assert len(ranked) == len(texts) and ranked[2][0][0] == "care_leavers"
    assert abs(sum(p for _, p in ranked[2]) - 1.0) < 1e-9
    # By default score_passages reads each passage alone, exactly as score_passage does.
    assert aligner.score_passages(texts) == [aligner.score_passage(t) for t in texts]
    in_context = zero_shot(context=True).score_passages(texts + [""])
    assert aligner.judgement_of(in_context[2][0].line_key) == "care_leavers"
    assert all(item.score == 0 for item in in_context[-1])


def _reports_module():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
    import alignment_reports

    return alignment_reports


def test_the_harness_removes_running_heads_and_footnotes_and_rejoins_across_pages() -> None:
    from collections import Counter

    reports = _reports_module()
    head = "Inspection of Anytown local authority children’s services"
    pages = [
        ["Inspection of Anytown", "Judgement Grade"],
        [
            head,
            "1 to 12 March 2026 2",
            "1. Strategy meetings are timely and well attended by police and",
            "1 The areas for improvement have been cross-referenced with the outcomes.",
            "2",
        ],
        [head, "1 to 12 March 2026 3", "health partners. They lead to protective plans.", "3"],
        [head, "1 to 12 March 2026 4", "2. Thresholds are understood by all partners.", "4"],
    ]
    changes: Counter[str] = Counter()
    lines = reports.clean_pages(pages, changes)
    assert lines == [
        "Inspection of Anytown",
        "Judgement Grade",
        "1. Strategy meetings are timely and well attended by police and",
        "health partners. They lead to protective plans.",
        "2. Thresholds are understood by all partners.",
    ]
    assert changes == Counter(
        {
            "running head lines removed": 6,
            "running foot lines removed": 3,
            "footnote lines removed": 1,
        }
    )


def test_the_harness_keeps_paragraphs_whole_and_stops_at_ofsted_back_matter() -> None:
    from collections import Counter

    reports = _reports_module()
    lines = [
        "The experiences and progress of care leavers: good",
        "24. Care leavers are helped to find homes and work, and most stay in touch until",
        "21. Personal advisers keep in touch with them when they move out of the area.",
        "25.",
        "Pathway plans are written with young people and are reviewed every six\ufffemonths.",
        "The Office for Standards in Education, Children’s Services and Skills (Ofsted)",
        "regulates and inspects to achieve excellence in the care of children and young",
        "people, and in education and skills for learners of all ages.",
    ]
    changes: Counter[str] = Counter()
    got = list(reports.labelled_paragraphs(lines, changes))
    assert got == [
        (
            "care_leavers",
            "Care leavers are helped to find homes and work, and most stay in touch until "
            "21. Personal advisers keep in touch with them when they move out of the area.",
        ),
        (
            "care_leavers",
            "Pathway plans are written with young people and are reviewed every six-months.",
        ),
    ]
    assert changes == Counter(
        {
            "out-of-sequence numbers kept inside their paragraph": 1,
            "paragraph starts found (number alone or lower-case start)": 1,
            "paragraphs with Ofsted back matter cut off": 1,
        }
    )


GENERAL = (
    "Taken together, children's lives are getting better: the service is consistently good "
    "and improving."
)


def test_the_trained_path_never_offers_a_headline_as_a_passage_area() -> None:
    aligner = Aligner(lines("ilacs-2023"))
    assert aligner.uses_trained
    ranked = aligner.rank_areas(GENERAL)
    assert sorted(j for j, _ in ranked) == [
        "care_leavers",
        "children_in_care",
        "help_and_protection",
        "impact_of_leaders",
    ]
    assert abs(sum(p for _, p in ranked) - 1.0) < 1e-9
    assert aligner.judgement_probabilities(GENERAL)["overall_effectiveness"] == 0.0
    headline_lines = {
        line.key for line in lines("ilacs-2023") if line.judgement_key == "overall_effectiveness"
    }
    assert {s.line_key: s.score for s in aligner.score_passage(GENERAL)}.keys() >= headline_lines
    assert all(
        s.score == 0.0 for s in aligner.score_passage(GENERAL) if s.line_key in headline_lines
    )
    in_context = aligner.rank_passages([GENERAL, GENERAL])
    assert [[j for j, _ in row][0] for row in in_context] == [ranked[0][0], ranked[0][0]]
    assert all("overall_effectiveness" not in dict(row) for row in in_context)
    passages = [PassageText(i, 1, i, GENERAL) for i in range(1, 4)]
    suggested = {a.line_key for a in align_document(aligner, passages)}
    assert suggested and not suggested & headline_lines


def test_the_zero_shot_path_still_weighs_a_headline() -> None:
    # SLAC, JTAI and a partnership's own framework have no trained model; there a headline
    # keeps its share (its lines are scored from the framework's words).
    probabilities = zero_shot().judgement_probabilities(GENERAL)
    assert set(probabilities) == {
        "care_leavers",
        "children_in_care",
        "help_and_protection",
        "impact_of_leaders",
        "overall_effectiveness",
    }
    assert probabilities["overall_effectiveness"] > 0.0
