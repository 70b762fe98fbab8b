"""Which judgement a passage is about, from the framework's own words only.

Used for frameworks with no labelled reports (SLAC, JTAI, a partnership's own) and for
judgements the trained model does not know (e.g. overall effectiveness). Each judgement's
query is its title, summary, every line's question, descriptors and typical evidence, plus
the hand-written domain vocabulary those words trigger (`expansion.py`). A passage is
scored against each query by TF-IDF cosine and by BM25, the two fused, and turned into
probabilities. `adapt` then self-trains on the unlabelled passages being classified: the
passages it is surest of pull each judgement's vector towards the language the evidence
actually uses; then a naive Bayes model is fitted to those passages by expectation-
maximisation (Nigam et al., 2000), starting from the scorer's own probabilities and with the
framework's words as a prior, and it does the scoring from then on. No labels are used at
any point.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from .text import term_counts, terms
from .vectors import (
    BM25,
    Vector,
    add_scaled,
    document_frequencies,
    dot,
    l2_normalise,
    smooth_idf,
    softmax,
    tfidf,
)

# Fused scores lie in 0..1, so a temperature of 0.1 makes a clear winner near-certain.
TEMPERATURE = 0.1
MIN_ADAPT_PASSAGES = 40
# Self-training: keep the surest 80% of each judgement's passages and weight their centroid
# twice the framework's words. Chosen on the training-split authorities of the harness,
# never the held-out ones (docs/alignment.md).
ADAPT_SHARE = 0.8
ADAPT_WEIGHT = 2.0
# Then naive Bayes by EM over the same passages: NB_ROUNDS rounds; each judgement's
# framework words count NB_FRAMEWORK_WEIGHT times as pseudo-passages, so the evidence
# cannot drift away from what the framework means; add-NB_ALPHA smoothing; log-likelihoods
# divided by NB_TEMPERATURE (naive Bayes is overconfident, and softer posteriors make
# better EM weights). The fused cosine/BM25 probabilities keep a small say
# (NB_FUSED_SHARE, as a power) so people's feedback still moves the result. Chosen on the
# harness's training-split authorities (validation and fit sets, both tasks), never the
# held-out ones: docs/alignment.md.
NB_ROUNDS = 5
NB_FRAMEWORK_WEIGHT = 20.0
NB_ALPHA = 1.0
NB_TEMPERATURE = 5.0
NB_FUSED_SHARE = 0.1
NB_OUTPUT_TEMPERATURE = 4.0


class ZeroShotAreas:
    def __init__(self, judgement_texts: Mapping[str, str], idf_texts: Sequence[str] = ()):
        self.keys = list(judgement_texts)
        self._doc_terms = [terms(judgement_texts[k]) for k in self.keys]
        # The lines' own texts join the IDF, so a word in every line counts for little even
        # before any evidence has been seen.
        self._idf_terms = [terms(text) for text in idf_texts]
        self._corpus_terms: list[list[str]] = []
        self._extra: list[Vector] = [{} for _ in self.keys]  # feedback, per judgement
        self._pulled: list[Vector] = [{} for _ in self.keys]  # self-training centroids
        self._adapted_weight = 0.0
        self._nb: _NaiveBayes | None = None
        self._reindex()

    # -- vocabulary -------------------------------------------------------------------
    def _reindex(self) -> None:
        # IDF from the framework texts plus any passages given to `adapt`: a term used in
        # every passage (e.g. "local authority") then counts for little.
        df, n = document_frequencies([*self._doc_terms, *self._idf_terms, *self._corpus_terms])
        self.idf = smooth_idf(df, n)
        self.default_idf = max(self.idf.values(), default=1.0)
        self._base = [tfidf(Counter(d), self.idf, self.default_idf) for d in self._doc_terms]
        self._bm25 = BM25(self._doc_terms, idf_from=[*self._doc_terms, *self._corpus_terms])
        self._combine()

    def _combine(self) -> None:
        self.vectors: list[Vector] = []
        for base, extra, pulled in zip(self._base, self._extra, self._pulled, strict=True):
            vector = dict(base)
            add_scaled(vector, pulled, self._adapted_weight)
            add_scaled(vector, extra, 1.0)
            self.vectors.append(l2_normalise({k: v for k, v in vector.items() if v > 0}))

    def vector(self, text: str) -> Vector:
        return tfidf(term_counts(text), self.idf, self.default_idf)

    # -- scoring ----------------------------------------------------------------------
    def fused(self, text: str) -> list[float]:
        words = terms(text)
        vector = tfidf(Counter(words), self.idf, self.default_idf)
        cosines = [dot(vector, v) for v in self.vectors]
        bm25 = self._bm25.scores(words)
        # Each scale divided by its best, so neither dominates by its units.
        top_cos = max(cosines, default=0.0) or 1.0
        top_bm = max(bm25, default=0.0) or 1.0
        return [0.5 * c / top_cos + 0.5 * b / top_bm for c, b in zip(cosines, bm25, strict=True)]

    def probabilities(self, text: str) -> list[float]:
        fused = softmax(self.fused(text), TEMPERATURE)
        if self._nb is None:
            return fused
        nb = self._nb.log_posterior(Counter(terms(text)))
        combined = [
            n + NB_FUSED_SHARE * math.log(max(f, 1e-9)) for n, f in zip(nb, fused, strict=True)
        ]
        return softmax(combined, NB_OUTPUT_TEMPERATURE)

    # -- learning ---------------------------------------------------------------------
    def add_feedback(self, judgement: str, vector: Vector, scale: float) -> None:
        if judgement in self.keys:
            add_scaled(self._extra[self.keys.index(judgement)], vector, scale)
            self._combine()

    def adapt(self, texts: Sequence[str], rounds: int = 3, share: float = ADAPT_SHARE) -> None:
        """Self-training on unlabelled passages: label them with the current vectors, keep
        the surest `share` of each judgement's passages, and add their centroid to that
        judgement's vector. Too few passages teach nothing reliable, so they are ignored."""
        usable = [t for t in texts if len(terms(t, bigrams=False)) >= 5]
        if len(usable) < MIN_ADAPT_PASSAGES or len(self.keys) < 2:
            return
        self._corpus_terms = [terms(t) for t in usable]
        self._reindex()
        vectors = [tfidf(Counter(ts), self.idf, self.default_idf) for ts in self._corpus_terms]
        for _ in range(rounds):
            by_label: dict[int, list[tuple[float, int]]] = {}
            for i, text in enumerate(usable):
                probs = self.probabilities(text)
                best = max(range(len(probs)), key=probs.__getitem__)
                by_label.setdefault(best, []).append((probs[best], i))
            pulled: list[Vector] = [{} for _ in self.keys]
            for label, scored in by_label.items():
                scored.sort(reverse=True)
                keep = scored[: max(1, int(len(scored) * share))]
                for _, i in keep:
                    add_scaled(pulled[label], vectors[i], 1.0)
                pulled[label] = l2_normalise(pulled[label])
            self._pulled = pulled
            self._adapted_weight = ADAPT_WEIGHT
            self._combine()
        self._fit_naive_bayes(usable)

    def _fit_naive_bayes(self, texts: Sequence[str]) -> None:
        """EM: start from the current probabilities of each passage, fit class word
        distributions to the passages weighted by them (plus the framework's words), and
        re-estimate the probabilities from the fitted model; NB_ROUNDS times."""
        counts = [Counter(ts) for ts in self._corpus_terms]
        posteriors = [softmax(self.fused(text), TEMPERATURE) for text in texts]
        framework = [Counter(d) for d in self._doc_terms]
        vocabulary = set().union(*counts)
        for _ in range(NB_ROUNDS - 1):
            model = _NaiveBayes.fit(counts, posteriors, framework, len(vocabulary))
            posteriors = [softmax(model.log_posterior(c), 1.0) for c in counts]
        self._nb = _NaiveBayes.fit(counts, posteriors, framework, len(vocabulary))


