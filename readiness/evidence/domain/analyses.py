"""Gaps, weak evidence, surfeits, stale material and coverage, per line of enquiry and agency.

The founding review (paragraphs 28-30) found three faults in a partnership's evidence: gaps
(nothing on preventive services), surfeits (piles of minutes on one problem, which paint a
worse picture than the work deserves) and sets not ordered by the lines of enquiry. This
module finds each of them in plain data, says why in words a reviewer can act on, and names
the documents behind every finding. It knows nothing of Django: the caller builds the facts.

Which alignments count:
- rejected by a person: never (a person's decision is final);
- confirmed by a person: always, whatever the machine's confidence;
- suggested by the machine: only at or above `strong`; below it a suggestion is "weak";
- on covering material (a covering e-mail, a contents list, an agenda, a blank template:
  domain/covering.py): only when a person confirmed it. A machine suggestion on such a file
  is neither evidence nor even weak evidence, so a list that names "early help" cannot hide
  the gap it names.

Ages are measured from the reference date the caller gives: the inspection window's opening
when the review has one (stale.reference_date), so a review whose window is past, or a
rehearsal dated ahead, gets the ages inspectors would see.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

from .stale import StaleDocument

Status = Literal["suggested", "confirmed", "rejected"]
FindingKind = Literal["gap", "weak", "surfeit", "stale", "coverage"]
Severity = Literal["high", "medium", "info"]

SEVERITY_ORDER = {"high": 0, "medium": 1, "info": 2}
KIND_ORDER = {"gap": 0, "weak": 1, "surfeit": 2, "stale": 3, "coverage": 4}


@dataclass(frozen=True)
class LineFacts:
    key: str
    judgement_key: str
    judgement_title: str
    question: str


@dataclass(frozen=True)
class AgencyFacts:
    name: str


class Alignment(NamedTuple):
    # A NamedTuple so callers may pass plain (line_key, confidence, status) tuples.
    line_key: str
    confidence: float
    status: Status


@dataclass(frozen=True)
class DocumentFacts:
    id: int
    title: str
    agency: str
    kind: str  # a doctype key, e.g. "minutes"
    focus: str  # "outcomes" or "process"
    date: date | None
    ordered_by_line: bool = False  # the agency filed it under a line of enquiry
    alignments: tuple[Alignment, ...] = ()
    covering: str = ""  # why it is covering material, or ""


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    line_key: str | None
    agency: str | None
    severity: Severity
    message: str
    document_ids: tuple[int, ...]


@dataclass(frozen=True)
class LineSummary:
    line_key: str
    judgement_key: str
    label: str
    documents: int  # documents whose alignment counts (confirmed or strong)
    process_documents: int
    weak_suggestions: int
    strongest: float | None  # best confidence among non-rejected alignments
    newest: date | None  # newest date among counting documents
    undated: int
    agencies: tuple[str, ...]
    document_ids: tuple[int, ...]
    status: Literal["gap", "weak", "surfeit", "stale", "ok"]


@dataclass(frozen=True)
class AgencySummary:
    agency: str
    documents: int
    aligned_documents: int
    lines: tuple[str, ...]  # line keys it contributed counting evidence to, framework order
    ordered_by_line: float  # share of its documents filed under a line of enquiry
    process_share: float
    newest: date | None


@dataclass(frozen=True)
class Analysis:
    findings: tuple[Finding, ...]
    lines: tuple[LineSummary, ...]
    agencies: tuple[AgencySummary, ...]
    stale: tuple[StaleDocument, ...] = ()  # out-of-date documents, each with its reasons

    def for_line(self, line_key: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.line_key == line_key)

    def for_agency(self, agency: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.agency == agency)

    def of_kind(self, kind: FindingKind) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == kind)


def line_label(line: LineFacts, limit: int = 60) -> str:
    """The line's question, cut at a word boundary so messages stay one line long."""
    text = " ".join(line.question.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "…"


def format_date(value: date) -> str:
    # GOV.UK style: "3 March 2024".
    return f"{value.day} {value:%B %Y}"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _ids(docs: Iterable[DocumentFacts]) -> tuple[int, ...]:
    return tuple(sorted({d.id for d in docs}))


NO_AGENCY = "No agency given"


def _agency(doc: DocumentFacts) -> str:
    # A document uploaded without an agency still counts, under a name a reader understands.
    return doc.agency or NO_AGENCY


def _is_process(doc: DocumentFacts) -> bool:
    return doc.focus == "process"


def analyse(
    lines: Sequence[LineFacts],
    agencies: Sequence[AgencyFacts],
    documents: Sequence[DocumentFacts],
    today: date,
    *,
    stale_after_days: int = 365,
    strong: float = 0.6,
    surfeit_min: int = 5,
    surfeit_process_share: float = 0.6,
    stale_documents: Sequence[StaleDocument] = (),
) -> Analysis:
    """`stale_documents` (from `stale.stale_documents`) each become a "stale" finding under
    the document's main line of enquiry, beside the line-level check on the newest evidence."""
    line_keys = {line.key for line in lines}
    counting: dict[str, list[tuple[DocumentFacts, float]]] = {k: [] for k in line_keys}
    weak: dict[str, list[tuple[DocumentFacts, float]]] = {k: [] for k in line_keys}
    for doc in documents:
        # One verdict per (document, line): a person's decision beats any machine suggestion
        # for the same line, and among suggestions the strongest stands.
        best: dict[str, Alignment] = {}
        for raw in doc.alignments:
            a = Alignment(*raw)
            if a.line_key not in line_keys:  # a line of another framework
                continue
            held = best.get(a.line_key)
            if held is None or _outranks(a, held):
                best[a.line_key] = a
        for a in best.values():
            if a.status == "rejected" or (doc.covering and a.status != "confirmed"):
                continue
            if a.status == "confirmed" or a.confidence >= strong:
                counting[a.line_key].append((doc, a.confidence))
            else:
                weak[a.line_key].append((doc, a.confidence))

    findings: list[Finding] = []
    summaries: list[LineSummary] = []
    for line in lines:
        found, status = _line_findings(
            line,
            counting[line.key],
            weak[line.key],
            today,
            stale_after_days=stale_after_days,
            surfeit_min=surfeit_min,
            surfeit_process_share=surfeit_process_share,
        )
        findings.extend(found)
        summaries.append(_line_summary(line, counting[line.key], weak[line.key], status))

    agency_summaries, coverage = _coverage(lines, agencies, documents, counting)
    findings.extend(coverage)
    findings.extend(_stale_findings(stale_documents, counting, [line.key for line in lines]))

    line_index = {line.key: i for i, line in enumerate(lines)}
    agency_index = {s.agency: i for i, s in enumerate(agency_summaries)}
    findings.sort(
        key=lambda f: (
            SEVERITY_ORDER[f.severity],
            KIND_ORDER[f.kind],
            line_index.get(f.line_key or "", -1),
            agency_index.get(f.agency or "", -1),
        )
    )
    return Analysis(
        tuple(findings), tuple(summaries), tuple(agency_summaries), tuple(stale_documents)
    )


def _stale_findings(
    stale: Sequence[StaleDocument],
    counting: dict[str, list[tuple[DocumentFacts, float]]],
    line_order: list[str],
) -> list[Finding]:
    # Filed under the line the document is most about (the first such line in the
    # framework's order on a tie), so the line's findings include it.
    main: dict[int, tuple[float, int]] = {}
    for position, line_key in enumerate(line_order):
        for doc, confidence in counting[line_key]:
            if doc.id not in main or confidence > main[doc.id][0]:
                main[doc.id] = (confidence, position)
    return [
        Finding(
            "stale",
            line_order[main[s.id][1]] if s.id in main else None,
            s.agency or NO_AGENCY,
            s.severity,  # type: ignore[arg-type]
            s.message,
            (s.id,),
        )
        for s in stale
    ]


def _outranks(new: Alignment, held: Alignment) -> bool:
    person = {"confirmed", "rejected"}
    if (new.status in person) != (held.status in person):
        return new.status in person
    return new.confidence > held.confidence


def _line_findings(
    line: LineFacts,
    counting: list[tuple[DocumentFacts, float]],
    weak: list[tuple[DocumentFacts, float]],
    today: date,
    *,
    stale_after_days: int,
    surfeit_min: int,
    surfeit_process_share: float,
) -> tuple[list[Finding], str]:
    label = line_label(line)
    if not counting:
        if not weak:
            message = f"No evidence on '{label}': no document was confirmed or even suggested."
            return [Finding("gap", line.key, None, "high", message, ())], "gap"
        best = max(conf for _, conf in weak)
        message = (
            f"No evidence on '{label}' — only {_plural(len(weak), 'weak suggestion')} "
            f"(best {best:.2f}). Confirm one if it shows the work, or add evidence."
        )
        ids = _ids(d for d, _ in weak)
        return [Finding("weak", line.key, None, "medium", message, ids)], "weak"

    out: list[Finding] = []
    status = "ok"
    docs = [d for d, _ in counting]
    process = [d for d in docs if _is_process(d)]
    if len(docs) >= surfeit_min and len(process) / len(docs) >= surfeit_process_share:
        minutes = sum(1 for d in process if d.kind == "minutes")
        # Name minutes plainly: they are what the founding review saw piled up.
        if minutes == len(process):
            what = "minutes"
        elif minutes:
            what = "minutes or other process records"
        else:
            what = "process records"
        message = (
            f"{len(docs)} documents on '{label}', {len(process)} of them {what}: "
            "a one-to-two page narrative with current data, on what was targeted, what was "
            "done and the outcomes for children, would show the impact better. Keep only "
            "minutes that show a particular point, and signpost what they show."
        )
        out.append(Finding("surfeit", line.key, None, "medium", message, _ids(process)))
        status = "surfeit"

    dated = [d for d in docs if d.date is not None]
    if not dated:
        message = (
            f"None of the {_plural(len(docs), 'document')} on '{label}' carries a date, so "
            "nobody can tell how current the evidence is: date them or add current data."
        )
        out.append(Finding("stale", line.key, None, "info", message, _ids(docs)))
        status = "stale" if status == "ok" else status
    else:
        newest = max(d.date for d in dated if d.date is not None)
        age = (today - newest).days
        if age > stale_after_days:
            message = (
                f"The newest evidence on '{label}' is dated {format_date(newest)}, "
                f"{age} days ago (older than {stale_after_days} days): add current data."
            )
            out.append(Finding("stale", line.key, None, "medium", message, _ids(docs)))
            status = "stale" if status == "ok" else status
    return out, status


def _line_summary(
    line: LineFacts,
    counting: list[tuple[DocumentFacts, float]],
    weak: list[tuple[DocumentFacts, float]],
    status: str,
) -> LineSummary:
    docs = [d for d, _ in counting]
    confidences = [c for _, c in counting] + [c for _, c in weak]
    dates = [d.date for d in docs if d.date is not None]
    return LineSummary(
        line_key=line.key,
        judgement_key=line.judgement_key,
        label=line_label(line),
        documents=len(docs),
        process_documents=sum(1 for d in docs if _is_process(d)),
        weak_suggestions=len(weak),
        strongest=max(confidences) if confidences else None,
        newest=max(dates) if dates else None,
        undated=sum(1 for d in docs if d.date is None),
        agencies=tuple(sorted({_agency(d) for d in docs})),
        document_ids=_ids(docs),
        status=status,  # type: ignore[arg-type]
    )


def _coverage(
    lines: Sequence[LineFacts],
    agencies: Sequence[AgencyFacts],
    documents: Sequence[DocumentFacts],
    counting: dict[str, list[tuple[DocumentFacts, float]]],
) -> tuple[list[AgencySummary], list[Finding]]:
    # Agencies in the review's order, then any agency named only on a document.
    names = [a.name for a in agencies]
    names += sorted({_agency(d) for d in documents} - set(names))
    by_agency: dict[str, list[DocumentFacts]] = {n: [] for n in names}
    for doc in documents:
        by_agency[_agency(doc)].append(doc)
    lines_of: dict[str, list[str]] = {n: [] for n in names}
    aligned_ids: dict[str, set[int]] = {n: set() for n in names}
    for line in lines:
        for doc, _ in counting[line.key]:
            if line.key not in lines_of[_agency(doc)]:
                lines_of[_agency(doc)].append(line.key)
            aligned_ids[_agency(doc)].add(doc.id)

    summaries: list[AgencySummary] = []
    findings: list[Finding] = []
    total = len(lines)
    for name in names:
        docs = by_agency[name]
        ids = _ids(docs)
        if not docs:
            summaries.append(AgencySummary(name, 0, 0, (), 0.0, 0.0, None))
            findings.append(
                Finding(
                    "coverage",
                    None,
                    name,
                    "medium",
                    f"{name} contributed no documents: ask for its evidence, ordered by the "
                    "lines of enquiry.",
                    (),
                )
            )
            continue
        ordered = sum(1 for d in docs if d.ordered_by_line) / len(docs)
        dates = [d.date for d in docs if d.date is not None]
        summary = AgencySummary(
            agency=name,
            documents=len(docs),
            aligned_documents=len(aligned_ids[name]),
            lines=tuple(lines_of[name]),
            ordered_by_line=ordered,
            process_share=sum(1 for d in docs if _is_process(d)) / len(docs),
            newest=max(dates) if dates else None,
        )
        summaries.append(summary)
        contributed = f"{name} contributed {_plural(len(docs), 'document')}"
        if not summary.lines:
            which = "it is" if len(docs) == 1 else "none of them is"
            message = f"{contributed}, but {which} not evidence on any line of enquiry yet."
            findings.append(Finding("coverage", None, name, "medium", message, ids))
            continue
        message = (
            f"{contributed}, evidence on {len(summary.lines)} of {total} lines of enquiry"
            f" ({summary.aligned_documents} aligned)."
        )
        # Paragraph 28: the set should be ordered by the lines of enquiry; say who did it.
        if ordered >= 0.5:
            message += (
                f" It ordered its set by the lines of enquiry ({round(ordered * 100)}% of its "
                "documents filed under one)."
            )
        else:
            message += " Its set is not ordered by the lines of enquiry."
        findings.append(Finding("coverage", None, name, "info", message, ids))
    return summaries, findings
