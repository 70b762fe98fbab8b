"""The hand-written PNG: read back with our own chunk parser, so the test does not lean on
the encoder it checks (nor on Pillow, which is not installed)."""

import struct
import zlib

from readiness.indicators.domain import charts
from readiness.indicators.domain.assessment import Point
from readiness.indicators.domain.raster import FONT, SCALE, png_bytes

SERIES = [Point("2022-23", 40, 100), Point("2023-24", 80, 100)]


def _decode(png: bytes) -> tuple[int, int, list[bytes], list[bytes]]:
    """(width, height, chunk kinds, RGB scanlines), checking every CRC on the way."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, kinds, idat = 8, [], b""
    width = height = 0
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        data = png[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", png[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF
        kinds.append(kind)
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", data)
            assert (depth, colour, interlace) == (8, 2, 0)
        elif kind == b"IDAT":
            idat += data
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    assert len(raw) == stride * height
    rows = [raw[y * stride : (y + 1) * stride] for y in range(height)]
    assert {row[0] for row in rows} == {0}  # filter type None throughout
    return width, height, kinds, [row[1:] for row in rows]


def _pixel(rows: list[bytes], x: int, y: int) -> tuple[int, ...]:
    return tuple(rows[y][x * 3 : x * 3 + 3])


def _hex(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def test_the_png_decodes_at_twice_the_svg_size():
    png = png_bytes("Health assessments", SERIES, "percent", 90.0, {"England": 88.0})
    width, height, kinds, _ = _decode(png)
    assert (width, height) == (charts.WIDTH * SCALE, charts.HEIGHT * SCALE)
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"


def test_the_series_line_is_where_the_svg_puts_it():
    # 40% and 80% on a 0–100% axis: halfway between the two marks the line is at 60%.
    _, _, _, rows = _decode(png_bytes("Health assessments", SERIES, "percent"))
    x = (charts.LEFT + charts.RIGHT) / 2
    y = charts.BOTTOM - (charts.BOTTOM - charts.TOP) * 0.6
    assert _pixel(rows, round(x * SCALE), round(y * SCALE)) == _hex(charts.SERIES)
    assert _pixel(rows, 5, 5) == (255, 255, 255)  # the background
    # The axis at the bottom of the plot is ink.
    assert _pixel(rows, round(x * SCALE), charts.BOTTOM * SCALE) == _hex(charts.INK)


def test_the_target_line_is_dashed_and_ink():
    _, _, _, rows = _decode(png_bytes("Health assessments", SERIES, "percent", target=30.0))
    y = round((charts.BOTTOM - (charts.BOTTOM - charts.TOP) * 0.3) * SCALE)
    along = {_pixel(rows, x, y) for x in range(charts.LEFT * SCALE, charts.RIGHT * SCALE)}
    assert _hex(charts.INK) in along and (255, 255, 255) in along


def test_the_png_is_deterministic_and_the_fallback_is_used_without_matplotlib():
    first = png_bytes("Health assessments", SERIES, "percent", 90.0, {"England": 88.0})
    assert png_bytes("Health assessments", SERIES, "percent", 90.0, {"England": 88.0}) == first
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert charts.png_chart("Health assessments", SERIES, "percent", 90.0,
                                {"England": 88.0}) == first  # fmt: skip


def test_the_font_covers_what_charts_print():
    text = "0123456789%.-/ ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()£"
    assert set(text) <= set(FONT)
    assert all(len(glyph) in (7, 9) and all(len(row) == 5 for row in glyph)
               for glyph in FONT.values())  # fmt: skip


def test_missing_figures_and_unknown_characters_do_not_break_it():
    series = [Point("2022-23", None, None), Point("2023–24 ✓", 5, None, 5.0)]
    _decode(png_bytes("Re-referrals — “within” 12 months", series, "count", None, {}))
