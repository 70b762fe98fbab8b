"""Turning text into features: tokens, a light stemmer, and word + bigram terms.

The same function feeds the zero-shot aligner, the trained model at run time, and the
training script, so a feature learned from the reports is the feature seen in use.
Everything here is plain Python: the default install carries no numerical libraries.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

# Letters, or short numbers (ages such as 18 and 21, "section 47") which matter in this
# domain; long numbers (years, phone numbers, reference codes) carry little meaning.
_TOKEN = re.compile(r"[a-z]+|\b\d{1,3}\b")
_APOSTROPHE = re.compile(r"['’]s?\b")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just let may me might more most must my myself no nor not
    now of off on once only or other ought our ours ourselves out over own same shall she
    should so some such than that the their theirs them themselves then there these they
    this those through to too under until up upon very was we were what when where which
    while who whom why will with within without would you your yours yourself yourselves
    e g eg ie etc s t
    """.split()
)

# Irregular forms that a suffix stripper cannot join but the domain needs joined.
_IRREGULAR = {
    "children": "child",
    "childrens": "child",
    "people": "person",
    "women": "woman",
    "men": "man",
    "lives": "life",
    "families": "family",
    "policies": "policy",
    "authorities": "authority",
    "agencies": "agency",
    "councillors": "councillor",
    "leaving": "leav",
    "leavers": "leaver",
}

# Longest first; each (suffix, minimum stem length left behind).
_SUFFIXES = (
    ("isations", 4),
    ("izations", 4),
    ("isation", 4),
    ("ization", 4),
    ("fulness", 4),
    ("iveness", 4),
    ("ational", 4),
    ("ations", 4),
    ("nesses", 4),
    ("ements", 4),
    ("ments", 4),
    ("ation", 4),
    ("ement", 4),
    ("ness", 4),
    ("ment", 4),
    ("ings", 4),
    ("ities", 3),
    ("ity", 3),
    ("ised", 4),
    ("ized", 4),
    ("ises", 4),
    ("izes", 4),
    ("ise", 4),
    ("ize", 4),
    ("ing", 4),
    ("ies", 3),
    ("ied", 3),
    ("edly", 4),
    ("ly", 4),
    ("ed", 4),
    ("es", 4),
    ("s", 3),
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light, deterministic suffix stripper (not Porter: shorter and good enough to join
    plan/plans/planning and assess/assessed/assessment, which is what matching needs)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied", "ities"):
                base += "y" if suffix != "ities" else ""
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            # "planning" -> "plann" -> "plan": undouble a final consonant.
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return word


def tokens(text: str) -> list[str]:
    """Stemmed content words in order."""
    text = _APOSTROPHE.sub("", text.lower())
    return [stem(t) for t in _TOKEN.findall(text) if t not in STOPWORDS]


def terms(text: str, bigrams: bool = True) -> list[str]:
    """Words plus adjacent-word bigrams ("child protect", "pathway plan"): bigrams carry
    much of the domain's meaning, since single words such as "plan" occur everywhere."""
    words = tokens(text)
    if not bigrams:
        return words
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def term_counts(text: str, bigrams: bool = True) -> Counter[str]:
    return Counter(terms(text, bigrams))
