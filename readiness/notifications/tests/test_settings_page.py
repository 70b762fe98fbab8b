"""Your notifications: each person turns each kind of e-mail on or off for themselves."""

import pytest
from django.urls import reverse

from readiness.notifications.models import NotificationSettings

pytestmark = pytest.mark.django_db
URL = reverse("notifications:settings")


def test_it_needs_a_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_everything_is_on_until_the_person_chooses(as_contributor):
    response = as_contributor.get(URL)
    assert response.status_code == 200
    form = response.context["form"]
    assert {name: form[name].value() for name in form.fields} == {
        "requests": True, "answers": True, "mentions": True, "due": True, "digest": True
    }  # fmt: skip
    assert "There is no e-mail address on your account" in response.content.decode()


def test_a_contributor_turns_the_digest_off_and_the_page_keeps_it(as_contributor, contributor):
    response = as_contributor.post(
        URL, {"requests": "on", "answers": "on", "mentions": "on", "due": "on"}
    )
    assert response.status_code == 302
    saved = NotificationSettings.objects.get(user=contributor)
    assert (saved.requests, saved.mentions, saved.due, saved.digest) == (True, True, True, False)
    page = as_contributor.get(URL)
    form = page.context["form"]
    assert {name: form[name].value() for name in form.fields} == {
        "requests": True, "answers": True, "mentions": True, "due": True, "digest": False
    }  # fmt: skip


def test_saving_unchanged_keeps_every_choice(as_lead, lead):
    NotificationSettings.objects.create(user=lead, mentions=False, due=False)
    form = as_lead.get(URL).context["form"]
    data = {name: "on" for name in form.fields if form[name].value()}
    as_lead.post(URL, data)
    saved = NotificationSettings.objects.get(user=lead)
    assert (saved.requests, saved.mentions, saved.due, saved.digest) == (True, False, False, True)


def test_one_person_s_choice_changes_nobody_else_s(as_lead, lead, contributor):
    as_lead.post(URL, {})
    assert NotificationSettings.objects.get(user=lead).requests is False
    assert not NotificationSettings.objects.filter(user=contributor).exists()


def test_the_outsider_sees_only_their_own(as_outsider, outsider, lead):
    NotificationSettings.objects.create(user=lead, requests=False)
    assert as_outsider.get(URL).context["form"]["requests"].value() is True
