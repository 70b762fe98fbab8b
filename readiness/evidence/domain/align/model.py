"""The trained judgement-area model: loading and pure-Python inference.

The model is a set of linear classifiers ("heads"), one per set of published judgement
areas (ILACS 2023+ has four areas, ILACS 2018-2022 three), over the TF-IDF of the same
word + bigram terms as `text.terms`. It is trained by `bench/alignment_harness.py
--build-model` with scikit-learn and exported as sparse weights, so running it needs
nothing but the standard library. See readiness/evidence/data/ALIGNMENT-MODEL.md.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import term_counts
from .vectors import Vector, tfidf

FORMAT = "readiness-alignment-model/1"
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "alignment-model.json.gz"


@dataclass(frozen=True)
class Head:
    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # term -> one weight per class

    def probabilities(self, vector: Vector) -> list[float]:
        logits = list(self.intercepts)
        for term, value in vector.items():
            row = self.weights.get(term)
            if row is not None:
                for i, w in enumerate(row):
                    logits[i] += w * value
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return [e / total for e in exps]


@dataclass(frozen=True)
class AreaModel:
    idf: dict[str, float]
    default_idf: float
    heads: tuple[Head, ...]
    bigrams: bool = True

    @property
    def known_areas(self) -> frozenset[str]:
        return frozenset(a for head in self.heads for a in head.classes)

    def head_for(self, areas: set[str] | frozenset[str]) -> Head | None:
        """The head whose classes are exactly the framework's known areas, if any: a head
        trained on other areas would force passages into judgements the framework lacks."""
        wanted = frozenset(areas) & self.known_areas
        if len(wanted) < 2:
            return None
        for head in self.heads:
            if frozenset(head.classes) == wanted:
                return head
        return None

    def vector(self, text: str) -> Vector:
        # Terms outside the vocabulary are dropped, exactly as in training.
        counts = term_counts(text, self.bigrams)
        return tfidf({t: n for t, n in counts.items() if t in self.idf}, self.idf, 0.0)


def model_from_dict(data: dict) -> AreaModel:
    if data.get("format") != FORMAT:
        raise ValueError(f"Not an alignment model of format {FORMAT}.")
    vocabulary: list[str] = data["vocabulary"]
    idf = dict(zip(vocabulary, data["idf"], strict=True))
    heads = []
    for head in data["heads"]:
        weights = {vocabulary[row[0]]: tuple(row[1:]) for row in head["weights"]}
        heads.append(Head(tuple(head["classes"]), tuple(head["intercepts"]), weights))
    return AreaModel(
        idf=idf,
        default_idf=max(idf.values(), default=1.0),
        heads=tuple(heads),
        bigrams=bool(data.get("bigrams", True)),
    )


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> AreaModel | None:
    """The shipped model, or None when it is missing (zero-shot then does all the work)."""
    target = Path(path) if path else DEFAULT_PATH
    if not target.exists():
        return None
    with gzip.open(target, "rt", encoding="utf-8") as handle:
        return model_from_dict(json.load(handle))
