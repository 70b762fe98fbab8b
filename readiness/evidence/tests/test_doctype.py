"""Document type and focus: exact answers on typical documents, and accuracy floors.

The floors guard against regressions at the figures measured on the fixtures
(bench/results/doctype-accuracy.md). Only blind v3 says how the classifier does on wording
nobody tuned it to: it is in no training set (bench/doctype_train.py). Do not tune on it,
or write a new blind set when you do.
"""

import json
import time
from pathlib import Path

import pytest

from readiness.evidence.domain import doctype
from readiness.evidence.domain.doctype import KIND_LABELS, classify_document

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> list[dict]:
    with (FIXTURES / name).open() as handle:
        return [json.loads(line) for line in handle if line.strip()]


def accuracy(rows: list[dict]) -> tuple[float, float]:
    got = [classify_document(r["title"], r["text"], r.get("file_type", "")) for r in rows]
    kind = sum(g.kind == r["kind"] for g, r in zip(got, rows, strict=True)) / len(rows)
    focus = sum(g.focus == r["focus"] for g, r in zip(got, rows, strict=True)) / len(rows)
    return kind, focus


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


def test_minutes_are_minutes_and_process_with_the_words_that_tipped_it():
    result = classify_document("Minutes of the Neglect Subgroup, 4 March 2024", MINUTES)
    assert (result.kind, result.focus) == ("minutes", "process")
    assert result.kind_label == "Minutes or notes of a meeting"
    assert result.kind_score == 0.94
    assert result.focus_score == 1.0
    assert result.focus_words == ("agreed ×2", "minutes ×2", "meeting ×2", "action", "circulate")
    assert "title 'Minutes'" in result.reasons and "text 'Apologies'" in result.reasons
    assert result.reasons.startswith("Minutes or notes of a meeting (0.94; cues and model agree)")
    assert "model: 0.93 minutes from " in result.reasons


def test_the_reasons_say_when_the_model_overruled_the_cues():
    # Numbered slides read to the cues as a page of figures; the model knows a slide deck.
    text = (
        "Slide 1: Why are we changing? Slide 2: What the new front door looks like. "
        "Slide 3: What changes for you in April. Slide 4: Where to ask questions."
    )
    result = classify_document("New front door: slides for team meetings", text)
    assert result.kind == "newsletter_or_briefing"
    assert "(0.25; the model decided). model: 0.36 newsletter_or_briefing from" in result.reasons
    assert "cues: performance data (score 2.8;" in result.reasons


def test_without_a_shipped_model_the_cues_decide_alone(monkeypatch):
    monkeypatch.setattr(doctype, "_model", lambda: None)
    result = classify_document("Minutes of the Neglect Subgroup, 4 March 2024", MINUTES)
    assert result.kind == "minutes"
    assert "model:" not in result.reasons
    assert doctype.model_probabilities("Minutes", MINUTES) == {}


def test_the_shipped_model_gives_a_probability_to_every_kind():
    probs = doctype.model_probabilities("7-minute briefing: Private fostering", "Why it matters")
    assert set(probs) == set(KIND_LABELS)
    assert abs(sum(probs.values()) - 1) < 1e-9
    assert max(probs, key=probs.get) == "newsletter_or_briefing"


def test_a_short_outcome_narrative_names_its_measured_change():
    result = classify_document("Initial health assessments: what we did", NARRATIVE)
    assert (result.kind, result.focus) == ("narrative", "outcomes")
    assert result.focus_words[:2] == ("'from 38% to 79%'", "'children told'")
    assert "4 percentages" in result.focus_words


def test_a_threshold_document_is_a_policy_or_procedure():
    text = (
        "This document describes the levels of need. Level 1 universal; Level 2 additional "
        "needs; Level 3 complex needs; Level 4 specialist. Practitioners must use professional "
        "judgement."
    )
    result = classify_document("Ridgeford Threshold Document", text)
    assert (result.kind, result.focus) == ("policy_or_procedure", "process")


def test_a_seven_minute_briefing_is_a_briefing():
    text = "1. What is it? 2. Why it matters. 3. What to do. Please share this briefing."
    assert classify_document("7-minute briefing: Private fostering", text).kind == (
        "newsletter_or_briefing"
    )


def test_a_table_of_figures_is_performance_data_and_a_spreadsheet_more_so():
    text = "Measure,Q1,Q2\nRe-referrals %,23,20\nCP plans,210,198\nCLA,301,296"
    plain = classify_document("Q2 figures", text)
    sheet = classify_document("Q2 figures", text, file_type="CSV")
    assert plain.kind == sheet.kind == "performance_data"
    assert plain.focus == "outcomes"
    assert "3 rows of figures" in plain.reasons and "a csv file" in sheet.reasons


def test_nothing_to_go_on_is_other_and_process():
    result = classify_document("", "")
    assert (result.kind, result.focus, result.focus_words) == ("other", "process", ())
    assert "no kind's cues reaching" in result.reasons


def test_an_untitled_outcome_story_is_a_narrative_not_other():
    text = (
        "Two years ago children waited 15 weeks. We added a clinic. The wait fell from 15 weeks "
        "to 6 weeks and young people said it was easier."
    )
    assert classify_document("Update", text).kind == "narrative"


def test_a_policy_full_of_the_word_children_stays_process():
    text = (
        "This policy applies to all children and young people. Staff must record every "
        "contact with children and families within 24 hours. Children must be seen alone."
    )
    assert classify_document("Recording policy", text).focus == "process"


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


@pytest.mark.parametrize(
    ("name", "kind_floor", "focus_floor", "at_least"),
    [
        # Blind v3: written before the model was trained; in no training set; never tuned
        # on. Measured 0.844 / 0.889 (n=45); the cues alone scored 0.400 / 0.844.
        ("doctype_blind3.jsonl", 0.80, 0.85, 45),
        # The rest are training data for the model (and the cues were written from blind v1,
        # held-out and development), so these floors guard against regressions only.
        # Blind v2: measured 1.000 / 1.000 (n=24); the cues alone 0.583 / 1.000.
        ("doctype_blind2.jsonl", 0.95, 0.95, 24),
        # Held-out: measured 1.000 / 0.979 (n=48).
        ("doctype_heldout.jsonl", 0.95, 0.95, 40),
        # Blind v1: measured 1.000 / 0.903 (n=31).
        ("doctype_blind.jsonl", 0.95, 0.87, 30),
        # Generated development set; measured 1.000 / 1.000 (n=165).
        ("doctype_labelled.jsonl", 0.97, 0.97, 120),
    ],
)
def test_accuracy_stays_at_the_measured_floor(name, kind_floor, focus_floor, at_least):
    rows = load(name)
    assert len(rows) >= at_least
    assert {r["kind"] for r in rows} <= set(KIND_LABELS)
    kind, focus = accuracy(rows)
    assert kind >= kind_floor, f"{name}: kind accuracy {kind:.3f} < {kind_floor}"
    assert focus >= focus_floor, f"{name}: focus accuracy {focus:.3f} < {focus_floor}"


def test_classifying_is_fast_enough_for_every_document_at_ingest():
    rows = load("doctype_labelled.jsonl")
    started = time.perf_counter()
    for row in rows:
        classify_document(row["title"], row["text"] * 20)  # ~2,000-word documents
    assert (time.perf_counter() - started) / len(rows) < 0.03  # measured 6.5 ms
