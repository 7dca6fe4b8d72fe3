"""Trend chart: full calendar years joined by lines, partial periods as hollow labelled markers, conflicts as ranges."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from figures import theme
from figures.captions import Caption, apply_caption, source_line
from figures.selection import format_value

SCALES = ("auto", "shared", "log")
PANEL_RATIO = 10  # places whose largest figures differ more than this get a panel each (scale "auto")


def make_trend_figure(
    rows: pd.DataFrame,
    names: dict[str, str],
    unit: str,
    caption: Caption,
    footer: bool = False,
    parts: pd.DataFrame | None = None,
    scale: str = "auto",
) -> go.Figure:
    """One colour per place; a line only ever joins consecutive full years (or successive as-of counts).

    Each line is named at its end (no legend to hunt). Partial periods are hollow markers without text (the
    year-to-date panel shows them as a series); bounds ("more than") are carets; figures for part of a place
    are diamonds, never joined to the place's series. When the places' largest figures differ more than
    tenfold, each gets its own panel and y axis, unless `scale` asks for one shared (or log) axis.
    """
    panels = list(names) if scale == "auto" and _spread(rows, names) > PANEL_RATIO else None
    figure = (
        make_subplots(rows=len(panels), cols=1, shared_xaxes=True, vertical_spacing=0.06, subplot_titles=None)
        if panels
        else go.Figure()
    )
    figure.update_layout(template=theme.TEMPLATE_NAME)
    ends: list[tuple] = []
    for index, code in enumerate(names):
        colour = theme.SERIES[index % len(theme.SERIES)]
        where = {"row": panels.index(code) + 1, "col": 1} if panels else {}
        place = rows[rows["geo_code"] == code]
        full = place[place["is_full_year"] | (place["granularity"] == "as_of")]
        partial = place[~place.index.isin(full.index)]
        figure.add_trace(_line(full, names[code], colour), **where)
        if len(partial):
            figure.add_trace(_partial(partial, names[code], colour), **where)
        own_parts = parts[parts["geo_code"] == code] if parts is not None else ()
        if len(own_parts):
            figure.add_trace(_parts(own_parts, names[code], colour), **where)
        if panels:
            _label_panel(figure, names[code], colour, where["row"])
        else:
            ends.append(_line_end(full, names[code], colour))
    _label_line_ends(figure, [e for e in ends if e is not None])
    for key in (("Part of a year (hollow)", "circle-open"), ("More than, at least (caret)", "triangle-up-open")):
        figure.add_trace(theme.legend_key(key[0], theme.MUTED, key[1]))
    figure.update_yaxes(tickformat=",~r", type="log" if scale == "log" else "linear", rangemode="tozero")
    figure.update_xaxes(type="date", title=None)
    figure.update_layout(
        yaxis={"title": {"text": unit}},
        hovermode="closest",
        meta={"codes": list(names), "panels": bool(panels), "scale": scale},
        margin={"r": 110},
        legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0},
    )
    return apply_caption(figure, caption, footer)


def _spread(rows: pd.DataFrame, names: dict[str, str]) -> float:
    """How many times larger the biggest place's figures are than the smallest place's."""
    tops = [rows.loc[rows["geo_code"] == c, "value"].max() for c in names]
    tops = [t for t in tops if pd.notna(t) and t > 0]
    return max(tops) / min(tops) if len(tops) > 1 else 1.0


def _line_end(full: pd.DataFrame, name: str, colour: str) -> tuple | None:
    drawn = full.dropna(subset=["x"])
    if drawn.empty:
        return None
    last = drawn.iloc[-1]
    return last["x"], float(_plotted(last)), name, colour


def _label_line_ends(figure: go.Figure, ends: list[tuple]) -> None:
    """Each place's name right of its last full-year point, a direct label instead of a legend entry.

    Labels whose points are close in height are pushed apart (by a line of text each), so none overlap.
    """
    top = max((y for _, y, _, _ in ends), default=1.0) or 1.0
    shift, previous = 0, None
    for x, y, name, colour in sorted(ends, key=lambda e: e[1]):
        shift = shift + 18 if previous is not None and (y - previous) / top < 0.12 else 0
        previous = y
        figure.add_annotation(
            x=x,
            y=y,
            text=f"<b>{name}</b>",
            showarrow=False,
            xanchor="left",
            xshift=8,
            yshift=shift,
            font={"color": colour},
            name="line-label",
        )


def _label_panel(figure: go.Figure, name: str, colour: str, row: int) -> None:
    """In small multiples each panel is named above its top-left corner."""
    axis = "" if row == 1 else str(row)
    figure.add_annotation(
        x=0,
        y=1,
        xref=f"x{axis} domain",
        yref=f"y{axis} domain",
        text=f"<b>{name}</b>",
        showarrow=False,
        xanchor="left",
        yanchor="bottom",
        font={"color": colour},
        name="line-label",
    )


def _line(rows: pd.DataFrame, name: str, colour: str) -> go.Scatter:
    xs, ys, texts, lows, highs = [], [], [], [], []
    previous = None
    for row in rows.itertuples():
        if previous is not None and not _consecutive(previous, row):
            xs.append(None), ys.append(None), texts.append(""), lows.append(0), highs.append(0)
        xs.append(row.x), ys.append(_plotted(row)), texts.append(_hover(row, name))
        lows.append(max(_plotted(row) - row.group_min, 0) if row.in_conflict else 0)
        highs.append(max(row.group_max - _plotted(row), 0) if row.in_conflict else 0)
        previous = row
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines+markers",
        name=name,
        showlegend=False,
        connectgaps=False,
        hovertext=texts,
        hoverinfo="text",
        line={"color": colour, "width": 2.5},
        marker={"color": colour, "size": 8, "symbol": [_symbol(r, "circle") for r in _points(rows)]},
        error_y={
            "type": "data",
            "symmetric": False,
            "array": highs,
            "arrayminus": lows,
            "color": colour,
            "thickness": 1.2,
            "width": 6,
            "visible": any(highs) or any(lows),
        },
    )


def _partial(rows: pd.DataFrame, name: str, colour: str) -> go.Scatter:
    """Hollow markers, no text: labels would pile up; the hover and the year-to-date panel give the periods."""
    return _markers(rows, f"{name} (partial period)", name, colour, "circle-open", size=10, width=2)


def _parts(rows: pd.DataFrame, name: str, colour: str) -> go.Scatter:
    """Diamonds for a district's, court's or centre's figure: listed with the place, never its value."""
    return _markers(rows, f"{name}: part of the place only", name, colour, "diamond-open", size=9, width=1.5)


