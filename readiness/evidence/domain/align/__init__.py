"""Alignment of evidence passages to a framework's lines of enquiry (plain Python).

    lines = framework_lines(spec)
    aligner = Aligner(lines, feedback=decisions)      # trained model when it applies;
                                                       # else zero-shot, fitted to the
                                                       # shipped background at load
    aligner.adapt(all_passage_texts)                   # optional: the older batch method
    alignments = align_document(aligner, passages)     # what one document supports

See docs/alignment.md for the method and its measured accuracy.
"""

from .aligner import Aligner, framework_lines
from .document import FLOOR, THRESHOLD, align_document, classify_jsonl, snippet

__all__ = [
    "FLOOR",
    "THRESHOLD",
    "Aligner",
    "align_document",
    "classify_jsonl",
    "framework_lines",
    "snippet",
]
