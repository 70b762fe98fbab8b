"""Zero-shot self-training: naive Bayes fitted by EM to unlabelled passages."""

from __future__ import annotations

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
