"""Writing findings and action items: the one place codes are issued."""

from datetime import date

from django.db import transaction

from readiness.actions.domain.codes import CodeError, format_code, parse_code
from readiness.actions.models import ActionItem, CodeSequence, Finding
from readiness.reviews.models import Review


@transaction.atomic
def issue_code(review: Review, kind: str, wanted: str = "") -> str:
    """The next code for KIND in REVIEW, or WANTED (from an import or the demo) when it is
    free; the sequence then moves past it so the system never issues it again."""
    prefix = ActionItem.PREFIXES[kind]
    sequence, _ = CodeSequence.objects.select_for_update().get_or_create(
        review=review, prefix=prefix
    )
    if wanted:
        number = parse_code(wanted, prefix)
        code = format_code(prefix, number)
        if ActionItem.objects.filter(review=review, code=code).exists():
            raise CodeError(f"{code} is already issued in this review.")
    else:
        number = sequence.last_number + 1
        code = format_code(prefix, number)
    if number > sequence.last_number:
        sequence.last_number = number
        sequence.save(update_fields=["last_number"])
    return code


@transaction.atomic
def create_item(review: Review, kind: str, text: str, code: str = "", **fields) -> ActionItem:
    """A new recommendation or action point with its code issued. Raises CodeError on a
    collision or a malformed code, ValueError on a due date before the review began."""
    if not text.strip():
        raise ValueError("An item needs its text.")
    due_date: date | None = fields.get("due_date")
    if due_date and due_date < review_start(review):
        raise ValueError(
            f"The due date {due_date:%-d %B %Y} is before the review began "
            f"({review_start(review):%-d %B %Y})."
        )
    judgements = fields.pop("judgements", None)
    item = ActionItem(review=review, kind=kind, text=text.strip(), **fields)
    item.code = issue_code(review, kind, code)
    item.save()
    if judgements:
        item.judgements.set(judgements)
    return item


def review_start(review: Review) -> date:
    """When the review began: its first phase's start, else the day it was created."""
    first = review.phases.exclude(starts=None).order_by("starts").first()
    return first.starts if first else review.created_at.date()


@transaction.atomic
def carry_forward(finding: Finding, to_phase) -> Finding:
    """A copy of FINDING in TO_PHASE that remembers where it came from."""
    copy = Finding.objects.create(
        review=finding.review,
        evaluation=finding.evaluation,
        area=finding.area,
        position=finding.position,
        text=finding.text,
        phase=to_phase,
        carried_forward_from=finding,
        origin_phase=finding.origin_phase or finding.phase,
        indicators=list(finding.indicators),
        written_by=finding.written_by,
    )
    copy.judgements.set(finding.judgements.all())
    copy.lines_of_enquiry.set(finding.lines_of_enquiry.all())
    copy.documents.set(finding.documents.all())
    return copy
