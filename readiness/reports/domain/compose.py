"""The readiness report composed from the review's data: one `Document` that the HTML, Word
and PDF renderers all draw. Pure: `ReportData` in, `Document` out.

Its shape follows the founding review: introduction, approach (what was reviewed, counted),
the three evaluations with numbered paragraphs and the recommendations and action points
each finding raises, the summary and way forward listing every item again with the same
code and full text, then the annexes (evidence index, judgement grid, action plan).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .data import (
    ACTIVITY_KINDS,
    EVALUATIONS,
    AuditShare,
    FindingData,
    ItemData,
    QuoteData,
    ReportData,
    ThresholdData,
    code_order,
)
from .document import Branding as BrandingData
from .document import (
    BulletList,
    Document,
    Heading,
    Item,
    Note,
    PageBreak,
    Paragraph,
    Ref,
    Table,
    contents_for,
)

SECTION_ANCHORS = {key: f"sec-{key}" for key, _ in EVALUATIONS}


def when(value) -> str:
    return value.strftime("%-d %B %Y") if value else ""


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass
class _Body:
    """Blocks being laid down, with the paragraph counter."""

    blocks: list
    number: int = 0

    def heading(self, level: int, text: str, anchor: str, in_contents: bool = True) -> None:
        self.blocks.append(Heading(level, text, anchor, in_contents))

    def para(self, *content, numbered: bool = True) -> str:
        if numbered:
            self.number += 1
            anchor = f"para-{self.number}"
            self.blocks.append(Paragraph(tuple(content), self.number, anchor))
            return anchor
        self.blocks.append(Paragraph(tuple(content)))
        return ""

    def bullets(self, items: Iterable) -> None:
        items = [tuple(i) if isinstance(i, tuple) else (i,) for i in items]
        if items:
            self.blocks.append(BulletList(tuple(items)))


def _item(item: ItemData, place: str, raised_in: Ref | None = None) -> Item:
    prefix = "item" if place == "body" else "sum"
    return Item(
        kind=item.kind,
        code=item.code,
        text=item.text,
        anchor=f"{prefix}-{item.code}",
        place=place,
        guidance=item.guidance,
        raised_in=raised_in,
    )


def _items_sorted(items: Iterable[ItemData]) -> list[ItemData]:
    return sorted(items, key=lambda i: (i.kind != "recommendation", code_order(i.code)))


def compose(data: ReportData, branding: BrandingData | None = None, annex: bool = True) -> Document:
    """The report; with ANNEX false, the evidence annex is left out (a copy for members)."""
    body = _Body([])
    titles = {j.key: j.title for j in data.judgements}
    # Areas in the order they were first written; findings by position within each.
    first_seen: dict[tuple[str, str], int] = {}
    for finding in sorted(data.findings, key=lambda f: f.id):
        first_seen.setdefault((finding.evaluation, finding.area), finding.id)
    evaluations = [k for k, _ in EVALUATIONS]
    findings = sorted(
        (f for f in data.findings if f.evaluation in evaluations),
        key=lambda f: (evaluations.index(f.evaluation), first_seen[(f.evaluation, f.area)],
                       f.position, f.id),
    )  # fmt: skip
    raised: dict[int, list[ItemData]] = {}
    loose: list[ItemData] = []
    finding_ids = {f.id for f in findings}
    for item in _items_sorted(data.items):
        if item.finding_id in finding_ids:
            raised.setdefault(item.finding_id, []).append(item)
        else:
            loose.append(item)
    raised_at: dict[str, str] = {}  # item code → anchor of the paragraph that raised it

    _introduction(body, data)
    _approach(body, data)

    for key, title in EVALUATIONS:
        body.heading(1, title, SECTION_ANCHORS[key])
        if key == "performance":
            _performance(body, data)
        if key == "readiness" and data.notice:
            body.para(f"Notice of inspection under {data.framework_short}: {data.notice}")
        these = [f for f in findings if f.evaluation == key]
        if not these and key != "performance":
            body.para("No findings are recorded under this evaluation yet.", numbered=False)
        areas: list[str] = []
        for finding in these:
            if finding.area not in areas:
                areas.append(finding.area)
        for number, area in enumerate(areas, start=1):
            body.heading(2, area or "General", f"area-{key[:4]}-{number}")
            for finding in (f for f in these if f.area == area):
                anchor = body.para(finding.text)
                note = _finding_note(finding, titles)
                if note:
                    body.blocks.append(Note(tuple(note)))
                for item in raised.get(finding.id, []):
                    body.blocks.append(_item(item, "body"))
                    raised_at[item.code] = anchor
        if key == "readiness" and loose:
            body.heading(2, "Other recommendations and action points", "area-read-other")
            anchor = body.para(
                "We also raise the following, each resting on the review as a whole rather "
                "than on a single finding."
            )
            for item in loose:
                body.blocks.append(_item(item, "body"))
                raised_at[item.code] = anchor

    _summary(body, data, raised_at)
    _annexes(body, data, titles, annex)

    blocks = body.blocks
    contents = contents_for(blocks)
    head = [
        *_at_a_glance(data),
        PageBreak(),
        Heading(1, "Contents", "contents", in_contents=False),
        contents,
        PageBreak(),
    ]
    return Document(
        title=f"Readiness review: {data.area}",
        subtitle=f"{data.review_name}. Framework: {data.framework}.",
        date_line=f"Report of {when(data.generated)}",
        blocks=tuple(head + blocks),
        branding=branding or BrandingData(),
    )


def _at_a_glance(data: ReportData) -> list:
    """The page after the cover: every grade, and where the items stand."""
    items = data.items
    open_items = [i for i in items if i.is_open]
    overdue = [i for i in open_items if i.due and i.due < data.generated]
    recommendations = sum(1 for i in items if i.kind == "recommendation")
    return [
        Heading(1, "At a glance", "glance", in_contents=False),
        Table(
            "Our grades",
            ("Judgement", "Our grade", "Confidence"),
            tuple((j.title, j.grade or "Not graded", j.confidence.capitalize() or "–")
                  for j in data.judgements),
            widths=(6, 2.5, 1.5),
        ),
        Paragraph((
            f"{plural(recommendations, 'recommendation', 'recommendations')} and "
            f"{plural(len(items) - recommendations, 'action point', 'action points')}: "
            f"{len(open_items)} open, {len(overdue)} overdue.",
        )),
    ]  # fmt: skip


def _introduction(body: _Body, data: ReportData) -> None:
    body.heading(1, "Introduction", "sec-introduction")
    body.para(
        f"{data.area} and its partners asked for this readiness review ({data.review_name}) "
        "to add rigour and challenge ahead of inspection under "
        f"{data.framework}. The inspection is of services in the area, not only the "
        "council's: every partner working with children will be under scrutiny."
    )
    body.para("The purpose of the review was to:")
    body.bullets([
        "test how well services perform against the published grade descriptors;",
        "test the robustness of policy and practice, proposing the actions needed to "
        "improve them; and",
        "test the partnership's readiness for the demands of an inspection.",
    ])  # fmt: skip
    if data.phases:
        body.para(f"We undertook the review in {plural(len(data.phases), 'phase', 'phases')}:")
        body.bullets(
            f"{p.name}" + (f" ({when(p.starts)} to {when(p.ends)})" if p.starts and p.ends
                           else f" (from {when(p.starts)})" if p.starts else "")
            for p in data.phases
        )  # fmt: skip
        if len(data.phases) > 1:
            body.para(
                "Findings from earlier phases are carried forward into this report and say "
                "which phase they come from."
            )
    start, end = data.window
    if start and end:
        body.para(f"The partnership expects its inspection between {when(start)} and "
                  f"{when(end)}.")  # fmt: skip


def _approach(body: _Body, data: ReportData) -> None:
    body.heading(1, "Approach", "sec-approach")
    body.para("In conducting the review we:")
    lines = [
        f"reviewed {plural(data.documents, 'evidence document', 'evidence documents')}"
        + (f" from {plural(data.document_agencies, 'agency', 'agencies')}"
           if data.document_agencies else "") + ";"
    ]  # fmt: skip
    for kind, one, many, verb in ACTIVITY_KINDS:
        records = [a for a in data.activities if a.kind == kind]
        total = sum(a.count for a in records)
        details = "; ".join(
            ", ".join(
                part
                for part in (
                    a.description,
                    plural(a.people, "person", "people") if a.people else "",
                )
                if part
            )
            for a in records
            if a.description or a.people
        )
        lines.append(f"{verb} {plural(total, one, many)}" + (f" ({details})" if details else "")
                     + ";")  # fmt: skip
    if data.thresholds:
        people = sum(t.people for t in data.thresholds)
        lines.append(
            "tested how staff understand the thresholds for help with invented cases, in "
            f"{plural(len(data.thresholds), 'thresholds check', 'thresholds checks')} "
            f"answered by {plural(people, 'person', 'people')};"
        )
    lines[-1] = lines[-1].rstrip(";") + "."
    if len(lines) > 1:
        lines[-2] = lines[-2].rstrip(";") + "; and"
    body.bullets(lines)
    for check in data.thresholds:
        body.para(threshold_sentence(check))
    unplaced = [q for q in data.quotes if not q.judgement]
    if unplaced:
        body.para(
            "Staff also told us the following, marked for this report but not placed under "
            "one judgement (credited by role, never by name):",
            numbered=False,
        )
        body.bullets(quote_line(q) for q in unplaced)
    body.para("We completed three evaluations:")
    ends = (";", "; and", ".")
    body.bullets(
        (Ref(SECTION_ANCHORS[key], title[0].lower() + title[1:]), end)
        for (key, title), end in zip(EVALUATIONS, ends, strict=True)
    )
    body.para(
        "We matched the review to the published evaluation schedule and grade descriptors, "
        "but our view cannot predict the inspectors' judgements: they will examine a larger "
        "and different sample, across agencies, in more depth than we could."
    )
    body.para(
        "We distinguish recommendations, best addressed by a formal action plan, from "
        "action points, which are straightforward tasks. Each has a code that never "
        "changes once issued; ",
        Ref("sec-summary", "the summary and way forward"),
        " lists every one again with the same code and full text, and ",
        Ref("annex-c", "Annex C"),
        " gives the action plan.",
    )


def _performance(body: _Body, data: ReportData) -> None:
    graded = [j for j in data.judgements if j.grade]
    body.para(
        f"We graded {len(graded)} of {plural(len(data.judgements), 'judgement', 'judgements')}. "
        "Table 1 gives each grade, with the grade its components suggest where it is a "
        "composite; ",
        Ref("annex-b", "Annex B"),
        " gives the whole grid with our rationale.",
    )
    body.blocks.append(Table(
        "Table 1: grades by judgement",
        ("Judgement", "Our grade", "Suggested by its components", "Confidence"),
        tuple((j.title, j.grade or "Not graded", j.suggested or "–",
               j.confidence.capitalize() or "–") for j in data.judgements),
        anchor="table-grades",
        widths=(5, 2, 2.5, 1.5),
    ))  # fmt: skip
    shares = {s.judgement: s for s in data.audit_shares if s.cases}
    quotes: dict[str, list[QuoteData]] = {}
    for quote in data.quotes:
        if quote.judgement:
            quotes.setdefault(quote.judgement, []).append(quote)
    shown = (j for j in data.judgements
             if j.grade or j.rationale or j.key in shares or j.key in quotes)  # fmt: skip
    for number, judgement in enumerate(shown):
        body.heading(2, judgement.title, f"judgement-{number + 1}", in_contents=False)
        grade = judgement.grade or "not yet graded"
        body.para((f"We judge this {grade.lower() if judgement.grade else grade}. "
                   + judgement.rationale.strip()).strip())  # fmt: skip
        points = []
        if judgement.strengths.strip():
            points.append(f"Strengths: {judgement.strengths.strip()}")
        if judgement.areas_for_improvement.strip():
            points.append(f"Areas for improvement: {judgement.areas_for_improvement.strip()}")
        body.bullets(points)
        if judgement.descriptors:
            body.blocks.append(Note((f"The grade descriptors for {grade.lower()}:",)))
            body.bullets(judgement.descriptors)
        if judgement.key in shares:
            body.para(audit_sentence(shares[judgement.key]))
        if judgement.key in quotes:
            body.para("What staff told us (credited by role, never by name):", numbered=False)
            body.bullets(quote_line(q) for q in quotes[judgement.key])


def audit_sentence(share: AuditShare) -> str:
    """What the case file audits say beside the self-grade, from the dashboard's counts."""
    one = share.cases == 1
    sentence = (
        f"Case file audits: {share.good_or_better} of {share.cases} audited "
        f"{'case' if one else 'cases'} ({share.percent:.0f}%) {'was' if one else 'were'} "
        "good or better; "
    )
    if share.self_grade:
        return sentence + f"the self-assessment grades this {share.self_grade}."
    return sentence + "the self-assessment does not grade this yet."


