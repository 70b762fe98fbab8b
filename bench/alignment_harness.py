"""Alignment harness: passage -> judgement area on held-out local authorities.

    .venv/bin/python bench/alignment_harness.py                 # measure, write results
    .venv/bin/python bench/alignment_harness.py --build-model \
        readiness/evidence/data/alignment-model.json.gz  # the shipped model, all authorities

Paragraphs of published Ofsted ILACS reports are labelled by the judgement heading they sit
under (bench/alignment_reports.py). Authorities are split by a hash of their folder name:
one in five is held out for test; of the rest, one in five is a validation set used for
choosing the trained model's regularisation. Five methods are scored on the test
authorities in one run, for the 2023+ four-area task and the 2018-2022 three-area task:
(a) BM25 against the framework text, (b) TF-IDF cosine against it, (c) plain TF-IDF +
logistic regression trained on the split, (d) Readiness's trained model (exported and run
by the app's pure-Python code), (e) Readiness's zero-shot aligner (framework words only).
(c+), (d+) and (e+) read each report's paragraphs in order with document context (each
paragraph's probabilities pooled with its neighbours', `Aligner.rank_passages`). (f), a
semantic experiment that is not shipped, adds static word embeddings to (d)'s features and
runs only where the `wordllama` package is installed (docs/alignment.md).
`--build-model` then trains the shipped model on every authority.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from alignment_reports import (  # noqa: E402
    Paragraph,
    read_report,
    report_paths,
)
from alignment_results import (  # noqa: E402
    RESULTS,
    TASKS,
    target_lines,
    write_results,
)
from needs import shared_or_skip  # noqa: E402

from readiness.evidence.domain.align import Aligner, framework_lines  # noqa: E402
from readiness.evidence.domain.align.aligner import pool_with_neighbours  # noqa: E402
from readiness.evidence.domain.align.background import load_background  # noqa: E402
from readiness.evidence.domain.align.text import terms  # noqa: E402
from readiness.evidence.domain.align.vectors import (  # noqa: E402
    BM25,
    document_frequencies,
    dot,
    smooth_idf,
    tfidf,
)
from readiness.frameworks.domain.loader import load_framework_file  # noqa: E402

FRAMEWORKS = ROOT / "readiness" / "frameworks" / "data"
MERGE = {
    "children_in_care": "children_in_care_and_care_leavers",
    "care_leavers": "children_in_care_and_care_leavers",
}


def bucket(authority: str, salt: str) -> int:
    return int(hashlib.sha256(f"{salt}:{authority}".encode()).hexdigest()[:8], 16) % 5


def is_test(authority: str) -> bool:
    return bucket(authority, "test") == 0


def is_validation(authority: str) -> bool:
    return bucket(authority, "validation") == 0


CHANGES: Counter[str] = Counter()  # what the cleaning rules did, summed over ILACS reports


def load_paragraphs() -> tuple[dict[str, list[Paragraph]], Counter[str], float]:
    started = time.perf_counter()
    with ProcessPoolExecutor() as pool:
        reports = list(pool.map(read_report, report_paths(), chunksize=8))
    by_kind: dict[str, list[Paragraph]] = {"four": [], "three": []}
    counts: Counter[str] = Counter()
    CHANGES.clear()
    for report in reports:
        CHANGES.update(report.changes)
        counts["files"] += 1
        if report.error:
            counts[f"skipped ({report.error.split(':')[0]})"] += 1
        elif not report.kind:
            counts["not ILACS (SIF 2013-2017 or no judgement headings)"] += 1
        else:
            counts[f"ILACS {report.kind}-area reports"] += 1
            by_kind[report.kind].extend(report.paragraphs)
    return by_kind, counts, time.perf_counter() - started


def task_lines(framework: str, areas: tuple[str, ...]):
    spec = load_framework_file(str(FRAMEWORKS / f"{framework}.yaml"))
    return [line for line in framework_lines(spec) if line.area in areas]


def own_words(lines) -> dict[str, str]:
    """Each area's framework text without the hand-written vocabulary: the baselines'
    query (the framework's title, summary, questions, descriptors, typical evidence)."""
    grouped: dict[str, list] = {}
    for line in lines:
        grouped.setdefault(line.area, []).append(line)
    out = {}
    for area, group in grouped.items():
        first = group[0]
        body = " ".join(" ".join([g.question, *g.descriptors, *g.typical_evidence]) for g in group)
        out[area] = " ".join([first.judgement_title, first.judgement_summary, body])
    return out


def predict_bm25(lines, texts: list[str]) -> list[str]:
    queries = own_words(lines)
    index = BM25([terms(t) for t in texts])
    columns = {area: index.scores(terms(q)) for area, q in queries.items()}
    areas = list(columns)
    return [max(areas, key=lambda a: columns[a][i]) for i in range(len(texts))]


def predict_cosine(lines, texts: list[str]) -> list[str]:
    queries = own_words(lines)
    docs = [terms(t) for t in texts] + [terms(q) for q in queries.values()]
    df, n = document_frequencies(docs)
    idf = smooth_idf(df, n)
    top = max(idf.values())
    vectors = {a: tfidf(Counter(terms(q)), idf, top) for a, q in queries.items()}
    out = []
    for text in texts:
        v = tfidf(Counter(terms(text)), idf, top)
        out.append(max(vectors, key=lambda a: dot(v, vectors[a])))
    return out


def documents(paragraphs: list[Paragraph]) -> list[list[int]]:
    """Indices of each report's paragraphs, in reading order (as extracted)."""
    out: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(paragraphs):
        out.setdefault((p.authority, p.report), []).append(i)
    return list(out.values())


def predict_plain_lr(
    train: list[Paragraph], test: list[Paragraph], labels, context: bool = False
) -> list[str]:
    """Baseline (c); with `context`, its probabilities pooled over each report exactly as
    the app pools its own (so (c+) isolates what document context alone adds)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer()
    model = LogisticRegression(max_iter=2000)
    model.fit(vectoriser.fit_transform([p.text for p in train]), labels)
    probabilities = model.predict_proba(vectoriser.transform([p.text for p in test])).tolist()
    if context:
        for doc in documents(test):
            pooled = pool_with_neighbours([probabilities[i] for i in doc])
            for i, row in zip(doc, pooled, strict=True):
                probabilities[i] = row
    classes = list(model.classes_)
    return [classes[max(range(len(row)), key=row.__getitem__)] for row in probabilities]


def predict_with(aligner: Aligner, lines, test: list[Paragraph], context: bool) -> list[str]:
    """Each paragraph's best area: read alone (`rank_areas`), or with each report's
    paragraphs given in order and pooled with their neighbours (`rank_passages`)."""
    area_of = {line.judgement_key: line.area for line in lines}
    if not context:
        return [area_of[aligner.rank_areas(p.text)[0][0]] for p in test]
    out = [""] * len(test)
    for doc in documents(test):
        for i, ranked in zip(doc, aligner.rank_passages([test[i].text for i in doc]), strict=True):
            out[i] = area_of[ranked[0][0]]
    return out


def predict_zero_shot(lines, test: list[Paragraph], context: bool = False) -> list[str]:
    """The batch trick: self-training on all the unlabelled test paragraphs at once."""
    aligner = Aligner(lines, use_trained=False, background=False)
    aligner.adapt([p.text for p in test])  # self-training on the unlabelled passages
    return predict_with(aligner, lines, test, context)


PER_REPORT_SECONDS: dict[str, list[float]] = {}  # method -> seconds per report, last run


def predict_per_report(
    lines, test: list[Paragraph], method: str, context: bool = False
) -> list[str]:
    """One report at a time, as the app aligns one document at a time: "e1" is the
    previous zero-shot path (a fresh scorer self-trained on that report's paragraphs
    alone, as `Aligner.adapt` does), "g" the shipped one (the scorer fitted at framework
    load to the background, then each paragraph scored with no adaptation), "g0" the same
    background without its pooled rounds (an ablation). The framework load is timed apart
    ("<method> load")."""
    area_of = {line.judgement_key: line.area for line in lines}
    started = time.perf_counter()
    shared = None
    if method == "g":
        shared = Aligner(lines, use_trained=False)
    elif method == "g0":
        shared = Aligner(lines, use_trained=False, background=False)
        shared.zero_shot.fit_background(load_background(), pooled_rounds=0)
        shared._build_line_vectors()
    PER_REPORT_SECONDS[f"{method}{'+' if context else ''} load"] = [time.perf_counter() - started]
    out = [""] * len(test)
    seconds = []
    for doc in documents(test):
        started = time.perf_counter()
        texts = [test[i].text for i in doc]
        if shared is None:
            aligner = Aligner(lines, use_trained=False, background=False)
            aligner.adapt(texts)
        else:
            aligner = shared
        if context:
            ranked = [r[0][0] for r in aligner.rank_passages(texts)]
        else:
            ranked = [aligner.rank_areas(text)[0][0] for text in texts]
        for i, key in zip(doc, ranked, strict=True):
            out[i] = area_of[key]
        seconds.append(time.perf_counter() - started)
    PER_REPORT_SECONDS[method + ("+" if context else "")] = seconds
    return out


def predict_trained(model, lines, test: list[Paragraph], context: bool = False) -> list[str]:
    aligner = Aligner(lines, model=model)
    assert aligner.uses_trained
    return predict_with(aligner, lines, test, context)


def training_sets(by_kind, keep) -> dict[str, tuple[list[str], list[str]]]:
    """Per head, (texts, labels). The three-area head also learns from 2023+ reports, with
    children in care and care leavers merged, since those paragraphs are the same kind."""
    four = [p for p in by_kind["four"] if keep(p.authority)]
    three = [p for p in by_kind["three"] if keep(p.authority)]
    return {
        "four": ([p.text for p in four], [p.area for p in four]),
        "three": (
            [p.text for p in three + four],
            [p.area for p in three] + [MERGE.get(p.area, p.area) for p in four],
        ),
    }


def train_model(by_kind, in_train, in_validation, log) -> tuple[dict, dict]:
    """Choose C per head on the validation authorities, then refit on all of `in_train`."""
    import alignment_train as T

    fit_sets = training_sets(by_kind, lambda a: in_train(a) and not in_validation(a))
    validation = training_sets(by_kind, lambda a: in_train(a) and in_validation(a))
    chosen = {}
    for kind in ("four", "three"):
        features = T.Features(fit_sets[kind][0])
        chosen[kind], scores = T.choose_c(features, fit_sets[kind], validation[kind])
        log(
            f"  validation macro-F1 by C ({kind} areas): "
            + ", ".join(f"C={c:g}: {s:.4f}" for c, s in scores.items())
        )
    full = training_sets(by_kind, in_train)
    features = T.Features(full["four"][0] + full["three"][0])
    heads = [T.fit_head(features, *full[kind], chosen[kind]) for kind in ("four", "three")]
    return T.export(features, heads), chosen


SEMANTIC_WEIGHT = 0.25  # the embedding block's scale beside the TF-IDF block (validation)


class StaticEmbedder:
    """The semantic experiment (f): wordllama's pretrained static token vectors (256-d,
    shipped inside its wheel, so nothing is downloaded). A paragraph's vector is the
    SIF-weighted mean of its token vectors (weight a / (a + p(token)), a = 0.001, token
    frequencies from the training paragraphs), with the training set's first principal
    component removed, l2-normalised (Arora et al. 2017). Only the package's files are read
    (safetensors and tokenizers), never its loader, which may fetch larger models."""

    def __init__(self, root: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights = load_file(str(root / "weights" / "l2_supercat_256.safetensors"))
        self.vectors = weights["embedding.weight"].astype("float32")
        self.tokenizer = Tokenizer.from_file(
            str(root / "tokenizers" / "l2_supercat_tokenizer_config.json")
        )

    def fit(self, texts: list[str]) -> StaticEmbedder:
        import numpy as np

        ids = self._ids(texts)
        counts = np.bincount(
            np.concatenate([np.asarray(i, dtype=int) for i in ids if i]),
            minlength=len(self.vectors),
        ).astype(float)
        self.weight = 1e-3 / (1e-3 + counts / counts.sum())
        self.component = None
        self.component = np.linalg.svd(self._means(ids), full_matrices=False)[2][0]
        return self

    def _ids(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(texts, add_special_tokens=False)]

    def _means(self, ids: list[list[int]]):
        import numpy as np

        out = np.zeros((len(ids), self.vectors.shape[1]))
        for row, tokens in enumerate(ids):
            if tokens:
                out[row] = (self.vectors[tokens] * self.weight[tokens][:, None]).sum(0) / len(
                    tokens
                )
        if self.component is not None:
            out -= np.outer(out @ self.component, self.component)
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            out /= np.where(norms == 0, 1, norms)
        return out

    def transform(self, texts: list[str]):
        return self._means(self._ids(texts))


def static_embedder() -> StaticEmbedder | None:
    """wordllama's files when that package is installed (`pip install wordllama`), else
    None: the semantic row is an experiment, not part of the default install."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("wordllama")
        if spec is None or not spec.submodule_search_locations:
            return None
        return StaticEmbedder(Path(next(iter(spec.submodule_search_locations))))
    except (ImportError, OSError):
        return None


