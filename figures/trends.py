"""Trend chart: full calendar years joined by lines, partial periods as hollow labelled markers, conflicts as ranges."""

from __future__ import annotations

import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from figures import theme
from figures.captions import Caption, apply_caption, source_line
from figures.selection import format_value


def make_trend_figure(
    rows: pd.DataFrame,
    names: dict[str, str],
    unit: str,
    caption: Caption,
    footer: bool = False,
    parts: pd.DataFrame | None = None,
) -> go.Figure:
    """One colour per place; a line only ever joins consecutive full years (or successive as-of counts).

    Figures for part of a place (a district, a court, a centre) are drawn as separate diamonds, never joined
    to the place's series and never read as the place's value.
    """
    figure = go.Figure(layout={"template": theme.TEMPLATE_NAME})
    for index, code in enumerate(names):
        colour = theme.SERIES[index % len(theme.SERIES)]
        place = rows[rows["geo_code"] == code]
        full = place[place["is_full_year"] | (place["granularity"] == "as_of")]
        partial = place[~place.index.isin(full.index)]
        figure.add_trace(_line(full, names[code], colour))
        if len(partial):
            figure.add_trace(_partial(partial, names[code], colour))
        own_parts = parts[parts["geo_code"] == code] if parts is not None else ()
        if len(own_parts):
            figure.add_trace(_parts(own_parts, names[code], colour))
    figure.update_layout(
        yaxis={"title": {"text": unit}, "tickformat": ",~r"},
        xaxis={"type": "date", "title": None},
        hovermode="closest",
        meta={"codes": list(names)},
    )
    return apply_caption(figure, caption, footer)


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
        connectgaps=False,
        hovertext=texts,
        hoverinfo="text",
        line={"color": colour, "width": 2.5},
        marker={"color": colour, "size": 8},
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
    return go.Scatter(
        x=list(rows["x"]),
        y=[_plotted(r) for r in rows.itertuples()],
        mode="markers+text",
        name=f"{name} (partial period)",
        text=list(rows["period_label"].map(_short_label)),
        textposition="top center",
        textfont={"size": 10, "color": colour},
        hovertext=[_hover(r, name) for r in rows.itertuples()],
        hoverinfo="text",
        marker={"symbol": "circle-open", "size": 10, "color": colour, "line": {"width": 2}},
    )


def _parts(rows: pd.DataFrame, name: str, colour: str) -> go.Scatter:
    return go.Scatter(
        x=list(rows["x"]),
        y=[_plotted(r) for r in rows.itertuples()],
        mode="markers",
        name=f"{name}: part of the place only",
        hovertext=[_hover(r, name) for r in rows.itertuples()],
        hoverinfo="text",
        marker={"symbol": "diamond-open", "size": 9, "color": colour, "line": {"width": 1.5}},
    )


def _consecutive(previous, row) -> bool:  # noqa: ANN001 - itertuples rows
    if row.granularity == "as_of" or previous.granularity == "as_of":
        return row.granularity == previous.granularity
    return int(row.ref_year) - int(previous.ref_year) == 1


def _plotted(row) -> float:  # noqa: ANN001
    """The point drawn: the value, or for a range its low end (the hover gives the whole range)."""
    return row.value if pd.notna(row.value) else row.value_low


def _short_label(label: str) -> str:
    """'H1 2025' -> 'H1', 'Jan–Aug 2024' -> 'Jan–Aug': the x position already gives the year."""
    short = label.replace(" (start not stated)", "").replace(" (end not stated)", "")
    return re.sub(r"\s\d{4}$", "", short) or short


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
