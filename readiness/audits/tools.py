"""The audit tools a review may use: those shipped in the package, read once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.db import DatabaseError

from readiness.frameworks.domain.loader import load_framework_file
from readiness.frameworks.models import LineOfEnquiry

from .domain.tool import AuditToolSpec, builtin_tools, load_tool_file

FRAMEWORK_DIR = Path(__file__).resolve().parents[1] / "frameworks" / "data"


def known_lines(database: bool = True) -> dict[str, set[str]]:
    """Each framework's id with its lines of enquiry: the shipped framework files, and with
    DATABASE the frameworks a partnership loaded (when the database has been set up)."""
    known: dict[str, set[str]] = {}
    for path in sorted(FRAMEWORK_DIR.glob("*.yaml")):
        spec = load_framework_file(str(path))
        known[spec.id] = {line.id for j in spec.judgements for line in j.lines_of_enquiry}
    if database:
        try:
            rows = list(LineOfEnquiry.objects.values_list("judgement__framework__slug", "key"))
        except DatabaseError:
            rows = []  # not migrated yet: the shipped frameworks are enough to check a file
        for slug, key in rows:
            known.setdefault(slug, set()).add(key)
    return known


@cache
def shipped_tools() -> dict[str, AuditToolSpec]:
    # Checked against the framework files by the tests, so no database is needed here.
    return {spec.id: spec for spec in map(load_tool_file, builtin_tools())}


def tools_for(framework_slug: str) -> list[AuditToolSpec]:
    return [tool for tool in shipped_tools().values() if tool.framework == framework_slug]


def tool(tool_id: str) -> AuditToolSpec | None:
    return shipped_tools().get(tool_id)
