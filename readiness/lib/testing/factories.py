"""Factories for tests: real rows, never mocks."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from readiness.frameworks.models import Framework
from readiness.reviews.models import Agency, Membership, Review

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Sequence(lambda n: f"Test{n}")
    last_name = "Person"
    password = factory.django.Password(PASSWORD)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    name = factory.Sequence(lambda n: f"Readiness review {n}")
    area = factory.Sequence(lambda n: f"Testshire {n}")
    framework = factory.LazyFunction(
        lambda: Framework.objects.get(slug="ilacs-2026", is_builtin=True)
    )


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    review = factory.SubFactory(ReviewFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    sector = Agency.POLICE


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    review = factory.SubFactory(ReviewFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.VIEWER


# Findings and action items (readiness.actions). Items get their code from the service that
# issues codes, as every other caller does, so a factory never invents a code the sequence
# does not know about.


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actions.Finding"

    review = factory.SubFactory(ReviewFactory)
    area = "Help and protection"
    position = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Finding {n}: partners share information quickly.")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actions.ActionItem"

    review = factory.SubFactory(ReviewFactory)
    kind = "action_point"
    text = factory.Sequence(lambda n: f"Action {n}: write a short narrative.")

    @classmethod
    def _create(cls, model_class: type, *args: object, **kwargs: object) -> object:
        from readiness.actions.services import create_item

        review, kind, text = kwargs.pop("review"), kwargs.pop("kind"), kwargs.pop("text")
        return create_item(review, kind, text, **kwargs)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actions.Milestone"

    item = factory.SubFactory(ActionItemFactory, kind="recommendation")
    position = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Milestone {n}")


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "actions.ProgressUpdate"

    item = factory.SubFactory(ActionItemFactory)
    text = factory.Sequence(lambda n: f"Update {n}: drafted and shared.")
    status = "in_progress"
