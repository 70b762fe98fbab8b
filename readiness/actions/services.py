"""Writing findings and action items: the one place codes are issued."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from readiness.actions.domain.codes import CodeError, format_code, parse_code
from readiness.actions.domain.lists import ItemRow, code_key
from readiness.actions.domain.numbering import FindingRef, paragraph_numbers
from readiness.actions.domain.plan_xlsx import (
    MILESTONE_SHEET,
    PLAN_SHEET,
    MilestoneRow,
    PlanRow,
    by_row,
    read_plan,
    write_plan,
)
from readiness.actions.domain.validation import (
    ReviewFacts,
    check_agency,
    check_code,
    check_due_date,
    check_owner,
)
from readiness.actions.models import ActionItem, CodeSequence, Finding, Milestone, ProgressUpdate
from readiness.frameworks.models import Judgement
from readiness.lib.limits import ITEM, PARAGRAPH
from readiness.lib.text import plural
from readiness.reviews.models import Agency, Membership, Review


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
        if number in sequence.issued:
            raise CodeError(
                f"{code} was issued in this review before, to an item since deleted; a code is "
                "never issued twice."
            )
    else:
        number = sequence.last_number + 1
        code = format_code(prefix, number)
    sequence.issued = sorted({*sequence.issued, number})
    sequence.last_number = max(sequence.last_number, number)
    sequence.save(update_fields=["issued", "last_number"])
    return code


@transaction.atomic
def create_item(review: Review, kind: str, text: str, code: str = "", **fields) -> ActionItem:
    """A new recommendation or action point with its code issued. Raises CodeError on a
    collision or a malformed code, ValueError on a due date before the review began."""
    if not text.strip():
        raise ItemProblems(["An item needs its text."])
    problems = _too_long({"text": text, **fields}) + check_item_fields(review, fields)
    if problems:
        raise ItemProblems(problems)
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
    """A copy of FINDING in TO_PHASE that remembers where it came from. The items FINDING
    raised now come from the copy: it is the paragraph the report and the pages show."""
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
    ActionItem.objects.filter(finding=finding).update(finding=copy)
    return copy


# Reading the plan and the findings as plain data ------------------------------------------


def review_facts(review: Review) -> ReviewFacts:
    members = Membership.objects.filter(review=review).select_related("user")
    return ReviewFacts(
        began=review_start(review),
        members={m.user_id: person_name(m.user) for m in members},
        usernames={m.user.username: m.user_id for m in members},
        agencies=dict(Agency.objects.filter(review=review).values_list("id", "name")),
        codes=frozenset(ActionItem.objects.filter(review=review).values_list("code", flat=True))
        | frozenset(
            format_code(prefix, number)
            for prefix, issued in CodeSequence.objects.filter(review=review).values_list(
                "prefix", "issued"
            )
            for number in issued
        ),
    )


def person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


def person_label(user) -> str:
    """A name with the username that tells two people of the same name apart."""
    name = user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


def item_rows(review: Review) -> list[ItemRow]:
    """Every item of the review as plain rows, in one query."""
    items = (
        ActionItem.objects.filter(review=review)
        .select_related("owner", "owner_agency")
        .annotate(last_update=Max("updates__written_at"))
    )
    return [
        ItemRow(
            id=item.id,
            code=item.code,
            kind=item.kind,
            text=item.text,
            status=item.status,
            owner_id=item.owner_id,
            owner_name=person_name(item.owner),
            agency_id=item.owner_agency_id,
            agency_name=item.owner_agency.name if item.owner_agency else "",
            due_date=item.due_date,
            created=timezone.localdate(item.created_at),
            last_progress=timezone.localdate(item.last_update) if item.last_update else None,
        )
        for item in items
    ]


def current_findings(review: Review):
    """The findings the report is made of: every finding not carried into a later phase."""
    return Finding.objects.filter(review=review, carried_into__isnull=True)


def finding_numbers(review: Review) -> dict[int, int]:
    """Finding id -> paragraph number in the report, for the current findings."""
    refs = [
        FindingRef(*values)
        for values in current_findings(review).values_list("id", "evaluation", "area", "position")
    ]
    return paragraph_numbers(refs)


# Changing items -------------------------------------------------------------------------


class ItemProblems(ValueError):
    """Everything wrong with an item, to show all at once."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


_ITEM_TEXT = {"text": ("The text", ITEM), "rationale": ("The rationale", PARAGRAPH),
              "guidance": ("The guidance", PARAGRAPH)}  # fmt: skip


def _too_long(fields: dict) -> list[str]:
    """The same limits as the model, for every way in (web, command line, plan import)."""
    return [
        f"{label} is {len(str(fields[name]).strip()):,} characters: keep it to {limit:,}."
        for name, (label, limit) in _ITEM_TEXT.items()
        if name in fields and len(str(fields[name] or "").strip()) > limit
    ]


