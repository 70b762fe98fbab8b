"""Read and validate a framework file, reporting every problem with its line and path.

The file is YAML (schema in docs/framework-schema.md). We compose the YAML into nodes
ourselves rather than calling safe_load, so that every value keeps the line it came from
and duplicate keys (which safe_load silently collapses) are caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from .spec import (
    JUDGEMENT_KINDS,
    SCHEMA_ID,
    FrameworkSpec,
    GradeLevel,
    JudgementSpec,
    LineOfEnquirySpec,
    Notice,
    Strand,
)

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,62}$")

TOP_LEVEL_KEYS = {
    "schema": True,
    "id": True,
    "name": True,
    "short_name": False,
    "inspectorate": False,
    "description": False,
    "in_force": False,
    "notice": False,
    "grades": True,
    "strands": False,
    "judgements": True,
    "headline_guide": False,
    "counting": False,
    "attribution": False,
}
JUDGEMENT_KEYS = {
    "id": True,
    "title": True,
    "kind": True,
    "strand": False,
    "summary": False,
    "components": False,
    "limiting": False,
    "published_key": False,
    "lines_of_enquiry": True,
}
LINE_KEYS = {"id": True, "question": True, "descriptors": True, "typical_evidence": False}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path or '(top)'}: {self.message}"


class FrameworkFileError(ValueError):
    """A framework file that cannot be used. `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Unreadable(str):
    """A scalar YAML could not construct; its problem is already reported."""


class _Lines:
    """Remembers the line of each path while converting YAML nodes to plain values."""

    def __init__(self, file: str):
        self.file = file
        self.by_path: dict[str, int] = {}
        self.problems: list[Problem] = []

    def line(self, path: str) -> int:
        """The line of `path`, or of its nearest ancestor that exists in the file."""
        while path and path not in self.by_path:
            path = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path)
        return self.by_path.get(path, 1)

    def problem(self, path: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, line or self.line(path), path, message))

    def to_python(self, node: yaml.Node, path: str = "") -> Any:
        self.by_path[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                child = f"{path}.{key}" if path else key
                if key in result:
                    self.problem(child, f"duplicate key '{key}'", key_node.start_mark.line + 1)
                    continue
                result[key] = self.to_python(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.to_python(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        try:
            return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError, TypeError) as error:
            # YAML reads 2026-02-30 as a date and then cannot make one: a problem in the
            # file like any other, named with its line, never a traceback.
            if node.tag == "tag:yaml.org,2002:timestamp":
                message = f"'{node.value}' is not a real date (YYYY-MM-DD)"
            else:
                message = f"'{node.value}' cannot be read: {error}"
            self.problem(path, message, node.start_mark.line + 1)
            return _Unreadable(node.value)


def load_framework_text(text: str, file: str = "<upload>") -> FrameworkSpec:
    """Parse and validate a framework file. Raises FrameworkFileError listing every problem."""
    lines = _Lines(file)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        raise FrameworkFileError([Problem(file, line, "", f"not valid YAML: {reason}")]) from None
    if node is None:
        raise FrameworkFileError([Problem(file, 1, "", "the file is empty")])
    data = lines.to_python(node)
    if not isinstance(data, dict):
        raise FrameworkFileError([Problem(file, 1, "", "the file must be a mapping of keys")])
    spec = _build(data, lines)
    if lines.problems:
        raise FrameworkFileError(sorted(lines.problems, key=lambda p: (p.line, p.path)))
    assert spec is not None
    return spec


def load_framework_file(path: str) -> FrameworkSpec:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        raise FrameworkFileError([Problem(path, 1, "", "the file is not UTF-8 text")]) from None
    except OSError as error:
        raise FrameworkFileError([Problem(path, 1, "", f"cannot read: {error.strerror}")]) from None
    return load_framework_text(text, file=path)


def _check_keys(value: Any, allowed: dict[str, bool], path: str, lines: _Lines) -> bool:
    if not isinstance(value, dict):
        lines.problem(path, "expected a mapping of keys")
        return False
    for key in value:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            lines.problem(f"{path}.{key}" if path else key, f"unknown key '{key}' (known: {known})")
    for key, required in allowed.items():
        if required and key not in value:
            lines.problem(path, f"missing required key '{key}'")
    return True


def _text(value: Any, path: str, lines: _Lines, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        lines.problem(path, "expected non-empty text")
        return ""
    return value.strip()


def _identifier(value: Any, path: str, lines: _Lines) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        lines.problem(
            path, "an id must be lower-case letters, digits, '_' or '-' (at most 63 characters)"
        )
        return str(value)
    return value


def _text_list(value: Any, path: str, lines: _Lines) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        lines.problem(path, "expected a list")
        return ()
    return tuple(_text(item, f"{path}[{i}]", lines) for i, item in enumerate(value))


def _date(value: Any, path: str, lines: _Lines) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, _Unreadable):
        lines.problem(path, "expected a date written as YYYY-MM-DD")
    return None


def _optional_int(value: Any, path: str, lines: _Lines) -> int | None:
    if value is None:
        return None
    # Days of notice or on site: a year is already far more than any inspection gives.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 366:
        lines.problem(path, "expected a whole number of days, from 0 to 366")
        return None
    return value


def _build(data: dict[str, Any], lines: _Lines) -> FrameworkSpec | None:
    _check_keys(data, TOP_LEVEL_KEYS, "", lines)
    if data.get("schema") != SCHEMA_ID and "schema" in data:
        lines.problem("schema", f"schema must be '{SCHEMA_ID}'")
    framework_id = _identifier(data.get("id", ""), "id", lines) if "id" in data else ""
    name = _text(data.get("name"), "name", lines) if "name" in data else ""

    grades = _build_grades(data.get("grades"), lines)
    grade_keys = [g.key for g in grades]
    strands = _build_strands(data.get("strands"), lines)
    judgements = _build_judgements(data.get("judgements"), grade_keys, strands, lines)
    notice = _build_notice(data.get("notice"), lines)

    in_force = data.get("in_force") or {}
    if in_force and _check_keys(in_force, {"from": False, "to": False}, "in_force", lines):
        in_force_from = _date(in_force.get("from"), "in_force.from", lines)
        in_force_to = _date(in_force.get("to"), "in_force.to", lines)
        if in_force_from and in_force_to and in_force_to < in_force_from:
            lines.problem("in_force.to", "the framework ends before it starts")
    else:
        in_force_from = in_force_to = None

    counting = data.get("counting") or {}
    if not isinstance(counting, dict):
        lines.problem("counting", "expected a mapping")
        counting = {}
    guide = data.get("headline_guide")
    if guide is not None and not isinstance(guide, str):
        lines.problem("headline_guide", "expected the name of a published-grades table")
        guide = None

    return FrameworkSpec(
        id=framework_id,
        name=name,
        short_name=_text(data.get("short_name"), "short_name", lines, required=False) or name,
        inspectorate=_text(data.get("inspectorate"), "inspectorate", lines, required=False),
        in_force_from=in_force_from,
        in_force_to=in_force_to,
        notice=notice,
        grades=tuple(grades),
        judgements=tuple(judgements),
        strands=tuple(strands),
        headline_guide=guide,
        description=_text(data.get("description"), "description", lines, required=False),
        counting=counting,
        attribution=_text(data.get("attribution"), "attribution", lines, required=False),
    )


def _build_grades(value: Any, lines: _Lines) -> list[GradeLevel]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) < 2:
        lines.problem("grades", "list at least two grades, best first")
        return []
    grades: list[GradeLevel] = []
    for rank, item in enumerate(value, start=1):
        path = f"grades[{rank - 1}]"
        if not _check_keys(item, {"key": True, "label": True}, path, lines):
            continue
        key = _identifier(item.get("key", ""), f"{path}.key", lines)
        if key in [g.key for g in grades]:
            lines.problem(f"{path}.key", f"duplicate grade '{key}'")
            continue
        grades.append(GradeLevel(key, _text(item.get("label"), f"{path}.label", lines), rank))
    return grades


def _build_strands(value: Any, lines: _Lines) -> list[Strand]:
    if value is None:
        return []
    if not isinstance(value, list):
        lines.problem("strands", "expected a list")
        return []
    strands: list[Strand] = []
    for i, item in enumerate(value):
        path = f"strands[{i}]"
        if not _check_keys(item, {"id": True, "name": True}, path, lines):
            continue
        strand_id = _identifier(item.get("id", ""), f"{path}.id", lines)
        if strand_id in [s.id for s in strands]:
            lines.problem(f"{path}.id", f"duplicate strand id '{strand_id}'")
            continue
        strands.append(Strand(strand_id, _text(item.get("name"), f"{path}.name", lines)))
    return strands


def _build_notice(value: Any, lines: _Lines) -> Notice:
    if value is None:
        return Notice("Not stated.", None, None)
    keys = {"description": True, "working_days": False, "on_site_working_days": False}
    if not _check_keys(value, keys, "notice", lines):
        return Notice("Not stated.", None, None)
    return Notice(
        _text(value.get("description"), "notice.description", lines),
        _optional_int(value.get("working_days"), "notice.working_days", lines),
        _optional_int(value.get("on_site_working_days"), "notice.on_site_working_days", lines),
    )


def _build_judgements(
    value: Any, grade_keys: list[str], strands: list[Strand], lines: _Lines
) -> list[JudgementSpec]:
    if value is None:
        return []
    if not isinstance(value, list) or not value:
        lines.problem("judgements", "list at least one judgement")
        return []
    judgements: list[JudgementSpec] = []
    paths: dict[str, str] = {}
    line_ids: set[str] = set()
    strand_ids = {s.id for s in strands}
    for i, item in enumerate(value):
        path = f"judgements[{i}]"
        if not _check_keys(item, JUDGEMENT_KEYS, path, lines):
            continue
        judgement_id = _identifier(item.get("id", ""), f"{path}.id", lines)
        if judgement_id in paths:
            lines.problem(
                f"{path}.id",
                f"duplicate judgement id '{judgement_id}' (first at {paths[judgement_id]})",
            )
            continue
        paths[judgement_id] = path
        kind = item.get("kind")
        if kind not in JUDGEMENT_KINDS:
            lines.problem(f"{path}.kind", f"kind must be one of {', '.join(JUDGEMENT_KINDS)}")
        strand = item.get("strand")
        if strand is not None and strand not in strand_ids:
            lines.problem(f"{path}.strand", f"unknown strand '{strand}'")
        components = _id_list(item.get("components"), f"{path}.components", lines)
        limiting = _id_list(item.get("limiting"), f"{path}.limiting", lines)
        if kind in ("headline", "composite") and not components:
            lines.problem(f"{path}.components", f"a {kind} judgement lists its components")
        if kind == "single" and components:
            lines.problem(f"{path}.components", "a single judgement has no components")
        for j, limit in enumerate(limiting):
            if limit not in components:
                lines.problem(f"{path}.limiting[{j}]", f"'{limit}' is not one of its components")
        loes = _build_lines_of_enquiry(
            item.get("lines_of_enquiry"), f"{path}.lines_of_enquiry", grade_keys, line_ids, lines
        )
        published = item.get("published_key")
        judgements.append(
            JudgementSpec(
                id=judgement_id,
                title=_text(item.get("title"), f"{path}.title", lines),
                kind=kind if kind in JUDGEMENT_KINDS else "single",
                strand=strand,
                summary=_text(item.get("summary"), f"{path}.summary", lines, required=False),
                components=tuple(components),
                limiting=tuple(limiting),
                published_key=published if isinstance(published, str) else None,
                lines_of_enquiry=tuple(loes),
            )
        )
    _check_components(judgements, paths, lines)
    return judgements


def _id_list(value: Any, path: str, lines: _Lines) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        lines.problem(path, "expected a list of judgement ids")
        return []
    return [str(item) for item in value]


def _build_lines_of_enquiry(
    value: Any, path: str, grade_keys: list[str], seen: set[str], lines: _Lines
) -> list[LineOfEnquirySpec]:
    if not isinstance(value, list) or not value:
        if value is not None:
            lines.problem(path, "list at least one line of enquiry")
        return []
    result: list[LineOfEnquirySpec] = []
    for i, item in enumerate(value):
        item_path = f"{path}[{i}]"
        if not _check_keys(item, LINE_KEYS, item_path, lines):
            continue
        line_id = _identifier(item.get("id", ""), f"{item_path}.id", lines)
        if line_id in seen:
            lines.problem(f"{item_path}.id", f"duplicate line of enquiry id '{line_id}'")
            continue
        seen.add(line_id)
        descriptors = item.get("descriptors")
        clean: dict[str, str] = {}
        if isinstance(descriptors, dict):
            for key, text in descriptors.items():
                if key not in grade_keys:
                    lines.problem(f"{item_path}.descriptors.{key}", f"unknown grade '{key}'")
                else:
                    clean[key] = _text(text, f"{item_path}.descriptors.{key}", lines)
            for key in grade_keys:
                if key not in descriptors:
                    lines.problem(f"{item_path}.descriptors", f"no descriptor for grade '{key}'")
        elif descriptors is not None:
            lines.problem(f"{item_path}.descriptors", "expected a descriptor for each grade")
        result.append(
            LineOfEnquirySpec(
                id=line_id,
                question=_text(item.get("question"), f"{item_path}.question", lines),
                descriptors=clean,
                typical_evidence=_text_list(
                    item.get("typical_evidence"), f"{item_path}.typical_evidence", lines
                ),
            )
        )
    return result


def _check_components(
    judgements: list[JudgementSpec], paths: dict[str, str], lines: _Lines
) -> None:
    known = {j.id for j in judgements}
    for judgement in judgements:
        path = paths[judgement.id]
        for j, component in enumerate(judgement.components):
            if component == judgement.id:
                lines.problem(f"{path}.components[{j}]", "a judgement cannot be its own component")
            elif component not in known:
                lines.problem(f"{path}.components[{j}]", f"no judgement has the id '{component}'")
    graph = {j.id: [c for c in j.components if c in known and c != j.id] for j in judgements}
    for cycle in _cycles(graph):
        lines.problem(
            f"{paths[cycle[0]]}.components",
            "components form a cycle: " + " → ".join([*cycle, cycle[0]]),
        )


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each cycle once, found by depth-first search."""
    state: dict[str, int] = {}
    found: list[list[str]] = []
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for child in graph.get(node, []):
            if state.get(child) == 1:
                found.append(stack[stack.index(child) :])
            elif child not in state:
                visit(child)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return found