def quote_line(quote: QuoteData) -> str:
    return f"“{quote.text}” ({quote.by})"


def threshold_sentence(check: ThresholdData) -> str:
    """A thresholds check's agreement with the intended level, from counted agencies only."""
    opening = f"In the thresholds check “{check.title}”, "
    if not check.people:
        return opening + "nobody has answered yet."
    if not check.counted:
        return opening + (
            f"{plural(check.people, 'person has', 'people have')} answered, too few from any "
            f"one agency to count: an agency's answers count once {check.min_group} of its "
            "staff have answered, so that nobody can be identified."
        )
    percent = 100 * check.agreed / check.answers if check.answers else 0
    sentence = opening + (
        f"{check.agreed} of {plural(check.answers, 'answer', 'answers')} ({percent:.0f}%) from "
        f"{plural(check.counted, 'person', 'people')} in "
        f"{plural(check.agencies, 'agency', 'agencies')} placed the invented case at the level "
        "of need the partnership intends."
    )
    if check.misread:
        misread = 100 * check.misread_agreed / check.misread_answers
        sentence += (
            f" The case most often misread was “{check.misread}”: {misread:.0f}% agreed"
            + (f"; most others chose {check.misread_instead}, a {check.misread_direction} "
               "level" if check.misread_instead and check.misread_direction else "")
            + "."
        )  # fmt: skip
    if check.hidden_agencies:
        sentence += (
            f" {plural(check.hidden_agencies, 'agency', 'agencies')} with fewer than "
            f"{check.min_group} answers {'is' if check.hidden_agencies == 1 else 'are'} "
            "not counted, so that nobody can be identified."
        )
    return sentence