def check_item_fields(review: Review, fields: dict, code: str = "") -> list[str]:
    """Problems with the due date, owner and agency in FIELDS (objects or ids)."""
    owner, agency = fields.get("owner"), fields.get("owner_agency")
    owner_id = owner.pk if owner else fields.get("owner_id")
    agency_id = agency.pk if agency else fields.get("owner_agency_id")
    facts = review_facts(review)
    return (
        check_code(code, facts)
        + check_due_date(fields.get("due_date"), facts)
        + check_owner(owner_id, facts, person_label(owner) if owner else "")
        + check_agency(agency_id, facts, getattr(agency, "name", ""))
    )


@transaction.atomic
def update_item(item: ActionItem, **fields) -> ActionItem:
    """Change an item's text, owner, due date …; its code never changes."""
    if "code" in fields and fields.pop("code") != item.code:
        raise ItemProblems([f"The code {item.code} was issued and cannot change."])
    if "text" in fields and not str(fields["text"]).strip():
        raise ItemProblems(["An item needs its text."])
    merged = {
        "due_date": fields.get("due_date", item.due_date),
        "owner": fields.get("owner", item.owner),
        "owner_agency": fields.get("owner_agency", item.owner_agency),
    }
    problems = _too_long(fields) + check_item_fields(item.review, merged)
    if problems:
        raise ItemProblems(problems)
    judgements = fields.pop("judgements", None)
    for name, value in fields.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    item.save()
    if judgements is not None:
        item.judgements.set(judgements)
    return item


@transaction.atomic
def add_progress(
    item: ActionItem,
    user,
    text: str,
    status: str,
    documents=(),
    reference: str = "",
) -> ProgressUpdate:
    """A progress update; the item takes its status."""
    if not text.strip():
        raise ItemProblems(["Say what has happened since the last update."])
    if status not in dict(ActionItem.STATUSES):
        raise ItemProblems([f"“{status}” is not a status."])
    if len(text.strip()) > PARAGRAPH:
        raise ItemProblems([f"Keep the update to {PARAGRAPH:,} characters."])
    outside = [d for d in documents if d.review_id != item.review_id]
    if outside:
        raise ItemProblems(["A linked document is not in this review's evidence library."])
    update = ProgressUpdate.objects.create(
        item=item, text=text.strip(), status=status, evidence_reference=reference.strip(),
        written_by=user,
    )  # fmt: skip
    if documents:
        update.documents.set(documents)
    if item.status != status:
        item.status = status
        item.save(update_fields=["status", "updated_at"])
    return update


@transaction.atomic
def add_milestone(
    item: ActionItem, text: str, due_date: date | None = None, done_on: date | None = None
) -> Milestone:
    if not text.strip():
        raise ItemProblems(["A milestone needs its text."])
    problems = check_due_date(due_date, review_facts(item.review))
    if problems:
        raise ItemProblems(problems)
    position = (item.milestones.aggregate(top=Max("position"))["top"] or 0) + 1
    return Milestone.objects.create(
        item=item, position=position, text=text.strip()[:300], due_date=due_date, done_on=done_on
    )


def update_milestone(
    milestone: Milestone, text: str, due_date: date | None = None, done_on: date | None = None
) -> list[str]:
    """Change a milestone's text and dates; the names of what changed. A due date is checked
    only when it changes, so a milestone saved unchanged is never refused."""
    if not text.strip():
        raise ItemProblems(["A milestone needs its text."])
    if due_date != milestone.due_date:
        problems = check_due_date(due_date, review_facts(milestone.item.review))
        if problems:
            raise ItemProblems(problems)
    new = {"text": text.strip()[:300], "due_date": due_date, "done_on": done_on}
    changed = [name for name, value in new.items() if getattr(milestone, name) != value]
    if changed:
        for name in changed:
            setattr(milestone, name, new[name])
        milestone.save(update_fields=changed)
    return changed


def remove_milestone(milestone: Milestone) -> None:
    """A milestone added by mistake goes; the rest keep their order."""
    milestone.delete()


@transaction.atomic
def carry_forward_findings(review: Review, to_phase=None) -> list[Finding]:
    """Carry every current finding that is not yet in TO_PHASE (the current phase by
    default) into it, each remembering its origin. Running it twice carries nothing more."""
    to_phase = to_phase or review.phases.filter(is_current=True).first()
    if to_phase is None:
        raise ItemProblems(["The review has no current phase to carry findings into."])
    moving = (
        current_findings(review)
        .exclude(phase=to_phase)
        .prefetch_related("judgements", "lines_of_enquiry", "documents")
    )
    return [carry_forward(finding, to_phase) for finding in moving]


# The action plan as a workbook --------------------------------------------------------


