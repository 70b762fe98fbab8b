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
