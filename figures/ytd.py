"""Year-to-date panel: statements that count from 1 January, plotted by the date they reach, one line per year.

Partial-year figures ("1 Jan to 22 Jul 2024: 16,000") are not clutter on a yearly chart but a series of
their own: joined within a year, they show the pace of 2023, 2024 and 2025 side by side. Only figures
that start on 1 January and end in the same year are drawn; full years end on 31 December.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from figures import theme
from figures.captions import Caption, apply_caption, source_line
from figures.selection import Tables, format_value, indicator_rows

_LEAP_YEAR = 2000  # every date is drawn in one leap year, so 29 February has a place
YEARS_SHOWN = 4  # the latest years with year-to-date figures: more lines stop being readable


def ytd_rows(tables: Tables, indicator: str, drug: str, code: str) -> pd.DataFrame:
    """Whole-place flows for one place that run from 1 January to a date in the same year."""
    rows = indicator_rows(tables, indicator, drug)
    rows = rows[(rows["geo_code"] == code) & rows["period_start"].notna()].copy()
    start, end = pd.to_datetime(rows["period_start"]), pd.to_datetime(rows["period_end"])
    keep = (start.dt.month == 1) & (start.dt.day == 1) & (end.dt.year == start.dt.year)
    rows = rows[keep].assign(year_of=end[keep].dt.year.astype(int))
    rows = rows[rows["year_of"] > rows["year_of"].max() - YEARS_SHOWN] if len(rows) else rows
    rows["day"] = [pd.Timestamp(_LEAP_YEAR, d.month, d.day) for d in pd.to_datetime(rows["period_end"])]
    return rows.sort_values(["year_of", "day"], ignore_index=True)


def make_ytd_figure(rows: pd.DataFrame, place: str, unit: str, caption: Caption, footer: bool = False) -> go.Figure:
    """One line per year through its year-to-date figures; the year's name at the end of its line."""
    figure = go.Figure(layout={"template": theme.TEMPLATE_NAME})
    for index, (year, group) in enumerate(rows.groupby("year_of")):
        colour = theme.SERIES[index % len(theme.SERIES)]
        values = [v if pd.notna(v) else low for v, low in zip(group["value"], group["value_low"], strict=True)]
        figure.add_trace(
            go.Scatter(
                x=list(group["day"]),
                y=values,
                mode="lines+markers",
                name=str(year),
                showlegend=False,
                line={"color": colour, "width": 2},
                marker={
                    "color": colour,
                    "size": 8,
                    "symbol": [
                        "triangle-up-open" if q in ("more_than", "at_least") else "circle" for q in group["qualifier"]
                    ],
                },
                hovertext=[_hover(r, place) for r in group.itertuples()],
                hoverinfo="text",
            )
        )
        figure.add_annotation(
            x=group["day"].iloc[-1],
            y=values[-1],
            text=f"<b>{year}</b>",
            showarrow=False,
            xanchor="left",
            xshift=8,
            font={"color": colour},
            name="line-label",
        )
    figure.update_layout(
        xaxis={"type": "date", "tickformat": "%b", "range": ["2000-01-01", "2001-01-15"], "title": None},
        yaxis={"title": {"text": unit}, "tickformat": ",~r", "rangemode": "tozero"},
        hovermode="closest",
        margin={"r": 60},
        meta={"years": sorted(int(y) for y in rows["year_of"].unique())},
    )
    return apply_caption(figure, caption, footer)


def _hover(row, place: str) -> str:  # noqa: ANN001 - an itertuples row
    value = format_value(row.value, row.qualifier, row.value_low, row.value_high, row.unit)
    return f"<b>{place}</b><br>{value}<br>{row.period_label}<br>Source: {row.publisher}"


def ytd_caption(rows: pd.DataFrame, label: str, place: str, unit: str, version: str, url: str) -> Caption:
    years = sorted(int(y) for y in rows["year_of"].unique())
    notes = (
        "Each line joins the figures published for one year that count from 1 January; a full year ends on 31 Dec.",
        "Different statements may count differently; hover a point for its source. Carets are lower bounds.",
    )
    period = f"{years[0]}–{years[-1]}" if years else "no year-to-date figures"
    return Caption(
        f"{label}: {place}, year to date",
        f"{unit} · {period}",
        source_line(list(rows["publisher"])),
        notes,
        version,
        url,
    )
