"""Case file audits, moderation and agreement. Case-level pages are for the review's lead and
reviewers, and a contributor's own agency's sections; every view is logged."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from readiness.actions.models import Finding
from readiness.casework.models import Case, SampledCase
from readiness.frameworks.models import GradeLevel
from readiness.lib.converters import posted_id
from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import SEE_ALL_EVIDENCE
from readiness.reviews.models import Membership

from . import queries, services
from .access import audit_for_user, log_view, visible_audits
from .domain.agreement import describe
from .domain.moderation import agreement_by_pair, compare
from .domain.rules import blind_refusal, may_audit, may_settle
from .domain.tool import YES_NO_ANSWERS
from .exports import audits_workbook
from .models import AuditCitation, CaseAudit, ChildAction
from .tools import tools_for

DASHBOARD_GROUPS = [
    ("domain", "By domain"),
    ("team", "By team"),
    ("agency", "By agency"),
    ("line", "By line of enquiry"),
    ("phase", "Phase to phase"),
]


def _labels(review) -> dict[str, str]:
    labels = dict(GradeLevel.objects.filter(framework=review.framework).values_list("key", "label"))
    return {**labels, **YES_NO_ANSWERS}


@login_required
def dashboard(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    """What the audits say, for those who see the whole partnership's picture."""
    review, _ = get_review_for_user(request.user, review_id, SEE_ALL_EVIDENCE)
    order = services.grade_order(review)
    data = queries.dashboard(review, order)
    labels = _labels(review)
    lines = queries.line_questions(review)
    groups = []
    for by, title in DASHBOARD_GROUPS:
        groups.append({"by": by, "title": title, "rows": [
            {"label": lines.get(t.label, t.label) if by == "line" else t.label,
             "counts": [t.counts[k] for k in order], "graded": t.graded,
             "good": t.good_or_better(order), "share": t.share(order)}
            for t in data.groups[by]
        ]})  # fmt: skip
    shares, audits = data.shares, data.audits
    if format == "json":
        return JsonResponse({
            "audits": audits, "grades": order,
            "judgements": [{"judgement": s.judgement, "cases": s.cases,
                            "good_or_better": s.good_or_better, "self_grade": s.self_grade,
                            "sentence": s.sentence()} for s in shares],
            "groups": {g["by"]: [{k: r[k] for k in ("label", "counts", "graded", "good")}
                                 for r in g["rows"]] for g in groups},
        })  # fmt: skip
    return render(request, "audits/dashboard.html", {
        "review": review, "groups": groups, "shares": shares, "audits": audits,
        "grade_labels": [labels[k] for k in order],
    })  # fmt: skip


@login_required
def index(request: HttpRequest, review_id: int) -> HttpResponse:
    _, membership = get_review_for_user(request.user, review_id)
    if membership.role == Membership.VIEWER:
        return redirect("audits:dashboard", review_id=review_id)
    review, membership, audits = visible_audits(request.user, review_id)
    log_view(request.user, review, "audits listed")
    audits = audits.select_related("case", "auditor").prefetch_related("moderation")
    urgent = []
    if may_audit(membership.role):
        urgent = list(
            ChildAction.objects.filter(audit__review=review, urgent=True, done_at__isnull=True)
            .select_related("audit__case")
            .order_by("raised_at", "id")
        )
    tools = {t.id: t.name for t in tools_for(review.framework.slug)}
    rows = [
        {
            "audit": a,
            "tool": tools.get(a.tool_id, a.tool_id),
            "second": getattr(a, "moderation", None) if a.moderates_id is None else None,
        }
        for a in audits
    ]
    return render(
        request,
        "audits/index.html",
        {
            "review": review,
            "rows": rows,
            "urgent": urgent,
            "may_audit": may_audit(membership.role),
        },
    )


