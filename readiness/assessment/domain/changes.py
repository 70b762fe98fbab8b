"""What changed in an assessment, field by field, for the history."""

from __future__ import annotations

from collections.abc import Mapping

TRACKED_FIELDS = ("grade", "rationale", "strengths", "areas_for_improvement", "confidence")


def diff(before: Mapping[str, str], after: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(field, from, to) for each tracked field whose value differs; fields absent from
    `after` are left as they were."""
    return [
        (name, before.get(name, ""), after[name])
        for name in TRACKED_FIELDS
        if name in after and (before.get(name, "") or "") != (after[name] or "")
    ]
