"""Train the document classifier's models (kind, focus, areas) on real public documents.

    .venv/bin/python bench/doctype_train.py          # choose, calibrate, write the model
    .venv/bin/python bench/doctype_train.py --cv     # the choices' cross-validation only

Data: bench/realdocs.py (labels committed, texts recovered into a cache outside the
repository). The TEST fold (30% of the shared corpus's authorities) is never read here: every
choice (regularisation, the layout features' weight, the weight of the sponsor's labels,
temperatures, area thresholds) is made by 5-fold cross-validation grouped by authority over
the other documents, and the shipped model is trained on all of them. bench/doctype_accuracy.py
then measures it on TEST.

Writes readiness/evidence/data/doctype-model.json.gz, read by domain/doctype_model.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from realdocs import AREAS, TEST, RealDocument, load  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from readiness.evidence.domain import doctype_model as dm  # noqa: E402

OUT = HERE.parent / "readiness" / "evidence" / "data" / "doctype-model.json.gz"
KIND_C = (10.0,)  # 10 beat 30 and 100 in earlier runs of this same cross-validation
LAYOUT_WEIGHTS = (0.3,)
TITLE_WEIGHT = 0.5  # chosen by the same cross-validation: 0.0 0.822, 0.5 0.847, 1.0 0.834
SHARED_WEIGHTS = (2.0,)
FOCUS_C = (1.0, 3.0, 10.0)
AREA_C = (3.0, 10.0, 30.0)
RULE_SHARES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
RULE_TEMPERATURES = (1.0, 2.0, 4.0, 8.0)
MIN_DF = 2
KEEP = 0.01  # weights smaller than this are dropped from the export


class Featured:
    """A document with its features computed once."""

    def __init__(self, doc: RealDocument) -> None:
        self.doc = doc
        self.words = dm.word_features(doc.title, doc.text)
        self.layout = dm.layout_features(doc.title, doc.text)


def idf_of(items: list[Featured]) -> dict[str, float]:
    df: dict[str, int] = {}
    for item in items:
        for word in item.words:
            df[word] = df.get(word, 0) + 1
    n = len(items)
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items() if c >= MIN_DF}


def matrix(items, idf, layout_weight, vectorizer=None):
    rows = [dm.vector(i.words, i.layout, idf, layout_weight, TITLE_WEIGHT) for i in items]
    if vectorizer is None:
        vectorizer = DictVectorizer()
        return vectorizer.fit_transform(rows), vectorizer
    return vectorizer.transform(rows), vectorizer


def weights_of(items: list[Featured], shared_weight: float) -> list[float]:
    return [shared_weight if i.doc.source == "shared" else 1.0 for i in items]


def folds(items: list[Featured]):
    groups = [i.doc.authority.strip().lower() for i in items]
    return list(GroupKFold(5).split(items, groups=groups))


def out_of_fold(items, target, fit, layout_weight):
    """Scores (decision function) for each item from models that never saw its authority."""
    scores = [None] * len(items)
    for train, held in folds(items):
        tr = [items[i] for i in train]
        idf = idf_of(tr)
        x_train, vec = matrix(tr, idf, layout_weight)
        x_held, _ = matrix([items[i] for i in held], idf, layout_weight, vec)
        model = fit(x_train, [target(t) for t in tr], weights_of(tr, fit.shared_weight))
        decision = model.decision_function(x_held)
        for j, i in enumerate(held):
            scores[i] = (decision[j], list(model.classes_))
    return scores


def kind_fit(c: float, shared_weight: float):
    def fit(x, y, w):
        return LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=w)

    fit.shared_weight = shared_weight
    return fit


def binary_fit(c: float, shared_weight: float):
    def fit(x, y, w):
        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(
            x, y, sample_weight=w
        )

    fit.shared_weight = shared_weight
    return fit


def accuracy(items, scores, on_shared=True) -> float:
    pairs = [
        (i.doc.kind, classes[int(np.argmax(s))])
        for i, (s, classes) in zip(items, scores, strict=True)
        if i.doc.source == "shared" or not on_shared
    ]
    return sum(a == b for a, b in pairs) / len(pairs)


def fit_temperature(logits: list[np.ndarray], truth: list[int]) -> float:
    """The temperature that minimises the held-out log-loss (a grid, then the best)."""
    best = (math.inf, 1.0)
    for t in np.exp(np.linspace(math.log(0.25), math.log(8), 60)):
        loss = 0.0
        for z, y in zip(logits, truth, strict=True):
            z = np.asarray(z, dtype=float) / t
            if z.ndim == 0:  # binary: a sigmoid on one score
                p = 1 / (1 + math.exp(-z))
                loss -= math.log(max(1e-12, p if y else 1 - p))
            else:
                z = z - z.max()
                loss -= z[y] - math.log(np.exp(z).sum())
        best = min(best, (loss, float(t)))
    return best[1]


def choose_kind(items, log=print):
    results = []
    for lw in LAYOUT_WEIGHTS:
        for sw in SHARED_WEIGHTS:
            for c in KIND_C:
                scores = out_of_fold(items, lambda i: i.doc.kind, kind_fit(c, sw), lw)
                acc, acc_all = accuracy(items, scores), accuracy(items, scores, False)
                log(f"kind: layout {lw}, shared x{sw}, C={c}: shared {acc:.3f}, all {acc_all:.3f}")
                results.append((acc, acc_all, lw, sw, c, scores))
    best = max(results, key=lambda r: (r[0], r[1]))
    acc, acc_all, lw, sw, c, scores = best
    truth = [classes.index(i.doc.kind) for i, (_, classes) in zip(items, scores, strict=True)]
    temperature = fit_temperature([s for s, _ in scores], truth)
    log(f"kind chosen: layout {lw}, shared x{sw}, C={c} (CV shared {acc:.3f}); T={temperature:.2f}")
    blend = choose_blend(items, scores, temperature, log)
    return {
        "layout_weight": lw,
        "shared_weight": sw,
        "C": c,
        "temperature": temperature,
        "blend": blend,
    }


def choose_blend(items, scores, temperature, log=print) -> dict:
    """The share of the cue rules' softmax in the final probabilities, and its temperature,
    by the shared documents' held-out accuracy (the smaller share on a tie)."""
    model_probs = [
        dict(zip(classes, dm.softmax(list(s), temperature), strict=True)) for s, classes in scores
    ]
    best = None
    for t in RULE_TEMPERATURES:
        rules = [dm.rule_probabilities(i.doc.title, i.doc.text, "", t) for i in items]
        for share in RULE_SHARES:
            blended = [dm.blend(m, r, share) for m, r in zip(model_probs, rules, strict=True)]
            said = [max(b, key=b.get) for b in blended]
            shared = [(k, i) for k, i in zip(said, items, strict=True) if i.doc.source == "shared"]
            acc = sum(k == i.doc.kind for k, i in shared) / len(shared)
            log(f"blend: rule share {share}, rule temperature {t}: shared {acc:.3f}")
            if best is None or acc > best[0] + 1e-9:
                best = (acc, share, t)
    acc, share, t = best
    log(f"blend chosen: rule share {share}, temperature {t} (CV shared {acc:.3f})")
    return {"rule_share": share, "rule_temperature": t}


