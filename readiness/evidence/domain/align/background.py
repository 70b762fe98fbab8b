"""A background of public Ofsted report paragraphs, unlabelled, for the zero-shot scorer.

Frameworks with no trained model (SLAC, JTAI, a partnership's own) have only their own
words to go on. At framework load the zero-shot scorer fits itself to this background
(`ZeroShotAreas.fit_background`): paragraphs of published Ofsted inspection reports of
children's services, kept as whole reports in reading order, as stemmed tokens only (no
headings, no judgement labels). It then scores any passage alone, so a report or a
partnership's document is classified on its own, with no batch to self-train on.

The file is built by `bench/alignment_harness.py --build-background` from reports of the
harness's fit authorities only (never its validation or test authorities), and records
which authorities and reports it came from. Contains public sector information licensed
under the Open Government Licence v3.0 (readiness/evidence/data/ALIGNMENT-MODEL.md).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BACKGROUND_PATH = Path(__file__).resolve().parents[2] / "data" / "background-paragraphs.json.gz"


@dataclass(frozen=True)
class Background:
    """Per report, per paragraph, the stemmed tokens (`text.tokens`) in order."""

    reports: tuple[tuple[tuple[str, ...], ...], ...]
    authorities: tuple[str, ...]

    def passages(self) -> tuple[list[list[str]], list[list[int]]]:
        """Each paragraph's terms (words and bigrams, as `text.terms`), and the indices of
        each report's paragraphs in order."""
        out: list[list[str]] = []
        documents: list[list[int]] = []
        for report in self.reports:
            start = len(out)
            for words in report:
                bigrams = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
                out.append([*words, *bigrams])
            documents.append(list(range(start, len(out))))
        return out, documents


@lru_cache(maxsize=4)
def load_background(path: Path = BACKGROUND_PATH) -> Background | None:
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    reports = tuple(
        tuple(tuple(paragraph.split()) for paragraph in report["paragraphs"])
        for report in data["reports"]
    )
    return Background(reports, tuple(report["authority"] for report in data["reports"]))
