"""Asking an agency for evidence, the requests pages, answering by upload and declining."""

import io
import zipfile
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from readiness.asks.models import EvidenceRequest
from readiness.asks.queries import open_requests_summary
from readiness.evidence.models import EvidenceDocument
from readiness.evidence.tests.factories import CARE_LEAVERS, MINUTES
from readiness.frameworks.models import LineOfEnquiry
from readiness.lib.testing.factories import AgencyFactory, MembershipFactory, UserFactory

from .factories import make_request

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


@pytest.fixture
def health(review):
    return AgencyFactory(review=review, name="Anyshire Health", sector="health")


@pytest.fixture
def lines(review):
    return list(
        LineOfEnquiry.objects.filter(judgement__framework=review.framework).order_by(
            "judgement__position", "position"
        )[:2]
    )


def _ask(client, review, agency, lines, **overrides):
    data = {
        "agency": agency.id,
        "lines": [line.id for line in lines],
        "due_date": "2026-12-04",
        "message": "Your audit of strategy meetings from this year, please.",
        **overrides,
    }
    return client.post(reverse("asks:new", args=[review.id]), data)


def test_the_lead_asks_the_police_for_evidence(as_lead, lead, review, police, lines):
    response = _ask(as_lead, review, police, lines)
    request = EvidenceRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("asks:detail", args=[review.id, request.id])
    assert (request.agency, request.due_date, request.status, request.asked_by) == (
        police, date(2026, 12, 4), "open", lead
    )  # fmt: skip
    assert list(request.lines_of_enquiry.order_by("id")) == sorted(lines, key=lambda x: x.id)


def test_a_reviewer_may_ask_too(as_reviewer, review, police, lines):
    assert _ask(as_reviewer, review, police, lines).status_code == 302


def test_a_contributor_and_a_viewer_cannot_ask(as_contributor, as_viewer, review, police, lines):
    for client in (as_contributor, as_viewer):
        assert _ask(client, review, police, lines).status_code == 403
        assert client.get(reverse("asks:new", args=[review.id])).status_code == 403
    assert EvidenceRequest.objects.count() == 0


def test_an_outsider_cannot_learn_the_review_exists(as_outsider, review, police, lines):
    request = make_request(review, police, due=date(2026, 12, 4))
    assert _ask(as_outsider, review, police, lines).status_code == 404
    for url in (
        reverse("asks:index", args=[review.id]),
        reverse("asks:index-json", args=[review.id]),
        reverse("asks:detail", args=[review.id, request.id]),
    ):
        assert as_outsider.get(url).status_code == 404, url


def test_a_request_in_the_past_is_refused_with_the_reason(as_lead, review, police, lines):
    response = _ask(as_lead, review, police, lines, due_date="2026-11-25")
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "The date you need the evidence by cannot be in the past."
    ]
    assert EvidenceRequest.objects.count() == 0


def test_an_empty_request_names_every_missing_field(as_lead, review):
    response = as_lead.post(reverse("asks:new", args=[review.id]), {})
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "agency": ["Choose the agency you are asking."],
        "lines": ["Choose at least one line of enquiry."],
        "due_date": ["Give the date you need the evidence by."],
        "message": ["Say what you are asking for."],
    }


def test_another_review_s_agency_is_not_a_choice(as_lead, review, outsider, lines):
    other = AgencyFactory(review=outsider.memberships.get().review, name="Otherton Police")
    response = _ask(as_lead, review, other, lines)
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["agency"]


def test_the_form_starts_with_the_line_and_agency_asked_from(as_lead, review, police, lines):
    url = reverse("asks:new", args=[review.id]) + f"?line={lines[0].key}&agency={police.id}"
    response = as_lead.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert (form["agency"].value(), form["lines"].value()) == (police.id, [lines[0].id])
    assert "---------" not in response.content.decode()


