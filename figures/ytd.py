"""Year-to-date panel: statements that count from 1 January, plotted by the date they reach, one line per year.

Partial-year figures ("1 Jan to 22 Jul 2024: 16,000") are not clutter on a yearly chart but a series of
their own: joined within a year, they show the pace of 2023, 2024 and 2025 side by side. Only figures
that start on 1 January and end in the same year are drawn; full years end on 31 December.

Right to left (Arabic, Sorani), as on the trend chart: the months still run left to right, the value axis
stands on the right with its unit level above it, the year labels stay at the right end of each line, in room
the date axis keeps for them past December (so they never meet the axis's numbers), and hover boxes are
right-aligned. Plotly names months in English on a date axis, so the months are given as tick text from the
locale's own month names (`month_names`, the Syriac names Iraq uses), at each quarter so the long names fit
a phone.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from figures import theme
from figures.captions import Caption, apply_caption, source_line
from figures.i18n import DEFAULT, RIGHT_TO_LEFT, gettext_for, month_names, period_text, unit_text, year
from figures.selection import Tables, format_value, indicator_rows
from figures.trends import unit_above_axis

_LEAP_YEAR = 2000  # every date is drawn in one leap year, so 29 February has a place
YEARS_SHOWN = 4  # the latest years with year-to-date figures: more lines stop being readable
RANGE = ["2000-01-01", "2001-01-15"]
# Right to left the year labels sit inside the plot past December (the axis's numbers fill the right margin).
RANGE_RIGHT_TO_LEFT = ["2000-01-01", "2001-03-01"]
MONTH_TICKS = (1, 4, 7, 10)  # quarters: the long month names fit a phone


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


def make_ytd_figure(
    rows: pd.DataFrame, place: str, unit: str, caption: Caption, footer: bool = False, lang: str = DEFAULT
) -> go.Figure:
    """One line per year through its year-to-date figures; the year's name at the end of its line.

    Right to left the value axis is on the right and the months are named in the language (module docstring).
    """
    right = lang in RIGHT_TO_LEFT
    figure = go.Figure(layout={"template": theme.TEMPLATE_NAME})
    for index, (year_of, group) in enumerate(rows.groupby("year_of")):
        colour = theme.SERIES[index % len(theme.SERIES)]
        values = [v if pd.notna(v) else low for v, low in zip(group["value"], group["value_low"], strict=True)]
        figure.add_trace(
            go.Scatter(
                x=list(group["day"]),
                y=values,
                mode="lines+markers",
                name=year(year_of, lang),
                showlegend=False,
                line={"color": colour, "width": 2},
                marker={
                    "color": colour,
                    "size": 8,
                    "symbol": [
                        "triangle-up-open" if q in ("more_than", "at_least") else "circle" for q in group["qualifier"]
                    ],
                },
                hovertext=[_hover(r, place, lang) for r in group.itertuples()],
                hoverinfo="text",
            )
        )
        figure.add_annotation(
            x=group["day"].iloc[-1],
            y=values[-1],
            text=f"<b>{year(year_of, lang)}</b>",
            showarrow=False,
            xanchor="left",
            xshift=8,
            font={"color": colour},
            name="line-label",
        )
    figure.update_layout(
        xaxis={"type": "date", "range": RANGE_RIGHT_TO_LEFT if right else RANGE, "title": None}
        | (_month_ticks(lang) | {"automargin": True} if right else {"tickformat": "%b"}),
        yaxis={
            "title": {"text": None if right else unit_text(unit, lang)},
            "tickformat": ",~r",
            "rangemode": "tozero",
        }
        | ({"side": "right", "automargin": True} if right else {}),
        hovermode="closest",
        margin={"r": 90 if right else 60},
        meta={"years": sorted(int(y) for y in rows["year_of"].unique()), "lang": lang},
        **({"hoverlabel": {"align": "right"}} if right else {}),
    )
    if right:
        unit_above_axis(figure, unit_text(unit, lang))
    return apply_caption(figure, caption, footer)


def _month_ticks(lang: str) -> dict:
    """Month names in the language at the start of each quarter (Plotly's own would be English)."""
    months = month_names(lang)
    return {
        "tickmode": "array",
        "tickvals": [pd.Timestamp(_LEAP_YEAR, m, 1) for m in MONTH_TICKS],
        "ticktext": [months[m] for m in MONTH_TICKS],
    }


def _hover(row, place: str, lang: str = DEFAULT) -> str:  # noqa: ANN001 - an itertuples row
    _ = gettext_for(lang)
    value = format_value(row.value, row.qualifier, row.value_low, row.value_high, row.unit, lang)
    source = _("Source: {publisher}").format(publisher=row.publisher)
    return f"<b>{place}</b><br>{value}<br>{period_text(row.period_label, lang)}<br>{source}"


def ytd_caption(
    rows: pd.DataFrame, label: str, place: str, unit: str, version: str, url: str, lang: str = DEFAULT
) -> Caption:
    _ = gettext_for(lang)
    years = sorted(int(y) for y in rows["year_of"].unique())
    notes = (
        _("Each line joins the figures published for one year that count from 1 January; a full year ends on 31 Dec."),
        _("Different statements may count differently; hover a point for its source.")
        + " "
        + _("Carets are lower bounds."),
    )
    period = f"{year(years[0], lang)}–{year(years[-1], lang)}" if years else _("no year-to-date figures")
    return Caption(
        _("{indicator}: {place}, year to date").format(indicator=label, place=place),
        _("{unit} · {period}").format(unit=unit_text(unit, lang), period=period),
        source_line(list(rows["publisher"]), lang=lang),
        notes,
        version,
        url,
        lang=lang,
    )