def _markers(rows: pd.DataFrame, trace: str, name: str, colour: str, symbol: str, size: int, width: float):  # noqa: ANN202
    return go.Scatter(
        x=list(rows["x"]),
        y=[_plotted(r) for r in rows.itertuples()],
        mode="markers",
        name=trace,
        showlegend=False,
        hovertext=[_hover(r, name) for r in rows.itertuples()],
        hoverinfo="text",
        marker={
            "symbol": [_symbol(r, symbol) for r in rows.itertuples()],
            "size": size,
            "color": colour,
            "line": {"width": width},
        },
    )


_BOUND_SYMBOLS = {"more_than": "triangle-up-open", "at_least": "triangle-up-open", "less_than": "triangle-down-open"}


def _symbol(row, default: str) -> str:  # noqa: ANN001 - an itertuples row
    """A caret for a bound (the true value lies above, or below), the default marker otherwise."""
    return _BOUND_SYMBOLS.get(row.qualifier, "triangle-down-open" if row.qualifier == "at_most" else default)


def _points(rows: pd.DataFrame) -> list:
    """The rows in the order _line draws them, with the gaps it inserts between non-consecutive years."""
    points, previous = [], None
    for row in rows.itertuples():
        if previous is not None and not _consecutive(previous, row):
            points.append(_GAP)
        points.append(row)
        previous = row
    return points


class _Gap:
    qualifier = "exact"


_GAP = _Gap()


def _consecutive(previous, row) -> bool:  # noqa: ANN001 - itertuples rows
    if row.granularity == "as_of" or previous.granularity == "as_of":
        return row.granularity == previous.granularity
    return int(row.ref_year) - int(previous.ref_year) == 1


def _plotted(row) -> float:  # noqa: ANN001
    """The point drawn: the value, or for a range its low end (the hover gives the whole range)."""
    return row.value if pd.notna(row.value) else row.value_low


def _hover(row, name: str) -> str:  # noqa: ANN001
    text = [
        f"<b>{name}</b>",
        format_value(row.value, row.qualifier, row.value_low, row.value_high, row.unit),
        row.period_label + ("" if row.is_full_year or row.granularity == "as_of" else " — partial period"),
        f"Source: {row.publisher}",
    ]
    if row.scope == "part":
        text.insert(1, f"Part of the place only: {row.scope_note}")
    if row.in_conflict:
        text.append(f"⚠ Sources disagree: {row.group_min:,.0f}–{row.group_max:,.0f}; this is the preferred figure")
    if row.n_claims > 1:
        text += textwrap.wrap(f"Why: {row.preference_reason}", 70)
    return "<br>".join(text)


def trend_caption(
    rows: pd.DataFrame,
    label: str,
    unit: str,
    names: dict[str, str],
    left_out: int,
    version: str,
    url: str,
    parts: int = 0,
    flags: int = 0,
) -> Caption:
    years = sorted({int(y) for y in rows.loc[rows["is_full_year"], "ref_year"]})
    partial = int((~rows["is_full_year"] & (rows["granularity"] != "as_of")).sum())
    notes = [
        f"Full calendar years with a figure: {_years_text(years)}. Partial periods ({partial}) are hollow markers and never joined to full years."
    ]
    if parts:
        notes.append(
            f"{parts} figure(s) for part of a place (a district, court or centre) are open diamonds, not the place's value."
        )
    conflicts = rows[rows["in_conflict"]]
    if len(conflicts):
        site = url.split("/trends")[0]
        where = f"{site}/claims?group=ID" if site else "the Claims page, group"
        groups = ", ".join(conflicts["group_id"].head(3))
        more = f" and {len(conflicts) - 3} more" if len(conflicts) > 3 else ""
        notes.append(
            "Where sources disagree (vertical bars) the most official source is shown; every figure and why one was "
            f"preferred: {where} {groups}{more}."
        )
    if flags:
        notes.append(f"{flags} consistency flag(s): a part of a year exceeds the whole year's preferred figure.")
    if left_out:
        notes.append(f"{left_out} cumulative or multi-year figure(s) are not drawn; see the Claims page.")
    places = ", ".join(names.values())
    return Caption(
        f"{label}: {places}", f"{unit} · by year", source_line(list(rows["publisher"])), tuple(notes), version, url
    )


def _years_text(years: list[int]) -> str:
    return ", ".join(map(str, years)) if years else "none"
