"""A small trend chart drawn as inline SVG on the server.

All the drawing is this one function, so that it can be swapped for another renderer (a
matplotlib PNG, say) without touching the page: it takes the values and a label and returns
markup. Missing values break the line; the chart is an image with its values in its label,
so a screen reader hears the figures and no script or stylesheet is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT, PAD = 96, 24, 3


def sparkline_svg(values: Sequence[float | None], label: str) -> str:
    """An inline SVG line of `values` (oldest first), or "" with fewer than two values."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    low, high = min(known), max(known)
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / (len(values) - 1)

    def y(value: float) -> float:
        return HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD)

    runs: list[list[str]] = [[]]
    for number, value in enumerate(values):
        if value is None:
            runs.append([])
            continue
        runs[-1].append(f"{PAD + number * step:.1f},{y(value):.1f}")
    lines = "".join(
        f'<polyline points="{" ".join(run)}" fill="none" stroke="currentColor" '
        'stroke-width="1.5" stroke-linejoin="round"/>'
        for run in runs
        if len(run) > 1
    )
    last = len(values) - 1 - next(i for i, v in enumerate(reversed(values)) if v is not None)
    x_last, y_last = PAD + last * step, y(values[last])
    dot = f'<circle cx="{x_last:.1f}" cy="{y_last:.1f}" r="2" fill="currentColor"/>'
    return (
        f'<svg class="readiness-sparkline" xmlns="http://www.w3.org/2000/svg" '
        f'width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}" focusable="false">{lines}{dot}</svg>'
    )
