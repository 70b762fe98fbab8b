import io
import logging
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from readiness.casework import services
from readiness.casework.domain.caselist import CaseRow
from readiness.casework.jobs import import_case_list
from readiness.casework.models import Case, CaseImportJob, Sample

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


def cases(review, count=6):
    rows = [
        CaseRow(
            f"C{n:03}",
            "child_protection" if n % 2 else "children_in_care",
            f"T{n % 3}",
            f"W{n}",
            3 + n,
            date(2024, 1, 1),
        )  # fmt: skip
        for n in range(count)
    ]
    services.import_cases(review, rows)


@pytest.fixture
def sample(review, lead):
    cases(review)
    return services.draw(review, {"child_protection": 2, "children_in_care": 1}, 42,
                         date(2026, 11, 26), lead)  # fmt: skip


def test_the_lead_sees_the_case_list_and_its_samples_and_it_is_logged(
    as_lead, review, sample, caplog
):
    with caplog.at_level(logging.INFO, logger="readiness.audit"):
        response = as_lead.get(reverse("casework:cases", args=[review.id]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "6 cases in all." in text
    assert f"Sample {sample.id}</a>: 3 children, seed 42" in text
    assert [(r.message, r.user, r.review) for r in caplog.records] == [
        ("case list viewed", review.memberships.get(role="lead").user_id, review.id)
    ]


@pytest.mark.parametrize(("client_name", "status"), [
    ("as_contributor", 403), ("as_viewer", 403), ("as_outsider", 404),
])  # fmt: skip
def test_only_the_lead_and_reviewers_see_case_level_material(
    request, review, sample, client_name, status
):
    client = request.getfixturevalue(client_name)
    job = CaseImportJob.objects.create(review=review, file_name="cases.csv")
    for name, args in [
        ("casework:cases", [review.id]),
        ("casework:import", [review.id]),
        ("casework:import-job", [review.id, job.id]),
        ("casework:draw", [review.id]),
        ("casework:sample", [review.id, sample.id]),
        ("casework:sample-json", [review.id, sample.id]),
        ("casework:sample-xlsx", [review.id, sample.id]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == status, name


def test_the_sample_page_shows_each_child_and_its_reason(as_reviewer, review, sample):
    response = as_reviewer.get(reverse("casework:sample", args=[review.id, sample.id]))
    text = response.content.decode()
    assert "3 children drawn" in text
    assert "child protection plan over 18 months; team" in text
    data = as_reviewer.get(reverse("casework:sample-json", args=[review.id, sample.id])).json()
    assert data["seed"] == 42
    assert [c["list"] for c in data["cases"]] == ["child protection"] * 2 + ["children in care"]


def test_the_sample_page_reads_a_fixed_number_of_queries(
    as_lead, review, lead, django_assert_num_queries
):
    cases(review, 12)
    one = services.draw(review, {"child_protection": 1}, 1, date(2026, 11, 26), lead)
    three = services.draw(review, {"child_protection": 3}, 1, date(2026, 11, 26), lead)
    for item in (one, three):
        with django_assert_num_queries(7):  # 5, and the audit log's row with its person
            as_lead.get(reverse("casework:sample", args=[review.id, item.id]))


def test_the_sample_downloads_as_a_workbook_with_case_ids(as_lead, review, sample, caplog):
    with caplog.at_level(logging.INFO, logger="readiness.audit"):
        response = as_lead.get(reverse("casework:sample-xlsx", args=[review.id, sample.id]))
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["Sample"].iter_rows(values_only=True))
    assert rows[0] == ("Number", "Case id", "List", "Team", "Social worker", "Age", "Reason drawn")
    assert [row[1] for row in rows[1:]] == [s.case.case_id for s in sample.cases.all()]
    assert list(book["About"].iter_rows(values_only=True))[1] == ("Seed", "42")
    assert [r.message for r in caplog.records] == ["sample exported"]


def _import(client, review, upload, **data):
    """Post the list, then open the import's page (the worker ran inside the request)."""
    response = client.post(reverse("casework:import", args=[review.id]), {"file": upload, **data})
    job = CaseImportJob.objects.latest("id")
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:import-job", args=[review.id, job.id])
    return job, client.get(response["Location"])


def test_the_lead_imports_a_case_list(as_lead, review):
    upload = SimpleUploadedFile("cases.csv", b"Case id,List,Team\nA1,CP,North\nA2,CIN,South\n")
    job, page = _import(as_lead, review, upload)
    assert list(Case.objects.filter(review=review).values_list("case_id", "list_key")) == [
        ("A2", "child_in_need"),
        ("A1", "child_protection"),
    ]
    assert (job.status, job.done, job.total, job.rows, job.added) == ("done", 2, 2, 2, 2)
    assert "Imported 2 cases: 2 new, 0 changed." in page.content.decode()


def test_a_case_list_imported_again_by_a_second_run_changes_nothing(as_lead, review):
    upload = SimpleUploadedFile("cases.csv", b"Case id,List,Team\nA1,CP,North\n")
    job, _ = _import(as_lead, review, upload)
    # As a worker killed after storing, before saying so, leaves it; its file is gone.
    CaseImportJob.objects.filter(id=job.id).update(status=CaseImportJob.RUNNING)
    import_case_list.enqueue(job.id)
    job.refresh_from_db()
    assert (job.status, job.added, job.updated) == ("done", 1, 0)
    assert Case.objects.count() == 1


def test_a_case_list_of_another_review_is_not_found(as_lead, review, outsider):
    other = outsider.memberships.get().review
    job = CaseImportJob.objects.create(review=other, file_name="cases.csv")
    assert as_lead.get(reverse("casework:import-job", args=[review.id, job.id])).status_code == 404


def test_a_case_list_waiting_for_a_worker_says_so(as_lead, review, lead):
    job = CaseImportJob.objects.create(review=review, file_name="cases.csv", total=2)
    html = as_lead.get(reverse("casework:import-job", args=[review.id, job.id])).text
    assert '<dd class="govuk-summary-list__value" id="job-status">Waiting for a worker</dd>' in html
    assert "Reload to see how far it has got" in html


def test_an_import_with_a_name_column_is_refused_naming_it(as_lead, review):
    upload = SimpleUploadedFile("cases.csv", b"Case id,List,Surname\nA1,CP,Smith\n")
    job, page = _import(as_lead, review, upload)
    assert job.failure == "Nothing was imported: 1 problem in the file."
    assert "Column “Surname” looks like a name" in page.content.decode()
    assert page.content.decode().count("<title>Error: Import a case list") == 1
    assert Case.objects.count() == 0


def test_the_lead_draws_a_sample_on_the_page(as_lead, review):
    cases(review)
    response = as_lead.post(reverse("casework:draw", args=[review.id]), {
        "seed": "9", "as_of": "2026-11-26", "size_child_protection": "2", "note": "Drift",
    })  # fmt: skip
    sample = Sample.objects.get()
    assert response.url == reverse("casework:sample", args=[review.id, sample.id])
    assert (sample.seed, sample.sizes, sample.note, sample.cases.count()) == (
        9, {"child_protection": 2}, "Drift", 2,
    )  # fmt: skip


def test_a_draw_with_no_sizes_is_refused(as_lead, review):
    cases(review)
    response = as_lead.post(reverse("casework:draw", args=[review.id]), {
        "seed": "9", "as_of": "2026-11-26",
    })  # fmt: skip
    assert response.status_code == 400
    assert "Say how many children to draw from at least one list." in response.content.decode()
    assert Sample.objects.count() == 0


def test_an_annex_a_workbook_that_is_not_one_is_refused(as_lead, review):
    upload = SimpleUploadedFile("annex.xlsx", b"not a workbook")
    _, page = _import(as_lead, review, upload, annex_a="on")
    assert "<li>annex.xlsx: not an Excel workbook we can read" in page.content.decode()
    assert page.context["form"]["annex_a"].value() is True  # ready to try again
    assert Case.objects.count() == 0
