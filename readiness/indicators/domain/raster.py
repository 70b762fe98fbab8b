"""The indicator chart as a PNG, drawn in plain Python for Word documents.

Word cannot show SVG reliably and matplotlib, cairo and Pillow are not dependencies, so
this draws the same chart as `charts.svg_chart` (same layout constants, same direct labels,
same dash patterns) into an RGB canvas at twice the viewBox size and writes the PNG by hand
with zlib and struct. Text uses the 5×7 bitmap font below (descenders hang two rows lower),
scaled up, which is plain but readable at the 6-inch width the Word export uses.

Everything is deterministic: the same figures give byte-identical PNGs, so a document built
twice does not differ.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

from readiness.indicators.domain import charts as c
from readiness.indicators.domain.assessment import Point, format_value, point_value

SCALE = 2  # canvas pixels per viewBox unit
RGB = tuple[int, int, int]

# One glyph a line: character, then rows top to bottom, 5 pixels each. Rows 8 and 9, when
# present, hang below the baseline (g, j, p, q, y and the comma).
_FONT_SOURCE = """
0 01110 10001 10011 10101 11001 10001 01110
1 00100 01100 00100 00100 00100 00100 01110
2 01110 10001 00001 00010 00100 01000 11111
3 11111 00010 00100 00010 00001 10001 01110
4 00010 00110 01010 10010 11111 00010 00010
5 11111 10000 11110 00001 00001 10001 01110
6 00110 01000 10000 11110 10001 10001 01110
7 11111 00001 00010 00100 01000 01000 01000
8 01110 10001 10001 01110 10001 10001 01110
9 01110 10001 10001 01111 00001 00010 01100
A 01110 10001 10001 11111 10001 10001 10001
B 11110 10001 10001 11110 10001 10001 11110
C 01110 10001 10000 10000 10000 10001 01110
D 11100 10010 10001 10001 10001 10010 11100
E 11111 10000 10000 11110 10000 10000 11111
F 11111 10000 10000 11110 10000 10000 10000
G 01110 10001 10000 10111 10001 10001 01111
H 10001 10001 10001 11111 10001 10001 10001
I 01110 00100 00100 00100 00100 00100 01110
J 00111 00010 00010 00010 00010 10010 01100
K 10001 10010 10100 11000 10100 10010 10001
L 10000 10000 10000 10000 10000 10000 11111
M 10001 11011 10101 10101 10001 10001 10001
N 10001 10001 11001 10101 10011 10001 10001
O 01110 10001 10001 10001 10001 10001 01110
P 11110 10001 10001 11110 10000 10000 10000
Q 01110 10001 10001 10001 10101 10010 01101
R 11110 10001 10001 11110 10100 10010 10001
S 01111 10000 10000 01110 00001 00001 11110
T 11111 00100 00100 00100 00100 00100 00100
U 10001 10001 10001 10001 10001 10001 01110
V 10001 10001 10001 10001 10001 01010 00100
W 10001 10001 10001 10101 10101 10101 01010
X 10001 10001 01010 00100 01010 10001 10001
Y 10001 10001 10001 01010 00100 00100 00100
Z 11111 00001 00010 00100 01000 10000 11111
a 00000 00000 01110 00001 01111 10001 01111
b 10000 10000 10110 11001 10001 10001 11110
c 00000 00000 01110 10000 10000 10001 01110
d 00001 00001 01101 10011 10001 10001 01111
e 00000 00000 01110 10001 11111 10000 01110
f 00110 01001 01000 11100 01000 01000 01000
g 00000 00000 01111 10001 10001 10001 01111 00001 01110
h 10000 10000 10110 11001 10001 10001 10001
i 00100 00000 01100 00100 00100 00100 01110
j 00010 00000 00110 00010 00010 00010 00010 10010 01100
k 10000 10000 10010 10100 11000 10100 10010
l 01100 00100 00100 00100 00100 00100 01110
m 00000 00000 11010 10101 10101 10101 10101
n 00000 00000 10110 11001 10001 10001 10001
o 00000 00000 01110 10001 10001 10001 01110
p 00000 00000 11110 10001 10001 10001 11110 10000 10000
q 00000 00000 01111 10001 10001 10001 01111 00001 00001
r 00000 00000 10110 11001 10000 10000 10000
s 00000 00000 01111 10000 01110 00001 11110
t 01000 01000 11100 01000 01000 01001 00110
u 00000 00000 10001 10001 10001 10011 01101
v 00000 00000 10001 10001 10001 01010 00100
w 00000 00000 10001 10001 10101 10101 01010
x 00000 00000 10001 01010 00100 01010 10001
y 00000 00000 10001 10001 10001 10001 01111 00001 01110
z 00000 00000 11111 00010 00100 01000 11111
% 11000 11001 00010 00100 01000 10011 00011
. 00000 00000 00000 00000 00000 01100 01100
, 00000 00000 00000 00000 00000 01100 01100 00100 01000
- 00000 00000 00000 11111 00000 00000 00000
/ 00000 00001 00010 00100 01000 10000 00000
: 00000 01100 01100 00000 01100 01100 00000
( 00010 00100 01000 01000 01000 00100 00010
) 01000 00100 00010 00010 00010 00100 01000
' 00100 00100 01000 00000 00000 00000 00000
+ 00000 00100 00100 11111 00100 00100 00000
& 01100 10010 10100 01000 10101 10010 01101
? 01110 10001 00001 00010 00100 00000 00100
£ 00110 01001 01000 11100 01000 01000 11111
"""
FONT: dict[str, list[str]] = {
    line[0]: line[2:].split() for line in _FONT_SOURCE.strip().splitlines()
}
FONT[" "] = ["00000"] * 7
# Characters the font lacks but has a fair stand-in for; anything else draws as "?".
SUBSTITUTES = {"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'",
               "\u00a0": " ", "\u201c": "'", "\u201d": "'", '"': "'"}  # fmt: skip
ADVANCE = 6  # glyph width 5 plus a column of space, in font pixels


def _rgb(colour: str) -> RGB:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


WHITE: RGB = (255, 255, 255)


class Canvas:
    """An RGB bitmap with the few drawing operations a chart needs; white to start with."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(b"\xff" * (width * height * 3))

    def pixel(self, x: int, y: int) -> RGB:
        i = (y * self.width + x) * 3
        return self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]

    def fill_rect(self, x0: int, y0: int, x1: int, y1: int, colour: RGB) -> None:
        """Fill [x0, x1) × [y0, y1), clipped to the canvas."""
        x0, x1 = max(0, x0), min(self.width, x1)
        if x1 <= x0:
            return
        row = bytes(colour) * (x1 - x0)
        for y in range(max(0, y0), min(self.height, y1)):
            start = (y * self.width + x0) * 3
            self.pixels[start : start + len(row)] = row

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float, colour: RGB,
             dash: tuple[float, ...] = ()) -> None:  # fmt: skip
        """A thick line stamped as squares along its length, one step per pixel; `dash`
        (on, off, on, off…) in canvas pixels, as SVG's stroke-dasharray."""
        length = max(abs(x1 - x0), abs(y1 - y0), 1e-9)
        steps = int(length) + 1
        half = width / 2
        pattern = dash * 2 if len(dash) % 2 else dash  # SVG repeats odd lists to make even
        period = sum(pattern)
        travel = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        for i in range(steps + 1):
            t = i / steps
            if period and not _dash_on(pattern, (t * travel) % period):
                continue
            x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            self.fill_rect(round(x - half), round(y - half), round(x + half), round(y + half),
                           colour)  # fmt: skip

    def disc(self, cx: float, cy: float, radius: float, colour: RGB) -> None:
        for dy in range(-int(radius) - 1, int(radius) + 2):
            span = radius**2 - dy**2
            if span >= 0:
                half = span**0.5
                y = round(cy + dy)
                self.fill_rect(round(cx - half), y, round(cx + half) + 1, y + 1, colour)

    def text(self, x: float, baseline: float, text: str, size: int, colour: RGB,
             anchor: str = "start", bold: bool = False) -> None:  # fmt: skip
        """Bitmap text, `size` canvas pixels per font pixel; anchor as SVG's text-anchor."""
        width = text_width(text, size)
        left = x - {"start": 0, "middle": width / 2, "end": width}[anchor]
        top = round(baseline) - 7 * size
        for n, char in enumerate(text):
            glyph = FONT.get(SUBSTITUTES.get(char, char), FONT["?"])
            gx = round(left) + n * ADVANCE * size
            for r, row in enumerate(glyph):
                for col, bit in enumerate(row):
                    if bit == "1":
                        px, py = gx + col * size, top + r * size
                        self.fill_rect(px, py, px + size + (1 if bold else 0), py + size,
                                       colour)  # fmt: skip


