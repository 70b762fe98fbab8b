"""Sparse vectors as dicts, TF-IDF weighting and BM25, in plain Python.

Vectors are `dict[str, float]`: a passage has a few hundred terms, so dict arithmetic is
fast enough for thousands of passages against a few dozen lines of enquiry.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

Vector = dict[str, float]


def document_frequencies(documents: Iterable[Iterable[str]]) -> tuple[Counter[str], int]:
    df: Counter[str] = Counter()
    n = 0
    for terms in documents:
        df.update(set(terms))
        n += 1
    return df, n


def smooth_idf(df: Mapping[str, int], n: int) -> dict[str, float]:
    # The scikit-learn form (smooth, +1), so a term in every document still counts a little.
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def l2_normalise(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    if norm == 0:
        return {}
    return {k: v / norm for k, v in vector.items()}


def tfidf(
    counts: Mapping[str, int | float], idf: Mapping[str, float], default_idf: float
) -> Vector:
    """Sublinear tf (1 + log tf) times idf, unit length. Unseen terms get `default_idf`
    (as rare as the rarest known term) so a passage's own vocabulary is not thrown away."""
    raw = {
        term: (1.0 + math.log(count)) * idf.get(term, default_idf)
        for term, count in counts.items()
        if count > 0
    }
    return l2_normalise(raw)


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def add_scaled(target: Vector, source: Mapping[str, float], scale: float) -> None:
    for k, v in source.items():
        target[k] = target.get(k, 0.0) + scale * v


def centroid(vectors: Sequence[Mapping[str, float]]) -> Vector:
    total: Vector = {}
    for vector in vectors:
        add_scaled(total, vector, 1.0)
    return l2_normalise(total)


class BM25:
    """Okapi BM25 with the usual k1 = 1.2, b = 0.75. Documents are term lists; queries are
    term lists. `idf_from` lets the IDF come from a larger collection (the passages being
    classified) when the documents are only a handful of framework texts."""

    def __init__(
        self,
        documents: Sequence[Sequence[str]],
        *,
        k1: float = 1.2,
        b: float = 0.75,
        idf_from: Iterable[Iterable[str]] | None = None,
    ):
        self.k1 = k1
        self.b = b
        self.counts = [Counter(doc) for doc in documents]
        self.lengths = [len(doc) for doc in documents]
        self.avg_length = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        df, n = document_frequencies(idf_from if idf_from is not None else documents)
        # Lucene's non-negative form, so a common term never subtracts.
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.default_idf = math.log(1 + (n + 0.5) / 0.5)

    def scores(self, query: Iterable[str]) -> list[float]:
        query_counts = Counter(query)
        out = []
        for counts, length in zip(self.counts, self.lengths, strict=True):
            norm = self.k1 * (1 - self.b + self.b * length / (self.avg_length or 1.0))
            total = 0.0
            for term, qtf in query_counts.items():
                tf = counts.get(term, 0)
                if tf:
                    idf = self.idf.get(term, self.default_idf)
                    total += qtf * idf * tf * (self.k1 + 1) / (tf + norm)
            out.append(total)
        return out


def softmax(values: Sequence[float], temperature: float = 1.0) -> list[float]:
    if not values:
        return []
    top = max(values)
    exps = [math.exp((v - top) / temperature) for v in values]
    total = sum(exps)
    return [e / total for e in exps]
