"""Full-text search over passages: SQLite FTS5 by default, PostgreSQL's own full-text search
when running on PostgreSQL. Snippets mark the matches with control characters that cannot
occur in extracted text, so the page can escape everything first and then highlight."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START, END = "\x02", "\x03"
TERM = re.compile(r"[\w'’-]+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    passage_id: int
    document_id: int
    snippet: str  # with START/END around matches

    def highlighted(self) -> SafeString:
        text = escape(self.snippet)
        return mark_safe(text.replace(START, "<mark>").replace(END, "</mark>"))


def index_passages(review_id: int, passages: Sequence[object]) -> None:
    """Add passages to the SQLite index (PostgreSQL indexes the column itself)."""
    if connection.vendor != "sqlite" or not passages:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT OR REPLACE INTO evidence_passage_fts (rowid, text, review_id) "
            "VALUES (%s, %s, %s)",
            [(p.id, p.text, review_id) for p in passages],
        )


def terms(query: str) -> list[str]:
    return [t for t in TERM.findall(query) if len(t) > 1][:12]


def search(
    review_id: int, query: str, *, document_ids: Sequence[int] | None = None, limit: int = 50
) -> list[Hit]:
    words = terms(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        hits = _search_postgres(review_id, " ".join(words), limit * 2)
    else:
        hits = _search_sqlite(review_id, words, limit * 2)
    if document_ids is not None:
        allowed = set(document_ids)
        hits = [h for h in hits if h.document_id in allowed]
    return hits[:limit]


def _search_sqlite(review_id: int, words: list[str], limit: int) -> list[Hit]:
    # Each word quoted: whatever a person types is never FTS5 query syntax.
    match = " ".join('"' + w.replace('"', "") + '"' for w in words)
    sql = (
        "SELECT p.id, p.document_id, "
        f"snippet(evidence_passage_fts, 0, '{START}', '{END}', '…', 24) "
        "FROM evidence_passage_fts f JOIN evidence_passage p ON p.id = f.rowid "
        "JOIN evidence_evidencedocument d ON d.id = p.document_id "
        "WHERE evidence_passage_fts MATCH %s AND f.review_id = %s AND d.removed_at IS NULL "
        "ORDER BY bm25(evidence_passage_fts) LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, review_id, limit])
        return [Hit(*row) for row in cursor.fetchall()]


def _search_postgres(review_id: int, query: str, limit: int) -> list[Hit]:
    sql = (
        "SELECT p.id, p.document_id, ts_headline('english', p.text, q, "
        f"'StartSel={START}, StopSel={END}, MaxWords=30, MinWords=12, MaxFragments=2') "
        "FROM evidence_passage p JOIN evidence_evidencedocument d ON d.id = p.document_id, "
        "websearch_to_tsquery('english', %s) q "
        "WHERE d.review_id = %s AND d.removed_at IS NULL AND to_tsvector('english', p.text) @@ q "
        "ORDER BY ts_rank(to_tsvector('english', p.text), q) DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, review_id, limit])
        return [Hit(*row) for row in cursor.fetchall()]
