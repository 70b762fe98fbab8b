"""The findings of the hardening review (issue 15), one regression test each: sign-in
throttling, the audit of sign-ins, password rules, caching, request size and ids out of
range."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from readiness.audit.models import AuditEvent
from readiness.lib.testing.factories import ActionItemFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
TOO_BIG = str(2**63)


@pytest.fixture
def signer(db):
    user = UserFactory(username="signer")
    user.set_password("a long and proper passphrase")
    user.save()
    return user


def _sign_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_right_password_is_refused_after_ten_wrong_ones(signer):
    client = Client()
    for _ in range(9):
        assert _sign_in(client, "signer", "wrong").status_code == 200
    assert _sign_in(client, "signer", "wrong").status_code == 429
    response = _sign_in(client, "signer", "a long and proper passphrase")
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert "10 failed attempts" in response.content.decode()
    assert "paused for 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_account_is_locked_whatever_address_the_attempts_come_from(signer):
    client = Client()
    for number in range(10):
        _sign_in(client, "signer", "wrong", address=f"10.0.1.{number}")
    assert _sign_in(client, "signer", "a long and proper passphrase", "10.9.9.9").status_code == 429


def test_an_address_is_locked_whatever_accounts_it_tries(signer):
    client = Client()
    for number in range(10):
        _sign_in(client, f"guess{number}", "wrong", address="10.0.2.1")
    assert _sign_in(client, "signer", "a long and proper passphrase", "10.0.2.1").status_code == 429
    # Another address still signs in.
    assert (
        _sign_in(Client(), "signer", "a long and proper passphrase", "10.0.2.2").status_code == 302
    )


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(signer):
    client = Client()
    for _ in range(9):
        _sign_in(client, "signer", "wrong")
    assert _sign_in(client, "signer", "a long and proper passphrase").status_code == 302


def test_sign_ins_are_in_the_audit_log(signer, caplog):
    AuditEvent.objects.all().delete()
    with caplog.at_level("INFO"):
        _sign_in(Client(), "signer", "wrong", "10.0.3.1")
        _sign_in(Client(), "signer", "a long and proper passphrase", "10.0.3.1")
    events = AuditEvent.objects.order_by("id").values_list("action", "username", "address")
    assert list(events) == [
        ("sign-in failed", "signer", "10.0.3.1"),
        ("signed in", "signer", "10.0.3.1"),
    ]
    assert "a long and proper passphrase" not in caplog.text
    assert not AuditEvent.objects.filter(what__contains="passphrase").exists()


def test_a_lockout_is_in_the_audit_log(signer, caplog):
    client = Client()
    for _ in range(10):
        _sign_in(client, "signer", "wrong", "10.0.4.1")
    with caplog.at_level("INFO", logger="readiness.audit"):
        _sign_in(client, "signer", "wrong", "10.0.4.1")
    assert [(r.message, r.username) for r in caplog.records if r.name == "readiness.audit"][-1] == (
        "sign-in refused: locked out",
        "signer",
    )


@pytest.mark.parametrize(
    "password,problem",
    [
        ("short1!", "This password is too short. It must contain at least 8 characters."),
        ("password", "This password is too common."),
        ("4815162342", "This password is entirely numeric."),
        ("signer123", "The password is too similar to the username."),
    ],
)
def test_all_four_password_rules_apply(signer, password, problem):
    with pytest.raises(ValidationError) as raised:
        validate_password(password, signer)
    assert problem in raised.value.messages


def test_signed_in_pages_json_and_downloads_are_not_stored(as_lead, review):
    for name, args in [
        ("reviews:detail", [review.id]),
        ("assessment:grid-json", [review.id]),
        ("assessment:export", [review.id, "xlsx"]),
        ("evidence:index", [review.id, "html"]),
    ]:
        response = as_lead.get(reverse(name, args=args))
        assert (response.status_code, response["Cache-Control"]) == (200, "no-store, private")


def test_a_request_over_the_size_limit_is_refused_before_it_is_read(as_lead, review, settings):
    settings.REQUEST_MAX_BYTES = 1000
    response = as_lead.post(
        reverse("evidence:upload", args=[review.id]), {"agency": ""}, CONTENT_LENGTH="300000000"
    )
    assert response.status_code == 413
    assert "larger than the 1 KB one request may carry" in response.content.decode()
    assert "send fewer or smaller files at a time" in response.content.decode()


def test_a_request_with_a_nonsense_length_is_refused(as_lead, review):
    response = as_lead.post(reverse("evidence:upload", args=[review.id]), {}, CONTENT_LENGTH="x")
    assert response.status_code == 413
    assert "The request’s length could not be read." in response.content.decode()


@pytest.mark.parametrize("value", [TOO_BIG, "0", "99999999999999999999"])
def test_ids_out_of_range_in_urls_are_404(as_lead, review, value):
    assert as_lead.get(f"/reviews/{value}/").status_code == 404
    assert as_lead.get(f"/reviews/{review.id}/evidence/documents/{value}/").status_code == 404


def test_the_largest_id_is_a_page_that_is_simply_not_there(as_lead):
    assert as_lead.get(f"/reviews/{2**63 - 1}/").status_code == 404


def test_an_id_out_of_range_in_a_contributors_form_is_refused_not_a_server_error(
    as_contributor, review, police
):
    item = ActionItemFactory(review=review, owner_agency=police)
    response = as_contributor.post(
        reverse("actions:progress", args=[review.id, item.code]),
        {"text": "Audit done", "status": "in_progress", "documents": [TOO_BIG], "reference": ""},
    )
    assert response.status_code == 400
    assert response.context["progress_form"].errors["documents"] == [
        f"“{TOO_BIG}” is not a valid value."
    ]


def test_an_id_out_of_range_in_a_narrative_is_refused(as_lead, review):
    response = as_lead.post(
        reverse("narratives:new", args=[review.id]),
        {"title": "A9", "document_ids": ["-1", TOO_BIG]},
    )
    assert response.status_code == 400


def test_an_id_out_of_range_for_a_single_choice_is_refused(as_lead, review):
    response = as_lead.post(
        reverse("reviews:members", args=[review.id]),
        {"username": "someone", "role": "contributor", "agency": TOO_BIG},
    )
    assert response.status_code == 400
