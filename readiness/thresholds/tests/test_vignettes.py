"""A check's invented cases made on the web: added, changed, reordered and removed by those
who run checks, and fixed (text, intended level, which cases) once anyone has answered."""

import re
from html import unescape

import pytest
from django.urls import reverse

from readiness.audit.models import AuditEvent
from readiness.thresholds import services
from readiness.thresholds.models import Vignette

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


@pytest.fixture
def check(review, lead):
    return services.create_check(review, "Autumn thresholds check", lead)


def cases(check) -> list[tuple[str, str]]:
    return list(check.vignettes.order_by("position").values_list("title", "intended_level"))


def answer_once(check, police) -> None:
    token = services.make_links(check, police, "officer", 1, 14)[0]
    services.record(token, {v.id: "early_help" for v in check.vignettes.all()})


def textarea(page: str) -> str:
    return re.search(r'<textarea[^>]*id="id_text"[^>]*>', page).group(0)


def events(review) -> list[tuple[str, str]]:
    return list(
        AuditEvent.objects.filter(review=review, action__startswith="thresholds case")
        .order_by("id")
        .values_list("action", "what")
    )


def test_the_lead_adds_a_case_at_the_end(as_lead, review, check):
    url = reverse("thresholds:vignette-new", args=[review.id, check.id])
    assert as_lead.get(url).status_code == 200
    response = as_lead.post(url, {
        "title": "Missing from care", "text": "Sam, 15, has gone missing three times.",
        "intended_level": "child_protection",
    })  # fmt: skip
    assert response.url == reverse("thresholds:check", args=[review.id, check.id]) + "#cases"
    assert cases(check)[-1] == ("Missing from care", "child_protection")
    assert check.vignettes.get(title="Missing from care").position == 7
    assert events(review) == [
        ("thresholds case added", f"check: {check.id}; case: Missing from care")
    ]


def test_the_lead_changes_a_case_and_the_change_is_logged(as_lead, review, check):
    case = check.vignettes.get(position=1)
    url = reverse("thresholds:vignette", args=[review.id, check.id, case.id])
    page = as_lead.get(url).content.decode()
    assert "Tired in class" in page
    as_lead.post(url, {"title": "Tired at school", "text": case.text + " She is often late.",
                       "intended_level": "child_in_need"})  # fmt: skip
    case.refresh_from_db()
    assert (case.title, case.text.endswith("She is often late."), case.intended_level) == (
        "Tired at school", True, "child_in_need",
    )  # fmt: skip
    assert events(review) == [(
        "thresholds case changed",
        f"check: {check.id}; case: Tired at school; fields: title, text, intended_level",
    )]  # fmt: skip


def test_a_case_needs_a_title_text_and_a_known_level(as_lead, review, check):
    url = reverse("thresholds:vignette-new", args=[review.id, check.id])
    response = as_lead.post(url, {"title": "", "text": "", "intended_level": "worried"})
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "title": ["This field is required."],
        "text": ["This field is required."],
        "intended_level": ["Select a valid choice. worried is not one of the available choices."],
    }
    assert check.vignettes.count() == 6


def test_cases_move_up_and_down_and_are_removed(as_lead, review, check):
    first, second = check.vignettes.order_by("position")[:2]
    move = reverse("thresholds:vignette-move", args=[review.id, check.id, second.id])
    as_lead.post(move, {"direction": "up"})
    assert [t for t, _ in cases(check)][:2] == [second.title, first.title]
    as_lead.post(move, {"direction": "up"})  # already first: nothing moves
    as_lead.post(move, {"direction": "down"})
    assert [t for t, _ in cases(check)][:2] == [first.title, second.title]
    as_lead.post(reverse("thresholds:vignette-remove", args=[review.id, check.id, first.id]))
    assert list(check.vignettes.order_by("position").values_list("position", "title"))[:1] == [
        (1, second.title)
    ]
    assert [a for a, _ in events(review)] == [
        "thresholds case moved", "thresholds case moved", "thresholds case removed",
    ]  # fmt: skip


def test_the_last_case_is_not_removed(as_lead, review, check):
    *others, last = check.vignettes.all()
    Vignette.objects.filter(id__in=[v.id for v in others]).delete()
    response = as_lead.post(
        reverse("thresholds:vignette-remove", args=[review.id, check.id, last.id]), follow=True
    )
    assert "A check needs at least one case: add another before removing this." in (
        response.content.decode()
    )
    assert check.vignettes.count() == 1


