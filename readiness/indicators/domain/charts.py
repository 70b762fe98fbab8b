"""Indicator charts: accessible SVG for pages and PDF, a data table, and PNG for DOCX.

Plain Python, nothing of Django; the SVG is built as a string with every piece of text
escaped, so an indicator title typed by a council cannot break the page. Accessibility
(WCAG 2.2, 1.1.1, 1.4.1 and 1.4.11):

- `role="img"` with `<title>` and `<desc>`, the desc being the trend in words plus the
  target and comparators, so a screen reader gets the point of the chart;
- nothing told by colour alone: the target and each comparator have their own dash
  pattern and are labelled directly at the right-hand end, with their value;
- every line and mark is at least 3:1 against white (GOV.UK blue #1d70b8 5.2:1, black
  #0b0c0c 19:1, dark grey #505a5f 7:1); gridlines are decoration and may be paler;
- sizes are in the viewBox, so the chart scales with the page and with zoom.

`data_table` gives the same figures as rows, for the table alternative next to the chart.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Callable
from html import escape

from readiness.indicators.domain.assessment import (
    Point,
    describe_point,
    format_number,
    format_value,
    point_value,
    trend_statement,
)

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 64, 470, 56, 300  # the plot area; labels go right of RIGHT
INK, SERIES, GREY, GRID = "#0b0c0c", "#1d70b8", "#505a5f", "#b1b4b6"
TARGET_DASH = "8 4"
# One pattern per comparator, distinct from the target's and from each other.
COMPARATOR_DASHES = ("2 4", "12 4 2 4", "4 2 1 2 1 2", "1 6")
LABEL_GAP = 16  # minimum vertical distance between direct labels, in viewBox units


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


def _spread(labels: list[tuple[float, str, str]]) -> list[tuple[float, float, str, str]]:
    """Move direct labels apart so none overlap: (line y, label y, text, dash)."""
    ordered = sorted(labels, key=lambda item: item[0])
    placed: list[tuple[float, float, str, str]] = []
    for y, text, dash in ordered:
        label_y = y if not placed else max(y, placed[-1][1] + LABEL_GAP)
        placed.append((y, label_y, text, dash))
    overflow = placed[-1][1] - (BOTTOM + 4) if placed else 0
    if overflow > 0:  # pushed off the bottom: shift the whole stack up
        placed = [(y, ly - overflow, t, d) for y, ly, t, d in placed]
    return placed


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
    """An accessible SVG chart of the series, one mark per period with a figure.

    `kind` is "line" (the default, for trends) or "bar" (for counts by quarter, say).
    `chart_id` makes the title/desc ids unique on a page; by default it is derived from
    the title and periods.
    """
    comparators = {k: v for k, v in (comparators or {}).items() if v is not None}
    values = [point_value(p, unit) for p in series]
    known = [v for v in values if v is not None]
    top = _nice_max(max(known + [target or 0] + list(comparators.values()) + [0]), unit)
    ident = (
        chart_id
        or "chart-"
        + hashlib.sha1(
            (title + "|" + "|".join(p.period_label for p in series)).encode()
        ).hexdigest()[:10]
    )
    desc = chart_description(series, unit, polarity, target, comparators, counted)

    def y_of(value: float) -> float:
        return round(BOTTOM - (BOTTOM - TOP) * value / top, 1)

    step = (RIGHT - LEFT) / max(len(series), 1)
    xs = [round(LEFT + step * (i + 0.5), 1) for i in range(len(series))]
    labels = _direct_labels(series_label, values, target, comparators, unit, y_of)
    # Wide enough for the longest direct label (about 7 units a character at size 12).
    width = max(WIDTH, RIGHT + 44 + 7 * max((len(text) for _, text, _ in labels), default=0))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" class="indicator-chart" '
        f'font-family="Arial, Helvetica, sans-serif">',
        f'<title id="{ident}-title">{_e(title)}</title>',
        f'<desc id="{ident}-desc">{_e(desc)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="24" font-size="16" font-weight="bold" fill="{INK}">'
        f"{_e(title)}</text>",
    ]
    # Axis: five gridlines with their values.
    for i in range(6):
        tick = top * i / 5
        y = y_of(tick)
        out.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{RIGHT}" y2="{y}" stroke="{GRID}" '
            f'stroke-width="1" aria-hidden="true"/>'
        )
        out.append(
            f'<text x="{LEFT - 8}" y="{y + 4}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{_e(format_value(tick, unit))}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}" stroke="{INK}" '
        f'stroke-width="1.5"/>'
    )
    for x, point, value in zip(xs, series, values, strict=True):
        out.append(
            f'<text x="{x}" y="{BOTTOM + 20}" font-size="12" text-anchor="middle" '
            f'fill="{INK}">{_e(point.period_label)}</text>'
        )
        if value is None:
            out.append(
                f'<text x="{x}" y="{BOTTOM - 8}" font-size="11" text-anchor="middle" '
                f'fill="{GREY}">no figure</text>'
            )
    # Reference lines and their labels first, so the series and its value labels sit on top.
    for line_y, label_y, text, dash in _spread(labels):
        colour = SERIES if not dash else INK if dash == TARGET_DASH else GREY
        if dash:  # the reference line itself, across the plot
            out.append(
                f'<line x1="{LEFT}" y1="{line_y}" x2="{RIGHT}" y2="{line_y}" stroke="{colour}" '
                f'stroke-width="2" stroke-dasharray="{dash}"/>'
            )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{RIGHT + 6}" y1="{label_y}" x2="{RIGHT + 30}" y2="{label_y}" '
            f'stroke="{colour}" stroke-width="{2 if dash else 3}"{dash_attr} aria-hidden="true"/>'
        )
        out.append(
            f'<text x="{RIGHT + 36}" y="{label_y + 4}" font-size="12" fill="{INK}">'
            f"{_e(text)}</text>"
        )
    out += _marks(series, values, xs, y_of, unit, counted, kind, step)
    out.append("</svg>")
    return "\n".join(out)


def _direct_labels(
    series_label: str,
    values: list[float | None],
    target: float | None,
    comparators: dict[str, float],
    unit: str,
    y_of: Callable[[float], float],
) -> list[tuple[float, str, str]]:
    """(y, text, dash) for the series' latest figure, the target and each comparator."""
    labels: list[tuple[float, str, str]] = []
    last = next((v for v in reversed(values) if v is not None), None)
    if last is not None:
        labels.append((y_of(last), f"{series_label} {format_value(last, unit)}", ""))
    if target is not None:
        labels.append((y_of(target), f"Target {format_value(target, unit)}", TARGET_DASH))
    for (name, value), dash in zip(comparators.items(), _dashes(len(comparators)), strict=True):
        labels.append((y_of(value), f"{name} {format_value(value, unit)}", dash))
    return labels


