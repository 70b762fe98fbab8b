"""Readiness at a glance: the review's home page and its JSON twin."""

from datetime import date

import pytest
from django.urls import reverse

from readiness.actions.models import ActionItem
from readiness.countdown.models import Call
from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import Alignment
from readiness.evidence.tests.factories import CARE_LEAVERS, write_folder
from readiness.indicators.models import Comparator, IndicatorValue
from readiness.lib.testing.factories import ActionItemFactory, AgencyFactory
from readiness.narratives.models import Narrative
from readiness.narratives.services import save_version

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]

TODAY = date(2026, 11, 26)


def red_indicator(review, value=60.0):
    for year, figure in ((2024, 55.0), (2025, value)):
        IndicatorValue.objects.create(review=review, indicator="lac_health_assessments",
                                      period_end=date(year, 3, 31), value=figure)  # fmt: skip
    Comparator.objects.create(
        review=review,
        indicator="lac_health_assessments",
        kind=Comparator.TARGET,
        period_end=date(2025, 3, 31),
        value=90,
    )


def overdue_action(review, owner, code="", days=5):
    item = ActionItemFactory(review=review, text="Refresh the health narrative", owner=owner,
                             due_date=TODAY)  # fmt: skip
    ActionItem.objects.filter(id=item.id).update(
        due_date=date.fromordinal(TODAY.toordinal() - days)
    )
    return item


def failing_narrative(review, author, key="health"):
    narrative = Narrative.objects.create(review=review, key=key)
    save_version(narrative, author, title="Health", indicator_ids=[], evidence=[],
                 targeted_and_why="We met.", what_we_did="We met again.",
                 impact_for_children="", whats_next="")  # fmt: skip
    return narrative