@login_required
def new(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership, _ = visible_audits(request.user, review_id)
    if not may_audit(membership.role):
        raise PermissionDenied("Only the review's lead and reviewers start case file audits.")
    tools = tools_for(review.framework.slug)
    sampled = (
        SampledCase.objects.filter(sample__review=review)
        .select_related("case")
        .order_by("sample_id", "position")
    )
    choices: dict[int, str] = {}
    for s in sampled:
        choices.setdefault(s.case_id, f"{s.case.case_id}: {s.reason}")
    error = ""
    if request.method == "POST":
        case = Case.objects.filter(review=review, id=posted_id(request.POST.get("case"))).first()
        try:
            if case is None:
                raise services.AuditError("Choose a child from the sample.")
            sample_case = sampled.filter(case=case).first()
            audit = services.start_audit(
                review,
                case,
                request.POST.get("tool", ""),
                request.user,
                timezone.localdate(),
                sample_case.sample if sample_case else None,
            )
        except services.AuditError as problem:
            error = str(problem)
        else:
            return redirect("audits:audit", review_id=review.id, audit_id=audit.id)
    return render(
        request,
        "audits/new.html",
        {
            "review": review,
            "cases": list(choices.items()),
            "tools": tools,
            "error": error,
            "chosen_case": request.POST.get("case") or request.GET.get("case", ""),
            "chosen_tool": request.POST.get("tool", ""),
        },
        status=400 if error else 200,
    )


def _blind(request: HttpRequest, audit: CaseAudit) -> None:
    first = audit.moderates or audit
    second = audit if audit.moderates_id else CaseAudit.objects.filter(moderates=audit).first()
    if second is None:
        return
    refusal = blind_refusal(
        request.user.pk,
        first.auditor_id,
        second.auditor_id,
        second.status == CaseAudit.SUBMITTED,
        first.status == CaseAudit.SUBMITTED,
        looking_at_first=audit.moderates_id is None,
    )
    if refusal:
        raise PermissionDenied(refusal)


def _may_write(membership: Membership, audit: CaseAudit, user_id: int) -> bool:
    if audit.status != CaseAudit.DRAFT:
        return False
    if membership.role == Membership.LEAD:
        return True
    if membership.role == Membership.REVIEWER:
        return audit.auditor_id == user_id
    return membership.role == Membership.CONTRIBUTOR


@login_required
def audit(request: HttpRequest, review_id: int, audit_id: int) -> HttpResponse:
    review, membership, item, sections = audit_for_user(request.user, review_id, audit_id)
    _blind(request, item)
    log_view(request.user, review, "case audit viewed", audit=item.id, case=item.case.case_id)
    may_write = _may_write(membership, item, request.user.pk)
    grades = services.grade_order(review)
    error = ""
    answers = {a.question_id: a for a in item.answers.all()}
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied("This audit cannot be changed.")
        sent = {
            q.id: (request.POST.get(f"q-{q.id}", ""), request.POST.get(f"e-{q.id}", "").strip())
            for s in sections
            for q in s.questions
            if f"q-{q.id}" in request.POST or f"e-{q.id}" in request.POST
        }
        try:
            services.save_answers(item, sections, sent, request.user, membership.agency)
            if may_audit(membership.role):
                item.strengths = request.POST.get("strengths", item.strengths).strip()
                item.worries = request.POST.get("worries", item.worries).strip()
                item.save(update_fields=["strengths", "worries"])
            if "submit" in request.POST:
                if membership.role == Membership.CONTRIBUTOR:
                    raise services.AuditError("The audit's auditor submits it.")
                services.submit(item)
                messages.success(request, "The audit was submitted.")
            else:
                messages.success(request, "Saved.")
        except services.AuditError as problem:
            error = str(problem)
        else:
            return redirect("audits:audit", review_id=review.id, audit_id=item.id)
    labels = _labels(review)
    shown = [
        {
            "section": section,
            "questions": [
                {
                    "question": q,
                    "answer": request.POST.get(f"q-{q.id}")
                    if error
                    else getattr(answers.get(q.id), "answer", ""),
                    "evidence": request.POST.get(f"e-{q.id}")
                    if error
                    else getattr(answers.get(q.id), "evidence", ""),
                    "options": [
                        (key, labels[key]) for key in services.allowed_answers(q.scale, grades)
                    ],
                }
                for q in section.questions
            ],
        }
        for section in sections
    ]
    full = may_audit(membership.role)
    second = CaseAudit.objects.filter(moderates=item).first() if item.moderates_id is None else None
    return render(
        request,
        "audits/audit.html",
        {
            "review": review,
            "audit": item,
            "sections": shown,
            "may_write": may_write,
            "full": full,
            "error": error,
            "labels": labels,
            "second": second,
            "actions": item.actions.all() if full else [],
            "may_moderate": full
            and item.moderates_id is None
            and second is None
            and item.auditor_id != request.user.pk,
            "tool": services.tool_for(item),
            "citations": item.citations.select_related("finding") if full else [],
            "findings": Finding.objects.filter(review=review) if full else [],
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def cite(request: HttpRequest, review_id: int, audit_id: int) -> HttpResponse:
    """A finding of the report cites this audit."""
    review, membership, item, _ = audit_for_user(request.user, review_id, audit_id)
    if not may_audit(membership.role):
        raise PermissionDenied("Only the review's lead and reviewers write findings.")
    finding = Finding.objects.filter(
        review=review, id=posted_id(request.POST.get("finding"))
    ).first()
    if finding is None:
        messages.error(request, "Choose a finding of this review.")
    else:
        AuditCitation.objects.get_or_create(
            finding=finding, audit=item, defaults={"added_by": request.user}
        )
        messages.success(request, "The finding now cites this audit.")
    return redirect("audits:audit", review_id=review.id, audit_id=item.id)


@login_required
@require_POST
def moderate(request: HttpRequest, review_id: int, audit_id: int) -> HttpResponse:
    review, membership, item, _ = audit_for_user(request.user, review_id, audit_id)
    if not may_audit(membership.role):
        raise PermissionDenied("Only the review's lead and reviewers moderate audits.")
    try:
        second = services.start_moderation(item, request.user, timezone.localdate())
    except services.AuditError as problem:
        messages.error(request, str(problem))
        return redirect("audits:audit", review_id=review.id, audit_id=item.id)
    return redirect("audits:audit", review_id=review.id, audit_id=second.id)


def _comparison(item: CaseAudit, second: CaseAudit):
    tool = services.tool_for(item)
    first_answers = {a.question_id: a.answer for a in item.answers.all()}
    second_answers = {a.question_id: a.answer for a in second.answers.all()}
    decisions = {d.question_id: (d.answer, d.reason) for d in item.decisions.all()}
    return compare(tool, first_answers, second_answers, decisions)


@login_required
def moderation(request: HttpRequest, review_id: int, audit_id: int) -> HttpResponse:
    """Both auditors' grades side by side, and the moderator's settled grades."""
    review, membership, item, _ = audit_for_user(request.user, review_id, audit_id)
    if not may_audit(membership.role):
        raise PermissionDenied("Only the review's lead and reviewers see moderation.")
    second = CaseAudit.objects.filter(moderates=item).select_related("auditor").first()
    if item.moderates_id is not None or second is None:
        raise Http404
    if CaseAudit.SUBMITTED not in (item.status,) or second.status != CaseAudit.SUBMITTED:
        raise PermissionDenied("Moderation opens once both auditors have submitted.")
    log_view(request.user, review, "moderation viewed", audit=item.id, case=item.case.case_id)
    error = ""
    if request.method == "POST":
        if not may_settle(membership.role) or request.user.pk in (
            item.auditor_id,
            second.auditor_id,
        ):
            raise PermissionDenied("A moderator who did not grade the case settles its grades.")
        try:
            services.settle(
                item,
                request.POST.get("question", ""),
                request.POST.get("answer", ""),
                request.POST.get("reason", ""),
                request.user,
            )
        except services.AuditError as problem:
            error = str(problem)
        else:
            messages.success(request, "The grade was settled.")
            return redirect("audits:moderation", review_id=review.id, audit_id=item.id)
    rows = _comparison(item, second)
    grades = services.grade_order(review)
    labels = _labels(review)
    return render(
        request,
        "audits/moderation.html",
        {
            "review": review,
            "audit": item,
            "second": second,
            "error": error,
            "labels": labels,
            "rows": [
                {
                    "row": r,
                    "options": [(k, labels[k]) for k in services.allowed_answers(r.scale, grades)],
                }
                for r in rows
            ],
            "disagreements": sum(1 for r in rows if r.first and r.second and not r.agree),
            "may_settle": may_settle(membership.role)
            and request.user.pk not in (item.auditor_id, second.auditor_id),
        },
        status=400 if error else 200,
    )


def _name(user) -> str:
    return (user.get_full_name() or user.username) if user else "(gone)"


def moderated_audits(review) -> list[tuple[str, str, list]]:
    firsts = (
        CaseAudit.objects.filter(
            review=review,
            moderates__isnull=True,
            status=CaseAudit.SUBMITTED,
            moderation__status=CaseAudit.SUBMITTED,
        )
        .select_related("auditor", "moderation__auditor")
        .prefetch_related("answers", "decisions", "moderation__answers")
    )
    return [
        (_name(a.auditor), _name(a.moderation.auditor), _comparison(a, a.moderation))
        for a in firsts
    ]


@login_required
def agreement_page(request: HttpRequest, review_id: int, format: str = "html") -> HttpResponse:
    review, membership, _ = visible_audits(request.user, review_id)
    if not may_audit(membership.role):
        raise PermissionDenied("Only the review's lead and reviewers see auditors' agreement.")
    pairs, overall = agreement_by_pair(moderated_audits(review), services.grade_order(review))
    if format == "json":

        def plain(p):
            return {
                "auditors": [p.first, p.second],
                "audits": p.audits,
                "grades": {
                    "pairs": p.grades.pairs,
                    "agreed": p.grades.agreed,
                    "percent": p.grades.percent,
                    "weighted_kappa": p.grades.kappa,
                },
                "yes_no": {
                    "pairs": p.yes_no.pairs,
                    "agreed": p.yes_no.agreed,
                    "percent": p.yes_no.percent,
                    "kappa": p.yes_no.kappa,
                },
            }

        return JsonResponse({"pairs": [plain(p) for p in pairs], "overall": plain(overall)})
    return render(
        request,
        "audits/agreement.html",
        {
            "review": review,
            "pairs": pairs,
            "overall": overall,
            "overall_words": describe(overall.grades.kappa),
        },
    )


@login_required
@require_POST
def add_action(request: HttpRequest, review_id: int, audit_id: int) -> HttpResponse:
    review, membership, item, _ = audit_for_user(request.user, review_id, audit_id)
    if not may_audit(membership.role):
        raise PermissionDenied("Only the review's lead and reviewers raise actions for a child.")
    try:
        action = services.raise_action(
            item,
            request.POST.get("text", ""),
            request.POST.get("urgent") == "on",
            request.POST.get("team_manager", ""),
            request.user,
        )
    except services.AuditError as problem:
        messages.error(request, str(problem))
    else:
        note = f" and flagged to {action.team_manager}" if action.urgent else ""
        messages.success(request, f"The action was recorded{note}.")
    return redirect("audits:audit", review_id=review.id, audit_id=item.id)


@login_required
@require_POST
def action_done(request: HttpRequest, review_id: int, action_id: int) -> HttpResponse:
    review, membership, _ = visible_audits(request.user, review_id)
    if not may_audit(membership.role):
        raise PermissionDenied("Only the review's lead and reviewers record actions done.")
    action = ChildAction.objects.filter(audit__review=review, id=action_id).first()
    if action is None:
        raise Http404
    try:
        services.complete_action(action, request.POST.get("note", ""), request.user)
    except services.AuditError as problem:
        messages.error(request, str(problem))
    return redirect("audits:audit", review_id=review.id, audit_id=action.audit_id)


@login_required
def export_xlsx(request: HttpRequest, review_id: int) -> HttpResponse:
    review, membership, audits = visible_audits(request.user, review_id)
    if not may_audit(membership.role):
        raise PermissionDenied("Only the review's lead and reviewers export audits.")
    log_view(request.user, review, "audits exported")
    data = audits_workbook(review, audits)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="case-audits-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response
