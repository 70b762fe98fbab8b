from datetime import date

import pytest

from readiness.audits import services
from readiness.casework import services as casework
from readiness.casework.domain.caselist import CaseRow
from readiness.lib.testing.factories import MembershipFactory, UserFactory


@pytest.fixture
def sample(review, lead):
    rows = [CaseRow(f"AT{n:03}", "child_protection", "North", f"W{n}", 6, date(2025, 1, 1))
            for n in range(5)]  # fmt: skip
    casework.import_cases(review, rows)
    return casework.draw(review, {"child_protection": 5}, 3, date(2026, 11, 26), lead)


@pytest.fixture
def second_reviewer(review):
    user = UserFactory(username="reviewer2")
    MembershipFactory(review=review, user=user, role="reviewer")
    return user


def start(review, sample, auditor, tool="social-care-ilacs-2026", n=0):
    case = list(sample.cases.all())[n].case
    return services.start_audit(review, case, tool, auditor, date(2026, 11, 20), sample)


def answer_all(audit, answers, user):
    tool = services.tool_for(audit)
    services.save_answers(audit, list(tool.sections), answers, user)
