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
