"""How component grades roll up into a suggested grade for a composite or headline judgement.

A suggestion never replaces a person's grade: it is shown beside it, with the rule in words,
so a reviewer can see why the numbers point one way and decide for themselves.

The rule (documented in docs/grades-and-rollups.md):
1. Every component must be graded; otherwise there is no suggestion yet.
2. If a *limiting* component is at the bottom grade, the suggestion is the bottom grade.
3. Otherwise the suggestion is the middle (median) component grade; with an even number of
   components, the worse of the two middle grades (inspectors do not round up).
4. Any component at the bottom grade means the suggestion is no better than one grade above
   the bottom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Grade:
    rank: int  # 1 is best
    key: str
    label: str


@dataclass(frozen=True)
class Component:
    key: str
    title: str
    rank: int | None  # None when not graded yet
    limiting: bool = False


@dataclass(frozen=True)
class Suggestion:
    rank: int | None
    rule: str  # the reasoning in words


def suggest_grade(scale: Sequence[Grade], components: Sequence[Component]) -> Suggestion:
    if not components:
        return Suggestion(None, "No components.")
    labels = {grade.rank: grade.label for grade in scale}
    worst = max(labels)
    total = len(components)
    graded = [c for c in components if c.rank is not None]
    if len(graded) < total:
        return Suggestion(
            None,
            f"{len(graded)} of {total} components graded: grade the rest to see a suggestion.",
        )
    ranks = sorted(c.rank for c in graded if c.rank is not None)
    counts = {rank: ranks.count(rank) for rank in sorted(set(ranks))}
    parts = [f"{n} {labels[rank].lower()}" for rank, n in counts.items()]
    parts[0] = f"{counts[ranks[0]]} of {total} components {labels[ranks[0]].lower()}"
    if worst not in counts:
        parts.append(f"none {labels[worst].lower()}")
    profile = ", ".join(parts)

    limiting_at_worst = [c for c in graded if c.limiting and c.rank == worst]
    if limiting_at_worst:
        names = " and ".join(f"'{c.title}'" for c in limiting_at_worst)
        verb = "limits" if len(limiting_at_worst) == 1 else "limit"
        return Suggestion(
            worst,
            f"{profile}; {names} {verb} this judgement → suggested {labels[worst].lower()}",
        )
    # With an even count ranks[n // 2] is the worse of the two middle grades.
    suggestion = ranks[len(ranks) // 2]
    note = "the middle grade"
    if worst in counts and suggestion < worst - 1:
        suggestion = worst - 1
        note = f"a component {labels[worst].lower()} caps it at {labels[worst - 1].lower()}"
    return Suggestion(suggestion, f"{profile} → suggested {labels[suggestion].lower()} ({note})")


def near_bottom(scale: Sequence[Grade], rank: int | None) -> bool:
    """One grade above the bottom of the scale (adequate, requires improvement)."""
    return rank is not None and rank == max(g.rank for g in scale) - 1


def at_bottom(scale: Sequence[Grade], rank: int | None) -> bool:
    return rank is not None and rank == max(g.rank for g in scale)
