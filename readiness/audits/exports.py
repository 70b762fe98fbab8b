"""The review's audits as a workbook: case ids, never names; one row per answer."""

from __future__ import annotations

import io

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.styles import Font

from readiness.casework.domain.caselist import LISTS
from readiness.lib.text import spreadsheet_cell
from readiness.reviews.models import Review

from .domain.tool import YES_NO_ANSWERS
from .models import CaseAudit
from .tools import tool

AUDIT_COLUMNS = ["Audit", "Case id", "List", "Team", "Tool", "Auditor", "Second audit of",
                 "Status", "Audited on", "Strengths", "Worries"]  # fmt: skip
ANSWER_COLUMNS = ["Audit", "Case id", "Section", "Question", "Domain", "Question text",
                  "Answer", "Settled answer", "Evidence"]  # fmt: skip
ACTION_COLUMNS = ["Audit", "Case id", "Action", "Urgent", "Team manager", "Done", "What was done"]


def _sheet(book: Workbook, title: str, columns: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_cell(v) for v in row])
    sheet.freeze_panes = "A2"


def audits_workbook(review: Review, audits: QuerySet[CaseAudit]) -> bytes:
    audits = audits.select_related("case", "auditor").prefetch_related(
        "answers", "decisions", "actions"
    )
    labels = {g.key: g.label for g in review.framework.grades.all()} | YES_NO_ANSWERS
    audit_rows, answer_rows, action_rows = [], [], []
    for audit in audits:
        spec = tool(audit.tool_id)
        auditor = audit.auditor.username if audit.auditor else ""
        audit_rows.append([audit.id, audit.case.case_id, LISTS[audit.case.list_key],
                           audit.case.team, audit.tool_id, auditor, audit.moderates_id,
                           audit.get_status_display(), audit.audited_on, audit.strengths,
                           audit.worries])  # fmt: skip
        settled = {d.question_id: d.answer for d in audit.decisions.all()}
        for answer in audit.answers.all():
            question = spec.question(answer.question_id) if spec else None
            answer_rows.append([
                audit.id, audit.case.case_id, answer.section_id, answer.question_id,
                question.domain if question else "", question.text if question else "",
                labels.get(answer.answer, answer.answer),
                labels.get(settled.get(answer.question_id, ""), ""), answer.evidence,
            ])  # fmt: skip
        for action in audit.actions.all():
            action_rows.append([audit.id, audit.case.case_id, action.text,
                                "yes" if action.urgent else "no", action.team_manager,
                                action.done_at.date() if action.done_at else None,
                                action.done_note])  # fmt: skip
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Audits", AUDIT_COLUMNS, audit_rows)
    _sheet(book, "Answers", ANSWER_COLUMNS, answer_rows)
    _sheet(book, "Actions for children", ACTION_COLUMNS, action_rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class AuditImportError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_answers(review: Review, data: bytes) -> list[tuple[CaseAudit, str, str, str, str]]:
    """The "Answers" sheet of a workbook like the export's, checked row by row: (audit, section,
    question, answer key, evidence) for each row, or AuditImportError naming every problem
    with its row. Only audits still in progress can be changed."""
    from openpyxl import load_workbook

    from readiness.lib.text import from_spreadsheet_cell

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise AuditImportError(
            [f"The file is not a workbook that can be read ({error})."]
        ) from None
    if "Answers" not in book.sheetnames:
        raise AuditImportError(["The workbook has no “Answers” sheet."])
    rows = list(book["Answers"].iter_rows(values_only=True))
    if not rows or [str(c or "") for c in rows[0][: len(ANSWER_COLUMNS)]] != ANSWER_COLUMNS:
        raise AuditImportError([f"Row 1 of “Answers” should be: {', '.join(ANSWER_COLUMNS)}."])
    audits = {
        a.id: a for a in CaseAudit.objects.filter(review=review).select_related("case", "review")
    }
    keys = {g.key: g.key for g in review.framework.grades.all()}
    keys |= {g.label.lower(): g.key for g in review.framework.grades.all()}
    keys |= {k: k for k in YES_NO_ANSWERS} | {v.lower(): k for k, v in YES_NO_ANSWERS.items()}
    problems: list[str] = []
    result = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell not in (None, "") for cell in row):
            continue
        audit_id, case_id, question_id = row[0], row[1], row[3]
        answer, evidence = row[6], row[8] if len(row) > 8 else ""
        audit = audits.get(audit_id) if isinstance(audit_id, int) else None
        if audit is None:
            problems.append(f"Row {number}: there is no audit {audit_id} in this review.")
            continue
        if str(case_id) != audit.case.case_id:
            problems.append(f"Row {number}: audit {audit.id} is of case {audit.case.case_id}, "
                            f"not {case_id}.")  # fmt: skip
            continue
        if audit.status != CaseAudit.DRAFT:
            problems.append(f"Row {number}: audit {audit.id} has been submitted; it cannot change.")
            continue
        spec = tool(audit.tool_id)
        question = spec.question(str(question_id)) if spec else None
        if question is None:
            problems.append(f"Row {number}: the audit tool has no question “{question_id}”.")
            continue
        key = keys.get(str(from_spreadsheet_cell(answer) or "").strip().lower())
        allowed = list(YES_NO_ANSWERS) if question.scale == "yes_no" else list(keys.values())
        if key is None or key not in allowed:
            problems.append(f"Row {number}: “{answer}” is not an answer to “{question_id}”.")
            continue
        section = next(s.id for s in spec.sections if question in s.questions)
        result.append(
            (audit, section, question.id, key, str(from_spreadsheet_cell(evidence) or ""))
        )
    if problems:
        raise AuditImportError(problems)
    return result
