from readiness.glance.domain.sparkline import sparkline_svg


def test_fewer_than_two_figures_draw_nothing():
    assert sparkline_svg([], "x") == ""
    assert sparkline_svg([None, 4.0], "x") == ""


def test_a_line_runs_from_the_lowest_to_the_highest_figure():
    svg = sparkline_svg([10.0, 20.0, 30.0], "Trend of health assessments: 10, 20, 30")
    assert svg.startswith('<svg class="readiness-sparkline"')
    assert 'role="img" aria-label="Trend of health assessments: 10, 20, 30"' in svg
    # Three points left to right, the lowest at the bottom (y=21) and the highest at the top.
    assert '<polyline points="3.0,21.0 48.0,12.0 93.0,3.0"' in svg
    assert '<circle cx="93.0" cy="3.0" r="2"' in svg


def test_a_missing_figure_breaks_the_line_and_the_label_is_escaped():
    svg = sparkline_svg([1.0, 2.0, None, 4.0, 3.0], 'A <b>"label"</b>')
    assert svg.count("<polyline") == 2
    assert 'aria-label="A &lt;b&gt;&quot;label&quot;&lt;/b&gt;"' in svg


def test_a_flat_series_is_drawn_along_the_bottom():
    svg = sparkline_svg([5.0, 5.0], "flat")
    assert '<polyline points="3.0,21.0 93.0,21.0"' in svg