def train_semantic(by_kind, embedder: StaticEmbedder, log) -> dict:
    """Per head, TF-IDF (the app's features) with the paragraph vector beside it, one
    logistic regression; C chosen on the validation authorities, then refitted on every
    training authority, as for the shipped model."""
    import alignment_train as T
    from scipy.sparse import csr_matrix, hstack
    from sklearn.metrics import f1_score

    def fit(texts, labels, c):
        from sklearn.linear_model import LogisticRegression

        features = T.Features(texts)
        embedder.fit(texts)
        x = hstack(
            [features.matrix(texts), csr_matrix(SEMANTIC_WEIGHT * embedder.transform(texts))]
        )
        model = LogisticRegression(C=c, max_iter=3000).fit(x.tocsr(), list(labels))
        state = (features, embedder.weight, embedder.component)

        def predict(new_texts):
            embedder.weight, embedder.component = state[1], state[2]
            v = csr_matrix(SEMANTIC_WEIGHT * embedder.transform(new_texts))
            return list(model.predict(hstack([features.matrix(new_texts), v]).tocsr()))

        return predict

    fit_sets = training_sets(by_kind, lambda a: not is_test(a) and not is_validation(a))
    validation = training_sets(by_kind, lambda a: not is_test(a) and is_validation(a))
    full = training_sets(by_kind, lambda a: not is_test(a))
    heads = {}
    for kind in ("four", "three"):
        scores = {}
        for c in T.C_GRID:
            predicted = fit(*fit_sets[kind], c)(validation[kind][0])
            scores[c] = f1_score(validation[kind][1], predicted, average="macro")
        best = max(T.C_GRID, key=lambda c: (scores[c], -c))
        log(
            f"  (f) validation macro-F1 by C ({kind} areas): "
            + ", ".join(f"C={c:g}: {v:.4f}" for c, v in scores.items())
        )
        heads[kind] = (fit(*full[kind], best), best, scores[best])
    return heads


