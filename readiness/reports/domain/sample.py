"""A report's data made up in code, for the tests, the render checks and the benchmark:
a partnership like the demo's, with as many findings, items and documents as asked."""

from __future__ import annotations

from datetime import date, timedelta

from .data import (
    Activity,
    AuditShare,
    EvidenceRow,
    FindingData,
    ItemData,
    JudgementRow,
    MilestoneData,
    PhaseData,
    QuoteData,
    ReportData,
    ThresholdData,
)

JUDGEMENTS = (
    ("impact_of_leaders", "The impact of leaders on social work practice with children and "
     "families", "Good", "Leaders know their services well; audit matches what files show."),
    ("help_and_protection", "The experiences and progress of children who need help and "
     "protection", "Requires improvement", "Thresholds for children in need are not widely "
     "understood by partners."),
    ("children_in_care", "The experiences and progress of children in care", "Good",
     "Placements are stable; health assessments improved from 64% to 89% on time."),
    ("care_leavers", "The experiences and progress of care leavers", "Good",
     "Most care leavers are in touch and in suitable accommodation."),
)  # fmt: skip
AREAS = (
    ("performance", "Partnership working"),
    ("performance", "Children in care"),
    ("robustness", "Thresholds and the front door"),
    ("readiness", "Preparing the evidence"),
)


def sample_data(findings: int = 8, items: int = 8, documents: int = 12) -> ReportData:
    judgement_rows = tuple(
        JudgementRow(key, title, "single", grade, "", "medium", rationale,
                     strengths="Stable, experienced managers.",
                     areas_for_improvement="Recording of management oversight.",
                     descriptors=("Leaders know the service in depth through audit.",))
        for key, title, grade, rationale in JUDGEMENTS
    ) + (JudgementRow("overall", "Overall effectiveness", "headline", "", "Good"),)  # fmt: skip
    finding_rows = tuple(
        FindingData(
            id=n + 1,
            evaluation=AREAS[n % len(AREAS)][0],
            area=AREAS[n % len(AREAS)][1],
            position=n,
            text=f"Finding {n + 1}: front-line partnership working is strong and makes a "
            "difference to children and families; strategy meetings are convened quickly "
            "and health visitors join social workers on assessment visits.",
            judgements=(JUDGEMENTS[n % 4][0],),
            documents=("LSCB annual report 2025-26",) if n % 2 else (),
            indicators=("Health assessments on time",) if n % 3 == 0 else (),
            origin="Part 1: front door" if n % 5 == 0 else "",
        )
        for n in range(findings)
    )
    item_rows = []
    for n in range(items):
        kind = "recommendation" if n % 4 == 0 else "action_point"
        code = f"R{n // 4 + 1}" if kind == "recommendation" else f"A{9 + n - n // 4 - 1}"
        item_rows.append(ItemData(
            id=n + 1, kind=kind, code=code,
            text=f"Develop a short narrative on item {n + 1} that identifies examples of "
            "improved practice, with the latest data.",
            guidance=("Quality is better than quantity.",) if n % 2 == 0 else (),
            finding_id=(n % findings) + 1 if findings and n % 7 != 6 else None,
            owner="Pat Lead", agency="Anytown Council",
            due=date(2026, 12, 1) + timedelta(days=7 * n),
            status="In progress" if n % 3 else "Not started",
            milestones=(MilestoneData("Draft agreed", date(2026, 12, 1)),
                        MilestoneData("Partners sign off", date(2027, 1, 15),
                                      date(2027, 1, 10))) if kind == "recommendation" else (),
        ))  # fmt: skip
    evidence = tuple(
        EvidenceRow(f"{n % 4 + 1}.{n % 5 + 1} How well do leaders know their services?",
                    JUDGEMENTS[n % 4][1], f"Document {n + 1}: audit report", "Police",
                    "3 March 2026", "Multi-agency audit findings and actions.")
        for n in range(documents)
    )  # fmt: skip
    return ReportData(
        area="Anytown",
        review_name="Anytown readiness review 2026–27",
        framework="Inspecting local authority children's services (2026)",
        framework_short="ILACS",
        generated=date(2026, 11, 26),
        notice="Inspectors arrive the Monday after the call.",
        window=(date(2027, 1, 4), date(2027, 3, 31)),
        phases=(PhaseData("Part 1: front door", date(2026, 6, 1), date(2026, 7, 31)),
                PhaseData("Part 2: children in care", date(2026, 9, 1))),  # fmt: skip
        agencies=("Anytown Council", "Police", "Health"),
        documents=documents,
        document_agencies=3,
        activities=(Activity("case_file", 17, "children in care and child protection"),
                    Activity("interview", 16, "social workers about those cases"),
                    Activity("interview", 20, "partners"),
                    Activity("focus_group", 2, "social workers and team managers", 14)),
        judgements=judgement_rows,
        findings=finding_rows,
        items=tuple(item_rows),
        evidence=evidence,
        audit_shares=(AuditShare("help_and_protection", 17, 7, "Requires improvement"),
                      AuditShare("children_in_care", 17, 12, "Good")),
        quotes=(QuoteData("We ring the hub first, and the police join the strategy meeting "
                          "the same day.", "Detective sergeant, Police", "help_and_protection"),
                QuoteData("Nobody asked me what I wanted until my new social worker did.",
                          "Participant in a focus group, Anytown Council", "children_in_care"),
                QuoteData("Training on neglect changed how we refer.", "School nurse, Health")),
        thresholds=(ThresholdData("Thresholds check, autumn 2026", people=60, counted=55,
                                  agencies=4, hidden_agencies=2, answers=330, agreed=226,
                                  misread="Older friends", misread_answers=55,
                                  misread_agreed=28, misread_instead="child in need",
                                  misread_direction="lower"),),
    )  # fmt: skip
