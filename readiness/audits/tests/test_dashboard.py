import pytest
from django.urls import reverse

from readiness.assessment.models import JudgementAssessment
from readiness.audits import services
from readiness.frameworks.models import GradeLevel, Judgement

from .conftest import answer_all, start

SENTENCE = (
    "You graded the experiences and progress of children who need help and protection good; "
    "33% of 3 audited cases were good or better."
)
pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


@pytest.fixture
def graded(review, reviewer, second_reviewer, sample):
    """Three audited cases: good, requires improvement, and one moderated whose first
    auditor said outstanding, second inadequate, settled as requires improvement."""
    for n, grade in enumerate(["good", "requires_improvement", "outstanding"]):
        audit = start(review, sample, reviewer, n=n)
        answer_all(audit, {"assessment_quality": (grade, ""), "seen_alone": ("yes", "")}, reviewer)
        services.submit(audit)
    moderated = review.case_audits.order_by("id").last()
    second = services.start_moderation(moderated, second_reviewer, moderated.audited_on)
    answer_all(second, {"assessment_quality": ("inadequate", "")}, second_reviewer)
    services.submit(second)
    services.settle(moderated, "assessment_quality", "requires_improvement", "Thin analysis.", None)
    framework = review.framework
    JudgementAssessment.objects.create(
        review=review,
        judgement=Judgement.objects.get(framework=framework, key="help_and_protection"),
        grade=GradeLevel.objects.get(framework=framework, key="good"),
    )


def test_the_dashboard_sets_practice_beside_the_self_grade(as_viewer, review, graded):
    data = as_viewer.get(reverse("audits:dashboard-json", args=[review.id])).json()
    assert data["audits"] == 3
    assert data["judgements"] == [
        {
            "judgement": "help_and_protection",
            "cases": 3,
            "good_or_better": 1,
            "self_grade": "Good",
            "sentence": SENTENCE,
        }
    ]
    assert data["groups"]["domain"] == [
        {"label": "Assessment", "counts": [0, 1, 2, 0], "graded": 3, "good": 1}
    ]
    assert data["groups"]["team"] == [
        {"label": "North", "counts": [0, 1, 2, 0], "graded": 3, "good": 1}
    ]
    page = as_viewer.get(reverse("audits:dashboard", args=[review.id])).content.decode()
    assert SENTENCE in page


def test_a_viewer_goes_from_the_audit_list_to_the_dashboard(as_viewer, review):
    response = as_viewer.get(reverse("audits:index", args=[review.id]))
    assert response.url == reverse("audits:dashboard", args=[review.id])


@pytest.mark.parametrize(("client_name", "status"), [("as_contributor", 403), ("as_outsider", 404)])
def test_contributors_and_outsiders_do_not_see_the_dashboard(request, review, client_name, status):
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("audits:dashboard", args=[review.id])).status_code == status


def test_the_dashboard_reads_a_fixed_number_of_queries(
    as_lead, review, reviewer, sample, django_assert_num_queries
):
    def audit(n):
        item = start(review, sample, reviewer, n=n)
        answer_all(item, {"assessment_quality": ("good", "")}, reviewer)

    audit(0)
    with django_assert_num_queries(14):
        as_lead.get(reverse("audits:dashboard", args=[review.id]))
    audit(1)
    audit(2)
    with django_assert_num_queries(14):
        as_lead.get(reverse("audits:dashboard", args=[review.id]))


def test_the_report_counts_the_audited_cases(review, graded):
    from readiness.reports.queries import report_data

    activities = [a for a in report_data(review).activities if a.kind == "case_file"]
    assert [(a.count, a.description) for a in activities] == [
        (3, "audited in Readiness, 1 moderated blind by a second auditor")
    ]


def test_the_counting_is_kept_until_the_fieldwork_changes(
    as_lead, review, reviewer, sample, django_assert_num_queries
):
    audit = start(review, sample, reviewer)
    answer_all(audit, {"assessment_quality": ("good", "")}, reviewer)
    url = reverse("audits:dashboard-json", args=[review.id])
    assert as_lead.get(url).json()["groups"]["team"][0]["counts"] == [0, 1, 0, 0]
    with django_assert_num_queries(8):  # counted already: nothing changed
        as_lead.get(url)
    answer_all(audit, {"assessment_quality": ("inadequate", "")}, reviewer)
    assert as_lead.get(url).json()["groups"]["team"][0]["counts"] == [0, 0, 0, 1]


def test_the_report_sets_the_dashboards_share_beside_the_self_grade(review, graded):
    from readiness.reports.domain.compose import compose
    from readiness.reports.domain.data import AuditShare
    from readiness.reports.domain.document import Paragraph, plain
    from readiness.reports.queries import report_data

    data = report_data(review)
    assert data.audit_shares == (AuditShare("help_and_protection", 3, 1, "Good"),)
    texts = [plain(b.content) for b in compose(data).blocks if isinstance(b, Paragraph)]
    said = [text for text in texts if text.startswith("Case file audits")]
    assert said == [
        "Case file audits: 1 of 3 audited cases (33%) were good or better; the self-assessment "
        "grades this Good."
    ]


def test_the_report_says_nothing_of_audits_that_grade_no_line(review, reviewer, sample):
    from readiness.reports.queries import report_data

    audit = start(review, sample, reviewer)
    answer_all(audit, {"seen_alone": ("yes", "")}, reviewer)
    services.submit(audit)
    assert report_data(review).audit_shares == ()