def macro_f1(truth, predicted) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(truth, predicted, average="macro"))


def measure(by_kind, log) -> tuple[dict, dict, dict]:
    import alignment_train as T

    background = load_background()
    assert background is not None, "the shipped background is missing"
    leaked = {a for a in background.authorities if is_test(a) or is_validation(a)}
    assert not leaked, f"background reports from held-out authorities: {sorted(leaked)}"
    export, chosen = train_model(by_kind, lambda a: not is_test(a), is_validation, log)
    model = T.to_model(export)
    embedder = static_embedder()
    semantic = train_semantic(by_kind, embedder, log) if embedder else None
    results: dict[str, dict[str, float]] = {}
    sizes: dict[str, dict[str, int]] = {}
    for task, (areas, framework, kind) in TASKS.items():
        lines = task_lines(framework, areas)
        train = [p for p in by_kind[kind] if not is_test(p.authority)]
        test = [p for p in by_kind[kind] if is_test(p.authority)]
        dev = [p for p in train if is_validation(p.authority)]
        truth = [p.area for p in test]
        labels = [p.area for p in train]
        sizes[task] = {
            "train paragraphs": len(train),
            "test paragraphs": len(test),
            "test authorities": len({p.authority for p in test}),
            "train authorities": len({p.authority for p in train}),
        }
        row: dict[str, float] = {}
        texts = [p.text for p in test]
        # The lambdas are called within the loop, so B023 does not apply.
        predictors = {
            "a": lambda: predict_bm25(lines, texts),  # noqa: B023
            "b": lambda: predict_cosine(lines, texts),  # noqa: B023
            "c": lambda: predict_plain_lr(train, test, labels),  # noqa: B023
            "c+": lambda: predict_plain_lr(train, test, labels, context=True),  # noqa: B023
            "d": lambda: predict_trained(model, lines, test),  # noqa: B023
            "d+": lambda: predict_trained(model, lines, test, context=True),  # noqa: B023
            "e": lambda: predict_zero_shot(lines, test),  # noqa: B023
            "e+": lambda: predict_zero_shot(lines, test, context=True),  # noqa: B023
            "e1": lambda: predict_per_report(lines, test, "e1"),  # noqa: B023
            "g": lambda: predict_per_report(lines, test, "g"),  # noqa: B023
            "g+": lambda: predict_per_report(lines, test, "g", context=True),  # noqa: B023
            "g0": lambda: predict_per_report(lines, test, "g0"),  # noqa: B023
        }
        if semantic:
            predictors["f"] = lambda: semantic[kind][0](texts)  # noqa: B023
        for key, predict in predictors.items():
            started = time.perf_counter()
            row[key] = macro_f1(truth, predict())
            row[key + "_seconds"] = time.perf_counter() - started
            log(f"  {task}: ({key}) macro-F1 {row[key]:.4f} in {row[key + '_seconds']:.1f}s")
            for name, seconds in PER_REPORT_SECONDS.items():
                row[f"per report {name}"] = max(seconds)
                row[f"mean per report {name}"] = sum(seconds) / len(seconds)
            PER_REPORT_SECONDS.clear()
        # The zero-shot aligner on validation authorities (inside the training split): the
        # only place its hand-set constants were looked at while it was being written.
        dev_truth = [p.area for p in dev]
        row["e_dev"] = macro_f1(dev_truth, predict_zero_shot(lines, dev))
        row["e+_dev"] = macro_f1(dev_truth, predict_zero_shot(lines, dev, context=True))
        for key in ("e1", "g", "g0"):
            row[f"{key}_dev"] = macro_f1(dev_truth, predict_per_report(lines, dev, key))
        PER_REPORT_SECONDS.clear()
        if semantic:
            row["f_dev"] = semantic[kind][2]
            row["f_c"] = semantic[kind][1]
        results[task] = row
    return results, sizes, chosen