def _dashes(count: int) -> list[str]:
    return [COMPARATOR_DASHES[i % len(COMPARATOR_DASHES)] for i in range(count)]


def _marks(
    series: list[Point],
    values: list[float | None],
    xs: list[float],
    y_of: Callable[[float], float],
    unit: str,
    counted: str,
    kind: str,
    step: float,
) -> list[str]:
    """The series: a line broken at missing periods, or bars; a labelled mark per figure."""
    out: list[str] = []
    if kind == "line":
        run: list[str] = []
        for x, value in [*zip(xs, values, strict=True), (0.0, None)]:
            if value is None:
                if len(run) > 1:
                    out.append(
                        f'<polyline points="{" ".join(run)}" fill="none" stroke="{SERIES}" '
                        f'stroke-width="3"/>'
                    )
                run = []
            else:
                run.append(f"{x},{y_of(value)}")
    for x, point, value in zip(xs, series, values, strict=True):
        if value is None:
            continue
        y = y_of(value)
        tip = f"{point.period_label}: {describe_point(point, unit, counted)}"
        if kind == "bar":
            width = round(step * 0.6, 1)
            out.append(
                f'<rect class="point" x="{round(x - width / 2, 1)}" y="{y}" width="{width}" '
                f'height="{round(BOTTOM - y, 1)}" fill="{SERIES}"><title>{_e(tip)}</title></rect>'
            )
        else:
            out.append(
                f'<circle class="point" cx="{x}" cy="{y}" r="5" fill="{SERIES}" '
                f'stroke="#ffffff" stroke-width="1.5"><title>{_e(tip)}</title></circle>'
            )
        out.append(
            f'<text x="{x}" y="{y - 10}" font-size="12" font-weight="bold" '
            f'text-anchor="middle" fill="{INK}" stroke="#ffffff" stroke-width="4" '
            f'paint-order="stroke">{_e(format_value(value, unit))}</text>'
        )
    return out


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
) -> bytes | None:
    """The chart as PNG bytes for DOCX: matplotlib's when it is installed, else our own.

    matplotlib is not a dependency of Readiness; without it the chart is drawn by
    `raster.png_bytes` in plain Python (same layout as the SVG), so there is always a PNG.
    The return type keeps `None` for callers written when there was no fallback.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display on a server
        from matplotlib import pyplot
    except ImportError:
        # Imported here: raster imports this module for the layout it shares.
        from readiness.indicators.domain.raster import png_bytes

        return png_bytes(title, series, unit, target, comparators, series_label=series_label)
    labels = [p.period_label for p in series]
    values = [point_value(p, unit) for p in series]
    figure, axes = pyplot.subplots(figsize=(6.4, 3.6), dpi=150)
    try:
        xs = list(range(len(series)))
        plotted = [(x, v) for x, v in zip(xs, values, strict=True) if v is not None]
        if plotted:
            axes.plot(*zip(*plotted, strict=True), color=SERIES, linewidth=2.5, marker="o",
                      label=series_label)  # fmt: skip
        if target is not None:
            axes.axhline(target, color=INK, linestyle=(0, (8, 4)), label="Target")
        shown = {k: v for k, v in (comparators or {}).items() if v is not None}
        for (name, value), dash in zip(shown.items(), _dashes(len(shown)), strict=True):
            pattern = tuple(float(n) for n in dash.split())
            axes.axhline(value, color=GREY, linestyle=(0, pattern), label=name)
        axes.set_xticks(xs, labels)
        axes.set_ylim(bottom=0)
        axes.set_title(title)
        axes.legend(loc="best", fontsize="small")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()
    finally:
        pyplot.close(figure)
