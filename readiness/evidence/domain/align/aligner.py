"""Score passages against a framework's lines of enquiry.

score(passage, line) = P(line's judgement | passage)
                       x (similarity to the line / best similarity within that judgement)^2
                       x relevance(passage)

P(judgement | passage) comes from the trained area model when the framework's published
areas are ones it was trained on (ILACS), and otherwise from the zero-shot scorer, which
reads only the framework's words. The within-judgement similarity is TF-IDF cosine to the
line's own words (question, descriptors, typical evidence, and the vocabulary the question
triggers), shifted by people's decisions (Rocchio: confirmed passages added to the line's
vector, rejected ones subtracted). Relevance damps passages that resemble no line at all
(an agenda, a signature block), so a document's scores mean the same in any document.

Document context: `rank_passages` (and `score_passages` for an aligner made with
`context=True`) receives a document's passages in order and pools each passage's judgement
probabilities with its neighbours' (a weighted geometric mean, neighbours down-weighted by
distance). An inspection report discusses one judgement over many consecutive paragraphs,
so there a passage about placement sufficiency inside the leaders section is read as part
of that section. It is off by default for `score_passages`: on the synthetic Anytown set,
whose documents mix subjects, it lowered document-level precision (docs/alignment.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from readiness.frameworks.domain.spec import FrameworkSpec

from ..types import Feedback, LineText, ScoredLine
from .background import load_background
from .expansion import expand
from .model import AreaModel, Head, load_model
from .vectors import Vector, add_scaled, dot, l2_normalise
from .zeroshot import ZeroShotAreas

# Best line cosine at which a passage counts as fully relevant; below it the score falls
# in proportion. Typical report paragraphs about practice sit at or above this value.
RELEVANCE_COSINE = 0.12
# Rocchio weights: a confirmation pulls harder than a rejection pushes (the usual 0.75 /
# 0.25 split), because a rejection says what the line is not, which is less specific.
CONFIRM_WEIGHT = 0.75
REJECT_WEIGHT = 0.25
# Document context: each neighbour up to CONTEXT_WINDOW passages away counts
# CONTEXT_WEIGHT x CONTEXT_DECAY^(distance - 1) against the passage's own 1, in a weighted
# geometric mean of probabilities floored at CONTEXT_FLOOR (so one certain neighbour cannot
# veto a class outright). Chosen on the harness's validation authorities (inside the
# training split), the same constants for the trained and the zero-shot scorer.
CONTEXT_WEIGHT = 0.5
CONTEXT_WINDOW = 3
CONTEXT_DECAY = 0.5
CONTEXT_FLOOR = 1e-3


def pool_with_neighbours(
    rows: Sequence[Sequence[float]],
    *,
    weight: float = CONTEXT_WEIGHT,
    window: int = CONTEXT_WINDOW,
    decay: float = CONTEXT_DECAY,
    floor: float = CONTEXT_FLOOR,
) -> list[list[float]]:
    """Each row of probabilities (one per passage, in document order) pooled with its
    neighbours': a weighted geometric mean, renormalised to sum to one."""
    logs = [[math.log(max(p, floor)) for p in row] for row in rows]
    out: list[list[float]] = []
    for i, own in enumerate(logs):
        total = list(own)
        mass = 1.0
        for distance in range(1, window + 1):
            w = weight * decay ** (distance - 1)
            for j in (i - distance, i + distance):
                if 0 <= j < len(logs):
                    mass += w
                    for k, value in enumerate(logs[j]):
                        total[k] += w * value
        top = max(total)
        exps = [math.exp((v - top) / mass) for v in total]
        norm = sum(exps)
        out.append([e / norm for e in exps])
    return out


def framework_lines(spec: FrameworkSpec) -> list[LineText]:
    """Every line of enquiry of a framework, with its judgement's words attached."""
    out: list[LineText] = []
    for judgement in spec.judgements:
        for line in judgement.lines_of_enquiry:
            out.append(
                LineText(
                    key=line.id,
                    judgement_key=judgement.id,
                    judgement_title=judgement.title,
                    question=line.question,
                    descriptors=tuple(line.descriptors.values()),
                    typical_evidence=line.typical_evidence,
                    area=judgement.published_key or "",
                    judgement_summary=judgement.summary,
                    judgement_kind=judgement.kind,
                )
            )
    return out


def line_words(line: LineText) -> str:
    return " ".join([line.question, *line.descriptors, *line.typical_evidence])


