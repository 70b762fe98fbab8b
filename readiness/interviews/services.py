"""Scheduling interviews, writing notes, and aligning their passages to lines of enquiry."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from readiness.evidence.alignment import ReviewAligner
from readiness.frameworks.models import LineOfEnquiry
from readiness.reviews.models import Agency, Review

from .domain.notes import question_bank, split_notes
from .models import Interview, Note, NotePassage, Participant


class InterviewError(ValueError):
    pass


@transaction.atomic
def schedule(
    review: Review, kind: str, title: str, when: datetime, agency: Agency | None, role: str,
    line_keys: list[str], interviewer: AbstractBaseUser | None,
    participants: list[tuple[str, Agency | None]] = (),
) -> Interview:  # fmt: skip
    if not title.strip():
        raise InterviewError("Give the interview a title.")
    lines = list(
        LineOfEnquiry.objects.filter(judgement__framework=review.framework, key__in=line_keys)
        .order_by("judgement__position", "position")
    )  # fmt: skip
    unknown = sorted(set(line_keys) - {line.key for line in lines})
    if unknown:
        raise InterviewError(f"Not a line of enquiry of this framework: {', '.join(unknown)}.")
    interview = Interview.objects.create(
        review=review, kind=kind, title=title.strip(), when=when, agency=agency,
        role=role.strip(), interviewer=interviewer,
    )  # fmt: skip
    interview.lines.set(lines)
    Note.objects.bulk_create(
        Note(interview=interview, position=n, question=question)
        for n, (_, question) in enumerate(question_bank([(x.key, x.question) for x in lines]), 1)
    )
    Participant.objects.bulk_create(
        Participant(interview=interview, role=r.strip(), agency=a)
        for r, a in participants
        if r.strip()
    )
    return interview


@transaction.atomic
def write_notes(
    interview: Interview, texts: dict[int, str], user: AbstractBaseUser | None,
    aligner: ReviewAligner | None = None,
) -> int:  # fmt: skip
    """Save notes (position → text). A changed note is split into passages again and each
    passage aligned; a passage whose text is unchanged keeps a person's decision and quote
    mark. Returns how many notes changed."""
    changed = 0
    for note in interview.notes.all():
        text = texts.get(note.position)
        if text is None or text.strip() == note.text:
            continue
        note.text, note.written_by = text.strip(), user
        note.save(update_fields=["text", "written_by"])
        kept = {
            p.text: p for p in note.passages.exclude(status=NotePassage.SUGGESTED, is_quote=False)
        }
        note.passages.all().delete()
        pieces = split_notes(note.text)
        if pieces:
            aligner = aligner or ReviewAligner(interview.review)
            scored = aligner.aligner.score_passages(pieces)
            lines = aligner.rows
            NotePassage.objects.bulk_create(
                _passage(note, n, piece, scores[0] if scores else None, lines, kept.get(piece))
                for n, (piece, scores) in enumerate(zip(pieces, scored, strict=True), 1)
            )
        changed += 1
    return changed


def _passage(note, position, text, best, lines, before) -> NotePassage:
    if before is not None:
        return NotePassage(
            note=note, position=position, text=text, line_id=before.line_id,
            score=before.score, status=before.status, is_quote=before.is_quote,
        )  # fmt: skip
    line = lines.get(best.line_key) if best else None
    return NotePassage(note=note, position=position, text=text, line=line,
                       score=best.score if best else 0)  # fmt: skip


def decide(passage: NotePassage, status: str, line_key: str | None = None) -> None:
    if status not in (NotePassage.CONFIRMED, NotePassage.REJECTED):
        raise InterviewError("Confirm or reject the line of enquiry.")
    if line_key:
        line = LineOfEnquiry.objects.filter(
            judgement__framework=passage.note.interview.review.framework, key=line_key
        ).first()
        if line is None:
            raise InterviewError(f"Not a line of enquiry of this framework: {line_key}.")
        passage.line = line
    passage.status = status
    passage.save(update_fields=["status", "line"])


def mark_quote(passage: NotePassage, is_quote: bool) -> None:
    passage.is_quote = is_quote
    passage.save(update_fields=["is_quote"])
