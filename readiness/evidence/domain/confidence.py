"""How sure the machine is that a document speaks to a line of enquiry, in words.

People read "strong", "possible" and "weak"; the number stays available on hover and in
the exports. Below the aligner's threshold a suggestion is weak (it is not counted as
evidence); from STRONG_FROM up it is strong; between the two, possible.
"""

from __future__ import annotations

STRONG_FROM = 0.75
WORDS = ("strong", "possible", "weak")


def confidence_word(confidence: float, below_threshold: bool) -> str:
    if below_threshold:
        return "weak"
    return "strong" if confidence >= STRONG_FROM else "possible"


def confidence_title(confidence: float) -> str:
    """The number behind the word, as the page shows it on hover."""
    return f"Confidence {confidence:.2f} (0 to 1)"
