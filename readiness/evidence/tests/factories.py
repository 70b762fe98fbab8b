"""Small evidence folders for tests, written as a partnership would send them."""

from __future__ import annotations

from pathlib import Path

STRATEGY = (
    "Anytown strategy meetings: timeliness report, March 2026\n\n"
    "Strategy meetings were held within one working day for 94% of children in 2025-26, "
    "up from 71%. Police, health and social care attend every strategy meeting. Section 47 "
    "enquiries now start the same day and child protection plans are more focused.\n\n"
    "As a result, fewer children wait for a decision and repeat referrals fell to 18%.\n"
)
CARE_LEAVERS = (
    "Care leavers' local offer review, June 2026\n\n"
    "Personal advisers are in touch with 96% of care leavers aged 19 to 21. Pathway plans "
    "are reviewed every six months, staying put is offered to every young person in "
    "foster care, and 88% live in suitable accommodation.\n"
)
MINUTES = (
    "Minutes of the meeting of the LAC health group, 12 May 2026\n\n"
    "Present: the chair, the designated nurse, the ICB lead. Apologies were noted.\n\n"
    "The group discussed the data on health assessments. It was agreed that the action log "
    "would be updated and the matter brought back to the next meeting. AOB: none.\n"
)


def write_folder(root: Path) -> Path:
    """Two agencies' folders, one file sent twice, and one bad file."""
    police = root / "Anyshire Police" / "Help and protection - front door"
    police.mkdir(parents=True)
    (police / "strategy meetings.txt").write_text(STRATEGY)
    council = root / "Anytown Borough Council"
    council.mkdir(parents=True)
    (council / "care leavers offer.md").write_text(CARE_LEAVERS)
    (council / "copy of strategy meetings.txt").write_text(STRATEGY)
    (council / "LAC health minutes.txt").write_text(MINUTES)
    (council / "empty.pdf").write_bytes(b"")
    return root
