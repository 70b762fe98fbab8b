"""Zero-shot self-training: naive Bayes fitted by EM to unlabelled passages."""

from __future__ import annotations

from readiness.evidence.domain.align.background import load_background
from readiness.evidence.tests.test_align import CARE_LEAVER, IN_CARE, LEADERS, PROTECTION, zero_shot

# A word the framework never uses, which the evidence uses only beside care leavers' work.
LOCAL_NAME = "Our Bridgeway team helps with each step towards a home of their own."
BRIDGEWAY = "The Bridgeway team and its Bridgeway hub: Bridgeway staff and Bridgeway drop-ins."


def test_em_learns_a_local_word_from_the_passages_it_is_given():
    aligner = zero_shot()
    assert aligner.rank_areas(BRIDGEWAY)[0][0] != "care_leavers"  # nothing to go on yet
    corpus = [CARE_LEAVER + " " + LOCAL_NAME, PROTECTION, IN_CARE, LEADERS] * 15
    aligner.adapt(corpus)
    assert aligner.rank_areas(BRIDGEWAY)[0][0] == "care_leavers"
    for text, judgement in [(PROTECTION, "help_and_protection"), (LEADERS, "impact_of_leaders")]:
        assert aligner.rank_areas(text)[0][0] == judgement


def test_probabilities_still_sum_to_one_after_adapting():
    aligner = zero_shot()
    aligner.adapt([CARE_LEAVER, PROTECTION, IN_CARE, LEADERS] * 15)
    probabilities = [p for _, p in aligner.rank_areas("Strategy meetings and care leavers.")]
    assert abs(sum(probabilities) - 1.0) < 1e-9
    assert all(0.0 < p < 1.0 for p in probabilities)


def test_too_few_passages_teach_nothing():
    aligner = zero_shot()
    before = aligner.rank_areas(BRIDGEWAY)
    aligner.adapt([CARE_LEAVER + " " + LOCAL_NAME] * 10)
    assert aligner.rank_areas(BRIDGEWAY) == before


def test_the_background_holds_no_held_out_authority_of_the_harness():
    # The harness's split (bench/alignment_harness.py): a hash of the authority's folder
    # name; test and validation authorities must never feed the shipped background.
    import hashlib

    def bucket(authority: str, salt: str) -> int:
        return int(hashlib.sha256(f"{salt}:{authority}".encode()).hexdigest()[:8], 16) % 5

    background = load_background()
    assert background is not None
    assert len(background.reports) == 60
    assert sum(len(report) for report in background.reports) == 3085
    held_out = [
        a for a in background.authorities if bucket(a, "test") == 0 or bucket(a, "validation") == 0
    ]
    assert held_out == []


def test_a_zero_shot_aligner_learns_from_the_background_not_from_what_it_scores():
    fitted, bare = zero_shot(), zero_shot(background=False)
    text = (
        "Social workers visit children regularly and know them well; children's voices are "
        "heard in their plans."
    )
    assert bare.rank_areas(text)[0][0] == "impact_of_leaders"
    assert fitted.rank_areas(text)[0][0] == "children_in_care"
    # Each passage is scored alone: what else is in the document changes nothing.
    alone = fitted.score_passages([text])[0]
    assert fitted.score_passages([PROTECTION, text, LEADERS * 3])[1] == alone


def test_adapting_to_a_batch_replaces_the_background_fit():
    aligner = zero_shot()
    before = aligner.rank_areas(BRIDGEWAY)
    aligner.adapt([CARE_LEAVER + " " + LOCAL_NAME, PROTECTION, IN_CARE, LEADERS] * 15)
    assert aligner.rank_areas(BRIDGEWAY)[0][0] == "care_leavers"
    assert aligner.rank_areas(BRIDGEWAY) != before
