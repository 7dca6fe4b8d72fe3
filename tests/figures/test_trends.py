import pandas as pd

from figures.selection import trend_rows
from figures.trends import make_trend_figure, trend_caption

NAMES = {"IQ": "Iraq", "IQ-KR": "Kurdistan Region"}


def build(tables, indicator="arrests"):
    rows = trend_rows(tables, indicator, "all", list(NAMES))
    caption = trend_caption(rows, "Arrests", "persons", NAMES, 0, "v1", "http://x")
    return rows, make_trend_figure(rows, NAMES, "persons", caption)


def test_partial_periods_are_hollow_and_never_joined(tables):
    _, figure = build(tables)
    partial = [t for t in figure.data if t.name.endswith("(partial period)")]
    assert partial and all(t.mode == "markers+text" and t.marker.symbol == "circle-open" for t in partial)
    assert all("H1" in t.text or len(t.text) for t in partial)


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
