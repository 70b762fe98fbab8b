"""The indicator library: the shipped definitions in data/indicators.yaml, loaded and checked.

Plain Python, nothing of Django. `load_library()` returns frozen `IndicatorDefinition`s or
raises `LibraryError` listing every problem at once (`FILE:LINE: ID: message`), so a bad edit
to the YAML is found whole, not one error per run. `markdown_table()` writes the definitions
table in docs/indicators.md; run `python -m readiness.indicators.domain.library` to refresh it
(readiness/indicators/tests/test_library.py fails when the doc is out of date).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from readiness.indicators.domain import cin_measures, lac_measures

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "indicators.yaml"
DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "indicators.md"

# What a value means; assessment.py and charts.py format and test each one differently.
UNITS = {
    "percent": "percentage",
    "count": "count",
    "rate_per_1000": "rate per 1,000",
    "rate_per_10000": "rate per 10,000",
    "per_person": "average per person",
    "days": "days",
    "score": "average score",
}
POLARITIES = {"higher_is_better", "lower_is_better", "neutral"}
# Published figures come by different years: DfE looked after children and CIN by year to
# 31 March, attainment by academic year, ONS conceptions by calendar year, the workforce
# census at 30 September. Mixing them up would compare different twelve months.
PERIODS = {
    "financial_year": "year to 31 March",
    "academic_year": "academic year",
    "calendar_year": "calendar year",
    "year_to_30_september": "year to 30 September",
    "quarter": "quarter",
}
SOURCES = {"ssda903", "cin", "annex_a", "entered"}
# ILACS published judgement keys (frameworks/data/ilacs-2023.yaml and ilacs-2026.yaml).
JUDGEMENT_AREAS = {"help_and_protection", "children_in_care", "care_leavers", "impact_of_leaders"}
# Which registry a computed measure must be in, by source.
REGISTRIES: dict[str, set[str]] = {
    "ssda903": set(lac_measures.ALL),
    "cin": set(cin_measures.MEASURES),
}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,62}$")

REQUIRED = (
    "id", "title", "short_title", "unit", "polarity", "period", "numerator", "denominator",
    "counted", "source", "measure_key", "published_definition", "judgement_areas",
    "founding_review_proxy",
)  # fmt: skip
OPTIONAL = ("notes",)


@dataclass(frozen=True)
class IndicatorDefinition:
    id: str
    title: str
    short_title: str
    unit: str
    polarity: str
    period: str
    numerator: str
    denominator: str | None  # None for a plain count
    counted: str  # plural noun for the denominator ("children", "referrals"), used in trends
    source: str
    measure_key: str | None  # key in lac_measures.ALL / cin_measures.MEASURES, else None
    published_definition: str
    judgement_areas: tuple[str, ...]
    founding_review_proxy: bool
    notes: str = ""


class LibraryError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("indicator library has problems:\n" + "\n".join(problems))


def load_library(path: str | Path | None = None) -> list[IndicatorDefinition]:
    """Read and check the library; every problem is reported, none is skipped silently."""
    file = Path(path) if path is not None else DEFAULT_PATH
    text = file.read_text(encoding="utf-8")
    name = file.name
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise LibraryError([f"{name}: not valid YAML: {error}"]) from error
    items = _indicator_nodes(root, name)
    problems: list[str] = []
    definitions: list[IndicatorDefinition] = []
    seen: dict[str, int] = {}
    for node in items:
        line = node.start_mark.line + 1
        data, node_problems = _mapping(node)
        where = f"{name}:{line}: {data.get('id', '(no id)')}"
        problems += [f"{where}: {p}" for p in node_problems]
        found = _check(data)
        problems += [f"{where}: {p}" for p in found]
        ident = data.get("id")
        if isinstance(ident, str):
            if ident in seen:
                problems.append(f"{where}: duplicate id (first at line {seen[ident]})")
            seen.setdefault(ident, line)
        if not found and not node_problems:
            definitions.append(_build(data))
    if problems:
        raise LibraryError(problems)
    return definitions


def by_id(definitions: list[IndicatorDefinition]) -> dict[str, IndicatorDefinition]:
    return {d.id: d for d in definitions}


def _indicator_nodes(root: yaml.Node | None, name: str) -> list[yaml.Node]:
    if not isinstance(root, yaml.MappingNode):
        raise LibraryError([f"{name}: expected a mapping with an `indicators` list"])
    for key, value in root.value:
        if key.value == "indicators" and isinstance(value, yaml.SequenceNode):
            return list(value.value)
    raise LibraryError([f"{name}: expected a mapping with an `indicators` list"])


def _mapping(node: yaml.Node) -> tuple[dict[str, Any], list[str]]:
    """One indicator as a dict, catching duplicate keys that safe_load would quietly merge."""
    if not isinstance(node, yaml.MappingNode):
        return {}, ["an indicator must be a mapping of keys to values"]
    constructor = yaml.SafeLoader("")
    data: dict[str, Any] = {}
    problems: list[str] = []
    for key_node, value_node in node.value:
        key = key_node.value
        if key in data:
            problems.append(f"key `{key}` given twice (line {key_node.start_mark.line + 1})")
            continue
        data[key] = constructor.construct_object(value_node, deep=True)
    return data, problems


def _check(data: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for key in REQUIRED:
        if key not in data:
            problems.append(f"missing `{key}`")
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            problems.append(f"unknown key `{key}`")
    if problems:
        return problems
    ident = data["id"]
    if not isinstance(ident, str) or not ID_PATTERN.match(ident):
        problems.append(f"id {ident!r} must be lower case letters, digits and underscores")
    text_keys = ("title", "short_title", "numerator", "counted", "published_definition")
    for key in text_keys:
        if not isinstance(data[key], str) or not data[key].strip():
            problems.append(f"`{key}` must be non-empty text")
    problems += _choice(data, "unit", UNITS)
    problems += _choice(data, "polarity", POLARITIES)
    problems += _choice(data, "period", PERIODS)
    problems += _choice(data, "source", SOURCES)
    # A plain count has no denominator; everything else says what it divides by.
    if data["unit"] == "count" and data["denominator"] is not None:
        problems.append("a count has no denominator: set `denominator: null`")
    if data["unit"] != "count" and not (
        isinstance(data["denominator"], str) and data["denominator"]
    ):
        problems.append("`denominator` must say what the numerator is divided by")
    problems += _check_measure_key(data)
    areas = data["judgement_areas"]
    if not isinstance(areas, list) or not areas:
        problems.append("`judgement_areas` must be a non-empty list")
    else:
        for area in areas:
            if area not in JUDGEMENT_AREAS:
                allowed = ", ".join(sorted(JUDGEMENT_AREAS))
                problems.append(f"unknown judgement area {area!r} (expected one of {allowed})")
    if not isinstance(data["founding_review_proxy"], bool):
        problems.append("`founding_review_proxy` must be true or false")
    if "notes" in data and not isinstance(data["notes"], str):
        problems.append("`notes` must be text")
    return problems


def _choice(data: dict[str, Any], key: str, allowed: dict[str, str] | set[str]) -> list[str]:
    if isinstance(data[key], str) and data[key] in allowed:  # a list here is unhashable
        return []
    return [f"unknown {key} {data[key]!r} (expected one of {', '.join(sorted(allowed))})"]


def _check_measure_key(data: dict[str, Any]) -> list[str]:
    key, source = data["measure_key"], data["source"]
    registry = REGISTRIES.get(source) if isinstance(source, str) else None
    if registry is None:
        # Entered and Annex A figures are not computed by any registry (yet), so a key
        # there would point at nothing.
        return [] if key is None else [f"source {source!r} has no measures: set measure_key null"]
    if key is None:
        return [f"source {source!r} is computed: measure_key is required"]
    if not isinstance(key, str) or key not in registry:
        where = "lac_measures.ALL" if source == "ssda903" else "cin_measures.MEASURES"
        return [f"measure_key {key!r} is not in {where}"]
    return []


def _build(data: dict[str, Any]) -> IndicatorDefinition:
    return IndicatorDefinition(
        id=data["id"],
        title=data["title"].strip(),
        short_title=data["short_title"].strip(),
        unit=data["unit"],
        polarity=data["polarity"],
        period=data["period"],
        numerator=data["numerator"].strip(),
        denominator=data["denominator"].strip() if data["denominator"] else None,
        counted=data["counted"].strip(),
        source=data["source"],
        measure_key=data["measure_key"],
        published_definition=" ".join(data["published_definition"].split()),
        judgement_areas=tuple(data["judgement_areas"]),
        founding_review_proxy=data["founding_review_proxy"],
        notes=(data.get("notes") or "").strip(),
    )


# --- documentation -------------------------------------------------------------------------

BEGIN = "<!-- BEGIN indicators table: generated by library.markdown_table; do not edit -->"
END = "<!-- END indicators table -->"
POLARITY_WORDS = {
    "higher_is_better": "higher is better",
    "lower_is_better": "lower is better",
    "neutral": "neither",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(definitions: list[IndicatorDefinition]) -> str:
    """The definitions table for docs/indicators.md, one row per indicator, in file order."""
    rows = [
        "| Id | Indicator | Unit, polarity, period | Numerator / denominator | Source "
        "(measure) | Published definition | Judgements | Proxy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for d in definitions:
        source = d.source + (f" (`{d.measure_key}`)" if d.measure_key else "")
        ratio = d.numerator + (f" / {d.denominator}" if d.denominator else "")
        title = d.title + (f". {d.notes}" if d.notes else "")
        unit = f"{UNITS[d.unit]}; {POLARITY_WORDS[d.polarity]}; {PERIODS[d.period]}"
        cells = [
            f"`{d.id}`", title, unit, ratio, source, d.published_definition,
            ", ".join(d.judgement_areas), "yes" if d.founding_review_proxy else "",
        ]  # fmt: skip
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows) + "\n"


def render_doc(doc_text: str, definitions: list[IndicatorDefinition]) -> str:
    """The doc with its generated section replaced, so prose around it is kept."""
    start, end = doc_text.index(BEGIN) + len(BEGIN), doc_text.index(END)
    return doc_text[:start] + "\n\n" + markdown_table(definitions) + "\n" + doc_text[end:]


if __name__ == "__main__":  # python -m readiness.indicators.domain.library [DOC]
    doc = Path(sys.argv[1]) if len(sys.argv) > 1 else DOC_PATH
    doc.write_text(render_doc(doc.read_text(encoding="utf-8"), load_library()), encoding="utf-8")
    print(f"wrote {doc}")