def _finding_note(finding: FindingData, titles: dict[str, str]) -> list:
    parts = []
    if finding.judgements:
        parts.append("Judgements: " + "; ".join(titles.get(k, k) for k in finding.judgements))
    if finding.documents:
        parts.append("Evidence: " + "; ".join(finding.documents))
    if finding.indicators:
        parts.append("Figures: " + "; ".join(finding.indicators))
    if finding.audits:
        parts.append(f"Case file audits: {finding.audits} cited")
    if finding.origin:
        parts.append(f"Carried forward from {finding.origin}")
    return [". ".join(parts) + "."] if parts else []


def _summary(body: _Body, data: ReportData, raised_at: dict[str, str]) -> None:
    body.heading(1, "Summary and way forward", "sec-summary")
    items = _items_sorted(data.items)
    recommendations = [i for i in items if i.kind == "recommendation"]
    points = [i for i in items if i.kind != "recommendation"]
    body.para(
        f"We have made {plural(len(recommendations), 'recommendation', 'recommendations')} "
        f"and identified {plural(len(points), 'action point', 'action points')}. The action "
        "points are straightforward; the recommendations are best addressed by a formal "
        "action plan. If an item cannot be completed before the inspection, evidence of "
        "progress towards it shows commitment to continuous improvement."
    )
    done = sum(1 for i in items if i.status == "Done")
    open_items = [i for i in items if i.is_open]
    overdue = [i for i in open_items if i.due and i.due < data.generated]
    if items:
        body.para(
            f"At {when(data.generated)}, {done} of {len(items)} "
            f"{'is' if done == 1 else 'are'} done and {len(open_items)} open"
            + (", of which " + plural(len(overdue), "is", "are") + " overdue: "
               + ", ".join(i.code for i in overdue) if overdue else "")
            + "."
        )  # fmt: skip
    for kind_items, title, anchor in (
        (recommendations, "Recommendations", "sum-recommendations"),
        (points, "Action points", "sum-action-points"),
    ):
        body.heading(2, title, anchor)
        if not kind_items:
            body.para(f"No {title.lower()}.", numbered=False)
        for item in kind_items:
            target = raised_at.get(item.code)
            ref = Ref(target, f"paragraph {target.split('-')[1]}") if target else None
            body.blocks.append(_item(item, "summary", ref))


