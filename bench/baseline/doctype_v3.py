"""FROZEN BASELINE: the document classifier as it shipped before issue 10 (cue rules v2 and
the v3 model trained on synthetic sets), kept only so bench/doctype_accuracy.py can measure
it beside the current classifier in the same run. Not used by the product.

What kind of document this is, and whether it shows outcomes for children or records process.

The founding review (paragraph 30) asks for short narratives on what was targeted, what was
done and the outcomes for children, rather than piles of minutes. So each document gets:

- a kind (minutes, committee report, strategy or plan, ...), from weighted cue phrases in its
  title and opening text plus a few structural signals (a "Present:" list, a table of
  figures), blended with a small trained model (TF-IDF and logistic regression over words and
  word pairs, data/doctype-model.json.gz, built by bench/doctype_train.py), so a reviewer can
  see exactly why ("model: 0.93 minutes from title 'minutes'; cues: ... title 'Minutes'");
- a focus, outcomes or process, from counting outcome words ("improved", "from 48% to 63%",
  "children told us") against process words ("agreed", "noted", "terms of reference"),
  nudged by the kind (a policy says "must" about children without showing outcomes).

Plain Python at run time (the model is a gzipped table of weights), fast enough to run on
every document at ingest. Accuracy on a hand-written blind set is measured by
bench/doctype_accuracy.py (docs/doctype.md).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from re import _constants as sre  # the stdlib's own regex parser (3.11+), for _literal_prefixes
from re import _parser
from typing import Literal

Focus = Literal["outcomes", "process"]

KIND_LABELS: dict[str, str] = {
    "minutes": "Minutes or notes of a meeting",
    "committee_report": "Committee or board report",
    "strategy_or_plan": "Strategy or plan",
    "policy_or_procedure": "Policy, procedure or threshold document",
    "annual_report": "Annual report",
    "audit_or_review": "Audit or review",
    "performance_data": "Performance data",
    "newsletter_or_briefing": "Newsletter or briefing",
    "training": "Training",
    "narrative": "Narrative",
    "other": "Other",
}

HEAD_CHARS = 1500  # opening text: where a document says what it is
BODY_CHARS = 8000  # enough to judge the whole of a short item; long ones by their start
CUE_CHARS = 5000  # genre cues past this point add little (a document says what it is early)
TITLE_BOOST = 2.0  # a title names the kind more reliably than any sentence
BODY_FACTOR = 0.5  # a cue past the opening is weaker evidence
OTHER_FLOOR = 2.0  # below this, nothing spoke clearly: "other" (or a narrative, see below)
MIN_OUTCOME_EVIDENCE = 2.0  # e.g. one "from X to Y", or two outcome words
# Rules and model are blended: RULE_SHARE x softmax(cue scores / RULE_TEMPERATURE) plus the
# rest x the model's probabilities. Both chosen by leave-one-source-out cross-validation on
# the training sets (bench/doctype_train.py), never on blind v3.
RULE_SHARE = 0.4
RULE_TEMPERATURE = 4.0

# (regular expression, weight). Each cue counts once per place (title, opening, rest).
_KIND_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "minutes": (
        (r"\bminutes\b", 3.0),
        (r"\bnotes? of (the )?(meeting|session)|\bmeeting notes\b|\baction notes\b", 3.0),
        (
            r"\brecord of (the )?(meeting|proceedings|discussions?)\b|\bsummary of discussions\b",
            3.0,
        ),
        (
            r"\b(those|members|board members|panel members) (present|attending)\b|^\s*attending:",
            2.5,
        ),
        (r"\bquorum (confirmed|was present)\b|\bsigned the register\b", 2.0),
        (r"\b(points|items) to follow up\b|\bfollow[- ]ups?:|\baction points\b|\bresolved:", 2.0),
        (
            r"\bthe (board|group|panel|network|committee|members) "
            r"(looked at|talked|discussed|agreed|received|considered|signed off)\b",
            1.5,
        ),  # fmt: skip
        (r"^\s*(present|attendees|attending|in attendance|members present)\b", 3.0),
        (r"\bapologies\b|\bsent regrets\b|\bunable to attend\b", 3.0),
        (r"\bmatters arising\b|\baction (log|tracker)\b", 2.5),
        (r"\bAOB\b|\bany other business\b", 2.5),
        (r"\b(accurate|true) record\b|\bprevious (meeting|notes|session)\b", 2.5),
        (r"\b(date of )?next (meeting|session|panel)\b", 2.0),
        (r"\bmeeting (closed|was quorate)\b|\bwas quorate\b", 2.0),
        (r"\bchair(ed)?:|\bin the chair\b|\bthe chair (welcomed|thanked)", 1.5),
        (r"\b(it was )?(agreed|discussed|noted)\b", 0.5),
    ),
    "committee_report": (
        (r"\breport (to|of)\b", 2.5),
        (r"\bpurpose of (the |this )?report\b", 3.0),
        (r"\brecommendations?:|\bthe (committee|board|panel|cabinet) (is asked|notes?)", 2.0),
        (r"\b(financial|legal|equalit(y|ies)) implications\b", 3.0),
        (r"\bkey decision\b|\bwards affected\b|\bbackground papers\b|\bcontact officer\b", 2.5),
        (r"\bcabinet\b|\bscrutiny\b|\bportfolio holder\b|\bagenda item\b", 1.5),
        (r"\bfor (decision|information|discussion|noting)\b", 1.5),
        (r"\bpaper\b|\bmembers\b", 0.5),
    ),
    "strategy_or_plan": (
        (r"\bstrateg(y|ies)\b", 2.5),
        (r"\b(action|delivery|improvement|business|development|sufficiency) plan\b", 3.0),
        (r"\b(children and young people's|partnership) plan\b", 3.0),
        (r"\b20\d\d\s*(?:[-–/]|to)\s*(?:20)?\d\d\b", 0.8),
        (r"\b(our )?priorities\b|\bour ambition\b|\bour vision\b|\bwe will\b", 1.0),
        (r"\bobjective\b|\bmilestones?\b|\bRAG\b|\blead officer\b", 1.0),
    ),
    "policy_or_procedure": (
        (r"\bthis (policy|procedure|protocol|guidance|framework|guide|memorandum)\b", 3.0),
        (r"\bterms of reference\b|\bmemorandum of understanding\b|\bcode of practice\b", 3.0),
        (r"\b(information|data) sharing agreement\b|\bpractice standards\b|\bguidance\b", 1.5),
        (r"^\s*(membership|quorum|frequency|reporting|principles|roles|parties|purpose):", 1.0),
        (r"\bstage [1-4]\b|\bframework\b|\bpathway\b", 0.8),
        (r"\bpolicy\b|\bprocedures?\b|\bprotocol\b", 1.5),
        (r"\bthresholds?\b|\blevels? of need\b|\bcontinuum of need\b", 2.5),
        (r"\blevel [1-4]\b", 1.0),
        (r"\bscope\b|\bdefinitions?\b|\bresponsibilities\b|\bwhen to use\b", 1.5),
        (r"\bversion \d|\breview date\b|\bowner:", 1.5),
        (r"\bmust\b|\bshould be read (with|alongside)\b", 1.0),
        (r"\bstep \d\b|\bescalation\b", 0.8),
    ),
    "annual_report": (
        (r"\bannual report\b|\byearly report\b|\byear (end )?report\b", 4.0),
        (r"\bheadteacher'?s report\b|\bfor the academic year\b", 2.5),
        (r"\b(covers|covering) the (year|period)\b|\bduring the year\b|\bthe year to\b", 2.0),
        (r"\bthis report (describes|covers|sets out)\b", 1.0),
        (r"\bpriorities for (next year|20\d\d)\b|\bhighlights of the year\b", 2.0),
        (r"\byear in (numbers|review)\b|\bover the (past )?year\b|\bnext year\b", 2.0),
        (r"\bbetween april 20\d\d and march 20\d\d\b|\bthe year before\b", 1.5),
        (r"\b20\d\d\s*/\s*\d\d\b", 0.8),
    ),
    "audit_or_review": (
        (r"\baudit(s|ed|ors?)?\b|\bMACFA\b|\bdip[- ]sampl", 3.0),
        (r"\bfindings?\b|\bwhat we found\b|\bkey findings\b", 2.0),
        (r"\bsample(d)? of\b|\b\d+ (of|out of) (the )?\d+\b", 1.5),
        (r"\bcases? (files? )?(were )?(reviewed|examined)\b", 1.5),
        (r"\b(peer|rapid|thematic|practice|case) review\b|\bLCSPR\b|\breviewer\b", 3.0),
        (r"\bre-audit\b|\bmoderat(ed|ion)\b|\bgrade profile\b", 2.0),
        (r"\bregulation 44\b|\b(unannounced|monitoring) visit\b|\bassurance level\b", 3.0),
        (r"\bevaluation (of|report)\b|\bevaluat(ed|ion)\b|\bconclusions?:", 1.5),
        (r"\bobservations:|\bareas (to consider|for (development|improvement))\b", 1.5),
        (r"\brecommendations?\b|\blearning\b", 0.7),
    ),
    "performance_data": (
        (r"\bscorecard\b|\bdashboard\b|\bdata (pack|digest)\b|\bKPIs?\b", 4.0),
        (r"\bperformance (report|digest|data|summary|indicators?)\b", 3.0),
        (r"\bindicator\b|\bmeasure\b|\btarget\b|\bstatistical neighbours?\b", 1.0),
        (r"\bQ[1-4]\b|\bquarter(ly)?\b|\bper 10,000\b", 1.0),
    ),
    "newsletter_or_briefing": (
        (r"\bnewsletter\b|\bbulletin\b|\bnews\b", 3.5),
        (r"\b(7|seven)[- ]minute briefing\b", 5.0),
        (r"\bbriefing( note)?\b", 2.5),
        (r"\bin this (issue|edition)\b|\bwelcome to\b|\bdates for your diary\b", 2.5),
        (r"\bplease (share|discuss) this\b|\bwhat this means for you\b", 2.0),
        (r"\bfind out more\b|\bquestions\?|\bremember:", 1.0),
        (r"\bdear (colleagues|all)\b|\bheadlines\b|\bkeep an eye\b|\bnext edition\b", 2.0),
        (r"\b(summary of|learning from) (the )?(learning|reviews?)\b|\bone[- ]page summary\b", 2.5),
        (r"\bwhat (you should|to) do\b|\bwhat happened\b|\bwith your team\b", 1.5),
    ),
    "training": (
        (r"\btraining\b|\bcourses?\b|\bworkshops?\b|\be-learning\b", 2.5),
        (r"\blearning (outcomes|offer|and development)\b", 3.0),
        (r"\bby the end of (the|this) (course|day|session)\b|\byou will be able to\b", 3.0),
        (r"\bwho should attend\b|\bdelegates\b|\bbook(ing)? (via|through|on)\b", 2.5),
        (
            r"\b(reserve|book) (your|a) place\b|\bplaces( are)?( still)? available\b"
            r"|\bsuitable for:",
            2.5,
        ),
        (r"\baims of the (session|course|day)\b|\btrainers?:|\bfacilitat(ed|or)\b", 2.0),
        (r"\b(half|full|one)[- ]day\b|\blearning days?\b|\binduction\b|\bacademy\b", 1.5),
        (r"\bASYE\b|\bNQSWs?\b|\bpractice educator\b", 1.0),
        (r"\bprogramme\b|\bsessions?\b|\bcertificates?\b|\bparticipants\b", 0.8),
    ),
    "narrative": (
        (r"\bwhat we (targeted|did|set out to do|have done)\b|\bwe set out\b", 3.0),
        (r"\bwhat (changed|difference)\b|\bdifference (it )?made\b|\bthe result\b", 2.5),
        (r"\bimpact:|\boutcomes?:|\bresult:|\bwhat next\b|\bwhy we focused\b", 2.0),
        (r"\bnarrative\b|\bsummary for the inspection\b", 2.5),
        (r"\bour aim was\b|\bwe chose this\b|\bsince (april|20\d\d)\b", 1.5),
        (r"\bstory so far\b|\b(two|three|a year|\w+ years) on\b|\bself-evaluation\b", 2.0),
        (r"^\s*(problem|action|outcome|still to do|what we know)\b", 1.5),
        (r"\bsince (our|the) last inspection\b|\bwe (brought|introduced|set up|agreed)\b", 1.0),
    ),
    # Things that are plainly none of the above, named so they do not fall to a weak cue.
    "other": (
        (
            r"^(agenda|job description|organisation(al)? chart|structure chart|contact list"
            r"|glossary|consultation response|logistics)\b",
            3.0,
        ),  # fmt: skip
        (r"\bperson specification\b|\bdeclarations of interest\b|\bout of hours\b", 1.5),
    ),
}

# (regular expression, weight, name). A named cue matches varied text (a figure, a quote),
# so it is reported by its name and count ("6 percentages"); others by the word itself.
_OUTCOME_CUES: tuple[tuple[str, float, str], ...] = (
    (r"\bfrom \d[\d.,]*%? to \d[\d.,]*%?", 2.0, "changes 'from X to Y'"),
    (r"\b(improved|improvement|increased|rose|risen|fell|fallen|reduced|halved)\b", 1.0, ""),
    (r"\bfewer\b|\bmore children\b|\bno longer\b", 1.0, ""),
    (r"\d[\d.]*%", 0.4, "percentages"),
    (r"\bimpact\b|\bdifference\b|\bas a result\b", 1.0, ""),
    (r"\boutcomes?\b", 0.5, ""),  # also "the outcome of the meeting": a weak sign alone
    (
        r"\b(children|child|young people|young person|families|pupils|parents?)\b[^.:;]{0,30}?"
        r"\b(told|said|say)\b",
        2.0,
        "children's or families' own words",
    ),
    (r"\bfeedback\b|\bsurvey\b", 1.0, ""),
    (r"[\"“][^\"”\n]{8,}[\"”]", 1.0, "quotations"),
    (r"\bnow\b|\bsustained\b|\bachieved\b|\bsafer\b", 0.5, ""),
    (r"\bchildren\b|\byoung people\b|\bfamilies\b", 0.15, ""),
)
_PROCESS_CUES: tuple[tuple[str, float, str], ...] = (
    (r"\bmeetings?\b", 0.8, ""),
    (r"\bagreed\b|\bdiscussed\b|\bnoted\b|\bapproved\b|\bendorsed\b", 1.0, ""),
    (r"\bterms of reference\b|\bgovernance\b|\bquorat\w*", 1.5, ""),
    (r"\bactions?\b|\bactioned\b|\bowner\b|\blead officer\b", 0.7, ""),
    (r"\bapologies\b|\bchair\b|\bminutes\b|\bagenda\b", 1.0, ""),
    (r"\bmust\b|\bprocedures?\b|\bpolicy\b|\bprotocol\b|\bresponsibilit\w*", 0.7, ""),
    (r"\bcirculate[ds]?\b|\bsubmi(t|tted|ssion)\b|\brecorded\b|\bform\b", 0.6, ""),
    (r"\bsubgroup\b|\bboard\b|\bpanel\b|\bcommittee\b", 0.4, ""),
    (r"\bbook(ing)?\b|\bdelegates\b|\bcourse\b|\bvenue\b|\broom\b", 0.6, ""),
    (r"\bRAG\b|\bmilestones?\b|\bdeadline\b|\btimescales?\b|\bbudget\b", 0.6, ""),
)
# The kind's own leaning, as pseudo-weight: a policy or a course describes how things are
# done even when it is full of the word "children"; a narrative or data pack shows results.
_FOCUS_PRIOR: dict[str, tuple[float, float]] = {  # (outcomes, process)
    "minutes": (0.0, 3.0),
    "committee_report": (0.0, 1.0),
    "strategy_or_plan": (0.0, 0.5),
    "policy_or_procedure": (0.0, 5.0),
    "annual_report": (1.5, 0.0),
    "audit_or_review": (1.0, 0.0),
    "performance_data": (4.0, 0.0),
    "newsletter_or_briefing": (0.0, 3.0),
    "training": (0.0, 3.0),
    "narrative": (4.0, 0.0),
    "other": (0.0, 1.0),
}
# Text is lower-cased once and the patterns with it: Python's IGNORECASE doubles the cost of
# every search, and there are about a hundred searches per document. (No pattern uses an
# upper-case escape such as \S or \D, so lower-casing a pattern keeps its meaning.)
_FLAGS = re.MULTILINE


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.lower(), _FLAGS)


def _literal_prefixes(pattern: str) -> frozenset[str] | None:
    """The literal openings any match of `pattern` must start with ("minutes", "notes of"), so
    a cheap `in` test can skip the regular expression when none is in the text; None when the
    pattern opens with something that is not a literal (then it is always searched)."""

    def walk(items) -> tuple[set[str], bool]:
        out = {""}
        for op, av in items:
            if op is sre.AT and out == {""}:
                continue  # a leading \b or ^ consumes nothing
            if op is sre.LITERAL:
                out = {p + chr(av) for p in out}
                continue
            if op is sre.SUBPATTERN or op is sre.BRANCH:
                parts = [walk(av[3])] if op is sre.SUBPATTERN else [walk(b) for b in av[1]]
                out = {p + s for p in out for part in parts for s in part[0]}
                if all(part[1] for part in parts) and len(out) <= 64:
                    continue
            return out, False
        return out, True

    try:
        prefixes, _ = walk(list(_parser.parse(pattern.lower())))
    except Exception:  # an unparsable hint just means "always search"
        return None
    if not prefixes or min(len(p) for p in prefixes) < 3:
        return None
    return frozenset(prefixes)


_KIND_RES = {
    k: tuple((_compile(p), w, _literal_prefixes(p)) for p, w in v) for k, v in _KIND_CUES.items()
}
_OUTCOME_RES = tuple((_compile(p), w, n) for p, w, n in _OUTCOME_CUES)
_PROCESS_RES = tuple((_compile(p), w, n) for p, w, n in _PROCESS_CUES)
_NUMBER = re.compile(r"(?<![\w.])[-+£]?\d[\d,]*(?:\.\d+)?%?(?![\w])")
_CELL_NUMBER = re.compile(r"[-+£]?\d[\d,]*(?:\.\d+)?%?|n/?a|–|-")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*%?")
_TOKEN = re.compile(r"[a-z][a-z']*|\d[\d,.]*%?|£")
MODEL_PATH = Path(__file__).resolve().parent / "doctype-model-v3.json.gz"


def features(title: str, text: str) -> dict[str, int]:
    """Word unigrams and bigrams of the title and the opening text, for the trained model
    (bench/doctype_train.py builds it from these same features). Title words also count
    as title words ("t:minutes"); figures are folded to "<num>" and "<pct>"."""

    def tokens(s: str) -> list[str]:
        out = []
        for tok in _TOKEN.findall(s.lower()):
            if tok[0].isdigit():
                tok = "<pct>" if tok.endswith("%") else "<num>"
            out.append(tok.strip("'"))
        return [t for t in out if t]

    counts: dict[str, int] = {}
    title_tokens = tokens(title)
    for tok in set(title_tokens):
        counts["t:" + tok] = 1
    for part in (title_tokens, tokens(text[:HEAD_CHARS])):
        for i, tok in enumerate(part):
            counts[tok] = counts.get(tok, 0) + 1
            if i:
                bigram = part[i - 1] + " " + tok
                counts[bigram] = counts.get(bigram, 0) + 1
    return counts


@cache
def _model() -> dict | None:
    try:
        with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return None


def model_probabilities(title: str, text: str) -> dict[str, float]:
    """The trained model's probability for each kind (empty when no model is shipped):
    TF-IDF of `features`, then a multinomial logistic regression, in plain Python."""
    return _model_run(title, text)[0]


def _model_run(title: str, text: str) -> tuple[dict[str, float], dict[str, list[tuple]]]:
    """Probabilities, and per kind the features that pushed towards it (weight, feature)."""
    model = _model()
    if model is None:
        return {}, {}
    kinds, vocab, bias = model["kinds"], model["features"], model["bias"]
    weighted = {}
    for feature, count in features(title, text).items():
        entry = vocab.get(feature)
        if entry is not None:
            weighted[feature] = (1.0 + math.log(count)) * entry[0]
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    logits = list(bias)
    pushes: dict[str, list[tuple]] = {kind: [] for kind in kinds}
    for feature, value in weighted.items():
        for index, weight in vocab[feature][1]:
            logits[index] += weight * value / norm
            if weight > 0:
                pushes[kinds[index]].append((weight * value / norm, feature))
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return {kind: e / total for kind, e in zip(kinds, exps, strict=True)}, pushes


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    kind_label: str
    kind_score: float  # 0..1: the winner's share of the two best kinds' scores
    focus: Focus
    focus_score: float  # 0..1: the winning side's share of the focus evidence
    focus_words: tuple[str, ...]  # the measured words that tipped it, e.g. "improved ×2"
    reasons: str


def classify_document(title: str, text: str, file_type: str = "") -> DocumentKind:
    title = " ".join((title or "").split())
    body = (text or "")[:BODY_CHARS]
    rule, top, runner, second, scores, evidence = rule_kind(title, body, file_type)
    probs, pushes = _model_run(title, body)
    blended = _blend(rule, scores, probs)
    ranked = sorted(blended.items(), key=lambda kv: (-kv[1], kv[0]))
    kind, kind_score = ranked[0][0], round(ranked[0][1], 2)
    focus, focus_score, words = _focus(title + "\n" + body, kind)

    if rule == "other" and not evidence["other"]:
        cues = f"no kind's cues reaching {OTHER_FLOOR:.1f}"
    else:
        cues = ", ".join(evidence[rule][:5])
    rules_said = (
        f"cues: {KIND_LABELS[rule].lower()} (score {top:.1f}; next "
        f"{KIND_LABELS[runner].lower()} {second:.1f}) from {cues}"
    )
    if probs:
        said = f"model: {probs[kind]:.2f} {kind}"
        strongest = [f for _, f in sorted(pushes[kind], reverse=True)[:4]]
        shown = [f"title '{f[2:]}'" if f.startswith("t:") else f"'{f}'" for f in strongest]
        said += f" from {', '.join(shown)}" if shown else ""
        if kind == rule:
            head = f"{KIND_LABELS[kind]} ({kind_score:.2f}; cues and model agree). {said}; "
        else:
            head = f"{KIND_LABELS[kind]} ({kind_score:.2f}; the model decided). {said}; "
    else:
        head = f"{KIND_LABELS[kind]} ({kind_score:.2f}). "
    reasons = (
        f"{head}{rules_said}. Focus on {focus} ({focus_score:.0%} of the weight) from "
        f"{', '.join(words) or 'the kind of document alone'}."
    )
    return DocumentKind(
        kind, KIND_LABELS[kind], kind_score, focus, focus_score, tuple(words), reasons
    )


def _blend(rule: str, scores: dict[str, float], probs: dict[str, float]) -> dict[str, float]:
    """RULE_SHARE of the cue scores' softmax plus the rest of the model's probabilities (the
    rules alone when no model is shipped). The rules' own winner counts at least OTHER_FLOOR,
    as it does in their verdict ("other", or an unnamed outcome story read as a narrative)."""
    scores = dict(scores)
    scores[rule] = max(scores[rule], OTHER_FLOOR)
    top = max(scores.values())
    exps = {k: math.exp((v - top) / RULE_TEMPERATURE) for k, v in scores.items()}
    total = sum(exps.values())
    if not probs:
        return {k: exps[k] / total for k in KIND_LABELS}
    return {
        k: RULE_SHARE * exps[k] / total + (1 - RULE_SHARE) * probs.get(k, 0.0) for k in KIND_LABELS
    }


def rule_kind(
    title: str, body: str, file_type: str = ""
) -> tuple[str, float, str, float, dict[str, float], dict[str, list[str]]]:
    """The cue rules' verdict: (kind, its score, runner-up, its score, every kind's score,
    the cues found for each kind). `title` is whitespace-normalised, `body` cut to BODY_CHARS."""
    scores, evidence = _kind_scores(title, body, file_type.lower().lstrip("."))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    (kind, top), (runner, second) = ranked[0], ranked[1]
    if top < OTHER_FLOOR:
        kind, top, runner, second = "other", OTHER_FLOOR, kind, top
    if kind == "other" and scores["other"] < OTHER_FLOOR:
        if _focus(title + "\n" + body, kind)[0] == "outcomes":
            # Nothing names the genre, yet it tells what changed for children: that is what
            # a narrative is (paragraph 30), however it is headed.
            kind, runner, second = "narrative", "other", scores["other"]
            top = max(scores["narrative"], OTHER_FLOOR)
            evidence["narrative"].append("short, with no other genre's cues, and outcome-focused")
    return kind, top, runner, second, scores, evidence


def _kind_scores(
    title: str, body: str, file_type: str
) -> tuple[dict[str, float], dict[str, list[str]]]:
    low_title, lower = title.lower(), body.lower()
    head, rest = lower[:HEAD_CHARS], lower[HEAD_CHARS:CUE_CHARS]
    scores = {kind: 0.0 for kind in KIND_LABELS}
    evidence: dict[str, list[str]] = {kind: [] for kind in KIND_LABELS}
    for kind, cues in _KIND_RES.items():
        for pattern, weight, prefixes in cues:
            if prefixes is not None and not any(p in low_title or p in lower for p in prefixes):
                continue  # none of the words it needs is there: skip the regular expression
            for place, factor, source, original, offset in (
                ("title", TITLE_BOOST, low_title, title, 0),
                ("text", 1.0, head, body, 0),
                ("later text", BODY_FACTOR, rest, body, HEAD_CHARS),
            ):
                found = pattern.search(source)
                if found:
                    scores[kind] += weight * factor
                    evidence[kind].append(f"{place} '{_quote(found, original, offset)}'")
                    break  # the strongest place only: one phrase, one vote

    # A table of figures is what performance data looks like, whatever its title says.
    rows = _figure_rows(body)
    words = _WORD.findall(body)
    density = len(_NUMBER.findall(body)) / max(1, len(words))
    if rows >= 3 or density >= 0.12:
        boost = min(rows, 10) * 0.8 + (density * 20 if density >= 0.12 else 0)
        scores["performance_data"] += boost
        evidence["performance_data"].insert(
            0, f"{rows} rows of figures, {density:.0%} of words are numbers"
        )
    if file_type in ("xlsx", "csv"):
        scores["performance_data"] += 3.0
        evidence["performance_data"].insert(0, f"a {file_type} file")
    # A narrative is short: one or two pages is the point of it (paragraph 30).
    if scores["narrative"] > 0 and len(words) > 1200:
        scores["narrative"] *= 0.5
    return scores, evidence


def _quote(found: re.Match[str], original: str, offset: int) -> str:
    """The matched words as the document writes them (the match ran on lower-cased text)."""
    start, end = found.start() + offset, found.end() + offset
    same = original[start:end].lower() == found.group(0)
    return (original[start:end] if same else found.group(0)).strip()


def _figure_rows(text: str) -> int:
    """Lines that read as a table row: cells split by | or tabs or commas with at least two
    figures among them, or a short label followed by figures ("Referrals 1,006 944")."""
    count = 0
    for line in text.splitlines():
        for separator in ("|", "\t", ","):
            cells = [cell.strip() for cell in line.split(separator)]
            if len(cells) >= 3 and sum(bool(_CELL_NUMBER.fullmatch(c)) for c in cells) >= 2:
                count += 1
                break
        else:
            figures = len(_NUMBER.findall(line))
            if figures >= 2 and len(line.split()) <= figures * 3:
                count += 1
    return count


def _focus(text: str, kind: str) -> tuple[Focus, float, list[str]]:
    prior_out, prior_proc = _FOCUS_PRIOR.get(kind, (0.0, 0.0))
    text = text.lower()
    out_total, out_words = _count(text, _OUTCOME_RES)
    proc_total, proc_words = _count(text, _PROCESS_RES)
    outcomes = out_total + prior_out
    process = proc_total + prior_proc
    if outcomes == process == 0:
        return "process", 0.5, []
    # Showing outcomes needs evidence: a stray word in a kind that leans to process (an
    # organisation chart's "Quality and Improvement") leaves it on the process side. Kinds
    # that lean to outcomes (a table of figures, an audit of children's files) are evidence.
    if outcomes > process and (out_total >= MIN_OUTCOME_EVIDENCE or prior_out > 0):
        return "outcomes", round(outcomes / (outcomes + process), 2), out_words
    return "process", round(process / (outcomes + process), 2), proc_words


def _count(
    text: str, cues: tuple[tuple[re.Pattern[str], float, str], ...]
) -> tuple[float, list[str]]:
    """Weighted occurrences, at most three per cue (so one repeated word cannot decide), and
    the five heaviest cues found, as 'word ×n' or '4 percentages'."""
    total = 0.0
    found: list[tuple[float, str]] = []
    for pattern, weight, name in cues:
        hits = [m.group(0).strip().lower() for m in pattern.finditer(text)]
        if not hits:
            continue
        n = min(3, len(hits))
        total += weight * n
        if name:
            label = f"{len(hits)} {name}" if len(hits) > 1 else f"'{hits[0][:40]}'"
        else:
            common = max(set(hits), key=lambda h: (hits.count(h), h))
            label = f"{common} ×{hits.count(common)}" if hits.count(common) > 1 else common
        found.append((weight * n, label))
    found.sort(key=lambda item: -item[0])
    return total, [label for _, label in found[:5]]
