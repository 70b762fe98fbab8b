"""The narrative check: is this a short account of what changed for children, with current data?

The founding review (paragraphs 29-30, action points A9-A14) asks for "a one or two page
narrative with up to date information and data" focused on "outcomes for children and
families", not minutes of the meetings that led there, and for evidence that is signposted.
So a narrative is checked for four things, each reported in plain words with the detail that
led to it:

1. ``too_long``: over two pages, estimated from the word count (WORDS_PER_PAGE);
2. ``process_heavy``: it describes meetings and process rather than impact. Weighted cue
   words of each kind are counted per 100 words; the narrative is flagged when the process
   share, process / (process + impact), exceeds PROCESS_SHARE, a threshold fitted on a small
   labelled set (tests/fixtures/narratives_labelled.jsonl, see docs/narratives.md);
3. ``figures_missing`` / ``figures_stale``: no figure in the impact section, or an embedded
   indicator showing an older period or a different value than the latest import;
4. ``no_signposting``: no evidence linked and no "see ..." reference in the text.

Plain Python with no Django, so the same check runs in the web page, the command line and the
tests, and can be measured in isolation.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

Severity = Literal["fail", "warning"]
SectionName = Literal["targeted_and_why", "what_we_did", "impact_for_children", "whats_next"]

SECTION_TITLES: dict[str, str] = {
    "targeted_and_why": "What we targeted and why",
    "what_we_did": "What we did",
    "impact_for_children": "Impact for children, with data",
    "whats_next": "What's next",
}

# A page of Arial 11, single spaced with normal margins, holds about 550-600 words of
# unbroken prose; four section headings, paragraph spacing and a figure or two take about a
# tenth of that, so ~500 words is the honest estimate of a printed page of a narrative.
WORDS_PER_PAGE = 500
MAX_PAGES = 2.0
# Fitted on the labelled set by tests/test_check.py's fit_threshold (docs/narratives.md says
# how, with its leave-one-out accuracy); that test fails if this and the fitted value drift.
# A share rather than a difference of the two scores, because a long narrative has fewer
# cue words per 100 than a short paragraph, and a difference would judge it by its length.
PROCESS_SHARE = 0.403
# A narrative is meant to be refreshed up to the inspection (A14); older than this, say so.
STALE_AFTER_DAYS = 183

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’%.-]*")

# (label shown to people, pattern, weight). A cue's weight says how surely it signals its
# side: "minutes" or "apologies" hardly ever appear in an account of outcomes, while "group"
# or "more" often do, so they count for less.
PROCESS_CUES: tuple[tuple[str, str, float], ...] = (
    ("meeting", r"\bmeetings?\b", 1.5),
    ("minutes", r"(?<!\d )\bminutes\b", 2.0),  # not "within 30 minutes"
    ("agreed", r"\b(?:it was )?agreed\b", 1.0),
    ("discussed", r"\bdiscuss(?:ed|ion|ions)\b", 1.5),
    ("noted", r"\bnoted\b", 1.5),
    ("group", r"\b(?:sub-?)?groups?\b", 0.75),
    ("board", r"\bboards?\b", 0.75),
    ("terms of reference", r"\bterms of reference\b", 2.0),
    ("action log", r"\baction (?:log|tracker)s?\b", 2.0),
    ("chaired", r"\bchair(?:ed|s)?\b", 1.5),
    ("attended", r"\battend(?:ed|ance|ees)\b", 1.0),
    ("met", r"\bmet\b", 0.75),
    ("workshop", r"\bworkshops?\b", 0.75),
    ("apologies", r"\bapologies\b", 2.0),
    ("was presented", r"\b(?:was|were) presented\b|\bpresented to\b", 1.0),
    ("sign-off", r"\bsign(?:ed)?[- ]off\b", 1.0),
    ("agenda", r"\bagendas?\b", 1.5),
    ("matters arising", r"\bmatters arising\b", 2.0),
    ("update", r"\bupdates?\b|\bupdated (?:the|members)\b", 0.5),
    ("members", r"\bmembers\b", 0.75),
    ("carried forward", r"\bcarried (?:forward|over)\b", 1.5),
)
IMPACT_CUES: tuple[tuple[str, str, float], ...] = (
    ("children", r"\bchild(?:ren)?\b", 0.5),
    ("young people", r"\byoung (?:people|person)\b", 0.5),
    ("families", r"\bfamil(?:y|ies)\b|\bparents?\b|\bcarers?\b", 0.5),
    ("fewer", r"\bfewer\b|\bless often\b", 1.0),
    ("more", r"\bmore\b", 0.25),
    ("improved", r"\bimprov(?:ed|ing)\b|\brose\b|\bfell\b|\breduced\b|\bhalved\b", 1.0),
    # Years are not results: "from 2019 to 2024" says when, not what changed.
    ("from X to Y", r"\bfrom (?!(?:19|20)\d\d\b)\d[\d,.]*%?(?:\s+\S+){0,5}?\s+to \d", 3.0),
    ("up/down from X", r"\b(?:up|down|rose|fell|increased|decreased|reduced) from \d", 2.0),
    ("now", r"\bnow\b", 0.5),
    ("%", r"\d%|\bper ?cent\b", 0.75),
    ("feedback from children", r"\b(?:told us|said)\b|\bfeedback from\b", 2.0),
    ("as a result", r"\bas a result\b|\bbecause of this\b", 1.5),
    ("outcomes", r"\boutcomes?\b", 0.75),
    ("waiting time", r"\bwait(?:ing|ed)?(?: times?)?\b", 1.0),
    ("placements", r"\bplacements?\b", 0.5),
    ("stability", r"\bstab(?:le|ility)\b", 1.0),
    ("within N days", r"\bwithin \d+ (?:working )?(?:days|weeks|hours)\b", 1.0),
    ("per 1,000", r"\bper (?:1,000|10,000|100)\b", 1.0),
)
_PROCESS_RE = tuple((label, re.compile(p, re.I), w) for label, p, w in PROCESS_CUES)
_IMPACT_RE = tuple((label, re.compile(p, re.I), w) for label, p, w in IMPACT_CUES)

# A figure is a number that is not merely a year, a school year or a key stage: "2025" or
# "Year 11" date the account but show nothing about children.
_NUMBER = re.compile(r"(?<![\w.\-–/])\d[\d,]*(?:\.\d+)?%?")  # "-26" of 2025-26 is no figure
_NOT_A_FIGURE = re.compile(r"^(?:19|20)\d\d$|^(?:19|20)\d\d[-–/]\d\d$", re.I)
_SCHOOL_YEAR = re.compile(r"\b(?:year|key stage|ks|step|phase|tier|level)\s*$", re.I)
_SIGNPOST = re.compile(
    r"\bsee\b|\bappendix\b|\bannex\b|\bevidence (?:pack|folder|library|index|document)"
    r"|\(ref(?:erence)?\.?\s*\w+\)|\bdocument\b",
    re.I,
)


@dataclass(frozen=True)
class IndicatorRef:
    """A live indicator embedded in the text, as the reader sees it now."""

    indicator_id: str
    period_label_shown: str
    value_shown: str
    section: SectionName = "impact_for_children"


@dataclass(frozen=True)
class NarrativeText:
    title: str
    targeted_and_why: str
    what_we_did: str
    impact_for_children: str
    whats_next: str
    indicators: tuple[IndicatorRef, ...] = ()
    evidence_links: int = 0
    action_point_links: int = 0
    updated_on: date | None = None

    def sections(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SECTION_TITLES}

    def full_text(self) -> str:
        return "\n\n".join(self.sections().values())


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    detail: str = ""


@dataclass(frozen=True)
class CueScores:
    process_score: float  # weighted process cues per 100 words
    impact_score: float  # weighted impact cues per 100 words
    process_hits: Counter[str] = field(default_factory=Counter)
    impact_hits: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        """The process share of all cues; 0 when there are none, so silence is not process."""
        total = self.process_score + self.impact_score
        return round(self.process_score / total, 3) if total else 0.0

    def words_that_tipped_it(self) -> str:
        return f"process words: {_top(self.process_hits)}; impact words: {_top(self.impact_hits)}"


@dataclass(frozen=True)
class CheckResult:
    passed: bool
    findings: tuple[Finding, ...]
    words: int
    pages: float
    process_score: float
    impact_score: float
    process_share: float  # what the process check decides on (PROCESS_SHARE)

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def estimate_pages(words: int) -> float:
    # Rounded up to a tenth, so a narrative just over two pages never reads as "2.0 pages".
    return math.ceil(words * 10 / WORDS_PER_PAGE) / 10


def _top(hits: Counter[str], limit: int = 6) -> str:
    if not hits:
        return "none"
    return ", ".join(f"{label} ×{n}" for label, n in hits.most_common(limit))


def _count(text: str, cues: Iterable[tuple[str, re.Pattern[str], float]]) -> tuple[float, Counter]:
    total, hits = 0.0, Counter()
    for label, pattern, weight in cues:
        n = len(pattern.findall(text))
        if n:
            hits[label] += n
            total += n * weight
    return total, hits


@lru_cache(maxsize=512)
def cue_scores(text: str) -> CueScores:
    """Weighted process and impact cues, each per 100 words, so length does not decide.
    Remembered per text: a page that checks every narrative (the list, the countdown, the
    at-a-glance page) would otherwise run the same hundred patterns again on each view."""
    per = 100 / max(word_count(text), 1)
    process, process_hits = _count(text, _PROCESS_RE)
    impact, impact_hits = _count(text, _IMPACT_RE)
    return CueScores(round(process * per, 2), round(impact * per, 2), process_hits, impact_hits)


def is_process_heavy(scores: CueScores, threshold: float = PROCESS_SHARE) -> bool:
    return scores.share > threshold


def figures_in(text: str) -> list[str]:
    found = []
    for m in _NUMBER.finditer(text):
        token = m.group().rstrip(",")
        if _NOT_A_FIGURE.match(token) or _SCHOOL_YEAR.search(
            text[max(0, m.start() - 10) : m.start()]
        ):
            continue
        found.append(token)
    return found


def _as_number(value: object) -> tuple[float, int] | None:
    """A value as (number, decimals shown), so 82% matches a current 82.4 shown to 0 places."""
    if isinstance(value, int | float):
        return float(value), 10
    m = re.search(r"-?\d[\d,]*(?:\.(\d+))?", str(value))
    if not m:
        return None
    return float(m.group().replace(",", "")), len(m.group(1) or "")


def same_value(shown: str, current: object) -> bool:
    a, b = _as_number(shown), _as_number(current)
    if a is None or b is None:
        return str(shown).strip() == str(current).strip()
    return round(b[0], a[1]) == round(a[0], a[1])


# What each finding tells a person, by code: (severity, message). Only "fail" stops a pass;
# a warning is advice that may not apply (an indicator with no data yet, say).
MESSAGES: dict[str, tuple[Severity, str]] = {
    "section_missing": (
        "fail",
        "Every narrative has four parts: what we targeted and why, what we did, the impact "
        "for children, and what's next.",
    ),
    "too_long": (
        "fail",
        "About {pages:g} pages: a narrative should fit on two. Keep what shows the difference "
        "for children and link the rest as evidence.",
    ),
    "process_heavy": (
        "fail",
        "This reads like an account of meetings and process rather than of what changed for "
        "children. Say what was done and what difference it made.",
    ),
    "figures_missing": (
        "fail",
        "The impact section gives no figures. Say what changed for children with numbers, "
        "or embed an indicator.",
    ),
    "figures_stale": (
        "fail",
        "Some figures are older than the latest data. Refresh them before the narrative is shared.",
    ),
    "no_signposting": (
        "fail",
        "Nothing points the reader to the evidence. Link the documents that show this, or say "
        "where to find them ('see ...').",
    ),
    "figures_unchecked": (
        "warning",
        "Some embedded indicators have no imported data, so their figures could not be checked.",
    ),
    "written_before_import": (
        "warning",
        "Figures typed into the text were written before the data imported on {day}. Check "
        "they are still right.",
    ),
    "no_action_point": (
        "warning",
        "Not linked to an action point: linking shows which recommendation it answers.",
    ),
    "not_refreshed": (
        "warning",
        "Last updated on {day}. Refresh it before the inspection.",
    ),
}


def _finding(code: str, detail: str = "", **values: object) -> Finding:
    severity, message = MESSAGES[code]
    return Finding(code, severity, message.format(**values), detail)


def _check_figures(
    n: NarrativeText, current: Mapping[str, tuple[str, object]], latest_import: date | None
) -> list[Finding]:
    found: list[Finding] = []
    typed = figures_in(n.impact_for_children)
    if not typed and not any(r.section == "impact_for_children" for r in n.indicators):
        found.append(_finding("figures_missing", "no number and no embedded indicator"))
    stale, unknown = [], []
    for ref in n.indicators:
        if ref.indicator_id not in current:
            unknown.append(ref.indicator_id)
            continue
        period, value = current[ref.indicator_id]
        if ref.period_label_shown != period:
            stale.append(f"{ref.indicator_id} shows {ref.period_label_shown}; latest is {period}")
        elif not same_value(ref.value_shown, value):
            stale.append(f"{ref.indicator_id} shows {ref.value_shown} for {period}; now {value}")
    if stale:
        found.append(_finding("figures_stale", "; ".join(stale)))
    # Without any import there is nothing to check against, so silence is not a problem.
    if unknown and latest_import is not None:
        found.append(_finding("figures_unchecked", ", ".join(sorted(set(unknown)))))
    if typed and latest_import and n.updated_on and n.updated_on < latest_import:
        detail = "typed figures: " + ", ".join(typed[:8])
        found.append(_finding("written_before_import", detail, day=f"{latest_import:%d %B %Y}"))
    return found


def check_narrative(
    narrative: NarrativeText,
    *,
    latest_import: date | None,
    today: date,
    current_values: Mapping[str, tuple[str, object]] | None = None,
    process_threshold: float = PROCESS_SHARE,
) -> CheckResult:
    """Check one narrative. ``current_values`` maps indicator id to (latest period label,
    latest value) as held after the latest import; ``latest_import`` is when that was."""
    found: list[Finding] = []
    sections = narrative.sections()
    empty = [SECTION_TITLES[name] for name, text in sections.items() if not text.strip()]
    if empty:
        found.append(_finding("section_missing", "empty: " + ", ".join(empty)))

    # The title and headings are printed too, so they count towards the length.
    words = word_count(narrative.title + " " + " ".join(SECTION_TITLES.values()))
    words += word_count(narrative.full_text())
    pages = estimate_pages(words)
    if words > MAX_PAGES * WORDS_PER_PAGE:
        detail = f"{words} words at ~{WORDS_PER_PAGE} words a page (Arial 11, with headings)"
        found.append(_finding("too_long", detail, pages=pages))

    scores = cue_scores(narrative.full_text())
    if is_process_heavy(scores, process_threshold):
        detail = (
            f"{scores.words_that_tipped_it()} (process {scores.process_score:g} vs impact "
            f"{scores.impact_score:g} per 100 words: {scores.share:.0%} process, flagged above "
            f"{process_threshold:.0%})"
        )
        found.append(_finding("process_heavy", detail))

    found.extend(_check_figures(narrative, current_values or {}, latest_import))

    if narrative.evidence_links == 0 and not _SIGNPOST.search(narrative.full_text()):
        detail = "0 evidence links and no 'see', appendix or document reference in the text"
        found.append(_finding("no_signposting", detail))
    if narrative.action_point_links == 0:
        found.append(_finding("no_action_point"))
    updated = narrative.updated_on
    if updated and (today - updated).days > STALE_AFTER_DAYS:
        detail = f"{(today - updated).days} days ago"
        found.append(_finding("not_refreshed", detail, day=f"{updated:%d %B %Y}"))

    return CheckResult(
        passed=not any(f.severity == "fail" for f in found),
        findings=tuple(found),
        words=words,
        pages=pages,
        process_score=scores.process_score,
        impact_score=scores.impact_score,
        process_share=scores.share,
    )