def _annexes(body: _Body, data: ReportData, titles: dict[str, str], annex: bool) -> None:
    body.blocks.append(PageBreak())
    body.heading(1, "Annex A: evidence index", "annex-a")
    if not annex:
        body.para(
            "Left out of this copy, printed for members: the full report lists "
            f"{plural(data.documents, 'document', 'documents')} by line of enquiry.",
            numbered=False,
        )
    elif data.evidence:
        body.para(
            f"{plural(data.documents, 'document', 'documents')} by line of enquiry, each "
            "with the first sentence of the passage that shows it.",
            numbered=False,
        )
        lines: dict[str, list] = {}
        for row in data.evidence:
            lines.setdefault(row.line, []).append(row)
        for number, (line, rows) in enumerate(lines.items(), start=1):
            body.heading(2, line, f"annex-a-{number}", in_contents=False)
            body.blocks.append(Table(
                f"Evidence for {line.split(' ', 1)[0]}",
                ("Document", "Agency", "Date", "What it shows"),
                tuple((e.title, e.agency, e.when, e.shows) for e in rows),
                widths=(3, 1.6, 1.2, 4.2),
            ))  # fmt: skip
    else:
        body.para("No evidence has been aligned to the lines of enquiry yet.", numbered=False)
    body.heading(1, "Annex B: judgement grid", "annex-b")
    body.blocks.append(Table(
        "Annex B: the judgement grid",
        ("Judgement", "Kind", "Grade", "Suggested", "Confidence", "Rationale"),
        tuple((j.title, j.kind, j.grade or "Not graded", j.suggested or "–",
               j.confidence.capitalize() or "–", j.rationale or "–") for j in data.judgements),
        widths=(3, 1.5, 1.6, 1.8, 1.8, 3.8),
    ))  # fmt: skip
    body.heading(1, "Annex C: action plan", "annex-c")
    items = _items_sorted(data.items)
    if not items:
        body.para("No recommendations or action points yet.", numbered=False)
        return
    body.blocks.append(Table(
        "Annex C: recommendations and action points",
        ("Code", "Item", "Owner", "Due", "Status"),
        tuple(((Ref(f"item-{i.code}", i.code),), i.text,
               ", ".join(p for p in (i.owner, i.agency) if p) or "No owner yet",
               when(i.due) or "–", i.status + (f": {i.latest_update}" if i.latest_update else ""))
              for i in items),
        widths=(0.9, 4.6, 2, 1.9, 1.8),
    ))  # fmt: skip
    for item in items:
        if item.milestones:
            body.heading(2, f"{item.code} action plan", f"plan-{item.code}", in_contents=False)
            body.blocks.append(Table(
                f"{item.code} milestones",
                ("Milestone", "Due", "Done"),
                tuple((m.text, when(m.due) or "–", when(m.done) or "Not yet")
                      for m in item.milestones),
                widths=(6, 2, 2),
            ))  # fmt: skip