class _NaiveBayes:
    """Multinomial naive Bayes over word + bigram counts, fitted to soft labels."""

    def __init__(self, priors: list[float], logp: list[dict[str, float]], unseen: list[float]):
        self.priors, self.logp, self.unseen = priors, logp, unseen

    @classmethod
    def fit(
        cls,
        counts: Sequence[Counter[str]],
        posteriors: Sequence[Sequence[float]],
        framework: Sequence[Counter[str]],
        vocabulary_size: int,
    ) -> _NaiveBayes:
        classes = len(framework)
        totals: list[Counter[str]] = []
        for k in range(classes):
            total: Counter[str] = Counter()
            for term, n in framework[k].items():
                total[term] += NB_FRAMEWORK_WEIGHT * n
            totals.append(total)
        for passage, weights in zip(counts, posteriors, strict=True):
            for k, weight in enumerate(weights):
                if weight < 1e-4:
                    continue
                total = totals[k]
                for term, n in passage.items():
                    total[term] += weight * n
        mass = [sum(p[k] for p in posteriors) for k in range(classes)]
        priors = [math.log((m + 1) / (len(posteriors) + classes)) for m in mass]
        logp, unseen = [], []
        for total in totals:
            denominator = sum(total.values()) + NB_ALPHA * vocabulary_size
            logp.append({t: math.log((n + NB_ALPHA) / denominator) for t, n in total.items()})
            unseen.append(math.log(NB_ALPHA / denominator))
        return cls(priors, logp, unseen)

    def log_posterior(self, counts: Mapping[str, int]) -> list[float]:
        """Unnormalised log P(judgement | passage), tempered."""
        out = []
        for prior, logp, unseen in zip(self.priors, self.logp, self.unseen, strict=True):
            ll = sum(n * logp.get(term, unseen) for term, n in counts.items())
            out.append((prior + ll) / NB_TEMPERATURE)
        return out
