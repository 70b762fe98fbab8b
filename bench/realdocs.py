"""Real public documents, labelled, for training and measuring the document classifier.

Labels: `../shared/data/realdocs/labels.jsonl` (231 documents from about 200 authorities,
labelled by the project's sponsor) and `bench/data/realdocs-extra-labels.jsonl` (more real
public documents from other authorities, gathered and labelled for this project by a
development session following the same label guide: one careful reading each; see
docs/doctype.md). Texts are never committed: they are recovered from the stored public pages
(`search`, corpus "pages") into `~/.cache/readiness/realdocs/<id>.txt` and
`~/.cache/readiness/realdocs-extra/<id>.txt` (README: the developers' guide), or wherever
`READINESS_REALDOCS_CACHE` points.

Folds are by authority, so a result measures documents from authorities the model never saw:
a hash of the authority's name puts 30% of the shared corpus's authorities in TEST (kept out
of every choice: features, model, blend, thresholds), 20% in VALIDATION (choices are made
there), the rest in TRAIN. The extra documents come from authorities outside the shared
corpus and are used for training only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from readiness.lib.testing.shared import shared_data  # noqa: E402

SHARED_LABELS = shared_data("realdocs", "labels.jsonl")
EXTRA_LABELS = ROOT / "bench" / "data" / "realdocs-extra-labels.jsonl"
CACHE = Path(os.getenv("READINESS_REALDOCS_CACHE") or Path.home() / ".cache" / "readiness")
TEST, VALIDATION, TRAIN = "test", "validation", "train"
AREAS = ("help_and_protection", "children_in_care", "care_leavers", "leadership")


@dataclass(frozen=True)
class RealDocument:
    id: str
    title: str
    authority: str
    text: str
    kind: str
    areas: tuple[str, ...]
    focus: str  # "process", "outcome" or "mixed", as labelled
    fold: str
    source: str  # "shared" or "extra"
    address: str


def authority_fold(authority: str) -> str:
    bucket = int(hashlib.sha1(authority.strip().lower().encode()).hexdigest(), 16) % 10
    return TEST if bucket < 3 else VALIDATION if bucket < 5 else TRAIN


def _read(path: Path, source: str, folder: Path) -> tuple[list[RealDocument], list[str]]:
    documents, missing = [], []
    if not path.exists():
        return documents, missing
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text_path = folder / f"{row['id']}.txt"
        if not text_path.exists():
            missing.append(row["id"])
            continue
        documents.append(
            RealDocument(
                id=row["id"],
                title=row["title"],
                authority=row["authority"],
                text=text_path.read_text(encoding="utf-8"),
                kind=row["doc_type"],
                areas=tuple(a for a in AREAS if a in row["areas"]),
                focus=row["process_or_outcome"],
                fold=authority_fold(row["authority"]) if source == "shared" else TRAIN,
                source=source,
                address=row["source_address"],
            )
        )
    return documents, missing


# Words that name a kind of body, not a place: "Knowsley Safeguarding Children Board" and
# "Knowsley Council" are the same place.
_BODY_WORDS = frozenset(
    "council borough city county metropolitan district royal london of the and safeguarding "
    "children childrens children's partnership partners board local lscb lscp scp nhs trust "
    "icb ccg integrated care health police constabulary service services multi agency "
    "arrangements unitary authority".split()
)


def place(authority: str) -> frozenset[str]:
    """The place words of an authority's name."""
    words = re.findall(r"[a-z]+", authority.lower().replace("&", " and "))
    return frozenset(w for w in words if w not in _BODY_WORDS)


def load() -> tuple[list[RealDocument], dict[str, list[str]]]:
    """Every labelled document whose text is cached, and the ids whose text is not."""
    shared, shared_missing = _read(SHARED_LABELS, "shared", CACHE / "realdocs")
    extra, extra_missing = _read(EXTRA_LABELS, "extra", CACHE / "realdocs-extra")
    held_out = {place(d.authority) for d in shared if d.fold == TEST} - {frozenset()}
    # An extra document from the same place as a test authority (its safeguarding partnership
    # beside its council, say) would leak that place into training: left out.
    extra = [d for d in extra if place(d.authority) not in held_out]
    return shared + extra, {"shared": shared_missing, "extra": extra_missing}
