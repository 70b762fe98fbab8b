"""Charts: well-formed, accessible SVG, one mark per period, and a table alternative."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from readiness.indicators.domain.assessment import Point
from readiness.indicators.domain.charts import (
    COMPARATOR_DASHES,
    TARGET_DASH,
    data_table,
    png_chart,
    svg_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
SERIES = [Point("2021/22", 12, 15), Point("2022/23", 14, 16), Point("2023/24", 15, 16)]
COMPARATORS = {"England": 88.0, "Statistical neighbours": 84.0, "Region": None}


def _chart(**kwargs) -> ET.Element:
    args = {"title": "Health assessments", "series": SERIES, "unit": "percent", "target": 90.0,
            "comparators": COMPARATORS, "polarity": "higher_is_better"}  # fmt: skip
    return ET.fromstring(svg_chart(**{**args, **kwargs}))


def test_the_svg_parses_and_is_an_image_with_title_and_desc():
    root = _chart()
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 ")  # sizes in the viewBox: it scales
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Health assessments"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert desc.text.startswith("Rose from 12 of 15 children (80%) in 2021/22 to 15 of 16")
    assert desc.text.endswith("Target: 90%. England: 88%. Statistical neighbours: 84%.")


def test_a_title_with_markup_characters_is_escaped():
    text = svg_chart('Re-referrals <12 months & "repeat" >', SERIES, "percent")
    assert "<12 months" not in text
    assert "&lt;12 months &amp; &quot;repeat&quot; &gt;" in text
    root = ET.fromstring(text)
    assert root.find(f"{SVG}title").text == 'Re-referrals <12 months & "repeat" >'


def test_one_point_per_period():
    root = _chart()
    points = root.findall(f".//{SVG}circle[@class='point']")
    assert len(points) == len(SERIES)
    assert [p.find(f"{SVG}title").text for p in points] == [
        "2021/22: 12 of 15 children (80%)",
        "2022/23: 14 of 16 children (87.5%)",
        "2023/24: 15 of 16 children (93.8%)",
    ]
    bars = _chart(kind="bar").findall(f".//{SVG}rect[@class='point']")
    assert len(bars) == len(SERIES)


def test_a_period_without_a_figure_is_labelled_not_drawn():
    series = [*SERIES[:1], Point("2022/23"), *SERIES[2:]]
    root = _chart(series=series)
    assert len(root.findall(f".//{SVG}circle[@class='point']")) == 2
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "no figure" in texts and "2022/23" in texts
    assert root.findall(f".//{SVG}polyline") == []  # no line across the gap


def test_target_and_comparators_have_distinct_dashes_and_direct_labels():
    root = _chart()
    dashes = {line.get("stroke-dasharray") for line in root.iter(f"{SVG}line")} - {None}
    assert dashes == {TARGET_DASH, *COMPARATOR_DASHES[:2]}
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for label in ("Target 90%", "England 88%", "Statistical neighbours 84%", "This area 93.8%"):
        assert label in texts
    assert not any(t and t.startswith("Region") for t in texts)  # no figure, no line


def test_direct_labels_do_not_overlap():
    root = _chart(target=88.5, comparators={"England": 88.0, "Region": 88.2})
    ys = sorted(float(t.get("y")) for t in root.iter(f"{SVG}text") if float(t.get("x")) > 470)
    assert all(b - a >= 16 for a, b in zip(ys, ys[1:], strict=False))


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


def test_png_is_optional():
    result = png_chart("Health assessments", SERIES, "percent", 90.0, COMPARATORS)
    assert result is None or result.startswith(b"\x89PNG")