def plan_rows(review: Review) -> tuple[list[PlanRow], list[MilestoneRow]]:
    numbers = finding_numbers(review)
    items = (
        ActionItem.objects.filter(review=review)
        .select_related("owner", "owner_agency")
        .prefetch_related("judgements", "milestones", "updates")
    )
    rows, milestones = [], []
    for item in sorted(items, key=lambda i: code_key(i.code)):
        latest = item.updates.all()[0] if item.updates.all() else None
        rows.append(
            PlanRow(
                code=item.code,
                kind=item.kind,
                text=item.text,
                rationale=item.rationale,
                guidance=item.guidance,
                finding=numbers.get(item.finding_id),
                judgements=tuple(j.key for j in item.judgements.all()),
                owner=item.owner.username if item.owner else "",
                agency=item.owner_agency.name if item.owner_agency else "",
                due_date=item.due_date,
                status=item.status,
                last_update=timezone.localdate(latest.written_at) if latest else None,
                latest_progress=latest.text if latest else "",
            )
        )
        milestones.extend(
            MilestoneRow(item.code, m.text, m.due_date, m.done_on) for m in item.milestones.all()
        )
    return rows, milestones


def export_plan(review: Review) -> bytes:
    rows, milestones = plan_rows(review)
    return write_plan(rows, milestones, title=f"{review.name}: action plan")


class PlanImportError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__(f"{plural(len(problems), 'problem')} in the file; nothing was imported.")
        self.problems = problems


def import_plan(review: Review, data: bytes, user=None) -> list[ActionItem]:
    """Create the items (and milestones) in an action plan workbook. Every row is checked
    first; on any problem nothing changes and PlanImportError lists every problem with its
    row. Codes in the file are kept when free; a code already issued is a problem."""
    read = read_plan(data)
    problems = list(read.problems)
    if not read.items and not problems:
        problems.append(f"The sheet “{PLAN_SHEET}” has no items.")
    facts = review_facts(review)
    by_number = {n: fid for fid, n in finding_numbers(review).items()}
    judgements = {j.key: j for j in Judgement.objects.filter(framework=review.framework)}
    agencies_by_name = {name.lower(): aid for aid, name in facts.agencies.items()}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[
        row.owner for _, row in read.items if row.owner])}  # fmt: skip
    prepared = []
    for number, row in read.items:
        where = f"{PLAN_SHEET}, row {number}: "
        owner = users.get(row.owner)
        if row.owner and owner is None:
            problems.append(where + f"There is no user called “{row.owner}”.")
        agency_id = agencies_by_name.get(row.agency.lower()) if row.agency else None
        if row.agency and agency_id is None:
            problems.append(
                where + f"The agency {row.agency} is not one of this review's agencies."
            )
        found = [
            where + message
            for message in check_code(row.code, facts)
            + check_due_date(row.due_date, facts)
            + check_owner(owner.pk if owner else None, facts, row.owner)
        ]
        problems.extend(found)
        unknown = [key for key in row.judgements if key not in judgements]
        if unknown:
            names = ", ".join(unknown)
            problems.append(where + f"There is no judgement {names} in {review.framework}.")
        if row.finding is not None and row.finding not in by_number:
            problems.append(where + f"There is no finding paragraph {row.finding}.")
        prepared.append((row, owner, agency_id))
    recommendations = {row.code for _, row in read.items if row.kind == ActionItem.RECOMMENDATION}
    for number, milestone in read.milestones:
        if milestone.code and milestone.code not in recommendations:
            problems.append(
                f"{MILESTONE_SHEET}, row {number}: {milestone.code} is not a recommendation "
                "in this file."
            )
        problems.extend(
            f"{MILESTONE_SHEET}, row {number}: {m}"
            for m in check_due_date(milestone.due_date, facts)
        )
    if problems:
        raise PlanImportError(by_row(problems))
    created: dict[str, ActionItem] = {}
    with transaction.atomic():
        # Rows with codes first, so that a row without one is never issued a code that a
        # later row asks for.
        for row, owner, agency_id in sorted(prepared, key=lambda p: not p[0].code):
            item = create_item(
                review, row.kind, row.text, code=row.code, rationale=row.rationale,
                guidance=row.guidance, finding_id=by_number.get(row.finding),
                judgements=[judgements[k] for k in row.judgements], owner=owner,
                owner_agency_id=agency_id, due_date=row.due_date, status=row.status,
                created_by=user,
            )  # fmt: skip
            created[row.code or item.code] = item
        positions: dict[str, int] = {}
        for _, milestone in read.milestones:
            positions[milestone.code] = positions.get(milestone.code, 0) + 1
            Milestone.objects.create(
                item=created[milestone.code], position=positions[milestone.code],
                text=milestone.text, due_date=milestone.due_date, done_on=milestone.done_on,
            )  # fmt: skip
    return sorted(created.values(), key=lambda i: code_key(i.code))