def choose_binary(items, target, grid, layout_weight, shared_weight, name, log=print):
    best = None
    for c in grid:
        scores = out_of_fold(items, target, binary_fit(c, shared_weight), layout_weight)
        # The positive class is classes[1] (True): decision > 0 means positive.
        got = [float(s) if bool(classes[1]) else -float(s) for s, classes in scores]
        truth = [bool(target(i)) for i in items]
        acc = np.mean([(g > 0) == t for g, t in zip(got, truth, strict=True)])
        log(f"{name}: C={c}: accuracy {acc:.3f}")
        if best is None or acc > best[0]:
            best = (acc, c, got, truth)
    acc, c, got, truth = best
    temperature = fit_temperature(got, truth)
    log(f"{name} chosen: C={c} (CV {acc:.3f}); T={temperature:.2f}")
    return {"C": c, "temperature": temperature, "scores": got, "truth": truth}


def area_threshold(scores: list[float], truth: list[bool], temperature: float) -> float:
    """The probability threshold with the best F1 for one area, held out."""
    probs = [dm.sigmoid(s, temperature) for s in scores]
    best = (0.0, 0.5)
    for t in np.linspace(0.2, 0.8, 25):
        tp = sum(p >= t and y for p, y in zip(probs, truth, strict=True))
        fp = sum(p >= t and not y for p, y in zip(probs, truth, strict=True))
        fn = sum(p < t and y for p, y in zip(probs, truth, strict=True))
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        best = max(best, (f1, round(float(t), 3)))
    return best[1]