def test_once_anyone_has_answered_the_cases_are_fixed_but_titles_and_order_are_not(
    as_lead, review, police, check
):
    case = check.vignettes.get(position=1)
    url = reverse("thresholds:vignette", args=[review.id, check.id, case.id])
    page_before = as_lead.get(url)  # opened before anyone answered: text and level editable
    assert "disabled" not in page_before.content.decode().split('id="id_text"')[1][:80]
    answer_once(check, police)
    refused = as_lead.post(url, {"title": case.title, "text": "Changed.",
                                 "intended_level": case.intended_level})  # fmt: skip
    assert refused.status_code == 400
    assert services.ANSWERED in unescape(refused.text)
    level = as_lead.post(url, {"title": case.title, "text": case.text,
                               "intended_level": "universal"})  # fmt: skip
    assert level.status_code == 400
    case.refresh_from_db()
    assert (case.text.startswith("Amira, 8,"), case.intended_level) == (True, "early_help")
    # A page opened now shows why; the text and level are not sent, and the title may change.
    page = as_lead.get(url).text
    assert services.ANSWERED in unescape(page)
    assert "disabled" in textarea(page)
    as_lead.post(url, {"title": "Tired and hungry"})
    case.refresh_from_db()
    assert (case.title, case.intended_level) == ("Tired and hungry", "early_help")
    new = reverse("thresholds:vignette-new", args=[review.id, check.id])
    assert as_lead.post(new, {"title": "More", "text": "More.",
                              "intended_level": "universal"}).status_code == 409  # fmt: skip
    remove = reverse("thresholds:vignette-remove", args=[review.id, check.id, case.id])
    assert services.ANSWERED in unescape(as_lead.post(remove, follow=True).text)
    move = reverse("thresholds:vignette-move", args=[review.id, check.id, case.id])
    as_lead.post(move, {"direction": "down"})
    assert (check.vignettes.count(), check.vignettes.get(id=case.id).position) == (6, 2)
    shown = unescape(as_lead.get(reverse("thresholds:check", args=[review.id, check.id])).text)
    assert (services.ANSWERED in shown, "Add a case" in shown, ">Remove<" in shown) == (
        True, False, False,
    )  # fmt: skip


def test_a_reviewer_changes_cases_too(as_reviewer, review, check):
    case = check.vignettes.get(position=1)
    as_reviewer.post(reverse("thresholds:vignette", args=[review.id, check.id, case.id]), {
        "title": "Tired", "text": case.text, "intended_level": case.intended_level,
    })  # fmt: skip
    case.refresh_from_db()
    assert case.title == "Tired"


@pytest.mark.parametrize(("client_name", "status"), [
    ("as_contributor", 403), ("as_viewer", 403), ("as_outsider", 404),
])  # fmt: skip
def test_only_those_who_run_checks_change_cases(request, review, check, client_name, status):
    client = request.getfixturevalue(client_name)
    case = check.vignettes.get(position=1)
    edit = reverse("thresholds:vignette", args=[review.id, check.id, case.id])
    new = reverse("thresholds:vignette-new", args=[review.id, check.id])
    move = reverse("thresholds:vignette-move", args=[review.id, check.id, case.id])
    remove = reverse("thresholds:vignette-remove", args=[review.id, check.id, case.id])
    responses = [client.get(edit), client.get(new),
                 client.post(edit, {"title": "X", "text": "Y", "intended_level": "universal"}),
                 client.post(move, {"direction": "down"}), client.post(remove)]  # fmt: skip
    assert [r.status_code for r in responses] == [status] * 5
    if status == 403:
        # The refusal names the reason and keeps the review's navigation.
        assert "you cannot grade judgements." in responses[0].text
        assert 'aria-label="Review"' in responses[0].text
    assert cases(check)[0] == ("Tired in class", "early_help")
    assert check.vignettes.count() == 6


def test_a_case_of_another_check_is_not_found(as_lead, review, check, lead):
    other = services.create_check(review, "Another", lead)
    case = other.vignettes.first()
    url = reverse("thresholds:vignette", args=[review.id, check.id, case.id])
    assert as_lead.get(url).status_code == 404
