"""The trained side of the document classifier: features of a document's title, opening text
and layout, and linear models over them for its kind, its focus and the ILACS judgement areas
it speaks to.

The models are trained on real public documents from English councils and partnerships
(bench/doctype_train.py, scikit-learn), split by authority so that the figures in
bench/results/doctype-accuracy.md are for authorities the model never saw, and exported as a
gzipped table of weights (data/doctype-model.json.gz). Inference here is plain Python: a few
hundred dictionary look-ups per document.

Features (the same function builds them for training and at run time):
- words and word pairs of the title and the opening text (the first HEAD characters: the
  labelled documents are openings of about that length, and a document says what it is
  early), title words again as title words, figures folded to <num> and <pct>; weighted by
  TF-IDF with sublinear counts; the text's words scaled to unit length, the title's to a
  length of their own;
- the cue rules' score for each kind and their outcome and process counts
  (domain/doctype_cues.py), so a rule a person can read keeps its say;
- layout: the share of words that are figures, rows of a table, short lines, bullet lines,
  lines that end in a page number (a contents list), quotations, dates.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from .doctype_cues import (
    _NUMBER,
    _OUTCOME_RES,
    _PROCESS_RES,
    _WORD,
    OTHER_FLOOR,
    count_cues,
    figure_rows,
    kind_scores,
    rule_kind,
)

HEAD = 2000
MODEL_VERSION = 4
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "doctype-model.json.gz"
AREAS = ("help_and_protection", "children_in_care", "care_leavers", "leadership")
AREA_LABELS = {
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "leadership": "Leadership",
}

_TOKEN = re.compile(r"[a-z][a-z']*|\d[\d,.]*%?|£")
_BULLET = re.compile(r"^\s*(?:[-•*·▪●o]|\d{1,2}[.)]|\(?[a-z]\))\s+\S")
_PAGE_NUMBER_LINE = re.compile(r"\S.*?(?:\.{2,}|\s{2,}|\t|\s)\d{1,3}\s*$")
_QUOTE = re.compile(r"[\"“‘'][^\"”’\n]{12,}[\"”’]")
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"\s+\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.IGNORECASE,
)


def _tokens(text: str) -> list[str]:
    out = []
    for token in _TOKEN.findall(text.lower()):
        if token[0].isdigit():
            token = "<pct>" if token.endswith("%") else "<num>"
        token = token.strip("'")
        if token:
            out.append(token)
    return out


def word_features(title: str, text: str) -> dict[str, int]:
    """Counts of words and word pairs of the title and the opening text; title words also as
    "t:word" and "t:word word"."""
    counts: dict[str, int] = {}
    title_tokens = _tokens(title)
    for i, token in enumerate(title_tokens):
        counts["t:" + token] = 1
        if i:
            counts[f"t:{title_tokens[i - 1]} {token}"] = 1
    for part in (title_tokens, _tokens(text[:HEAD])):
        for i, token in enumerate(part):
            counts[token] = counts.get(token, 0) + 1
            if i:
                pair = part[i - 1] + " " + token
                counts[pair] = counts.get(pair, 0) + 1
    return counts


def layout_features(title: str, text: str, file_type: str = "") -> dict[str, float]:
    """The cue rules' scores and the shape of the opening text, as numbers near 0..3."""
    head = text[:HEAD]
    scores, _ = kind_scores(title, head, file_type.lower().lstrip("."))
    found = {f"cue:{kind}": math.log1p(score) for kind, score in scores.items() if score}
    lower = (title + "\n" + head).lower()
    outcome, _ = count_cues(lower, _OUTCOME_RES)
    process, _ = count_cues(lower, _PROCESS_RES)
    words = _WORD.findall(head)
    lines = [line for line in head.splitlines() if line.strip()]
    share = 1.0 / max(1, len(lines))
    found.update(
        {
            "focus:outcome": math.log1p(outcome),
            "focus:process": math.log1p(process),
            "layout:figures": min(1.0, len(_NUMBER.findall(head)) / max(1, len(words)) * 4),
            "layout:table_rows": math.log1p(figure_rows(head)),
            "layout:short_lines": sum(len(line.strip()) < 40 for line in lines) * share,
            "layout:bullets": sum(bool(_BULLET.match(line)) for line in lines) * share,
            "layout:page_numbers": sum(
                bool(_PAGE_NUMBER_LINE.fullmatch(line.strip())) for line in lines
            )
            * share,
            "layout:quotations": math.log1p(len(_QUOTE.findall(head))),
            "layout:dates": math.log1p(len(_DATE.findall(head))),
        }
    )
    if file_type.lower().lstrip(".") in ("xlsx", "csv"):
        found["layout:spreadsheet"] = 1.0
    return {name: round(value, 6) for name, value in found.items() if value}


