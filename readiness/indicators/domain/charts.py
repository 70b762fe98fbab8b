"""Indicator charts: one chart specification, drawn by matplotlib (Agg, no display) as SVG
for pages, SVG for PDF and PNG for Word, with a data table beside it.

`chart_spec` is plain data (no matplotlib): the periods and figures, the axis and its tick
labels, the reference lines and the direct labels. `render` draws it. What the charts keep
(WCAG 2.2, 1.1.1, 1.4.1 and 1.4.11):

- on a page, `role="img"` with `<title>` and `<desc>`, the desc being the trend in words plus
  the target and comparators, and the data table beside it (`data_table`);
- nothing told by colour alone: the target and each comparator have their own dash pattern
  and colour, and are labelled directly at the right-hand end, with their value;
- every line and mark is at least 3:1 against white (GOV.UK blue #1d70b8 5.2:1, black
  #0b0c0c 19:1, dark grey #505a5f 7:1, purple #4c2c92 10:1); gridlines are decoration;
- whole, readable axis labels: a tick shows its number (the unit in the axis title when it
  is words, "per 1,000"), in Noto Sans, the font of the documents.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from dataclasses import dataclass
from functools import cache
from html import escape

from readiness.indicators.domain.assessment import (
    Point,
    format_number,
    format_value,
    point_value,
    trend_statement,
)
from readiness.lib.fonts import FONT_FAMILY, FONT_FILES

INK, SERIES, GREY, GRID, PURPLE = "#0b0c0c", "#1d70b8", "#505a5f", "#b1b4b6", "#4c2c92"
TARGET_DASH = (8, 4)
# One pattern per comparator, distinct from the target's and from each other; colours
# alternate so that two comparators differ in colour as well as dash.
COMPARATOR_DASHES = ((2, 3), (12, 4, 2, 4), (4, 2, 1, 2, 1, 2), (1, 5))
COMPARATOR_COLOURS = (GREY, PURPLE)
LABEL_GAP = 0.075  # least distance between direct labels, as a share of the axis
AXIS_TITLES = {"rate_per_1000": "per 1,000", "rate_per_10000": "per 10,000", "days": "days"}
SIZES = {"svg": (6.4, 3.6), "pdf": (6.4, 3.6), "png": (6.4, 3.6)}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _nice_max(top: float, unit: str) -> float:
    """A round upper bound for the axis; percentages never above 100."""
    if top <= 0:
        return 1.0 if unit != "percent" else 100.0
    magnitude = 10 ** math.floor(math.log10(top))
    for step in (1, 2, 2.5, 5, 10):
        bound = step * magnitude
        if bound >= top:
            break
    return min(bound, 100.0) if unit == "percent" and top <= 100 else bound


def tick_label(value: float, unit: str) -> str:
    """An axis tick: its number, with % for percentages; other units go in the axis title."""
    number = format_number(value)
    return f"{number}%" if unit == "percent" else number


@dataclass(frozen=True)
class ReferenceLine:
    label: str  # "Target 90%", "England 88%"
    value: float
    dash: tuple[float, ...]
    colour: str


@dataclass(frozen=True)
class DirectLabel:
    text: str
    value: float  # where its line is
    at: float  # where the label sits, moved apart from its neighbours
    colour: str
    dash: tuple[float, ...]  # () for the series itself


@dataclass(frozen=True)
class ChartSpec:
    title: str
    description: str  # the chart's point in words: its accessible description
    ident: str
    periods: tuple[str, ...]
    values: tuple[float | None, ...]
    value_labels: tuple[str, ...]  # "" where a period has no figure
    unit: str
    kind: str  # "line" or "bar"
    series_label: str
    y_max: float
    y_ticks: tuple[tuple[float, str], ...]
    y_title: str
    lines: tuple[ReferenceLine, ...]
    labels: tuple[DirectLabel, ...]


def chart_description(
    series: list[Point],
    unit: str,
    polarity: str,
    target: float | None = None,
    comparators: dict[str, float | None] | None = None,
    counted: str = "children",
) -> str:
    """The chart's point in words: its trend, then target and comparators."""
    words = [trend_statement(series, polarity, unit, counted).words]
    if target is not None:
        words.append(f"Target: {format_value(target, unit)}.")
    for name, value in (comparators or {}).items():
        if value is not None:
            words.append(f"{name}: {format_value(value, unit)}.")
    return " ".join(words)


