"""Real requests for tests (also used by the countdown's and notifications' tests)."""

from __future__ import annotations

from datetime import date

from readiness.asks.models import EvidenceRequest
from readiness.frameworks.models import LineOfEnquiry


def make_request(review, agency, *, due: date, keys: tuple[str, ...] = (), asked_by=None,
                 message: str = "Your latest audit of strategy meetings, please.",
                 status: str = EvidenceRequest.OPEN) -> EvidenceRequest:  # fmt: skip
    """A request on the lines `keys` (the framework's first line when none is given)."""
    lines = LineOfEnquiry.objects.filter(judgement__framework=review.framework)
    lines = lines.filter(key__in=keys) if keys else lines.order_by("judgement__position",
                                                                     "position")[:1]  # fmt: skip
    request = EvidenceRequest.objects.create(
        review=review, agency=agency, due_date=due, message=message, asked_by=asked_by,
        status=status,
    )  # fmt: skip
    request.lines_of_enquiry.set(lines)
    return request