def test_the_contributor_sees_requests_for_their_agency_only(
    as_contributor, review, police, health
):
    ours = make_request(review, police, due=date(2026, 12, 4), message="Police audit please")
    make_request(review, health, due=date(2026, 12, 4), message="Health minutes please")
    response = as_contributor.get(reverse("asks:index", args=[review.id]))
    assert response.status_code == 200
    assert [r.id for r in response.context["waiting"]] == [ours.id]
    page = response.content.decode()
    assert "Requests for you" in page
    assert "Health minutes please" not in page
    assert "Ask an agency for evidence" not in page


def test_the_lead_sees_every_request_by_state(as_lead, review, police, health):
    late = make_request(review, police, due=date(2026, 11, 20))
    soon = make_request(review, health, due=date(2026, 12, 1))
    done = make_request(review, health, due=date(2026, 11, 1), status="answered")
    response = as_lead.get(reverse("asks:index", args=[review.id]))
    assert [(r.id, r.state) for r in response.context["waiting"]] == [
        (late.id, "overdue"), (soon.id, "open")
    ]  # fmt: skip
    assert [(r.id, r.state) for r in response.context["done"]] == [(done.id, "answered")]
    assert "1 open, 1 overdue, 1 answered, 0 declined, 0 withdrawn." in (response.content.decode())


def test_the_json_twin(as_viewer, review, police, lead, lines):
    request = make_request(review, police, due=date(2026, 11, 20), asked_by=lead,
                           keys=(lines[0].key,))  # fmt: skip
    data = as_viewer.get(reverse("asks:index-json", args=[review.id])).json()
    assert data["summary"] == {"open": 0, "overdue": 1, "answered": 0, "declined": 0,
                               "withdrawn": 0}  # fmt: skip
    assert data["requests"] == [
        {
            "id": request.id,
            "agency": "Anyshire Police",
            "lines_of_enquiry": [lines[0].key],
            "message": "Your latest audit of strategy meetings, please.",
            "due_date": "2026-11-20",
            "state": "overdue",
            "asked_by": lead.get_full_name(),
            "asked_at": request.asked_at.isoformat(),
            "answered_by": "",
            "decline_reason": "",
            "withdrawn_by": "",
            "withdraw_reason": "",
        }
    ]


def test_the_workbook_reads_back_as_the_contributor_may_see_it(as_contributor, review, police,
                                                               health, lead):  # fmt: skip
    make_request(review, police, due=date(2026, 11, 20), asked_by=lead,
                 message="=HYPERLINK(\"x\")")  # fmt: skip
    make_request(review, health, due=date(2026, 12, 20))
    response = as_contributor.get(reverse("asks:index-xlsx", args=[review.id]))
    assert response["Content-Disposition"] == (
        'attachment; filename="anytown-test-review-requests.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    line = (
        LineOfEnquiry.objects.filter(judgement__framework=review.framework)
        .order_by("judgement__position", "position")
        .first()
    )
    assert rows == [
        ["Agency", "Lines of enquiry", "Needed by", "State", "Asked by", "Asked for"],
        ["Anyshire Police", line.key, datetime(2026, 11, 20), "Overdue",
         lead.get_full_name(), "'=HYPERLINK(\"x\")"],
    ]  # fmt: skip


@pytest.mark.parametrize("n", [1, 3])
def test_the_list_takes_the_same_queries_for_one_or_three(
    as_lead, review, police, n, django_assert_num_queries
):
    for i in range(n):
        make_request(review, police, due=date(2026, 12, 1 + i), asked_by=UserFactory())
    as_lead.get(reverse("asks:index", args=[review.id]))  # warm the session
    with django_assert_num_queries(5):
        response = as_lead.get(reverse("asks:index", args=[review.id]))
    assert len(response.context["waiting"]) == n