def export_head(model, vectorizer, classes, temperature, thresholds=None) -> dict:
    names = vectorizer.get_feature_names_out()
    coef = np.atleast_2d(model.coef_)
    bias = list(np.atleast_1d(model.intercept_))
    weights: dict[str, list[list[float]]] = {}
    for j, name in enumerate(names):
        kept = [[k, round(float(coef[k, j]), 4)] for k in range(coef.shape[0])]
        kept = [pair for pair in kept if abs(pair[1]) >= KEEP]
        if kept:
            weights[str(name)] = kept
    head = {
        "classes": classes,
        "bias": [round(float(b), 4) for b in bias],
        "weights": weights,
        "temperature": round(temperature, 4),
    }
    if thresholds is not None:
        head["thresholds"] = thresholds
    return head


def train(items, log=print) -> dict:
    kind = choose_kind(items, log)
    lw, sw = kind["layout_weight"], kind["shared_weight"]
    focused = [i for i in items if i.doc.focus in ("process", "outcome")]
    focus = choose_binary(
        focused, lambda i: i.doc.focus == "outcome", FOCUS_C, lw, sw, "focus", log
    )
    areas = {}
    for area in AREAS:
        areas[area] = choose_binary(
            items, lambda i, a=area: a in i.doc.areas, AREA_C, lw, sw, f"area {area}", log
        )
    # One temperature for the four area heads (the mean), then each area's threshold.
    area_t = float(np.mean([areas[a]["temperature"] for a in AREAS]))
    thresholds = [area_threshold(areas[a]["scores"], areas[a]["truth"], area_t) for a in AREAS]
    log(f"area temperature {area_t:.2f}, thresholds {dict(zip(AREAS, thresholds, strict=True))}")

    idf = idf_of(items)
    x, vec = matrix(items, idf, lw)
    w = weights_of(items, sw)
    kind_model = kind_fit(kind["C"], sw)(x, [i.doc.kind for i in items], w)
    fx, fvec = matrix(focused, idf, lw, vec)
    focus_model = binary_fit(focus["C"], sw)(
        fx, [i.doc.focus == "outcome" for i in focused], weights_of(focused, sw)
    )
    # The four area heads share one matrix; each has its own regularisation.
    coefs, biases = [], []
    for area in AREAS:
        model = binary_fit(areas[area]["C"], sw)(x, [area in i.doc.areas for i in items], w)
        coefs.append(model.coef_[0])
        biases.append(model.intercept_[0])
    area_model = LogisticRegression()
    area_model.coef_, area_model.intercept_ = np.array(coefs), np.array(biases)

    used = {t for t in idf}  # every word with an idf can carry weight
    return {
        "version": 4,
        "about": (
            "Readiness document classifier: TF-IDF words of the title and opening text plus "
            "cue-rule scores and layout features (domain/doctype_model.py); multinomial "
            "logistic regression for the kind, binary for the focus (outcome v. process) and "
            "one per ILACS area; temperatures fitted on held-out authorities. Trained by "
            "bench/doctype_train.py on real public documents (labels in bench/data and "
            "../shared/data/realdocs), the test authorities left out."
        ),
        "trained_on": len(items),
        "choices": {
            "kind": {k: v for k, v in kind.items()},
            "focus_C": focus["C"],
            "area_C": {a: areas[a]["C"] for a in AREAS},
        },
        "layout_weight": lw,
        "title_weight": TITLE_WEIGHT,
        "blend": kind["blend"],
        "idf": {t: round(v, 4) for t, v in idf.items() if t in used},
        "heads": {
            "kind": export_head(
                kind_model, vec, [str(c) for c in kind_model.classes_], kind["temperature"]
            ),
            "focus": export_head(focus_model, fvec, ["outcome"], focus["temperature"]),
            "areas": export_head(area_model, vec, list(AREAS), area_t, thresholds),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", action="store_true", help="cross-validate only; write nothing")
    args = parser.parse_args(argv)
    documents, missing = load()
    pool = [Featured(d) for d in documents if d.fold != TEST]
    if not pool:
        print("!! The real documents' texts are not cached: see bench/realdocs.py.")
        return 3
    print(
        f"{len(pool)} documents to train on ({sum(i.doc.source == 'shared' for i in pool)} "
        f"from the shared corpus); texts missing: {sum(len(v) for v in missing.values())}",
        flush=True,
    )
    if args.cv:
        choose_kind(pool)
        return 0
    model = train(pool, lambda m: print(m, flush=True))
    # Drop idf entries no head uses, so the file stays small.
    used = set()
    for head in model["heads"].values():
        used |= set(head["weights"])
    model["idf"] = {t: v for t, v in model["idf"].items() if t in used}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(model, sort_keys=True, separators=(",", ":")).encode()
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(payload)  # mtime 0: the same model gives the same bytes
    print(f"Wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB, {len(model['idf'])} words).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
