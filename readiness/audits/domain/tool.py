"""Audit tools as data: a YAML file of sections, domains and questions (docs/fieldwork.md).

Each question is graded on the framework's four-point scale ("grade") or answered yes, no or
not applicable ("yes_no"), belongs to a domain (voice of the child, planning …) and names
the framework's lines of enquiry it speaks to. A multi-agency tool has a section per agency,
each filled by that agency's contributor. Reading reports every problem at once as
`FILE:LINE: PATH: message`, in the way framework files are read (the same line keeper)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from readiness.frameworks.domain.loader import (
    Problem,
    _check_keys,
    _identifier,
    _Lines,
    _text,
)

SCHEMA_ID = "readiness-audit-tool/1"
GRADE, YES_NO = "grade", "yes_no"
SCALES = (GRADE, YES_NO)
YES_NO_ANSWERS = {"yes": "Yes", "no": "No", "not_applicable": "Not applicable"}
SECTORS = ("council", "police", "health", "education", "probation", "voluntary", "partnership",
           "other")  # fmt: skip
KINDS = ("single_agency", "multi_agency")
DATA_DIR = Path(__file__).resolve().parents[1] / "data"

TOOL_KEYS = {"schema": True, "id": True, "name": True, "framework": True, "kind": True,
             "description": False, "domains": True, "sections": True}  # fmt: skip
SECTION_KEYS = {"id": True, "title": True, "sector": True, "questions": True}
QUESTION_KEYS = {"id": True, "text": True, "domain": True, "scale": True, "lines": True,
                 "guidance": False}  # fmt: skip


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    domain: str
    scale: str
    lines: tuple[str, ...]
    guidance: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    sector: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class AuditToolSpec:
    id: str
    name: str
    framework: str
    kind: str
    description: str
    domains: dict[str, str]  # id → title, in order
    sections: tuple[Section, ...]

    def questions(self) -> list[tuple[Section, Question]]:
        return [(s, q) for s in self.sections for q in s.questions]

    def question(self, question_id: str) -> Question | None:
        return next((q for _, q in self.questions() if q.id == question_id), None)


class AuditToolError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load_tool_text(
    text: str, file: str = "<upload>", known_lines: dict[str, set[str]] | None = None
) -> AuditToolSpec:
    """The tool in TEXT, or AuditToolError naming every problem. KNOWN_LINES (framework id →
    its line ids), when given, checks that the framework exists and every line is one of its."""
    lines = _Lines(file)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        raise AuditToolError(
            [Problem(file, mark.line + 1 if mark else 1, "", f"not valid YAML: {reason}")]
        ) from None
    if node is None:
        raise AuditToolError([Problem(file, 1, "", "the file is empty")])
    data = lines.to_python(node)
    if not isinstance(data, dict):
        raise AuditToolError([Problem(file, 1, "", "the file must be a mapping of keys")])
    spec = _build(data, lines, known_lines)
    if lines.problems:
        raise AuditToolError(sorted(lines.problems, key=lambda p: (p.line, p.path)))
    return spec


def load_tool_file(
    path: str | Path, known_lines: dict[str, set[str]] | None = None
) -> AuditToolSpec:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise AuditToolError([Problem(str(path), 1, "", "the file is not UTF-8 text")]) from None
    except OSError as error:
        raise AuditToolError(
            [Problem(str(path), 1, "", f"cannot read: {error.strerror}")]
        ) from None
    return load_tool_text(text, str(path), known_lines)


def builtin_tools() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yaml"))


def _build(data: dict[str, Any], lines: _Lines, known: dict[str, set[str]] | None) -> AuditToolSpec:
    _check_keys(data, TOOL_KEYS, "", lines)
    if "schema" in data and data.get("schema") != SCHEMA_ID:
        lines.problem("schema", f"schema must be '{SCHEMA_ID}'")
    tool_id = _identifier(data.get("id", ""), "id", lines) if "id" in data else ""
    name = _text(data.get("name"), "name", lines) if "name" in data else ""
    framework = str(data.get("framework", ""))
    framework_lines: set[str] | None = None
    if "framework" in data and known is not None:
        if framework not in known:
            lines.problem("framework", f"no framework '{framework}' is installed")
        else:
            framework_lines = known[framework]
    kind = data.get("kind", "")
    if "kind" in data and kind not in KINDS:
        lines.problem("kind", f"kind must be one of {', '.join(KINDS)}")
    domains = _domains(data.get("domains"), lines)
    sections = _sections(data.get("sections"), domains, framework_lines, lines)
    if kind == "multi_agency" and len({s.sector for s in sections}) < 2:
        lines.problem("sections", "a multi-agency tool needs sections for two agencies or more")
    used = {q.domain for s in sections for q in s.questions}
    for index, domain in enumerate(domains):
        if domain not in used and sections:
            lines.problem(f"domains[{index}]", f"domain '{domain}' has no question")
    return AuditToolSpec(
        id=tool_id,
        name=name,
        framework=framework,
        kind=str(kind),
        description=_text(data.get("description"), "description", lines, required=False),
        domains=domains,
        sections=tuple(sections),
    )


def _domains(value: Any, lines: _Lines) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, list) or not value:
        lines.problem("domains", "list the domains, each with an id and a title")
        return {}
    domains: dict[str, str] = {}
    for i, item in enumerate(value):
        path = f"domains[{i}]"
        if not _check_keys(item, {"id": True, "title": True}, path, lines):
            continue
        domain_id = _identifier(item.get("id", ""), f"{path}.id", lines)
        if domain_id in domains:
            lines.problem(f"{path}.id", f"duplicate domain '{domain_id}'")
            continue
        domains[domain_id] = _text(item.get("title"), f"{path}.title", lines)
    return domains


def _sections(
    value: Any, domains: dict[str, str], framework_lines: set[str] | None, lines: _Lines
) -> list[Section]:
    if value is None:
        return []
    if not isinstance(value, list) or not value:
        lines.problem("sections", "list at least one section")
        return []
    sections: list[Section] = []
    seen_questions: set[str] = set()
    for i, item in enumerate(value):
        path = f"sections[{i}]"
        if not _check_keys(item, SECTION_KEYS, path, lines):
            continue
        section_id = _identifier(item.get("id", ""), f"{path}.id", lines)
        if section_id in [s.id for s in sections]:
            lines.problem(f"{path}.id", f"duplicate section '{section_id}'")
        sector = item.get("sector", "")
        if "sector" in item and sector not in SECTORS:
            lines.problem(f"{path}.sector", f"sector must be one of {', '.join(SECTORS)}")
        questions: list[Question] = []
        raw = item.get("questions")
        if not isinstance(raw, list) or not raw:
            if "questions" in item:
                lines.problem(f"{path}.questions", "list at least one question")
            raw = []
        for j, q in enumerate(raw):
            qpath = f"{path}.questions[{j}]"
            if not _check_keys(q, QUESTION_KEYS, qpath, lines):
                continue
            qid = _identifier(q.get("id", ""), f"{qpath}.id", lines)
            if qid in seen_questions:
                lines.problem(f"{qpath}.id", f"duplicate question '{qid}'")
            seen_questions.add(qid)
            domain = q.get("domain", "")
            if "domain" in q and domain not in domains:
                lines.problem(f"{qpath}.domain", f"unknown domain '{domain}' (domains: "
                              f"{', '.join(domains) or 'none'})")  # fmt: skip
            scale = q.get("scale", "")
            if "scale" in q and scale not in SCALES:
                lines.problem(f"{qpath}.scale", "scale must be 'grade' or 'yes_no'")
            line_ids = q.get("lines")
            if not isinstance(line_ids, list) or not line_ids:
                if "lines" in q:
                    lines.problem(f"{qpath}.lines", "name at least one line of enquiry")
                line_ids = []
            for k, line in enumerate(line_ids):
                if framework_lines is not None and line not in framework_lines:
                    lines.problem(
                        f"{qpath}.lines[{k}]", f"no line of enquiry '{line}' in the framework"
                    )
            questions.append(Question(
                id=qid, text=_text(q.get("text"), f"{qpath}.text", lines), domain=str(domain),
                scale=str(scale), lines=tuple(str(x) for x in line_ids),
                guidance=_text(q.get("guidance"), f"{qpath}.guidance", lines, required=False),
            ))  # fmt: skip
        sections.append(Section(section_id, _text(item.get("title"), f"{path}.title", lines),
                                str(sector), tuple(questions)))  # fmt: skip
    return sections