def test_a_contributor_of_another_agency_cannot_open_a_request(
    review, health, police, as_contributor
):
    request = make_request(review, health, due=date(2026, 12, 4))
    url = reverse("asks:detail", args=[review.id, request.id])
    assert as_contributor.get(url).status_code == 404
    answer = reverse("asks:answer", args=[review.id, request.id])
    assert as_contributor.post(answer, {}).status_code == 404


def test_the_contributor_answers_by_upload(as_contributor, contributor, review, police,
                                           tmp_path, settings):  # fmt: skip
    settings.DATA_DIR = tmp_path / "data"
    request = make_request(review, police, due=date(2026, 12, 4))
    upload = SimpleUploadedFile("offer.md", CARE_LEAVERS.encode())
    response = as_contributor.post(
        reverse("asks:answer", args=[review.id, request.id]), {"files": [upload]}
    )
    assert response.status_code == 200
    document = EvidenceDocument.objects.get()
    request.refresh_from_db()
    assert (request.status, request.answered_by) == ("answered", contributor)
    assert list(request.documents.all()) == [document]
    assert document.agency == police
    assert response.context["new_documents"] == [document]
    page = response.content.decode()
    assert reverse("evidence:document", args=[review.id, document.id]) in page
    assert "Answered with 1 document: the request is marked answered." in page


def test_a_file_the_library_already_holds_still_answers(as_lead, review, police, tmp_path,
                                                        settings):  # fmt: skip
    settings.DATA_DIR = tmp_path / "data"
    first = make_request(review, police, due=date(2026, 12, 4))
    second = make_request(review, police, due=date(2026, 12, 4))
    for request in (first, second):
        upload = SimpleUploadedFile("offer.md", CARE_LEAVERS.encode())
        as_lead.post(reverse("asks:answer", args=[review.id, request.id]), {"files": [upload]})
    document = EvidenceDocument.objects.get()
    assert list(second.documents.all()) == [document]


