"""From passage scores to what a document supports, and the `classify` line protocol."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..types import DocumentAlignment, PassageText
from .aligner import Aligner

# How much of a document is about a line of enquiry: each passage spreads one unit of
# weight over the lines in proportion to its scores, and a line's share is its average over
# the passages. Confidence is that share (saturating at FULL_SHARE) times how close the line
# comes to the document's main subject, so a long document touching a line in passing does
# not count as evidence for it. Tuned on the synthetic Anytown set's labelled manifest
# (precision 0.81, recall 0.73 at THRESHOLD; see docs/alignment.md); a line is reported from
# FLOOR and stated as more than a suggestion from THRESHOLD up.
THRESHOLD = 0.5
FLOOR = 0.2
FULL_SHARE = 0.2
SUPPORTING_PASSAGES = 3
SNIPPET_CHARS = 160


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut + "…"


def align_document(
    aligner: Aligner,
    passages: Sequence[PassageText],
    threshold: float = THRESHOLD,
    floor: float = FLOOR,
) -> list[DocumentAlignment]:
    """The lines of enquiry a document supports, most confident first, each with the
    passages that justify it ("p.4 ¶2: '…'")."""
    usable = [p for p in passages if p.text.strip()]
    if not usable:
        return []
    by_line: dict[str, list[tuple[float, PassageText]]] = {}
    share: dict[str, float] = {}
    for passage, ranked in zip(
        usable, aligner.score_passages([p.text for p in usable]), strict=True
    ):
        total = sum(item.score for item in ranked if item.score > 0)
        for item in ranked:
            if item.score > 0:
                by_line.setdefault(item.line_key, []).append((item.score, passage))
                share[item.line_key] = share.get(item.line_key, 0.0) + item.score / total
    if not share:
        return []
    main = max(share.values())
    out: list[DocumentAlignment] = []
    for line_key, scored in by_line.items():
        weight = share[line_key] / len(usable)
        confidence = round(min(1.0, weight / FULL_SHARE) * share[line_key] / main, 4)
        if confidence < floor:
            continue
        scored.sort(key=lambda pair: (-pair[0], pair[1].position))
        best = scored[:SUPPORTING_PASSAGES]
        # Only passages that carry real weight are shown as reasons.
        cited = [p for score, p in best if score >= best[0][0] / 2]
        reasons = tuple(f"{p.reference}: '{snippet(p.text)}'" for p in cited)
        out.append(DocumentAlignment(line_key, confidence, confidence < threshold, reasons))
    out.sort(key=lambda a: (-a.confidence, a.line_key))
    return out


def _record(raw: str, index: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """(record, None) or (None, error output) for one input line."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        return None, {"index": index, "error": f"not JSON: {error.msg} at column {error.colno}"}
    if not isinstance(data, dict):
        return None, {"index": index, "error": "expected a JSON object with a 'text' field"}
    text = data.get("text")
    if not isinstance(text, str):
        return None, {"index": index, "error": "no 'text' field holding a string"}
    return data, None


def _classify_one(aligner: Aligner, data: dict[str, Any], index: int, top: int) -> dict:
    out: dict[str, Any] = {"index": index}
    given_id = data.get("text_id", data.get("id"))
    if given_id is not None:
        out["text_id"] = given_id
    text = data["text"]
    out["areas"] = [
        {"judgement": key, "score": round(score, 4)} for key, score in aligner.rank_areas(text)
    ]
    out["lines_of_enquiry"] = [
        {
            "line": item.line_key,
            "judgement": aligner.judgement_of(item.line_key),
            "score": round(item.score, 4),
        }
        for item in aligner.score_passage(text)[:top]
    ]
    return out


def classify_jsonl(
    lines_in: Iterable[str], aligner: Aligner, *, top_lines: int = 5, adapt: bool = False
) -> Iterator[str]:
    """For `readiness evidence classify`: one JSON line out per JSON line in, in order.

    Each input is an object with a "text" field (and optionally "id" or "text_id", echoed
    as "text_id"). Output: {"index", "text_id"?, "areas": [{"judgement", "score"}...],
    "lines_of_enquiry": [{"line", "judgement", "score"}... top `top_lines`]}. A bad line
    gives {"index", "error"} and the rest carry on. Blank lines are skipped. Output
    streams line by line, each text classified alone; with the zero-shot scorer and
    `adapt` (the older batch method), all input is read first so the scorer can
    self-train on it (no labels are used).
    """
    records = (raw for raw in lines_in if raw.strip())
    if adapt and not aligner.uses_trained:
        buffered = list(records)
        parsed = [_record(raw, i) for i, raw in enumerate(buffered)]
        aligner.adapt([data["text"] for data, _ in parsed if data is not None])
        pairs: Iterable[tuple[dict | None, dict | None]] = parsed
    else:
        pairs = (_record(raw, i) for i, raw in enumerate(records))
    for index, (data, error) in enumerate(pairs):
        if error is not None:
            yield json.dumps(error, ensure_ascii=False)
            continue
        assert data is not None
        yield json.dumps(_classify_one(aligner, data, index, top_lines), ensure_ascii=False)
