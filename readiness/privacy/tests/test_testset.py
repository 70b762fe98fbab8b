"""The seeded synthetic set behind bench/pii_check.py: the same every time, truthful about
what it plants, and the check meets its targets on a sample of it."""

from collections import Counter

from readiness.privacy.domain.personal_data import find_in_text, nhs_number_is_valid, upn_is_valid
from readiness.privacy.domain.testset import generate


def test_the_same_seed_gives_the_same_set_and_another_seed_another():
    assert generate(7, 20) == generate(7, 20)
    assert generate(7, 20) != generate(8, 20)


def test_every_planted_number_is_valid_and_every_plant_is_on_its_page():
    documents = generate(14, 60)
    planted = [(d, p) for d in documents for p in d.planted]
    assert len(planted) > 400
    for document, plant in planted:
        assert plant.value in document.pages[plant.page - 1]
        if plant.kind == "NHS number":
            assert nhs_number_is_valid("".join(c for c in plant.value if c.isdigit()))
        if plant.kind == "Unique Pupil Number":
            assert upn_is_valid(plant.value)


def test_the_check_meets_its_targets_on_a_sample_of_another_seed():
    found_right = planted = found = 0
    for document in generate(2026, 80):
        for number, text in enumerate(document.pages, start=1):
            truth = Counter((p.kind, p.value) for p in document.planted if p.page == number)
            hits = Counter((kind, value) for kind, value, _, _ in find_in_text(text))
            found_right += sum((truth & hits).values())
            planted += sum(truth.values())
            found += sum(hits.values())
    assert found_right / planted >= 0.99
    assert found_right / found >= 0.90
