"""The ILACS self-evaluation drafted from the review: for each area (judgement), the three
questions the annual self-evaluation answers, from grades, findings, evidence, figures and
action plans. Pure: `ReportData` in, a `Document` out, which the Word renderer writes as an
editable draft (real headings and bullets, no locked fields)."""

from __future__ import annotations

from .compose import audit_sentence, plural, quote_line, when
from .data import ACTIVITY_KINDS, ItemData, ReportData, code_order
from .document import Branding, BulletList, Document, Heading, PageBreak, Paragraph, contents_for

QUESTIONS = (
    ("know", "What do we know about the quality and impact of practice?"),
    ("how", "How do we know it?"),
    ("improve", "What are we doing to improve?"),
)
RAG = {"red": "red", "amber": "amber", "green": "green", "none": "not rated"}
MOST_DOCUMENTS = 10


def compose_sef(data: ReportData, branding: Branding | None = None) -> Document:
    blocks: list = []

    def para(text: str) -> None:
        blocks.append(Paragraph((text,)))

    def bullets(lines) -> None:
        lines = [(line,) for line in lines if line.strip()]
        if lines:
            blocks.append(BulletList(tuple(lines)))

    blocks.append(Heading(1, "About this draft", "sef-about"))
    para(
        f"A first draft of {data.area}'s self-evaluation of social work practice, written "
        f"by Readiness on {when(data.generated)} from the review's grades, findings, "
        "evidence library, figures and action plan. It answers, for each area, the three "
        "questions inspectors will ask. Edit it freely: it is a starting point, in the "
        "partnership's own words once you have been through it."
    )
    activity = []
    for kind, one, many, verb in ACTIVITY_KINDS:
        total = sum(a.count for a in data.activities if a.kind == kind)
        if total:
            activity.append(f"{verb} {plural(total, one, many)}")
    basis = (
        f"The review drew on {plural(data.documents, 'document', 'documents')} in the "
        "evidence library" + (", and " + ", ".join(activity) if activity else "") + "."
    )
    para(basis)
    areas = [j for j in data.judgements if j.kind != "headline"] or list(data.judgements)
    items = sorted(data.items, key=lambda i: (i.kind != "recommendation", code_order(i.code)))
    findings_by_id = {f.id: f for f in data.findings}
    for number, judgement in enumerate(areas, start=1):
        blocks.append(PageBreak())
        blocks.append(Heading(1, judgement.title, f"sef-area-{number}"))
        keys = {judgement.key, judgement.published_key} - {""}
        # 1. What do we know
        blocks.append(Heading(2, QUESTIONS[0][1], f"sef-{number}-know"))
        if judgement.grade:
            para(f"We judge this area {judgement.grade.lower()}"
                 + (f" ({judgement.confidence} confidence)" if judgement.confidence else "")
                 + ". " + judgement.rationale.strip())  # fmt: skip
        else:
            unknown = "Say here what the partnership knows about practice in this area."
            para("Not yet graded. " + (judgement.rationale.strip() or unknown))
        if judgement.strengths.strip():
            para("Strengths:")
            bullets(judgement.strengths.splitlines())
        if judgement.areas_for_improvement.strip():
            para("Areas for improvement:")
            bullets(judgement.areas_for_improvement.splitlines())
        findings = [f for f in data.findings if keys & set(f.judgements)]
        if findings:
            para("What the review found:")
            bullets(f.text for f in findings)
        figures = [i for i in data.indicators if keys & set(i.judgement_areas)]
        if figures:
            para("What the figures say:")
            bullets(f"{i.title}: {i.latest}; {RAG.get(i.rag, i.rag)}. {i.trend}" for i in figures)
        # 2. How do we know it
        blocks.append(Heading(2, QUESTIONS[1][1], f"sef-{number}-how"))
        documents = [e for e in data.evidence if e.judgement == judgement.title]
        titles = list(dict.fromkeys(e.title for e in documents))
        if titles:
            first = f"; the first {MOST_DOCUMENTS}:" if len(titles) > MOST_DOCUMENTS else ":"
            verb = "speaks" if len(titles) == 1 else "speak"
            para(f"{plural(len(titles), 'document', 'documents')} in the evidence library "
                 f"{verb} to this area's lines of enquiry{first}")  # fmt: skip
            shows = {e.title: e.shows for e in documents}
            bullets(f"{t}: {shows[t]}" for t in titles[:MOST_DOCUMENTS])
        else:
            para("No documents in the evidence library are aligned to this area yet.")
        narratives = [n for key in sorted(keys) for n in data.narratives.get(key, ())]
        if narratives:
            para("Narratives with current data:")
            bullets(narratives)
        if figures:
            para(f"Performance data: {plural(len(figures), 'indicator', 'indicators')} "
                 "tracked against targets and England.")  # fmt: skip
        if activity:
            para("Practice seen first-hand across the review: " + ", ".join(activity) + ".")
        share = next((s for s in data.audit_shares if s.judgement == judgement.key), None)
        if share is not None and share.cases:
            para(audit_sentence(share))
        said = [q for q in data.quotes if q.judgement == judgement.key]
        if said:
            para("What staff told us (credited by role, never by name):")
            bullets(quote_line(q) for q in said)
        # 3. What are we doing to improve
        blocks.append(Heading(2, QUESTIONS[2][1], f"sef-{number}-improve"))
        relevant = [i for i in items if keys & set(i.judgements) or (
            i.finding_id in findings_by_id and keys & set(findings_by_id[i.finding_id].judgements)
        )]  # fmt: skip
        if relevant:
            bullets(_item_line(i) for i in relevant)
            for item in relevant:
                if item.milestones:
                    para(f"{item.code} action plan:")
                    bullets(
                        f"{m.text}, due {when(m.due) or 'undated'}"
                        + (f", done {when(m.done)}" if m.done else "")
                        for m in item.milestones
                    )
        else:
            para("No recommendations or action points are recorded against this area yet: "
                 "say here what is being done to improve.")  # fmt: skip
    contents = contents_for(blocks, depth=1)
    head = [Heading(1, "Contents", "contents", in_contents=False), contents, PageBreak()]
    return Document(
        title=f"Self-evaluation of social work practice: {data.area}",
        subtitle=f"Draft for {data.framework}.",
        date_line=f"Drafted {when(data.generated)}",
        blocks=tuple(head + blocks),
        branding=branding or Branding(),
    )


def _item_line(item: ItemData) -> str:
    owner = ", ".join(p for p in (item.owner, item.agency) if p) or "no owner yet"
    due = f", due {when(item.due)}" if item.due else ""
    return f"{item.code} {item.text} ({owner}{due}; {item.status.lower()})"
