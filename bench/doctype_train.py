"""Train the document-kind model that backs up the cue rules in domain/doctype.py.

    cd /work/main && .venv/bin/python bench/doctype_train.py          # CV report + write model
    cd /work/main && .venv/bin/python bench/doctype_train.py --cv     # CV report only

Needs the optional `train` extra (scikit-learn); the shipped model is read in plain Python.

Training data: every labelled set except blind v3 (doctype_blind3.jsonl), which is kept out
so that its figure stays honest, plus the 186 synthetic Anytown demo documents
(readiness/demo/evidence/anytown/MANIFEST.csv, read with the ingest extractor).

Cross-validation is grouped by source (leave one source out: the generated development set,
the held-out set, blind v1, blind v2, the demo set), because documents from one generator or
one sitting share wording. The same folds choose how the rules and the model are combined.
Writes readiness/evidence/data/doctype-model.json.gz and prints the figures that
bench/results/doctype-accuracy.md and docs/doctype.md quote.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.feature_extraction.text import TfidfTransformer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from readiness.evidence.domain import doctype  # noqa: E402
from readiness.evidence.domain.extract import extract  # noqa: E402

FIXTURES = ROOT / "readiness" / "evidence" / "tests" / "fixtures"
DEMO = ROOT / "readiness" / "demo" / "evidence" / "anytown"
SOURCES = ("doctype_labelled.jsonl", "doctype_heldout.jsonl", "doctype_blind.jsonl")
SOURCES += ("doctype_blind2.jsonl",)
DEMO_KINDS = {  # the demo manifest's vocabulary -> ours
    "audit": "audit_or_review",
    "policy": "policy_or_procedure",
    "newsletter": "newsletter_or_briefing",
    "strategy": "strategy_or_plan",
}
KINDS = list(doctype.KIND_LABELS)
SHIPPED = (doctype.RULE_SHARE, doctype.RULE_TEMPERATURE)  # chosen by the CV below
C = 10.0  # inverse regularisation, chosen by the grouped CV below
MIN_DF = 2  # a feature seen in one document only is noise
ROUND = 3  # decimals kept in the shipped weights
PRUNE = 0.02  # weights smaller than this are dropped from the shipped model


def load_rows() -> list[dict]:
    rows = []
    for name in SOURCES:
        with (FIXTURES / name).open() as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    row["source"] = name.removeprefix("doctype_").removesuffix(".jsonl")
                    rows.append(row)
    with (DEMO / "MANIFEST.csv").open() as handle:
        for item in csv.DictReader(handle):
            name = item["path"].split("/")[-1]
            extracted = extract(name, (DEMO / item["path"]).read_bytes())
            rows.append(
                {
                    "id": item["path"],
                    "title": (extracted.title or "").strip() or item["title"],
                    "text": extracted.text,
                    "file_type": extracted.file_type,
                    "kind": DEMO_KINDS.get(item["kind"], item["kind"]),
                    "focus": item["focus"],
                    "source": "demo",
                }
            )
    return rows


def feats(row: dict) -> dict[str, int]:
    title = " ".join(row["title"].split())
    return doctype.features(title, row["text"][: doctype.BODY_CHARS])


def fit(rows: list[dict], c: float = C):
    vec = DictVectorizer()
    x = vec.fit_transform([feats(r) for r in rows])
    df = np.asarray((x > 0).sum(axis=0)).ravel()
    keep = np.where(df >= MIN_DF)[0]
    x = x[:, keep]
    names = [vec.feature_names_[i] for i in keep]
    tfidf = TfidfTransformer(sublinear_tf=True)
    x = tfidf.fit_transform(x)
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, [r["kind"] for r in rows])
    return names, tfidf.idf_, clf


def export(names, idf, clf) -> dict:
    classes = list(clf.classes_)
    order = [classes.index(k) for k in KINDS]
    coef = clf.coef_[order]
    features = {}
    for j, name in enumerate(names):
        weights = [
            [i, round(float(coef[i, j]), ROUND)]
            for i in range(len(KINDS))
            if abs(coef[i, j]) >= PRUNE
        ]
        if weights:
            features[name] = [round(float(idf[j]), ROUND), weights]
    return {
        "kinds": KINDS,
        "bias": [round(float(b), ROUND) for b in clf.intercept_[order]],
        "features": features,
        "about": "doctype kind model: TF-IDF (sublinear) of doctype.features, multinomial "
        f"logistic regression C={C}, min_df={MIN_DF}; built by bench/doctype_train.py",
    }


def probabilities(model: dict, row: dict) -> dict[str, float]:
    """The shipped model's inference, via doctype.py's own code."""
    doctype._model.cache_clear()
    saved = doctype._model
    doctype._model = lambda: model  # type: ignore[assignment]
    try:
        title = " ".join(row["title"].split())
        return doctype.model_probabilities(title, row["text"][: doctype.BODY_CHARS])
    finally:
        doctype._model = saved


def rules(row: dict) -> tuple[str, float, dict[str, float]]:
    title = " ".join(row["title"].split())
    kind, top, _, second, scores, _ = doctype.rule_kind(
        title, row["text"][: doctype.BODY_CHARS], row.get("file_type", "")
    )
    return kind, top / (top + second) if top + second else 0.0, scores


def combine(strategy: tuple, rule: tuple, probs: dict[str, float]) -> str:
    kind, share, scores = rule
    best = max(probs, key=probs.get)
    name = strategy[0]
    if name == "rules":
        return kind
    if name == "model":
        return best
    if name == "gate":  # rules when their winner is clear, else the model
        return kind if share >= strategy[1] else best
    if name == "blend":  # doctype._blend with this share and temperature
        doctype.RULE_SHARE, doctype.RULE_TEMPERATURE = strategy[1], strategy[2]
        try:
            mixed = doctype._blend(kind, scores, probs)
        finally:
            doctype.RULE_SHARE, doctype.RULE_TEMPERATURE = SHIPPED
        return min(mixed, key=lambda k: (-mixed[k], k))
    raise ValueError(name)


STRATEGIES = [("rules",), ("model",)]
STRATEGIES += [("gate", t) for t in (0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)]
STRATEGIES += [("blend", a, t) for a in (0.3, 0.4, 0.5, 0.6, 0.7) for t in (1.0, 2.0, 4.0)]


def grouped_cv(rows: list[dict], c: float = C) -> dict:
    sources = sorted({r["source"] for r in rows})
    cached_rules = [rules(r) for r in rows]
    hits = {s: {src: 0 for src in sources} for s in STRATEGIES}
    for held in sources:
        train = [r for r in rows if r["source"] != held]
        model = export(*fit(train, c))
        for i, row in enumerate(rows):
            if row["source"] != held:
                continue
            probs = probabilities(model, row)
            for s in STRATEGIES:
                hits[s][held] += combine(s, cached_rules[i], probs) == row["kind"]
    sizes = {src: sum(r["source"] == src for r in rows) for src in sources}
    return {"hits": hits, "sizes": sizes}


def main() -> int:
    rows = load_rows()
    print(f"{len(rows)} training documents")
    cs = (1.0, 3.0, 10.0, 30.0) if "--c" in sys.argv else (C,)
    for c in cs:
        result = grouped_cv(rows, c)
        sizes = result["sizes"]
        print(f"\nC={c}; leave-one-source-out accuracy (n: {sizes})")
        for s, by in result["hits"].items():
            pooled = sum(by.values()) / sum(sizes.values())
            macro = sum(by[k] / sizes[k] for k in sizes) / len(sizes)
            per = " ".join(f"{k}={by[k] / sizes[k]:.3f}" for k in sizes)
            print(f"{str(s):24} pooled {pooled:.3f} mean-of-sources {macro:.3f}  {per}")
    if "--cv" in sys.argv or "--c" in sys.argv:
        return 0
    model = export(*fit(rows))
    doctype.MODEL_PATH.parent.mkdir(exist_ok=True)
    data = json.dumps(model, separators=(",", ":"), sort_keys=True).encode()
    with gzip.GzipFile(doctype.MODEL_PATH, "wb", mtime=0) as handle:
        handle.write(data)
    print(
        f"\nwrote {doctype.MODEL_PATH.relative_to(ROOT)}: {len(model['features'])} features, "
        f"{doctype.MODEL_PATH.stat().st_size / 1024:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
