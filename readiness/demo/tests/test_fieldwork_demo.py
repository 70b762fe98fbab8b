import pytest
from django.test import Client
from django.urls import reverse

from readiness.audits.models import CaseAudit, ChildAction, ModerationDecision
from readiness.casework.models import Case, Sample
from readiness.demo.domain import fieldwork_demo
from readiness.demo.domain.partnerships import ANYTOWN
from readiness.demo.fieldwork import load_fieldwork
from readiness.demo.loader import load_partnership
from readiness.interviews.models import Interview, NotePassage
from readiness.thresholds.models import ThresholdCheck
from readiness.thresholds.services import check_results

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]


def test_the_children_are_the_same_every_time_and_pseudonymised():
    first, again = fieldwork_demo.children(), fieldwork_demo.children()
    assert first == again
    assert len(first) == 400
    assert all(c.case_id.startswith("AT") and c.case_id[2:].isdigit() for c in first)


def test_anytown_gets_its_fieldwork():
    review = load_partnership(ANYTOWN)
    done = load_fieldwork(review)
    assert done == {"cases": 400, "sampled": 20, "audits": 20, "moderated": 6,
                    "interviews": 8, "threshold_answers": 60}  # fmt: skip
    assert Case.objects.filter(review=review).count() == 400
    sample = Sample.objects.get(review=review)
    assert (sample.seed, sample.sizes) == (4117, fieldwork_demo.SAMPLE_SIZES)
    first = CaseAudit.objects.filter(review=review, moderates__isnull=True)
    assert first.count() == 20
    assert CaseAudit.objects.filter(review=review, moderates__isnull=False).count() == 6
    planted = ModerationDecision.objects.get(audit__review=review)
    assert (planted.question_id, planted.answer) == ("plan_smart", "requires_improvement")
    assert ChildAction.objects.filter(audit__review=review, urgent=True).count() == 1
    assert Interview.objects.filter(review=review, kind="focus_group").count() == 2
    assert NotePassage.objects.filter(note__interview__review=review, is_quote=True).count() == 2
    result = check_results(ThresholdCheck.objects.get(review=review))
    assert (result.people, result.counted) == (60, 55)
    assert result.hidden_agencies == [("Anytown Community Health Trust", 2),
                                      ("Probation Service (Anyshire)", 3)]  # fmt: skip
    client = Client()
    client.force_login(review.memberships.get(role="lead").user)
    for name in ("audits:index", "audits:dashboard", "audits:agreement", "interviews:index",
                 "casework:cases"):  # fmt: skip
        assert client.get(reverse(name, args=[review.id])).status_code == 200, name
