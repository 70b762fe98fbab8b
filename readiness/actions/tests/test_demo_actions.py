from datetime import timedelta

import pytest
from django.utils import timezone

from readiness.actions import services
from readiness.actions.domain import lists
from readiness.actions.models import ActionItem, Finding, ProgressUpdate
from readiness.demo.domain.actions_demo import link_documents
from readiness.demo.domain.partnerships import ANYTOWN, NORTHBRIDGE
from readiness.demo.loader import load_partnership
from readiness.evidence.models import EvidenceDocument
from readiness.narratives.domain.demo_narratives import DEMO_NARRATIVES

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def anytown(framework):
    return load_partnership(ANYTOWN)


def test_anytown_has_r1_and_a9_to_a15_matching_its_narratives(anytown):
    codes = [r.code for r in lists.select(services.item_rows(anytown), lists.ItemFilter(),
                                          TODAY, anytown.window_starts)]  # fmt: skip
    assert codes == ["R1", "A9", "A10", "A11", "A12", "A13", "A14", "A15"]
    narrative_codes = {n.action_point for n in DEMO_NARRATIVES}
    assert narrative_codes == {"A9", "A10", "A11", "A12", "A13"}
    r1 = ActionItem.objects.get(review=anytown, code="R1")
    assert [m.done_on is not None for m in r1.milestones.all()] == [True, False, False, False]
    assert r1.finding.area == "Help and protection"
    # The next action point is A16: the demo's codes moved the sequence on.
    assert services.create_item(anytown, "action_point", "Next").code == "A16"


def test_anytown_has_overdue_stale_and_before_window_items(anytown):
    rows = services.item_rows(anytown)

    def chosen(**kw):
        return [r.code for r in lists.select(rows, lists.ItemFilter(**kw), TODAY,
                                             anytown.window_starts)]  # fmt: skip

    assert chosen(view=lists.OVERDUE) == ["A12", "A15"]
    assert chosen(view=lists.STALE, stale_weeks=4) == ["A12", "A13", "A14", "A15"]
    if anytown.window_starts > TODAY + timedelta(days=45):
        assert chosen(view=lists.BEFORE_WINDOW) == ["R1", "A11", "A12", "A13", "A14", "A15"]
    owners = {r.code: r.owner_name for r in rows}
    assert owners["A11"] == "Dana Merriweather"


def test_findings_are_carried_forward_with_their_origin(anytown):
    current = list(services.current_findings(anytown).select_related("phase", "origin_phase"))
    assert len(current) == 11
    carried = [f for f in current if f.origin_phase_id]
    assert {f.origin_phase.name for f in carried} == {"Part 1: front door"}
    assert {f.phase.name for f in current} == {"Part 2: children in care and care leavers"}
    assert len(carried) == 6
    assert Finding.objects.filter(review=anytown).count() == 17
    assert sorted(services.finding_numbers(anytown).values()) == list(range(1, 12))


def test_progress_updates_link_evidence_once_the_library_holds_it(anytown):
    update = ProgressUpdate.objects.get(item__review=anytown, item__code="A9")
    assert update.evidence_reference == "Multi-agency audits - what changed for children"
    document = EvidenceDocument.objects.create(
        review=anytown, content_hash="1" * 64, title="Multi-agency audits - what changed for "
        "children", file_type="docx", size_bytes=1, stored_name="x",
    )  # fmt: skip
    assert link_documents(anytown) == 1
    assert link_documents(anytown) == 0
    update.refresh_from_db()
    assert (list(update.documents.all()), update.evidence_reference) == ([document], "")


def test_loading_again_gives_the_same_plan(anytown):
    before = [(i.code, i.status, i.due_date) for i in ActionItem.objects.filter(review=anytown)]
    again = load_partnership(ANYTOWN)
    after = [(i.code, i.status, i.due_date) for i in ActionItem.objects.filter(review=again)]
    assert after == before
    assert ActionItem.objects.count() == 8


def test_northbridge_has_no_demo_actions(framework, slac):
    review = load_partnership(NORTHBRIDGE)
    assert ActionItem.objects.filter(review=review).count() == 0