BACKGROUND_REPORTS = 60  # reports in the shipped background (about 3,000 paragraphs)


def build_background(by_kind, path: str) -> str:
    """The zero-shot scorer's background (readiness/evidence/domain/align/background.py):
    BACKGROUND_REPORTS reports drawn (seeded) from the fit authorities only, never the
    validation or test ones, each report's labelled paragraphs in order as stemmed tokens.
    The labels are dropped."""
    import gzip
    import json
    import random

    from readiness.evidence.domain.align.text import tokens

    fit = [
        p
        for kind in ("four", "three")
        for p in by_kind[kind]
        if not is_test(p.authority) and not is_validation(p.authority)
    ]
    reports = documents(fit)
    random.Random(0).shuffle(reports)
    chosen = reports[:BACKGROUND_REPORTS]
    data = {
        "about": "Paragraphs of published Ofsted inspection reports of local authority "
        "children's services, as stemmed tokens in reading order, without headings or "
        "judgement labels. Contains public sector information licensed under the Open "
        "Government Licence v3.0. Built by bench/alignment_harness.py --build-background "
        "from the harness's fit authorities only.",
        "reports": [
            {
                "authority": fit[doc[0]].authority,
                "report": fit[doc[0]].report,
                "paragraphs": [" ".join(tokens(fit[i].text)) for i in doc],
            }
            for doc in chosen
        ],
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    with open(path, "wb") as handle:
        handle.write(gzip.compress(raw, mtime=0))
    paragraphs = sum(len(doc) for doc in chosen)
    return f"{len(chosen)} reports, {paragraphs} paragraphs, {Path(path).stat().st_size} bytes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--build-model", metavar="PATH", help="train on every authority and write the model here"
    )
    parser.add_argument(
        "--build-background",
        metavar="PATH",
        help="write the zero-shot scorer's background of fit-authority paragraphs here",
    )
    args = parser.parse_args(argv)
    shared_or_skip("ofsted", "reports", result=RESULTS)
    started = time.perf_counter()
    by_kind, counts, extract_seconds = load_paragraphs()
    print(
        f"Extracted {sum(len(v) for v in by_kind.values())} labelled paragraphs "
        f"in {extract_seconds:.1f}s: {dict(counts)}",
        flush=True,
    )
    if args.build_background:
        print(f"Wrote {args.build_background}: {build_background(by_kind, args.build_background)}")
        return 0
    if args.build_model:
        import alignment_train as T

        export, chosen = train_model(by_kind, lambda a: True, is_validation, print)
        size = T.write_gzip_json(export, args.build_model)
        print(
            f"Wrote {args.build_model}: {size / 1e6:.2f} MB, C {chosen}, "
            f"{len(export['vocabulary'])} terms, {export['weights_kept']} weighted."
        )
        return 0
    results, sizes, chosen = measure(by_kind, lambda m: print(m, flush=True))
    print(json.dumps({"results": results, "sizes": sizes, "chosen": chosen}), flush=True)
    seconds = time.perf_counter() - started
    write_results(
        results,
        sizes,
        counts,
        chosen,
        seconds,
        extract_seconds,
        SEMANTIC_WEIGHT,
        load_background(),
        CHANGES,
    )
    print(RESULTS.read_text())
    return 0 if all(line.endswith("**met**") for line in target_lines(results)) else 1


if __name__ == "__main__":
    sys.exit(main())
