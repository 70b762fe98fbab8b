"""Training the judgement-area model with scikit-learn and exporting it as sparse weights.

Only the harness and `--build-model` import this (scikit-learn is the optional `train`
extra); the app runs the exported model with readiness.evidence.domain.align.model.
"""

from __future__ import annotations

import gzip
import io
import json
import math
from collections import Counter
from collections.abc import Sequence

from readiness.evidence.domain.align.model import FORMAT, AreaModel, model_from_dict
from readiness.evidence.domain.align.text import term_counts

MIN_DF = 2  # a term seen in one paragraph only is more likely a name than a signal
PRUNE = 0.02  # weights below this (in every class) change no decision; dropped for size
DIGITS = 4
C_GRID = (3.0, 10.0, 30.0, 100.0)
ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Trained on paragraphs of published Ofsted inspection reports of local authority "
    "children's services (ILACS)."
)


class Features:
    """Vocabulary and IDF fitted on training paragraphs, in the form the app uses."""

    def __init__(self, texts: Sequence[str]):
        counts = [term_counts(t) for t in texts]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        self.vocabulary = sorted(t for t, n in df.items() if n >= MIN_DF)
        self.index = {t: i for i, t in enumerate(self.vocabulary)}
        n = len(texts)
        self.idf = [math.log((1 + n) / (1 + df[t])) + 1.0 for t in self.vocabulary]

    def matrix(self, texts: Sequence[str]):
        from scipy.sparse import csr_matrix

        rows, cols, values = [], [], []
        for r, text in enumerate(texts):
            raw = {}
            for term, count in term_counts(text).items():
                i = self.index.get(term)
                if i is not None:
                    raw[i] = (1.0 + math.log(count)) * self.idf[i]
            norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
            for i, v in raw.items():
                rows.append(r)
                cols.append(i)
                values.append(v / norm)
        return csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.vocabulary)))


def fit_head(features: Features, texts: Sequence[str], labels: Sequence[str], c: float):
    from sklearn.linear_model import LogisticRegression

    classifier = LogisticRegression(C=c, max_iter=3000)
    classifier.fit(features.matrix(texts), list(labels))
    return classifier


def choose_c(
    features: Features,
    train: tuple[Sequence[str], Sequence[str]],
    validation: tuple[Sequence[str], Sequence[str]],
) -> tuple[float, dict[float, float]]:
    """The C with the best validation macro-F1 (validation authorities are part of the
    training split, never the test authorities)."""
    from sklearn.metrics import f1_score

    scores = {}
    for c in C_GRID:
        classifier = fit_head(features, *train, c)
        predicted = classifier.predict(features.matrix(validation[0]))
        scores[c] = f1_score(validation[1], predicted, average="macro")
    best = max(C_GRID, key=lambda c: (scores[c], -c))
    return best, scores


def export(features: Features, classifiers: Sequence) -> dict:
    heads = []
    used: set[int] = set()
    for classifier in classifiers:
        coef = classifier.coef_
        if coef.shape[0] == 1:  # sklearn stores a binary model as one row
            coef = [[-w for w in coef[0]], list(coef[0])]
        else:
            coef = coef.tolist()
        rows = []
        for i in range(len(features.vocabulary)):
            column = [coef[k][i] for k in range(len(coef))]
            if max(abs(w) for w in column) >= PRUNE:
                rows.append([i, *(round(w, DIGITS) for w in column)])
                used.add(i)
        heads.append(
            {
                "classes": [str(c) for c in classifier.classes_],
                "intercepts": [round(float(b), DIGITS) for b in classifier.intercept_],
                "weights": rows,
            }
        )
    # Keep every vocabulary term's IDF: a passage's vector is normalised over all of its
    # known terms, as in training, even those that carry no weight.
    return {
        "format": FORMAT,
        "attribution": ATTRIBUTION,
        "bigrams": True,
        "min_df": MIN_DF,
        "vocabulary": features.vocabulary,
        "idf": [round(v, DIGITS) for v in features.idf],
        "heads": heads,
        "weights_kept": len(used),
    }


def to_model(data: dict) -> AreaModel:
    return model_from_dict(json.loads(json.dumps(data)))


def write_gzip_json(data: dict, path: str) -> int:
    """Deterministic bytes: sorted keys, no timestamp in the gzip header."""
    raw = json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as handle:
        handle.write(raw)
    with open(path, "wb") as out:
        out.write(buffer.getvalue())
    return len(buffer.getvalue())