def chart_spec(
    title: str,
    series: list[Point],
    unit: str,
    target: float | None = None,
    comparators: dict[str, float | None] | None = None,
    polarity: str = "higher_is_better",
    *,
    counted: str = "children",
    series_label: str = "This area",
    kind: str = "line",
    chart_id: str | None = None,
) -> ChartSpec:
    """Everything a chart shows, as plain data: what every renderer draws from."""
    comparators = {k: v for k, v in (comparators or {}).items() if v is not None}
    values = tuple(point_value(p, unit) for p in series)
    known = [v for v in values if v is not None]
    top = _nice_max(max(known + [target or 0] + list(comparators.values()) + [0]), unit)
    ident = (
        chart_id
        or "chart-"
        + hashlib.sha1(
            (title + "|" + "|".join(p.period_label for p in series)).encode()
        ).hexdigest()[:10]
    )
    lines = []
    if target is not None:
        lines.append(
            ReferenceLine(f"Target {format_value(target, unit)}", target, TARGET_DASH, INK)
        )
    for number, (name, value) in enumerate(comparators.items()):
        lines.append(ReferenceLine(
            f"{name} {format_value(value, unit)}", value,
            COMPARATOR_DASHES[number % len(COMPARATOR_DASHES)],
            COMPARATOR_COLOURS[number % len(COMPARATOR_COLOURS)],
        ))  # fmt: skip
    last = next((v for v in reversed(values) if v is not None), None)
    wanted = [(line.value, line.label, line.colour, line.dash) for line in lines]
    if last is not None:
        wanted.append((last, f"{series_label} {format_value(last, unit)}", SERIES, ()))
    return ChartSpec(
        title=title,
        description=chart_description(series, unit, polarity, target, comparators, counted),
        ident=ident,
        periods=tuple(p.period_label for p in series),
        values=values,
        value_labels=tuple("" if v is None else format_value(v, unit) for v in values),
        unit=unit,
        kind=kind,
        series_label=series_label,
        y_max=top,
        y_ticks=tuple((top * i / 5, tick_label(top * i / 5, unit)) for i in range(6)),
        y_title=AXIS_TITLES.get(unit, ""),
        lines=tuple(lines),
        labels=_spread(wanted, top),
    )


def _spread(wanted: list, top: float) -> tuple[DirectLabel, ...]:
    """Direct labels moved apart so that none overlap, kept within the axis."""
    gap = LABEL_GAP * top
    placed: list[DirectLabel] = []
    for value, text, colour, dash in sorted(wanted, key=lambda w: w[0]):
        at = value if not placed else max(value, placed[-1].at + gap)
        placed.append(DirectLabel(text, value, at, colour, dash))
    overflow = placed[-1].at - top * 1.02 if placed else 0
    if overflow > 0:  # pushed off the top: shift the whole stack down
        placed = [DirectLabel(p.text, p.value, p.at - overflow, p.colour, p.dash) for p in placed]
    return tuple(placed)


@cache
def _matplotlib():
    """matplotlib with the document font registered, drawing without a display."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager

    for path in FONT_FILES.values():
        font_manager.fontManager.addfont(str(path))
    return matplotlib


def render(spec: ChartSpec, fmt: str) -> bytes:
    """The chart drawn: "svg" for pages (text kept as text), "pdf" for printing (an SVG with
    the text as outlines, so nothing depends on the printer's fonts) or "png" for Word."""
    matplotlib = _matplotlib()
    from matplotlib.figure import Figure

    rc = {
        "font.family": FONT_FAMILY,
        "font.size": 9,
        "text.parse_math": False,  # a "$" in a title is a dollar sign
        "svg.fonttype": "none" if fmt == "svg" else "path",
        "svg.hashsalt": spec.ident,
        "axes.edgecolor": INK,
        "axes.linewidth": 0.8,
    }
    with matplotlib.rc_context(rc):
        figure = Figure(figsize=SIZES[fmt], dpi=100)
        axes = figure.add_axes((0.1, 0.13, 0.6, 0.72))
        _draw(axes, spec)
        buffer = io.BytesIO()
        kind = "png" if fmt == "png" else "svg"
        metadata = {"Date": None} if kind == "svg" else {"Software": None}
        # "tight": the saved image grows to hold every label whole, however long.
        figure.savefig(buffer, format=kind, dpi=200, metadata=metadata, bbox_inches="tight",
                       pad_inches=0.08)  # fmt: skip
    return buffer.getvalue()


def _draw(axes, spec: ChartSpec) -> None:
    xs = list(range(len(spec.periods)))
    figure = axes.figure
    figure.text(0.1, 0.93, spec.title, fontsize=11, fontweight="bold", color=INK)
    axes.set_ylim(0, spec.y_max * 1.04)
    axes.set_xlim(-0.5, len(xs) - 0.5)
    axes.set_yticks([v for v, _ in spec.y_ticks], [label for _, label in spec.y_ticks])
    axes.set_xticks(xs, spec.periods)
    axes.tick_params(colors=INK, labelsize=9)
    if spec.y_title:
        axes.set_ylabel(spec.y_title, color=INK)
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for line in spec.lines:
        axes.axhline(line.value, color=line.colour, linewidth=1.6, linestyle=(0, line.dash))
    if spec.kind == "bar":
        axes.bar([x for x, v in zip(xs, spec.values, strict=True) if v is not None],
                 [v for v in spec.values if v is not None], width=0.6, color=SERIES)  # fmt: skip
    else:
        run: list[tuple[int, float]] = []
        for x, value in [*zip(xs, spec.values, strict=True), (0, None)]:
            if value is None:
                if run:
                    axes.plot(*zip(*run, strict=True), color=SERIES, linewidth=2.4,
                              marker="o", markersize=6, markeredgecolor="white")  # fmt: skip
                run = []
            else:
                run.append((x, value))
    for x, value, text in zip(xs, spec.values, spec.value_labels, strict=True):
        if value is None:
            axes.text(x, spec.y_max * 0.03, "no figure", ha="center", color=GREY, fontsize=8)
        else:
            axes.annotate(text, (x, value), xytext=(0, 8), textcoords="offset points",
                          ha="center", fontsize=8.5, fontweight="bold", color=INK,
                          bbox={"boxstyle": "square,pad=0.1", "facecolor": "white",
                                "edgecolor": "none"})  # fmt: skip
    transform = axes.get_yaxis_transform()  # x in axes share, y in data
    for label in spec.labels:
        axes.plot([1.02, 1.1], [label.at, label.at], transform=transform, clip_on=False,
                  color=label.colour, linewidth=2.4 if not label.dash else 1.6,
                  linestyle=(0, label.dash) if label.dash else "-")  # fmt: skip
        axes.text(1.12, label.at, label.text, transform=transform, va="center",
                  fontsize=8.5, color=INK)  # fmt: skip


_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def svg_chart(
    title: str,
    series: list[Point],
    unit: str,
    target: float | None = None,
    comparators: dict[str, float | None] | None = None,
    polarity: str = "higher_is_better",
    *,
    counted: str = "children",
    series_label: str = "This area",
    kind: str = "line",
    chart_id: str | None = None,
) -> str:
    """The chart as inline SVG for a page: an image named by its title and described by its
    point in words. `chart_id` keeps the title and desc ids unique on a page."""
    spec = chart_spec(title, series, unit, target, comparators, polarity, counted=counted,
                      series_label=series_label, kind=kind, chart_id=chart_id)  # fmt: skip
    return accessible_svg(spec, render(spec, "svg").decode())


def accessible_svg(spec: ChartSpec, svg: str) -> str:
    """matplotlib's SVG as an image for a page: no XML prologue, sized by its viewBox,
    `role="img"` with its title and desc."""
    svg = svg[svg.index("<svg") :]
    opening = _SVG_OPEN.search(svg).group(0)
    view_box = re.search(r'viewBox="([^"]+)"', opening).group(1)
    ident = spec.ident
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="{view_box}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'class="indicator-chart"><title id="{ident}-title">{_e(spec.title)}</title>'
        f'<desc id="{ident}-desc">{_e(spec.description)}</desc>'
    )
    return head + svg[len(opening) :].strip()


