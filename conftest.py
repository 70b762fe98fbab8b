"""Fixtures shared by every test: a review with a lead, a reviewer, a partner-agency
contributor, a viewer, and an outsider who belongs to another review."""

from __future__ import annotations

import os

import pytest
from django.test import Client

from readiness.frameworks.models import Framework
from readiness.lib.testing.factories import (
    AgencyFactory,
    MembershipFactory,
    ReviewFactory,
    UserFactory,
)
from readiness.reviews.models import Membership


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Hashing passwords properly costs a quarter of a second each; tests make hundreds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header(config: pytest.Config) -> str:
    url = os.getenv("DATABASE_URL", "")
    return "database: " + ("PostgreSQL (" + url + ")" if url else "SQLite")


@pytest.fixture
def framework(db: None) -> Framework:
    return Framework.objects.get(slug="ilacs-2026", is_builtin=True)


@pytest.fixture
def slac(db: None) -> Framework:
    return Framework.objects.get(slug="slac-2009", is_builtin=True)


@pytest.fixture
def review(framework: Framework):
    return ReviewFactory(name="Anytown test review", area="Anytown", framework=framework)


@pytest.fixture
def police(review):
    return AgencyFactory(review=review, name="Anyshire Police")


def _member(review, username: str, role: str, agency=None):
    user = UserFactory(username=username)
    MembershipFactory(review=review, user=user, role=role, agency=agency)
    return user


@pytest.fixture
def lead(review):
    return _member(review, "lead", Membership.LEAD)


@pytest.fixture
def reviewer(review):
    return _member(review, "reviewer", Membership.REVIEWER)


@pytest.fixture
def contributor(review, police):
    return _member(review, "contributor", Membership.CONTRIBUTOR, police)


@pytest.fixture
def viewer(review):
    return _member(review, "viewer", Membership.VIEWER)


@pytest.fixture
def outsider(framework):
    """Lead of another council's review: must never see ours."""
    other = ReviewFactory(name="Otherton review", area="Otherton", framework=framework)
    return _member(other, "outsider", Membership.LEAD)


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_lead(lead) -> Client:
    return _client_for(lead)


@pytest.fixture
def as_reviewer(reviewer) -> Client:
    return _client_for(reviewer)


@pytest.fixture
def as_contributor(contributor) -> Client:
    return _client_for(contributor)


@pytest.fixture
def as_viewer(viewer) -> Client:
    return _client_for(viewer)


@pytest.fixture
def as_outsider(outsider) -> Client:
    return _client_for(outsider)
