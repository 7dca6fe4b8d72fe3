import pandas as pd

from figures.selection import trend_rows
from figures.trends import make_trend_figure, trend_caption

NAMES = {"IQ": "Iraq", "IQ-KR": "Kurdistan Region"}


def build(tables, indicator="arrests"):
    rows = trend_rows(tables, indicator, "all", list(NAMES))
    caption = trend_caption(rows, "Arrests", "persons", NAMES, 0, "v1", "http://x")
    return rows, make_trend_figure(rows, NAMES, "persons", caption)


def test_partial_periods_are_hollow_unlabelled_and_never_joined(tables):
    _, figure = build(tables)
    partial = [t for t in figure.data if t.name.endswith("(partial period)")]
    assert partial and all(t.mode == "markers" and not t.text for t in partial)
    assert all(set(t.marker.symbol) <= {"circle-open", "triangle-up-open", "triangle-down-open"} for t in partial)


def test_lines_are_named_at_their_ends_not_in_a_legend(tables):
    _, figure = build(tables)
    labels = {a.text for a in figure.layout.annotations if a.name == "line-label"}
    assert labels == {"<b>Iraq</b>", "<b>Kurdistan Region</b>"}
    assert not any(t.showlegend for t in figure.data if t.name in ("Iraq", "Kurdistan Region"))


def test_bounds_are_drawn_as_carets(tables):
    rows, figure = build(tables)
    bounded = rows[rows["qualifier"].isin(["more_than", "at_least"])]
    symbols = [s for t in figure.data if isinstance(t.marker.symbol, tuple) for s in t.marker.symbol]
    assert len(bounded) and symbols.count("triangle-up-open") >= len(bounded)


def test_places_ten_times_apart_get_a_panel_each_unless_asked(tables):
    names = {"IQ": "Iraq", "IQ-KI": "Kirkuk"}
    rows = trend_rows(tables, "arrests", "all", list(names))
    caption = trend_caption(rows, "Arrests", "persons", names, 0, "v1", "")
    assert make_trend_figure(rows, names, "persons", caption).layout.meta["panels"]
    assert not make_trend_figure(rows, names, "persons", caption, scale="shared").layout.meta["panels"]
    assert make_trend_figure(rows, names, "persons", caption, scale="log").layout.yaxis.type == "log"


def test_year_to_date_panel_has_a_line_per_year(tables):
    from figures.ytd import make_ytd_figure, ytd_caption, ytd_rows

    rows = ytd_rows(tables, "arrests", "all", "IQ")
    figure = make_ytd_figure(rows, "Iraq", "persons", ytd_caption(rows, "Arrests", "Iraq", "persons", "v", ""))
    years = {t.name for t in figure.data}
    assert {"2023", "2024"} <= years
    for trace in figure.data:
        assert list(trace.x) == sorted(trace.x), "a year's line runs forward in time"


def test_lines_join_only_consecutive_full_years(tables):
    rows, figure = build(tables)
    line = next(t for t in figure.data if t.name == "Kurdistan Region")
    xs = list(line.x)
    years = [pd.Timestamp(x).year if x is not None else None for x in xs]
    for a, b in zip(years, years[1:], strict=False):
        if a is not None and b is not None:
            assert b - a == 1, f"{a} joined to {b}"


def test_conflicts_show_as_a_range_around_the_preferred_value(tables):
    _, figure = build(tables)
    iraq = next(t for t in figure.data if t.name == "Iraq")
    assert iraq.error_y.visible and max(iraq.error_y.array) > 0


def test_hover_names_the_source_and_period(tables):
    _, figure = build(tables)
    texts = [t for trace in figure.data for t in (trace.hovertext or []) if t]
    assert texts and all("Source: " in t for t in texts)
