"""The data-quality report every import returns.

SHARED: the SSDA903 reader and the other importers (CIN census, Annex A, aggregate tables)
all report through these two records, so keep them small and generic. Add fields only with
defaults, so that no importer breaks.

An importer never drops a record silently: every record it could not use, and every record
it used after changing or ignoring a value, becomes one `QualityIssue`. `reason` is a short
category (counted on the import page); `detail` says what exactly was wrong.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class QualityIssue:
    table: str
    row_number: int | None  # 1-based data row (header row not counted); None for the table
    child_id: str | None
    field: str | None
    value: str | None
    reason: str
    detail: str = ""
    # False: the record was left out. True: it was imported, with the value ignored or read
    # as `detail` says (e.g. an old code with one clear meaning).
    kept: bool = False


@dataclass(slots=True)
class QualityReport:
    issues: list[QualityIssue] = field(default_factory=list)

    def add(
        self,
        table: str,
        row_number: int | None,
        child_id: str | None,
        field: str | None,
        value: str | None,
        reason: str,
        detail: str = "",
        kept: bool = False,
    ) -> None:
        self.issues.append(
            QualityIssue(table, row_number, child_id, field, value, reason, detail, kept)
        )

    def extend(self, other: QualityReport) -> None:
        self.issues.extend(other.issues)

    def counts_by_reason(self) -> dict[str, int]:
        return dict(Counter(issue.reason for issue in self.issues).most_common())

    @property
    def excluded(self) -> int:
        return sum(1 for issue in self.issues if not issue.kept)

    @property
    def kept(self) -> int:
        return sum(1 for issue in self.issues if issue.kept)

    def as_dict(self) -> dict[str, object]:
        return {
            "counts_by_reason": self.counts_by_reason(),
            "excluded": self.excluded,
            "kept": self.kept,
            "issues": [asdict(issue) for issue in self.issues],
        }
