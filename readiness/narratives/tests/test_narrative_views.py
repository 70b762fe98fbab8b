import io

import pytest
from django.urls import reverse
from docx import Document

from readiness.demo.loader import load_figures_and_narratives
from readiness.narratives.models import Narrative, NarrativeVersion

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Health assessments for children in care",
    "targeted_and_why": "Only 64% of children in care had timely health assessments.",
    "what_we_did": "Notifications now reach the health team within two working days.",
    "impact_for_children": "89% of children now have their assessment on time; children "
    "told us they no longer miss school for appointments.",
    "whats_next": "Reach 92% and close the gap for children placed out of area.",
    "indicator_ids": ["lac_health_assessments"],
    "evidence_text": "Health assessments for children in care - what changed 2025-26",
}


@pytest.fixture
def figures(review, lead):
    review.area = "Anytown"
    review.save()
    return load_figures_and_narratives(review)


def test_the_demo_narratives_pass_and_the_process_heavy_one_fails(as_lead, review, figures):
    data = as_lead.get(reverse("narratives:index-json", args=[review.id])).json()
    verdicts = {n["key"]: (n["passed"], n["findings"]) for n in data["narratives"]}
    assert verdicts["lac-health-meetings"] == (False, ["process_heavy"])
    assert [key for key, (passed, _) in verdicts.items() if not passed] == ["lac-health-meetings"]


def test_a_contributor_writes_a_narrative_with_a_live_indicator(as_contributor, review, figures):
    response = as_contributor.post(reverse("narratives:new", args=[review.id]), FORM)
    narrative = Narrative.objects.get(key="health-assessments-for-children-in-care")
    assert response.status_code == 302
    version = narrative.versions.get()
    assert version.indicators == [
        {"indicator": "lac_health_assessments", "period": "2025-26", "value": "89%"}
    ]
    page = as_contributor.get(reverse("narratives:detail", args=[review.id, narrative.key]))
    assert page.context["result"].passed is True


def test_a_new_version_keeps_the_old_one(as_lead, review, figures):
    url = reverse("narratives:edit", args=[review.id, "lac-health-and-dental"])
    as_lead.post(url, {**FORM, "title": "LAC health and dental checks, refreshed"})
    titles = list(
        NarrativeVersion.objects.filter(narrative__key="lac-health-and-dental").values_list(
            "number", "title"
        )
    )
    assert titles[0] == (2, "LAC health and dental checks, refreshed")
    assert titles[1][0] == 1


def test_a_figure_older_than_the_latest_import_is_flagged(as_lead, review, figures, tmp_path):
    from readiness.indicators.services import import_data

    import_data(
        review,
        "table",
        {"new.csv": b"indicator,period_end,value\nlac_health_assessments,2027-03-31,93\n"},
    )
    data = as_lead.get(reverse("narratives:index-json", args=[review.id])).json()
    findings = {n["key"]: n["findings"] for n in data["narratives"]}
    assert "figures_stale" in findings["lac-health-and-dental"]


def test_the_word_export_reads_back(as_viewer, review, figures):
    response = as_viewer.get(reverse("narratives:docx", args=[review.id, "gcse-results"]))
    headings = [
        p.text
        for p in Document(io.BytesIO(response.content)).paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert headings[:4] == [
        "What we targeted and why",
        "What we did",
        "Impact for children",
        "What's next",
    ]


def test_the_word_export_takes_text_pasted_with_control_characters(as_viewer, review, figures):
    version = Narrative.objects.get(review=review, key="gcse-results").versions.first()
    version.what_we_did = "Tutoring\x0bfor every child\x02"
    version.save(update_fields=["what_we_did"])
    response = as_viewer.get(reverse("narratives:docx", args=[review.id, "gcse-results"]))
    texts = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert "Tutoring for every child" in texts


def test_a_viewer_cannot_write(as_viewer, review, figures):
    response = as_viewer.post(reverse("narratives:new", args=[review.id]), FORM)
    assert response.status_code == 403
    assert not Narrative.objects.filter(key="health-assessments-for-children-in-care").exists()


def test_an_outsider_gets_404(as_outsider, review, figures):
    for url in (
        reverse("narratives:index", args=[review.id]),
        reverse("narratives:detail", args=[review.id, "gcse-results"]),
    ):
        assert as_outsider.get(url).status_code == 404


def test_the_command_checks_every_narrative(review, figures, capsys):
    from django.core.management import call_command

    with pytest.raises(SystemExit) as exited:
        call_command("narrative", "check", "--review", str(review.id))
    out = capsys.readouterr().out.splitlines()
    assert "lac-health-meetings: needs work (0.7 pages)" in out
    assert (out[-1], exited.value.code) == ("1 narrative needs work.", 1)


def test_the_command_exits_0_when_every_narrative_passes(review, figures, capsys):
    from django.core.management import call_command

    Narrative.objects.filter(key="lac-health-meetings").delete()
    call_command("narrative", "check", "--review", str(review.id))
    assert capsys.readouterr().out.splitlines()[-1] == "0 narratives need work."


def test_briefs_put_data_backed_impacts_first(as_contributor, review, figures):
    response = as_contributor.get(reverse("narratives:briefs", args=[review.id]))
    briefs = {b.service: b for b in response.context["briefs"]}
    health = briefs["Children in care health team"]
    assert [i.text for i in health.impacts] == [
        "Children in care have their health assessments on time",
        "Children placed out of area see a dentist sooner",
    ]
    assert health.impacts[0].value_words.startswith("Health assessments")
    download = as_contributor.get(
        reverse("narratives:brief", args=[review.id, "children-in-care-health-team"])
    )
    assert download.content.decode().startswith("# Interview brief: Children in care health team")


def test_a_contributor_adds_an_impact_and_a_viewer_cannot(
    as_contributor, as_viewer, review, figures
):
    from readiness.narratives.models import ServiceImpact

    data = {"service": "Police", "text": "Children are seen within a day", "indicator": ""}
    assert as_viewer.post(reverse("narratives:briefs", args=[review.id]), data).status_code == 403
    response = as_contributor.post(reverse("narratives:briefs", args=[review.id]), data)
    assert response.status_code == 302
    assert ServiceImpact.objects.filter(service="Police").count() == 1


def test_a_second_narrative_with_the_same_title_is_a_narrative_of_its_own(as_lead, review, figures):
    as_lead.post(reverse("narratives:new", args=[review.id]), {**FORM, "title": "New"})
    as_lead.post(reverse("narratives:new", args=[review.id]), {**FORM, "title": "New"})
    keys = sorted(Narrative.objects.filter(key__startswith="new").values_list("key", flat=True))
    assert keys == ["new-2", "new-3"]