def vector(
    words: Mapping[str, int],
    layout: Mapping[str, float],
    idf: Mapping[str, float],
    layout_weight: float,
    title_weight: float,
) -> dict[str, float]:
    """The model's input: TF-IDF of the known words of the text at unit length, the title's
    words ("t:…") at length `title_weight` (a title names a kind more reliably than any
    sentence, and mixed with the text its few words would be drowned), and the layout
    features times `layout_weight`. Training (bench/doctype_train.py) calls this function."""
    out: dict[str, float] = {}
    for in_title, weight in ((False, 1.0), (True, title_weight)):
        weighted = {
            w: (1.0 + math.log(n)) * idf[w]
            for w, n in words.items()
            if w in idf and w.startswith("t:") == in_title
        }
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        out.update({w: v / norm * weight for w, v in weighted.items()})
    out.update({name: value * layout_weight for name, value in layout.items()})
    return out


@cache
def shipped_model() -> dict | None:
    """The exported weights, or None when the package ships none (the rules then decide)."""
    try:
        with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as handle:
            model = json.load(handle)
    except FileNotFoundError:
        return None
    # A file from another version of these features would give nonsense: the rules decide.
    return model if model.get("version") == MODEL_VERSION else None


def head_scores(head: dict, x: Mapping[str, float]) -> tuple[list[float], list[list[tuple]]]:
    """Each class's score for the input, and the features that pushed it up (weight, name)."""
    scores = list(head["bias"])
    pushes: list[list[tuple]] = [[] for _ in scores]
    weights = head["weights"]
    for name, value in x.items():
        for index, weight in weights.get(name, ()):
            scores[index] += weight * value
            if weight * value > 0:
                pushes[index].append((weight * value, name))
    return scores, pushes


def softmax(scores: list[float], temperature: float = 1.0) -> list[float]:
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def sigmoid(score: float, temperature: float = 1.0) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, score / temperature))))


def rule_probabilities(
    title: str, text: str, file_type: str, temperature: float
) -> dict[str, float]:
    """The cue rules' verdict as probabilities: a softmax of their scores on the title and
    opening text, the rules' own winner counting at least OTHER_FLOOR (so "other", and an
    unnamed outcome story read as a narrative, keep their say)."""
    rule, _, _, _, scores, _ = rule_kind(title, text[:HEAD], file_type.lower().lstrip("."))
    scores = dict(scores)
    scores[rule] = max(scores[rule], OTHER_FLOOR)
    return dict(zip(scores, softmax(list(scores.values()), temperature), strict=True))


def blend(model: dict[str, float], rules: dict[str, float], rule_share: float) -> dict[str, float]:
    return {k: (1 - rule_share) * model.get(k, 0.0) + rule_share * rules[k] for k in rules}


def predict(title: str, text: str, file_type: str = "") -> dict | None:
    """The trained heads' verdicts as plain data, or None without a shipped model:
    {"kind": {kind: p}, "kind_pushes": [...], "outcome": p, "areas": {area: p},
     "area_thresholds": {area: t}}."""
    model = shipped_model()
    if model is None:
        return None
    x = vector(
        word_features(title, text),
        layout_features(title, text, file_type),
        model["idf"],
        model["layout_weight"],
        model["title_weight"],
    )
    kind_head = model["heads"]["kind"]
    scores, pushes = head_scores(kind_head, x)
    kind = dict(zip(kind_head["classes"], softmax(scores, kind_head["temperature"]), strict=True))
    # Calibrated blending with the cue rules (share and temperature chosen by
    # cross-validation on the training folds): a phrase that names a kind outright ("what we
    # did… impact:") can still carry a document the model has seen little like.
    rules = rule_probabilities(title, text, file_type, model["blend"]["rule_temperature"])
    kind = blend(kind, rules, model["blend"]["rule_share"])
    focus_head = model["heads"]["focus"]
    focus_score, _ = head_scores(focus_head, x)
    areas_head = model["heads"]["areas"]
    area_scores, _ = head_scores(areas_head, x)
    return {
        "kind": kind,
        "kind_pushes": dict(zip(kind_head["classes"], pushes, strict=True)),
        "outcome": sigmoid(focus_score[0], focus_head["temperature"]),
        "areas": {
            area: sigmoid(score, areas_head["temperature"])
            for area, score in zip(areas_head["classes"], area_scores, strict=True)
        },
        "area_thresholds": dict(zip(areas_head["classes"], areas_head["thresholds"], strict=True)),
    }
