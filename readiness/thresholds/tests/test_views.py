import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from readiness.thresholds import services
from readiness.thresholds.models import Invitation, ThresholdResponse
from readiness.thresholds.views import RATE_LIMIT

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


@pytest.fixture
def check(review, lead):
    return services.create_check(review, "Autumn thresholds check", lead)


def every_level(check, level="child_protection"):
    return {f"v-{v.id}": level for v in check.vignettes.all()}


def test_the_lead_makes_links_as_a_workbook_and_only_hashes_are_kept(
    as_lead, review, police, check
):
    response = as_lead.post(reverse("thresholds:links", args=[review.id, check.id]), {
        "agency": police.id, "role": "officer", "count": "3", "days": "14",
    })  # fmt: skip
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Agency", "Role", "One-time link")
    assert [r[:2] for r in rows[1:]] == [("Anyshire Police", "officer")] * 3
    tokens = [r[2].rstrip("/").rsplit("/", 1)[1] for r in rows[1:]]
    stored = set(Invitation.objects.values_list("token_hash", flat=True))
    assert stored == {services.token_hash(t) for t in tokens}
    assert not stored & set(tokens)


def test_a_link_answers_once_without_an_account(review, police, check):
    token = services.make_links(check, police, "officer", 1, 14)[0]
    url = reverse("thresholds:answer", args=[token])
    anonymous = Client()
    page = anonymous.get(url)
    assert page.status_code == 200
    assert "Bruise on the cheek" in page.content.decode()
    done = anonymous.post(url, every_level(check))
    assert "Your answers have been counted." in done.content.decode()
    again = anonymous.get(url)
    assert again.status_code == 404
    assert "already been used" in again.content.decode()
    assert ThresholdResponse.objects.get().role == "officer"


def test_every_case_needs_a_level(review, police, check):
    token = services.make_links(check, police, "officer", 1, 14)[0]
    answers = every_level(check)
    answers.popitem()
    response = Client().post(reverse("thresholds:answer", args=[token]), answers)
    assert response.status_code == 400
    assert "Choose a level for every case: Disabled and isolated." in response.content.decode()
    assert Invitation.objects.get().used_at is None


def test_an_expired_link_is_refused(review, police, check):
    token = services.make_links(check, police, "officer", 1, 14)[0]
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = Client().get(reverse("thresholds:answer", args=[token]))
    assert response.status_code == 404
    assert "This link has expired." in response.content.decode()


def test_failed_tries_are_rate_limited_but_good_links_are_not(review, police, check):
    tokens = services.make_links(check, police, "officer", RATE_LIMIT + 1, 14)
    office = Client(REMOTE_ADDR="10.9.8.6")
    answered = [office.post(reverse("thresholds:answer", args=[t]), every_level(check))
                for t in tokens]  # fmt: skip
    assert {r.status_code for r in answered} == {200}
    guesser = Client(REMOTE_ADDR="10.9.8.7")
    statuses = [guesser.get(reverse("thresholds:answer", args=[f"guess{n}"])).status_code
                for n in range(RATE_LIMIT + 1)]  # fmt: skip
    assert statuses == [404] * RATE_LIMIT + [429]


def test_results_wait_for_five_people_from_an_agency(as_lead, review, police, check):
    url = reverse("thresholds:check-json", args=[review.id, check.id])
    for n, token in enumerate(services.make_links(check, police, "officer", 5, 14)):
        levels = {v.id: v.intended_level for v in check.vignettes.all()}
        services.record(token, levels)
        data = as_lead.get(url).json()
        if n < 4:
            assert (data["by_agency"], data["hidden_agencies"]) == (
                [], [{"agency": "Anyshire Police", "people": n + 1}],
            )  # fmt: skip
    assert data["by_agency"] == [
        {"label": "Anyshire Police", "people": 5, "answers": 30, "agreed": 30}
    ]


@pytest.mark.parametrize(("client_name", "status"), [("as_contributor", 403), ("as_outsider", 404)])
def test_contributors_and_outsiders_see_no_results(request, review, check, client_name, status):
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("thresholds:check", args=[review.id, check.id])).status_code == status
    assert client.get(reverse("thresholds:index", args=[review.id])).status_code == status


def test_a_viewer_sees_results_but_makes_no_links(as_viewer, review, police, check):
    assert as_viewer.get(reverse("thresholds:check", args=[review.id, check.id])).status_code == 200
    response = as_viewer.post(reverse("thresholds:links", args=[review.id, check.id]), {
        "agency": police.id, "role": "officer", "count": "3", "days": "14",
    })  # fmt: skip
    assert response.status_code == 403
