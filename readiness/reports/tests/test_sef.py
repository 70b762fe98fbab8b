"""The self-evaluation drafted from the review's data: per area, the three questions, each
answered from grades, findings, figures, evidence and the action plan."""

from dataclasses import replace

from readiness.reports.domain.check import check
from readiness.reports.domain.data import IndicatorData
from readiness.reports.domain.document import BulletList, Heading, Paragraph
from readiness.reports.domain.sample import sample_data
from readiness.reports.domain.sef import compose_sef


def _section(document, title):
    """The blocks from the area's heading to the next area's, as plain text lines."""
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == title)
    later = range(start + 1, len(blocks))
    end = next((i for i in later if isinstance(blocks[i], Heading) and blocks[i].level == 1),
               len(blocks))  # fmt: skip
    lines = []
    for block in blocks[start:end]:
        if isinstance(block, Heading):
            lines.append(f"## {block.text}")
        elif isinstance(block, Paragraph):
            lines.append(block.content[0])
        elif isinstance(block, BulletList):
            lines.extend(f"- {item[0]}" for item in block.items)
    return lines


def test_each_area_answers_the_three_questions_from_the_data():
    data = sample_data(findings=4, items=4, documents=4)
    data = replace(data, indicators=(IndicatorData(
        "Health assessments on time", "178 of 200 children (89%) (2025-26)", "green",
        "Improving: up from 64% three years ago.", ("children_in_care",)),),
        narratives={"children_in_care": ("A12: Health assessments: what changed",)})  # fmt: skip
    document = compose_sef(data)
    assert check(document) == []
    lines = _section(document, "The experiences and progress of children in care")
    assert lines[:12] == [
        "## The experiences and progress of children in care",
        "## What do we know about the quality and impact of practice?",
        "We judge this area good (medium confidence). Placements are stable; health "
        "assessments improved from 64% to 89% on time.",
        "Strengths:",
        "- Stable, experienced managers.",
        "Areas for improvement:",
        "- Recording of management oversight.",
        "What the review found:",
        "- " + data.findings[2].text,
        "What the figures say:",
        "- Health assessments on time: 178 of 200 children (89%) (2025-26); green. Improving: "
        "up from 64% three years ago.",
        "## How do we know it?",
    ]
    assert lines[12:] == [
        "1 document in the evidence library speaks to this area's lines of enquiry:",
        "- Document 3: audit report: Multi-agency audit findings and actions.",
        "Narratives with current data:",
        "- A12: Health assessments: what changed",
        "Performance data: 1 indicator tracked against targets and England.",
        "Practice seen first-hand across the review: reviewed 17 case files, held 36 "
        "interviews, conducted 2 focus groups.",
        "Case file audits: 12 of 17 audited cases (71%) were good or better; the "
        "self-assessment grades this Good.",
        "What staff told us (credited by role, never by name):",
        "- “Nobody asked me what I wanted until my new social worker did.” (Participant in a "
        "focus group, Anytown Council)",
        "## What are we doing to improve?",
        "- A10 Develop a short narrative on item 3 that identifies examples of improved "
        "practice, with the latest data. (Pat Lead, Anytown Council, due 15 December 2026; "
        "in progress)",
    ]


def test_an_area_with_nothing_says_what_to_write():
    data = replace(sample_data(findings=0, items=0, documents=0), activities=())
    lines = _section(compose_sef(data), "The experiences and progress of care leavers")
    assert lines[-4:] == [
        "## How do we know it?",
        "No documents in the evidence library are aligned to this area yet.",
        "## What are we doing to improve?",
        "No recommendations or action points are recorded against this area yet: say here "
        "what is being done to improve.",
    ]
