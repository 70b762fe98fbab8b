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


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    total: int  # every passage that matches, not only this page's


def search(
    review_id: int,
    query: str,
    *,
    agency_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Hit]:
    """The best LIMIT passages from OFFSET, only from AGENCY_ID's documents when it is given
    (a contributor): the filter is part of the query, so ranking never spends the page on
    passages the person may not see."""
    return search_page(review_id, query, agency_id=agency_id, limit=limit, offset=offset).hits


def search_page(
    review_id: int,
    query: str,
    *,
    agency_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Results:
    words = terms(query)
    if not words:
        return Results([], 0)
    if connection.vendor == "postgresql":
        return _search_postgres(review_id, " ".join(words), agency_id, limit, offset)
    return _search_sqlite(review_id, words, agency_id, limit, offset)


def _agency_clause(agency_id: int | None) -> tuple[str, list]:
    if agency_id is None:
        return "", []
    return (
        " AND p.document_id IN (SELECT id FROM evidence_evidencedocument WHERE agency_id = %s)",
        [agency_id],
    )


def _search_sqlite(
    review_id: int, words: list[str], agency_id: int | None, limit: int, offset: int
) -> Results:
    # Each word quoted: whatever a person types is never FTS5 query syntax.
    match = " ".join('"' + w.replace('"', "") + '"' for w in words)
    # A removed document's passages stay indexed (it can be restored) but are never found.
    where = "WHERE evidence_passage_fts MATCH %s AND f.review_id = %s AND d.removed_at IS NULL"
    extra, extra_params = _agency_clause(agency_id)
    base = (
        "FROM evidence_passage_fts f JOIN evidence_passage p ON p.id = f.rowid "
        "JOIN evidence_evidencedocument d ON d.id = p.document_id "
    )
    sql = (
        "SELECT p.id, p.document_id, "
        f"snippet(evidence_passage_fts, 0, '{START}', '{END}', '…', 24) "
        f"{base}{where}{extra} ORDER BY bm25(evidence_passage_fts) LIMIT %s OFFSET %s"
    )
    params = [match, review_id, *extra_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        hits = [Hit(*row) for row in cursor.fetchall()]
        cursor.execute(f"SELECT count(*) {base}{where}{extra}", params)
        (total,) = cursor.fetchone()
    return Results(hits, total)


def _search_postgres(
    review_id: int, query: str, agency_id: int | None, limit: int, offset: int
) -> Results:
    extra, extra_params = _agency_clause(agency_id)
    base = (
        "FROM evidence_passage p JOIN evidence_evidencedocument d ON d.id = p.document_id, "
        "websearch_to_tsquery('english', %s) q "
        "WHERE d.review_id = %s AND d.removed_at IS NULL "
        f"AND to_tsvector('english', p.text) @@ q{extra} "
    )
    sql = (
        "SELECT p.id, p.document_id, ts_headline('english', p.text, q, "
        f"'StartSel={START}, StopSel={END}, MaxWords=30, MinWords=12, MaxFragments=2') "
        f"{base}ORDER BY ts_rank(to_tsvector('english', p.text), q) DESC LIMIT %s OFFSET %s"
    )
    params = [query, review_id, *extra_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        hits = [Hit(*row) for row in cursor.fetchall()]
        cursor.execute(f"SELECT count(*) {base}", params)
        (total,) = cursor.fetchone()
    return Results(hits, total)
