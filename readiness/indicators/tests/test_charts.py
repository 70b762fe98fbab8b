"""Charts: one specification drawn by matplotlib; accessible SVG on a page, PNG for Word,
whole axis labels, reference lines told apart by dash and colour, and a table alternative."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

from PIL import Image

from readiness.indicators.domain.assessment import Point, format_number
from readiness.indicators.domain.charts import (
    COMPARATOR_DASHES,
    TARGET_DASH,
    chart_spec,
    data_table,
    png_chart,
    render,
    svg_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
SERIES = [Point("2021/22", 12, 15), Point("2022/23", 14, 16), Point("2023/24", 15, 16)]
COMPARATORS = {"England": 88.0, "Statistical neighbours": 84.0, "Region": None}
ARGS = {"title": "Health assessments", "series": SERIES, "unit": "percent", "target": 90.0,
        "comparators": COMPARATORS, "polarity": "higher_is_better"}  # fmt: skip


def _chart(**kwargs) -> ET.Element:
    return ET.fromstring(svg_chart(**{**ARGS, **kwargs}))


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def test_the_svg_parses_and_is_an_image_with_title_and_desc():
    root = _chart()
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 ")  # sizes in the viewBox: it scales
    assert root.get("width") is None
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Health assessments"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert desc.text.startswith("Rose from 12 of 15 children (80%) in 2021/22 to 15 of 16")
    assert desc.text.endswith("Target: 90%. England: 88%. Statistical neighbours: 84%.")


def test_a_title_with_markup_or_a_dollar_is_escaped_and_printed_as_written():
    text = svg_chart('Re-referrals <12 months & "repeat" > $5', SERIES, "percent")
    assert "<12 months" not in text
    root = ET.fromstring(text)
    assert root.find(f"{SVG}title").text == 'Re-referrals <12 months & "repeat" > $5'
    assert 'Re-referrals <12 months & "repeat" > $5' in _texts(root)


def test_every_tick_label_shows_its_number_whole_and_is_drawn():
    for unit, top in (("percent", 93.8), ("rate_per_1000", 412.5), ("rate_per_10000", 38.2),
                      ("days", 17), ("count", 1234)):  # fmt: skip
        series = [Point("2023", value=top / 2), Point("2024", value=top)]
        spec = chart_spec("Chart", series, unit)
        assert len(spec.y_ticks) == 6
        for value, label in spec.y_ticks:
            assert format_number(value) in label, (unit, value, label)
            assert label == (f"{format_number(value)}%" if unit == "percent"
                             else format_number(value))  # fmt: skip
        drawn = _texts(ET.fromstring(svg_chart("Chart", series, unit)))
        for _, label in spec.y_ticks:
            assert label in drawn, (unit, label)
        if unit == "rate_per_1000":
            assert "per 1,000" in drawn  # the unit once, in the axis title
            assert spec.y_ticks[-1][1] == "500"


def test_periods_and_figures_are_labelled():
    texts = _texts(_chart())
    for label in ("2021/22", "2022/23", "2023/24", "80%", "87.5%", "93.8%"):
        assert label in texts


def test_a_period_without_a_figure_is_labelled_not_drawn():
    series = [*SERIES[:1], Point("2022/23"), *SERIES[2:]]
    spec = chart_spec("Health", series, "percent")
    assert spec.values[1] is None and spec.value_labels == ("80%", "", "93.8%")
    texts = _texts(_chart(series=series))
    assert "no figure" in texts and "2022/23" in texts


def test_target_and_comparators_differ_in_dash_and_colour_and_are_labelled_directly():
    spec = chart_spec(**ARGS)
    assert [(line.label, line.dash, line.colour) for line in spec.lines] == [
        ("Target 90%", TARGET_DASH, "#0b0c0c"),
        ("England 88%", COMPARATOR_DASHES[0], "#505a5f"),
        ("Statistical neighbours 84%", COMPARATOR_DASHES[1], "#4c2c92"),
    ]
    assert len({line.dash for line in spec.lines}) == 3
    texts = _texts(_chart())
    for label in ("Target 90%", "England 88%", "Statistical neighbours 84%", "This area 93.8%"):
        assert label in texts
    assert not any(t.startswith("Region") for t in texts)  # no figure, no line


def test_direct_labels_do_not_overlap():
    spec = chart_spec(**{**ARGS, "target": 88.5, "comparators": {"England": 88.0,
                                                                  "Region": 88.2}})  # fmt: skip
    ats = [label.at for label in spec.labels]
    assert ats == sorted(ats)
    assert all(b - a >= 0.075 * spec.y_max - 1e-9 for a, b in zip(ats, ats[1:], strict=False))


def test_the_png_for_word_is_a_readable_size_with_every_label_inside():
    data = png_chart(**ARGS)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    width, height = image.size
    assert width >= 1100 and height >= 600  # 200 dots to the inch, about 6 by 3.5 inches
    # Nothing cut at the edges: the outermost columns and rows are background.
    rgb = image.convert("RGB")
    edges = [rgb.getpixel((x, y)) for x in (0, width - 1) for y in range(0, height, 7)]
    assert set(edges) == {(255, 255, 255)}


def test_the_pdf_drawing_has_no_text_to_lose():
    svg = render(chart_spec(**ARGS), "pdf").decode()
    assert "<text" not in svg and "<path" in svg  # text as outlines: no font needed


def test_the_same_chart_draws_the_same_bytes():
    assert svg_chart(**ARGS) == svg_chart(**ARGS)
    assert re.search(r"<dc:date>", svg_chart(**ARGS)) is None


def test_data_table():
    rows = data_table(SERIES, COMPARATORS, 90.0)
    assert rows[0] == ["Period", "Numerator", "Denominator", "Value", "Target", "England",
                       "Statistical neighbours", "Region"]  # fmt: skip
    assert rows[1] == ["2021/22", "12", "15", "80%", "90%", "88%", "84%", ""]
    assert len(rows) == len(SERIES) + 1
    assert data_table([Point("Q1")], unit="count") == [
        ["Period", "Numerator", "Denominator", "Value"],
        ["Q1", "", "", "no figure"],
    ]


def test_a_sparkline_draws_the_series_on_the_chart_s_scale_and_is_decorative():
    from readiness.indicators.domain.charts import sparkline_svg

    spec = chart_spec("Health", [*SERIES[:1], Point("gap"), *SERIES[1:]], "percent")
    root = ET.fromstring(sparkline_svg(spec))
    assert root.get("aria-hidden") == "true" and root.get("viewBox") == "0 0 120 30"
    lines = root.findall(f"{SVG}polyline")
    assert [line.get("points") for line in lines] == ["78.7,6.0 116.0,4.5"]  # after the gap
    mark = root.find(f"{SVG}circle")
    assert (mark.get("cx"), mark.get("cy")) == ("116.0", "4.5")  # the latest, 93.8%