def _zip(**files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return SimpleUploadedFile("pack.zip", buffer.getvalue())


def test_a_zip_answers_with_its_files_and_never_another_agency_s(
    as_lead, as_contributor, review, police, health, tmp_path, settings
):
    settings.DATA_DIR = tmp_path / "data"
    as_lead.post(
        reverse("evidence:upload", args=[review.id]),
        {"files": [_zip(**{"minutes.md": MINUTES})], "agency": health.id},
    )
    request = make_request(review, police, due=date(2026, 12, 4))
    as_contributor.post(
        reverse("asks:answer", args=[review.id, request.id]),
        {"files": [_zip(**{"offer.md": CARE_LEAVERS})]},
    )
    assert [(d.title, d.agency.name) for d in request.documents.all()] == [
        ("Care leavers' local offer review, June 2026", "Anyshire Police")
    ]


def test_an_unusable_file_leaves_the_request_open(as_contributor, review, police, tmp_path,
                                                  settings):  # fmt: skip
    settings.DATA_DIR = tmp_path / "data"
    request = make_request(review, police, due=date(2026, 12, 4))
    upload = SimpleUploadedFile("scan.pdf", b"")
    response = as_contributor.post(
        reverse("asks:answer", args=[review.id, request.id]), {"files": [upload]}
    )
    request.refresh_from_db()
    assert request.status == "open"
    assert response.context["report"].rejected == [("scan.pdf", "The file is empty.")]
    assert "No file could be used, so the request is still open." in response.content.decode()


def test_answering_with_no_file_says_so(as_contributor, review, police):
    request = make_request(review, police, due=date(2026, 12, 4))
    response = as_contributor.post(reverse("asks:answer", args=[review.id, request.id]), {})
    assert response.status_code == 400
    assert response.context["answer_form"].errors == {"files": ["Choose at least one file."]}


def test_a_viewer_cannot_answer_or_decline(as_viewer, review, police):
    request = make_request(review, police, due=date(2026, 12, 4))
    for name in ("asks:answer", "asks:decline"):
        url = reverse(name, args=[review.id, request.id])
        assert as_viewer.post(url, {"reason": "No"}).status_code == 403
    response = as_viewer.get(reverse("asks:detail", args=[review.id, request.id]))
    assert response.status_code == 200
    assert "Upload and answer" not in response.content.decode()


def test_the_contributor_declines_with_a_reason(as_contributor, contributor, review, police):
    request = make_request(review, police, due=date(2026, 12, 4))
    url = reverse("asks:decline", args=[review.id, request.id])
    assert as_contributor.post(url, {"reason": " "}).status_code == 400
    response = as_contributor.post(url, {"reason": "We hold no audit for this year."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.decline_reason, request.answered_by) == (
        "declined", "We hold no audit for this year.", contributor
    )  # fmt: skip
    page = as_contributor.get(reverse("asks:detail", args=[review.id, request.id]))
    assert "We hold no audit for this year." in page.content.decode()


def test_an_answered_request_cannot_be_declined(as_contributor, review, police):
    request = make_request(review, police, due=date(2026, 12, 4), status="answered")
    url = reverse("asks:decline", args=[review.id, request.id])
    response = as_contributor.post(url, {"reason": "Changed our minds"})
    assert response.status_code == 400
    assert response.context["decline_form"].errors == {
        "reason": ["This request has been answered: it cannot be declined now."]
    }


def test_the_overview_shows_the_count_for_the_contributor(as_contributor, review, police,
                                                          health):  # fmt: skip
    make_request(review, police, due=date(2026, 11, 20))
    make_request(review, police, due=date(2026, 12, 20))
    make_request(review, health, due=date(2026, 12, 20))
    page = as_contributor.get(reverse("reviews:detail", args=[review.id])).content.decode()
    assert "2 requests for you</a>, 1 overdue." in page


def test_the_summary_is_plain_data_as_the_member_may_see_it(review, police, health, contributor):
    make_request(review, police, due=date(2026, 11, 20))
    make_request(review, health, due=date(2026, 12, 20))
    everything = open_requests_summary(review)
    assert (everything.open, everything.overdue) == (1, 1)
    membership = contributor.memberships.get()
    mine = open_requests_summary(review, membership)
    assert [(r.agency, r.state) for r in mine.rows] == [("Anyshire Police", "overdue")]


def test_a_lead_who_is_also_a_member_elsewhere_sees_only_this_review(review, police, lead):
    other_member = UserFactory()
    MembershipFactory(review=review, user=other_member, role="contributor", agency=police)
    make_request(review, police, due=date(2026, 12, 20))
    assert open_requests_summary(review, lead.memberships.get()).open == 1


def test_the_analyses_offer_to_ask_for_a_gap_to_those_who_may_ask(as_lead, as_viewer, review):
    response = as_lead.get(reverse("evidence:analyses", args=[review.id]))
    gaps = [f.line_key for f in response.context["analysis"].findings if f.kind == "gap"]
    assert gaps
    link = reverse("asks:new", args=[review.id]) + f"?line={gaps[0]}"
    assert f'href="{link}"' in response.content.decode()
    viewed = as_viewer.get(reverse("evidence:analyses", args=[review.id])).content.decode()
    assert "Ask an agency for evidence" not in viewed


def test_a_request_s_json_twin_names_its_documents(as_contributor, review, police, tmp_path,
                                                    settings):  # fmt: skip
    settings.DATA_DIR = tmp_path / "data"
    request = make_request(review, police, due=date(2026, 12, 4))
    upload = SimpleUploadedFile("offer.md", CARE_LEAVERS.encode())
    as_contributor.post(reverse("asks:answer", args=[review.id, request.id]), {"files": [upload]})
    url = reverse("asks:detail", args=[review.id, request.id]) + "?format=json"
    data = as_contributor.get(url).json()
    document = EvidenceDocument.objects.get()
    assert (data["state"], data["documents"]) == (
        "answered", [{"id": document.id, "title": document.title}]
    )  # fmt: skip