def judgement_words(lines: Sequence[LineText]) -> str:
    first = lines[0]
    own = " ".join(line_words(line) for line in lines)
    vocabulary = expand(first.judgement_title, first.judgement_summary)
    return " ".join([first.judgement_title, first.judgement_summary, own, vocabulary])


class Aligner:
    def __init__(
        self,
        lines: Sequence[LineText],
        *,
        use_trained: bool = True,
        feedback: Sequence[Feedback] = (),
        model: AreaModel | None = None,
        context: bool = False,
        background: bool = True,
    ):
        if not lines:
            raise ValueError("A framework with no lines of enquiry cannot be aligned to.")
        self.lines = list(lines)
        self.judgements: dict[str, list[int]] = {}
        for i, line in enumerate(self.lines):
            self.judgements.setdefault(line.judgement_key, []).append(i)
        self._judgement_of = [line.judgement_key for line in self.lines]
        # Headline judgements (overall effectiveness, capacity for improvement) follow from
        # the others: Ofsted gives them no lines of enquiry of their own.
        self._headlines = {
            line.judgement_key for line in self.lines if line.judgement_kind == "headline"
        }
        grouped = {j: [self.lines[i] for i in idx] for j, idx in self.judgements.items()}
        self.zero_shot = ZeroShotAreas(
            {j: judgement_words(ls) for j, ls in grouped.items()},
            idf_texts=[line_words(line) for line in self.lines],
        )

        self.model: AreaModel | None = None
        self.head: Head | None = None
        if use_trained:
            candidate = model if model is not None else load_model()
            areas = {line.area for line in self.lines if line.area}
            head = candidate.head_for(areas) if candidate is not None else None
            if head is not None:
                self.model, self.head = candidate, head
        if background and self.head is None:
            # No trained model: the zero-shot scorer fits itself to the shipped background
            # of report paragraphs (once per framework and process), so each passage can
            # then be scored alone, with no batch to self-train on.
            self.zero_shot.fit_background(load_background())
        self.feedback = list(feedback)
        self.context = context
        self._build_line_vectors()

    @property
    def uses_trained(self) -> bool:
        return self.head is not None

    # -- representation ---------------------------------------------------------------
    def _vector(self, text: str) -> Vector:
        if self.model is not None:
            return self.model.vector(text)
        return self.zero_shot.vector(text)

    def _build_line_vectors(self) -> None:
        self._line_vectors: list[Vector] = []
        for line in self.lines:
            text = " ".join([line_words(line), expand(line.question)])
            self._line_vectors.append(self._vector(text))
        index = {line.key: i for i, line in enumerate(self.lines)}
        shifts: dict[int, Vector] = {}
        for item in self.feedback:
            i = index.get(item.line_key)
            if i is None:  # a decision on a line this framework does not have
                continue
            weight = CONFIRM_WEIGHT if item.confirmed else -REJECT_WEIGHT
            vector = self._vector(item.text)
            add_scaled(shifts.setdefault(i, {}), vector, weight)
            zs_vector = self.zero_shot.vector(item.text)
            self.zero_shot.add_feedback(self._judgement_of[i], zs_vector, weight)
        for i, shift in shifts.items():
            combined = dict(self._line_vectors[i])
            add_scaled(combined, shift, 1.0)
            # Rocchio keeps only positive weights: a line is described by what it is.
            self._line_vectors[i] = l2_normalise({k: v for k, v in combined.items() if v > 0})

    def adapt(self, texts: Sequence[str]) -> None:
        """Let the zero-shot scorer learn from the unlabelled passages about to be scored
        (e.g. all of a review's evidence). Labels are never involved."""
        self.zero_shot.adapt(texts)
        self._build_line_vectors()

    # -- scoring ----------------------------------------------------------------------
    def judgement_probabilities(self, text: str, vector: Vector | None = None) -> dict[str, float]:
        """P(judgement | passage) for one passage read alone. `vector` may pass the
        passage's vector (`self._vector(text)`) when it is already at hand."""
        zero = dict(zip(self.zero_shot.keys, self.zero_shot.probabilities(text), strict=True))
        if self.head is None or self.model is None:
            return zero
        trained = self.head.probabilities(vector if vector is not None else self._vector(text))
        by_area = dict(zip(self.head.classes, trained, strict=True))
        areas = {j: self.lines[idx[0]].area for j, idx in self.judgements.items()}
        # A headline judgement is never a passage's area on the trained path: a passage is
        # about help and protection or leaders, and overall effectiveness follows from
        # those (its zero-shot share, often most of the mass for a general passage, went
        # first before). Other judgements the model does not know keep their zero-shot
        # share; the trained model divides the rest among the areas it knows.
        unknown = sum(
            p for j, p in zero.items() if areas[j] not in by_area and j not in self._headlines
        )
        unknown /= sum(p for j, p in zero.items() if j not in self._headlines) or 1.0
        sharing: dict[str, int] = {}
        for area in areas.values():
            sharing[area] = sharing.get(area, 0) + 1
        out: dict[str, float] = {}
        for j, area in areas.items():
            if area in by_area:
                out[j] = (1.0 - unknown) * by_area[area] / sharing[area]
            elif j in self._headlines:
                out[j] = 0.0
            else:
                out[j] = zero[j] / (1.0 - sum(zero[h] for h in self._headlines) or 1.0)
        return out

    def judgement_probabilities_in_context(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """P(judgement | passage) for a document's passages in order, each pooled with its
        neighbours' (see `pool_with_neighbours`). Passages with no usable words neither get
        nor give context; they keep their own probabilities."""
        return self._in_context(texts, [self._vector(text) for text in texts], pool=True)

    def _in_context(
        self, texts: Sequence[str], vectors: Sequence[Vector], *, pool: bool
    ) -> list[dict[str, float]]:
        own = [self.judgement_probabilities(t, v) for t, v in zip(texts, vectors, strict=True)]
        if not pool:
            return own
        keys = list(self.judgements)
        usable = [i for i, vector in enumerate(vectors) if vector]
        pooled = pool_with_neighbours([[own[i][k] for k in keys] for i in usable])
        for i, row in zip(usable, pooled, strict=True):
            own[i] = dict(zip(keys, row, strict=True))
        return own

    def _score(self, vector: Vector, probs: dict[str, float]) -> list[ScoredLine]:
        if not vector:
            return [ScoredLine(line.key, 0.0) for line in self.lines]
        sims = [max(0.0, dot(vector, lv)) for lv in self._line_vectors]
        best_in: dict[str, float] = {}
        for j, s in zip(self._judgement_of, sims, strict=True):
            best_in[j] = max(best_in.get(j, 0.0), s)
        relevance = min(1.0, max(sims) / RELEVANCE_COSINE)
        scored = []
        for line, j, s in zip(self.lines, self._judgement_of, sims, strict=True):
            # Squared, so the line a passage is most like stands clear of its neighbours.
            within = (s / best_in[j]) ** 2 if best_in[j] > 0 else 0.0
            scored.append(ScoredLine(line.key, round(probs[j] * within * relevance, 6)))
        scored.sort(key=lambda item: (-item.score, item.line_key))
        return scored

    def score_passage(self, text: str) -> list[ScoredLine]:
        """Every line ranked by score (0..1) for one passage read alone."""
        vector = self._vector(text)
        return self._score(vector, self.judgement_probabilities(text, vector))

    def score_passages(self, texts: Sequence[str]) -> list[list[ScoredLine]]:
        """Per passage, every line ranked by score (0..1). `texts` are one document's
        passages in order; an aligner made with `context=True` reads each passage's
        judgement in the context of its neighbours, otherwise each passage alone."""
        vectors = [self._vector(text) for text in texts]
        probs = self._in_context(texts, vectors, pool=self.context)
        return [self._score(v, p) for v, p in zip(vectors, probs, strict=True)]

    def rank_areas(self, text: str) -> list[tuple[str, float]]:
        """Judgement keys ranked by P(judgement | passage), the passage read alone. On the
        trained path headline judgements are not offered (`judgement_probabilities`)."""
        probs = self.judgement_probabilities(text)
        return sorted(
            ((j, p) for j, p in probs.items() if not (self.uses_trained and j in self._headlines)),
            key=lambda item: (-item[1], item[0]),
        )

    def rank_passages(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        """Per passage of one document (in order), judgement keys ranked by P(judgement |
        passage and its neighbours)."""
        return [
            sorted(
                ((j, q) for j, q in p.items() if not (self.uses_trained and j in self._headlines)),
                key=lambda item: (-item[1], item[0]),
            )
            for p in self.judgement_probabilities_in_context(texts)
        ]

    def judgement_of(self, line_key: str) -> str:
        for line in self.lines:
            if line.key == line_key:
                return line.judgement_key
        raise KeyError(line_key)
