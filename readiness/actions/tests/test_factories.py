import pytest

from readiness.lib.testing.factories import (
    ActionItemFactory,
    FindingFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


def test_items_get_their_codes_from_the_sequence(review):
    first = ActionItemFactory(review=review)
    second = ActionItemFactory(review=review, kind="recommendation")
    third = ActionItemFactory(review=review, code="A9")
    assert (first.code, second.code, third.code) == ("A1", "R1", "A9")
    assert ActionItemFactory(review=review).code == "A10"


def test_the_other_factories_make_rows(review):
    finding = FindingFactory(review=review)
    milestone = MilestoneFactory(item__review=review)
    update = ProgressUpdateFactory(item=milestone.item)
    assert (finding.review, milestone.item.code, update.item.kind) == (
        review,
        "R1",
        "recommendation",
    )
