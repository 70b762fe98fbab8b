"""Fixtures shared by every test: a review with a lead, a reviewer, a partner-agency
contributor, a viewer, and an outsider who belongs to another review."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
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
    # Tasks run inside the request that enqueues them (READINESS_TASKS_IMMEDIATE); the tests
    # of a real worker start one in its own process, on the database backend.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    config.addinivalue_line(
        "markers",
        "clock(day): run the test with today set to DAY (a date or YYYY-MM-DD), at noon in "
        "London, the clock still ticking",
    )


@pytest.fixture(autouse=True)
def clock(request: pytest.FixtureRequest):
    """Today, for a test marked `@pytest.mark.clock(...)`: every date the test or its fixtures
    make is then fixed, so the test passes on any day it runs (`make test` runs the suite again
    under faketime years ahead to prove it). Unmarked tests get None and must not care."""
    marker = request.node.get_closest_marker("clock")
    if marker is None:
        yield None
        return
    day = marker.args[0]
    day = date.fromisoformat(day) if isinstance(day, str) else day
    noon = datetime.combine(day, time(12), tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(noon, tick=True):
        yield day


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache. Under a fixed clock, reviews in different tests
    share their id and creation time, so counts cached by one test (the audit dashboard's,
    keyed by review, creation time and fieldwork revision) would answer another's."""
    from django.core.cache import cache

    cache.clear()
    yield


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


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Say loudly what was not tested because the development data was absent: a clean clone
    away from `../shared` passes without those tests, and nobody should mistake that for a
    full run."""
    from readiness.lib.testing.shared import SHARED_DATA, SKIP_REASON

    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and SKIP_REASON in str(report.longrepr[2])
    ]
    if not skipped:
        return
    bar = "!" * 78
    terminalreporter.write_line(bar, yellow=True, bold=True)
    terminalreporter.write_line(
        f"!! {len(skipped)} test{'s' if len(skipped) != 1 else ''} SKIPPED: the development "
        f"data is absent at {SHARED_DATA}",
        yellow=True,
        bold=True,
    )
    for report in skipped[:20]:
        terminalreporter.write_line(f"!!   {report.nodeid}")
    if len(skipped) > 20:
        terminalreporter.write_line(f"!!   … and {len(skipped) - 20} more")
    terminalreporter.write_line(
        "!! Clone beside ../shared, or set READINESS_SHARED_DATA, to run them.", yellow=True
    )
    terminalreporter.write_line(bar, yellow=True, bold=True)
