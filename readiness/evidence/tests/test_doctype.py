"""Document type, focus and areas: exact answers on typical documents, the rules alone when
no model ships, and a regression floor on the synthetic sets.

How well the classifier does on real documents is measured only on real documents from
authorities it never saw: bench/doctype_accuracy.py (bench/results/doctype-accuracy.md).
The synthetic sets in fixtures/ were written by the same hands as the rules, so their floor
here guards against regressions and claims nothing.
"""

import json
from pathlib import Path

import pytest

from readiness.evidence.domain import doctype, doctype_model
from readiness.evidence.domain.doctype import KIND_LABELS, UNSURE_BELOW, classify_document

FIXTURES = Path(__file__).parent / "fixtures"

MINUTES = (
    "Present: A. Bell (chair), C. Dunn, E. Ford.\nApologies: G. Hale.\n"
    "1. The minutes of the previous meeting were agreed as an accurate record.\n"
    "2. Matters arising: the action log was reviewed.\n"
    "3. The group discussed the neglect toolkit and agreed to circulate it. It was noted that "
    "training was delayed.\nAOB: none.\nDate of next meeting: 6 May 2024."
)
NARRATIVE = (
    "What we targeted: only 38% of children coming into care had an initial health "
    "assessment within 20 working days.\nWhat we did: a same-day notification from social "
    "workers to the health team.\nImpact: now 79% are on time, up from 38% to 79% in a year, "
    "and children told us they liked being seen at home."
)
MINUTE_OF_A_REPORT = (
    "Agenda item\n\nIndependent Reviewing Officer Annual Report 2024-25\n\nMinutes:\n\n"
    "The Panel received the IRO annual report, presented by the Head of Safeguarding. "
    "Members asked about caseloads and were advised that each IRO now holds 62 children. "
    "RESOLVED: that the report be noted."
)


def load(name: str) -> list[dict]:
    with (FIXTURES / name).open() as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_minutes_are_minutes_and_process_with_the_words_that_tipped_it():
    result = classify_document("Minutes of the Neglect Subgroup, 4 March 2024", MINUTES)
    assert (result.kind, result.kind_label, result.focus) == (
        "minutes",
        "Minutes or notes of a meeting",
        "process",
    )
    assert result.kind_score >= UNSURE_BELOW and not result.unsure
    assert result.focus_words == ("agreed ×2", "minutes ×2", "meeting ×2", "action", "circulate")
    assert result.reasons.startswith("Minutes or notes of a meeting (")
    assert "title 'Minutes'" in result.reasons and "text 'Apologies'" in result.reasons


def test_a_meetings_record_of_a_report_is_minutes_not_the_report():
    assert classify_document("IRO annual report", MINUTE_OF_A_REPORT).kind == "minutes"


def test_a_short_outcome_narrative_shows_outcomes_and_names_its_measured_change():
    result = classify_document("Initial health assessments: what we did", NARRATIVE)
    assert (result.kind, result.focus) == ("narrative", "outcomes")
    assert result.focus_words[:2] == ("'from 38% to 79%'", "'children told'")
    # Three sentences are too few for the areas head's calibrated thresholds (chosen on
    # real documents), so none is claimed; children in care still ranks first.
    assert result.areas == ()
    areas = doctype_model.predict("Initial health assessments: what we did", NARRATIVE)["areas"]
    assert max(areas, key=areas.get) == "children_in_care"


def test_a_threshold_document_is_a_policy_about_help_and_protection():
    text = (
        "This document describes the levels of need. Level 1 universal; Level 2 additional "
        "needs; Level 3 complex needs; Level 4 specialist. Practitioners must use professional "
        "judgement when making a referral to children's social care or early help."
    )
    result = classify_document("Ridgeford Threshold Document", text)
    assert (result.kind, result.focus) == ("policy_or_procedure", "process")
    assert "help_and_protection" in dict(result.areas)


def test_a_seven_minute_briefing_is_a_briefing():
    text = "1. What is it? 2. Why it matters. 3. What to do. Please share this briefing."
    assert classify_document("7-minute briefing: Private fostering", text).kind == (
        "newsletter_or_briefing"
    )


def test_a_table_of_figures_in_a_spreadsheet_is_performance_data():
    text = "Measure,Q1,Q2\nRe-referrals %,23,20\nCP plans,210,198\nCLA,301,296"
    result = classify_document("Q2 figures", text, file_type="CSV")
    assert result.kind == "performance_data"


def test_every_probability_is_a_probability_and_the_reasons_name_the_model():
    predicted = doctype_model.predict("Minutes", MINUTES)
    assert set(predicted["kind"]) == set(KIND_LABELS)
    assert abs(sum(predicted["kind"].values()) - 1) < 1e-9
    assert 0 <= predicted["outcome"] <= 1
    assert set(predicted["areas"]) == set(doctype_model.AREAS)
    assert "model: " in classify_document("Minutes", MINUTES).reasons


def test_without_a_shipped_model_the_cues_decide_alone(monkeypatch):
    monkeypatch.setattr(doctype_model, "shipped_model", lambda: None)
    result = classify_document("Minutes of the Neglect Subgroup, 4 March 2024", MINUTES)
    assert (result.kind, result.areas) == ("minutes", ())
    assert "cue rules only" in result.reasons and "model:" not in result.reasons


def test_a_model_file_of_another_version_is_ignored(monkeypatch, tmp_path):
    import gzip

    old = tmp_path / "old.json.gz"
    with gzip.open(old, "wt") as handle:
        json.dump({"version": 3, "kinds": []}, handle)
    monkeypatch.setattr(doctype_model, "MODEL_PATH", old)
    doctype_model.shipped_model.cache_clear()
    try:
        assert doctype_model.predict("Minutes", MINUTES) is None
    finally:
        doctype_model.shipped_model.cache_clear()


def test_every_kind_key_is_labelled():
    assert set(KIND_LABELS) == {
        "minutes",
        "committee_report",
        "strategy_or_plan",
        "policy_or_procedure",
        "annual_report",
        "audit_or_review",
        "performance_data",
        "newsletter_or_briefing",
        "training",
        "narrative",
        "other",
    }
    assert doctype.KIND_LABELS is KIND_LABELS


@pytest.mark.parametrize(
    ("name", "kind_floor", "at_least"),
    [
        # Synthetic sets, hand-written here: a regression floor only (set a little under the
        # figure measured when the model trained on real documents shipped: 17 of 45 and 150
        # of 165), never a claim. blind3 was written to the old cue rules' phrasing and real
        # documents do not talk like it, which is why it scores low.
        ("doctype_blind3.jsonl", 0.35, 45),
        ("doctype_labelled.jsonl", 0.85, 120),
    ],
)
def test_the_synthetic_sets_stay_at_their_floor(name, kind_floor, at_least):
    rows = load(name)
    assert len(rows) >= at_least
    right = sum(
        classify_document(r["title"], r["text"], r.get("file_type", "")).kind == r["kind"]
        for r in rows
    )
    assert right / len(rows) >= kind_floor