def _dash_on(pattern: tuple[float, ...], offset: float) -> bool:
    for n, length in enumerate(pattern):
        if offset < length:
            return n % 2 == 0
        offset -= length
    return True


def text_width(text: str, size: int) -> int:
    return max(len(text) * ADVANCE - 1, 0) * size


def encode_png(canvas: Canvas) -> bytes:
    """PNG, 8-bit RGB, no interlace; each scanline with filter type 0 (the flat colours of a
    chart compress well enough without prediction)."""
    stride = canvas.width * 3
    raw = b"".join(
        b"\x00" + bytes(canvas.pixels[y * stride : (y + 1) * stride]) for y in range(canvas.height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))  # fmt: skip

    header = struct.pack(">IIBBBBB", canvas.width, canvas.height, 8, 2, 0, 0, 0)
    dpi = round(144 / 0.0254)  # pixels per metre: twice 72 dpi, matching SCALE
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"pHYs", struct.pack(">IIB", dpi, dpi, 1))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _dash(text: str) -> tuple[float, ...]:
    return tuple(float(n) * SCALE for n in text.split())


def raster_chart(
    title: str,
    series: list[Point],
    unit: str,
    target: float | None = None,
    comparators: dict[str, float | None] | None = None,
    *,
    series_label: str = "This area",
) -> Canvas:
    """Draw the line chart exactly where `svg_chart` puts each piece, at SCALE."""
    shown = {k: v for k, v in (comparators or {}).items() if v is not None}
    values = [point_value(p, unit) for p in series]
    known = [v for v in values if v is not None]
    top = c._nice_max(max(known + [target or 0] + list(shown.values()) + [0]), unit)

    def y_of(value: float) -> float:
        return round(c.BOTTOM - (c.BOTTOM - c.TOP) * value / top, 1)

    step = (c.RIGHT - c.LEFT) / max(len(series), 1)
    xs = [round(c.LEFT + step * (i + 0.5), 1) for i in range(len(series))]
    labels = c._direct_labels(series_label, values, target, shown, unit, y_of)
    # Widened like the SVG, but for the bitmap font's own advance (6 units a character).
    longest = max((len(text) for _, text, _ in labels), default=0)
    width = max(c.WIDTH, c.RIGHT + 44 + ADVANCE * longest)
    canvas = Canvas(width * SCALE, c.HEIGHT * SCALE)
    ink, grey, grid, blue = (_rgb(x) for x in (c.INK, c.GREY, c.GRID, c.SERIES))
    s = SCALE

    def hline(y: float, x0: float, x1: float, w: float, colour: RGB, dash: str = "") -> None:
        canvas.line(x0 * s, y * s, x1 * s, y * s, w * s, colour, _dash(dash))

    canvas.text(c.LEFT * s, 24 * s, title, 3, ink, bold=True)
    for i in range(6):
        tick = top * i / 5
        hline(y_of(tick), c.LEFT, c.RIGHT, 1, grid)
        canvas.text((c.LEFT - 8) * s, (y_of(tick) + 4) * s, format_value(tick, unit), s, ink,
                    anchor="end")  # fmt: skip
    hline(c.BOTTOM, c.LEFT, c.RIGHT, 1.5, ink)
    for x, point, value in zip(xs, series, values, strict=True):
        canvas.text(x * s, (c.BOTTOM + 20) * s, point.period_label, s, ink, anchor="middle")
        if value is None:
            canvas.text(x * s, (c.BOTTOM - 8) * s, "no figure", s, grey, anchor="middle")
    for line_y, label_y, text, dash in c._spread(labels):
        colour = blue if not dash else ink if dash == c.TARGET_DASH else grey
        if dash:
            hline(line_y, c.LEFT, c.RIGHT, 2, colour, dash)
        hline(label_y, c.RIGHT + 6, c.RIGHT + 30, 2 if dash else 3, colour, dash)
        canvas.text((c.RIGHT + 36) * s, (label_y + 4) * s, text, s, ink)
    for run in _runs(xs, values):
        for (xa, va), (xb, vb) in zip(run, run[1:], strict=False):
            canvas.line(xa * s, y_of(va) * s, xb * s, y_of(vb) * s, 3 * s, blue)
    for x, value in zip(xs, values, strict=True):
        if value is None:
            continue
        y = y_of(value)
        canvas.disc(x * s, y * s, 6.5 * s, WHITE)  # the SVG's white 1.5 stroke round the mark
        canvas.disc(x * s, y * s, 5 * s, blue)
        label = format_value(value, unit)
        for dx, dy in ((-2, 0), (2, 0), (0, -2), (0, 2)):  # a white halo, like paint-order
            canvas.text(x * s + dx, (y - 10) * s + dy, label, s, WHITE, "middle", bold=True)
        canvas.text(x * s, (y - 10) * s, label, s, ink, "middle", bold=True)
    return canvas


def _runs(xs: list[float], values: list[float | None]) -> Iterable[list[tuple[float, float]]]:
    """Consecutive periods with figures: the line breaks where a figure is missing."""
    run: list[tuple[float, float]] = []
    for x, value in [*zip(xs, values, strict=True), (0.0, None)]:
        if value is None:
            if len(run) > 1:
                yield run
            run = []
        else:
            run.append((x, value))


def png_bytes(
    title: str,
    series: list[Point],
    unit: str,
    target: float | None = None,
    comparators: dict[str, float | None] | None = None,
    *,
    series_label: str = "This area",
) -> bytes:
    canvas = raster_chart(title, series, unit, target, comparators, series_label=series_label)
    return encode_png(canvas)
