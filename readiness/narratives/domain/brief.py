"""A one-page interview brief: a service's impacts on children, strongest first (A15).

The founding review found that "the hardest question to respond to well was the question
about impact on outcomes for children" (paragraph 31) and advised each service to list its
impacts, "reinforced with data or examples including examples of satisfied customers". So
impacts are ordered by how well they are backed (data first, then what children and families
said, then an example), and the brief is kept to one printed page: the weakest impacts are
left off, with a note naming them, rather than the page quietly running over.

Plain Python with no Django; the page and the PDF render the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.narratives.domain.check import WORDS_PER_PAGE, word_count

# A brief is bullets and short lines with more white space than a narrative, so a page holds
# fewer words; 450 leaves room for the heading and the note. Estimated, like the check.
BRIEF_WORDS_PER_PAGE = WORDS_PER_PAGE - 50


@dataclass(frozen=True)
class Impact:
    text: str
    indicator_id: str | None = None
    value_words: str | None = None  # the data in words, e.g. "89% of children, up from 71%"
    example: str | None = None
    feedback_quote: str | None = None

    @property
    def data_backed(self) -> bool:
        return bool(self.indicator_id or self.value_words)

    def strength(self) -> tuple[int, int, int]:
        # Data persuades an inspector most, then children's and families' own words, then a
        # worked example; an impact with none of these is an assertion.
        return (int(self.data_backed), int(bool(self.feedback_quote)), int(bool(self.example)))


@dataclass(frozen=True)
class Brief:
    service: str
    impacts: tuple[Impact, ...]
    dropped: tuple[Impact, ...]
    words: int
    pages: float

    @property
    def note(self) -> str:
        if not self.dropped:
            return ""
        names = "; ".join(_short(i.text) for i in self.dropped)
        n = len(self.dropped)
        return (
            f"{n} impact{'s' if n > 1 else ''} left off to keep this to one page "
            f"(the least supported by data or examples): {names}."
        )

    def markdown(self) -> str:
        return _render(self, markdown=True)

    def text(self) -> str:
        return _render(self, markdown=False)


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _impact_lines(impact: Impact, markdown: bool) -> list[str]:
    bullet, sub = ("- ", "  - ") if markdown else ("* ", "    ")
    lines = [bullet + impact.text.strip()]
    if impact.value_words:
        lines.append(f"{sub}Data: {impact.value_words.strip()}")
    elif impact.indicator_id:
        # The indicator's current figure is filled in by whoever renders the page; here we
        # name it so the reader knows where the evidence is.
        lines.append(f"{sub}Data: see indicator {impact.indicator_id}")
    if impact.example:
        lines.append(f"{sub}Example: {impact.example.strip()}")
    if impact.feedback_quote:
        lines.append(f"{sub}What they told us: “{impact.feedback_quote.strip()}”")
    return lines


def _render(brief: Brief, *, markdown: bool, with_note: bool = True) -> str:
    title = f"Interview brief: {brief.service}"
    head = [f"# {title}" if markdown else title, ""]
    head.append("Our impact on children and families, strongest evidence first.")
    head.append("")
    body: list[str] = []
    for impact in brief.impacts:
        body.extend(_impact_lines(impact, markdown))
    if with_note and brief.note:
        body += ["", f"_{brief.note}_" if markdown else brief.note]
    return "\n".join(head + body) + "\n"


def _measure(service: str, impacts: tuple[Impact, ...], dropped: tuple[Impact, ...]) -> Brief:
    draft = Brief(service, impacts, dropped, 0, 0.0)
    words = word_count(_render(draft, markdown=False))
    return Brief(service, impacts, dropped, words, round(words / BRIEF_WORDS_PER_PAGE, 1))


def interview_brief(service: str, impacts: list[Impact]) -> Brief:
    """Order impacts strongest first and keep the brief to one page, dropping the weakest.

    The sort is stable, so among equally backed impacts the service's own order stands. At
    least one impact is always kept, even if alone it runs over a page: an empty brief helps
    no one, and the page count says it is long.
    """
    ranked = tuple(sorted(impacts, key=lambda i: i.strength(), reverse=True))
    kept, dropped = ranked, ()
    brief = _measure(service, kept, dropped)
    while brief.words > BRIEF_WORDS_PER_PAGE and len(kept) > 1:
        kept, dropped = kept[:-1], (kept[-1], *dropped)
        brief = _measure(service, kept, dropped)
    return brief
