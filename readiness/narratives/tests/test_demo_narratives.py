"""Anytown's demo narratives: A9-A13 pass the check, the minutes-like one fails it."""

import csv
from pathlib import Path

import pytest
import yaml

from readiness.narratives.domain.check import check_narrative, word_count
from readiness.narratives.domain.demo_narratives import (
    DEMO_CURRENT_VALUES,
    DEMO_LATEST_IMPORT,
    DEMO_NARRATIVES,
    DEMO_TODAY,
    INDICATOR_IDS_USED,
    PROCESS_HEAVY,
)

ROOT = Path(__file__).resolve().parents[3]
GOOD = [d for d in DEMO_NARRATIVES if d.meant_to_pass]


def run(demo):
    return check_narrative(
        demo.as_text(),
        latest_import=DEMO_LATEST_IMPORT,
        today=DEMO_TODAY,
        current_values=DEMO_CURRENT_VALUES,
    )


def test_the_review_asked_for_five_and_one_shows_what_it_warned_against():
    assert [d.action_point for d in GOOD] == ["A9", "A10", "A11", "A12", "A13"]
    assert [d for d in DEMO_NARRATIVES if not d.meant_to_pass] == [PROCESS_HEAVY]
    assert len({d.key for d in DEMO_NARRATIVES}) == len(DEMO_NARRATIVES)


@pytest.mark.parametrize("demo", GOOD, ids=lambda d: d.action_point)
def test_each_asked_for_narrative_passes_with_no_findings(demo):
    result = run(demo)
    assert result.passed, [(f.code, f.detail) for f in result.findings]
    assert result.findings == ()


@pytest.mark.parametrize("demo", GOOD, ids=lambda d: d.action_point)
def test_each_is_300_to_700_words_with_live_indicators_and_evidence(demo):
    assert 300 <= word_count(demo.as_text().full_text()) <= 700
    assert demo.indicators and demo.evidence


def test_the_minutes_like_narrative_fails_for_describing_process():
    result = run(PROCESS_HEAVY)
    assert not result.passed
    assert "process_heavy" in result.codes()
    finding = next(f for f in result.findings if f.code == "process_heavy")
    assert "meeting ×" in finding.detail and "group ×" in finding.detail


def test_every_indicator_id_is_in_the_indicator_library():
    path = ROOT / "readiness" / "indicators" / "data" / "indicators.yaml"
    if not path.exists():
        pytest.skip("the indicator library is not there yet")
    ids = {i["id"] for i in yaml.safe_load(path.read_text())["indicators"]}
    assert sorted(INDICATOR_IDS_USED - ids) == []


def test_every_evidence_title_is_a_document_in_the_anytown_demo():
    manifest = ROOT / "readiness" / "demo" / "evidence" / "anytown" / "MANIFEST.csv"
    titles = {row["title"] for row in csv.DictReader(manifest.open(encoding="utf-8"))}
    used = {title for d in DEMO_NARRATIVES for title in d.evidence}
    assert sorted(used - titles) == []