def data_table(
    series: list[Point],
    comparators: dict[str, float | None] | None = None,
    target: float | None = None,
    unit: str = "percent",
) -> list[list[str]]:
    """The chart as rows (header first): period, counts, figure, target, comparators."""
    comparators = comparators or {}
    header = ["Period", "Numerator", "Denominator", "Value"]
    if target is not None:
        header.append("Target")
    header += list(comparators)
    rows = [header]
    for point in series:
        value = point_value(point, unit)
        row = [
            point.period_label,
            "" if point.numerator is None else format_number(point.numerator),
            "" if point.denominator is None else format_number(point.denominator),
            "no figure" if value is None else format_value(value, unit),
        ]
        if target is not None:
            row.append(format_value(target, unit))
        row += ["" if v is None else format_value(v, unit) for v in comparators.values()]
        rows.append(row)
    return rows


def png_chart(
    title: str,
    series: list[Point],
    unit: str,
    target: float | None = None,
    comparators: dict[str, float | None] | None = None,
    polarity: str = "higher_is_better",
    *,
    series_label: str = "This area",
) -> bytes:
    """The chart as PNG for Word (200 dots to the inch)."""
    spec = chart_spec(title, series, unit, target, comparators, polarity,
                      series_label=series_label)  # fmt: skip
    return render(spec, "png")


def sparkline_svg(spec: ChartSpec, width: int = 120, height: int = 30) -> str:
    """A small trend chart for a list of indicators, from the same specification: the
    series on the chart's own scale (from zero to its top), the latest figure marked.
    Decorative beside the trend in words, so hidden from screen readers."""
    points = [(i, v) for i, v in enumerate(spec.values) if v is not None]
    step = (width - 8) / max(len(spec.values) - 1, 1)

    def at(i: int, value: float) -> str:
        return f"{4 + i * step:.1f},{height - 3 - (height - 6) * value / spec.y_max:.1f}"

    runs: list[list[str]] = [[]]
    for i, value in enumerate(spec.values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append(at(i, value))
    lines = "".join(
        f'<polyline points="{" ".join(run)}" fill="none" stroke="{SERIES}" stroke-width="2"/>'
        for run in runs
        if len(run) > 1
    )
    last = ""
    if points:
        x, y = at(*points[-1]).split(",")
        last = f'<circle cx="{x}" cy="{y}" r="3" fill="{SERIES}"/>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="indicator-sparkline" aria-hidden="true" '
        f'focusable="false"><line x1="4" y1="{height - 3}" x2="{width - 4}" y2="{height - 3}" '
        f'stroke="{GRID}" stroke-width="1"/>{lines}{last}</svg>'
    )