@pytest.fixture
def ready(review, lead, contributor, police, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    AgencyFactory(review=review, name="Anytown Borough Council")
    ingest_path(review, write_folder(tmp_path / "evidence"), user=lead)
    red_indicator(review)
    overdue_action(review, contributor)
    failing_narrative(review, lead)
    return review


def home(review):
    return reverse("reviews:detail", args=[review.id])


def test_the_lead_sees_how_ready_the_review_is(as_lead, lead, contributor, ready):
    response = as_lead.get(home(ready))
    assert response.status_code == 200
    glance = response.context["glance"]
    assert glance.sees_all_evidence is True
    assert (glance.open_actions, glance.overdue_actions) == (1, 1)
    assert [i.id for i in glance.indicators] == ["lac_health_assessments"]
    assert glance.indicators[0].status == "red"
    assert glance.indicators[0].values == (55.0, 60.0)
    assert [n.key for n in glance.narratives] == ["health"]
    assert glance.countdown is None
    kinds = list(dict.fromkeys(step.kind for step in glance.steps))
    assert kinds[:5] == ["action", "gap", "indicator", "narrative", "ungraded"]
    overdue = glance.steps[0]
    assert (overdue.what, overdue.why, overdue.owner) == (
        f"{ActionItem.objects.get().code}: Refresh the health narrative",
        "overdue by 5 days",
        contributor.get_full_name(),
    )
    html = response.content.decode()
    assert '<svg class="readiness-sparkline"' in html
    assert 'aria-label="Trend of Health assessments up to date: 55, 60"' in html
    # Every figure links to the list behind it.
    assert f'href="{reverse("actions:plan", args=[ready.id])}?view=overdue">1 overdue</a>' in html
    judgement = glance.judgements[0]
    assert reverse("assessment:judgement", args=[ready.id, judgement.key]) in html


def test_the_per_judgement_figures_come_from_the_evidence(as_lead, ready, lead):
    glance = as_lead.get(home(ready)).context["glance"]
    counted = {j.key: (j.confirmed, j.unreviewed) for j in glance.judgements}
    alignments = Alignment.objects.filter(document__review=ready)
    expected = {}
    for a in alignments.select_related("line_of_enquiry__judgement"):
        key = a.line_of_enquiry.judgement.key
        confirmed, unreviewed = expected.get(key, (0, 0))
        expected[key] = (confirmed, unreviewed + 1)
    assert {k: v for k, v in counted.items() if v != (0, 0)} == expected
    alignments.update(status=Alignment.CONFIRMED)
    glance = as_lead.get(home(ready)).context["glance"]
    assert {j.key: (j.confirmed, j.unreviewed) for j in glance.judgements if j.confirmed} == {
        key: (unreviewed, 0) for key, (_, unreviewed) in expected.items()
    }


def test_my_work_is_the_signed_in_persons(as_contributor, as_lead, ready):
    mine = as_contributor.get(home(ready)).context["glance"].mine
    assert [(step.kind, step.why) for step in mine] == [("action", "overdue by 5 days")]
    lead_mine = as_lead.get(home(ready)).context["glance"].mine
    assert "action" not in {step.kind for step in lead_mine}
    assert {"gap", "indicator", "narrative"} <= {step.kind for step in lead_mine}


def test_a_contributor_sees_no_partnership_analyses(as_contributor, ready):
    response = as_contributor.get(home(ready))
    glance = response.context["glance"]
    assert glance.sees_all_evidence is False
    assert {step.kind for step in glance.steps} & {"gap", "stale"} == set()
    assert "Surfeits" not in response.content.decode()
    police_only = Alignment.objects.filter(document__review=ready,
                                           document__agency__name="Anyshire Police")  # fmt: skip
    assert sum(j.unreviewed for j in glance.judgements) == police_only.count()


def test_an_outsider_gets_404(as_outsider, ready):
    assert as_outsider.get(home(ready)).status_code == 404
    assert as_outsider.get(reverse("glance:json", args=[ready.id])).status_code == 404


def test_the_json_twin_carries_the_same_glance_with_links(as_lead, ready):
    data = as_lead.get(reverse("glance:json", args=[ready.id])).json()
    assert data["today"] == "2026-11-26"
    assert data["overdue_actions"] == 1
    code = ActionItem.objects.get().code
    assert data["steps"][0]["link"] == reverse("actions:item", args=[ready.id, code])
    assert data["indicators"][0]["values"] == [55.0, 60.0]
    assert data["countdown"] is None


def test_once_the_call_is_recorded_the_page_counts_down(as_lead, as_contributor, ready, lead):
    refused = as_contributor.post(reverse("countdown:call", args=[ready.id]),
                                  {"day": "23", "month": "11", "year": "2026"})  # fmt: skip
    assert refused.status_code == 403
    weekend = as_lead.post(reverse("countdown:call", args=[ready.id]),
                           {"day": "22", "month": "11", "year": "2026"}, follow=True)  # fmt: skip
    assert "is a weekend day" in weekend.content.decode()
    assert not Call.objects.exists()
    as_lead.post(reverse("countdown:call", args=[ready.id]),
                 {"day": "23", "month": "11", "year": "2026"})  # fmt: skip
    assert Call.objects.get(review=ready).called_on == date(2026, 11, 23)
    glance = as_lead.get(home(ready)).context["glance"]
    # ILACS: the call on Monday 23 November, inspectors on site the following Monday.
    assert (glance.countdown.start, glance.countdown.working_days_left) == (date(2026, 11, 30), 2)
    assert glance.steps[0].kind == "countdown"
    as_lead.post(reverse("countdown:call", args=[ready.id]), {"clear": "1"})
    assert not Call.objects.exists()


@pytest.mark.parametrize("size", [1, 3])
def test_the_page_costs_the_same_queries_at_any_size(
    as_lead, lead, contributor, review, tmp_path, settings, size, django_assert_num_queries
):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(size):
        (folder / f"offer {number}.md").write_text(f"{CARE_LEAVERS}\nVersion {number}.")
        overdue_action(review, contributor, days=number + 1)
        failing_narrative(review, lead, key=f"n{number}")
    ingest_path(review, folder, user=lead)
    red_indicator(review)
    Call.objects.create(review=review, called_on=date(2026, 11, 23), recorded_by=lead)
    with django_assert_num_queries(36):  # 34, and 2 for the requests banner
        as_lead.get(home(review))


def test_the_page_reads_only_what_it_shows_of_imports_and_narrative_documents(as_lead, ready, lead):
    """Under load every glance counts (bench/results/load.md): an import's quality report
    (one line per record it had to correct) and the linked documents' rows are not read."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from readiness.evidence.models import EvidenceDocument
    from readiness.indicators.models import DataImport

    DataImport.objects.create(review=ready, kind=DataImport.SSDA903, file_name="903.csv",
                              quality={"problems": ["row 2: no date of birth"] * 500})  # fmt: skip
    narrative = Narrative.objects.get(review=ready)
    narrative.versions.first().documents.set(EvidenceDocument.objects.filter(review=ready)[:2])
    with CaptureQueriesContext(connection) as queries:
        assert as_lead.get(home(ready)).status_code == 200
    selects = [q["sql"] for q in queries.captured_queries]
    imports = [sql for sql in selects if 'FROM "indicators_dataimport"' in sql]
    linked = [sql for sql in selects if "narrativeversion_documents" in sql]
    assert len(imports) == 1 and '"quality"' not in imports[0]
    assert len(linked) == 1
    assert '"evidence_evidencedocument"."title"' not in linked[0]  # neither read nor sorted by
    assert "reviews_review" not in linked[0]
