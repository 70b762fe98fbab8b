"""The quotes the readiness report takes from interview and focus group notes: only passages
a person marked for the report, credited by role and agency, never by name. Nothing else in
the notes reaches the report."""

from __future__ import annotations

from readiness.reports.domain.data import QuoteData
from readiness.reviews.models import Review

from .domain.notes import quote_attribution
from .models import Interview, NotePassage


def credit(interview: Interview) -> str:
    """Who said it, as the report and the quotes page print it."""
    return quote_attribution(
        interview.role or "participant in a focus group",
        interview.agency.name if interview.agency else "",
    )


def report_quotes(review: Review) -> tuple[QuoteData, ...]:
    """Quotes marked for the report, in the order they were said, each under the judgement
    its line of enquiry belongs to; a rejected line places the quote under none."""
    passages = (
        NotePassage.objects.filter(note__interview__review=review, is_quote=True)
        .select_related("note__interview__agency", "line__judgement")
        .order_by("note__interview__when", "note__interview_id", "note__position", "position")
    )
    found = []
    for p in passages:
        line = p.line if p.status != NotePassage.REJECTED else None
        found.append(QuoteData(
            text=p.text,
            by=credit(p.note.interview),
            judgement=line.judgement.key if line is not None else "",
            line=line.question if line is not None else "",
        ))  # fmt: skip
    return tuple(found)
