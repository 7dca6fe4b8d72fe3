"""Ranked bars beside the map: every governorate's value readable without hovering, in the map's colours.

Comparable figures (the ones on the map's colour scale) are ranked first, coloured as on the map; figures
that are not full years follow, dotted and marked *, never on the same footing; places with no published
figure are listed last with those words and no bar, so a gap never reads as zero.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from figures import theme
from figures.i18n import DEFAULT, RIGHT_TO_LEFT, gettext_for, number
from figures.maps import NO_FIGURE_SHORT, map_styles
from figures.selection import format_number


def ranked_rows(values: pd.DataFrame) -> pd.DataFrame:
    """Rows in display order, top first: comparable by value, then other figures by value, then no figure."""
    rank = values.assign(
        group=values["status"].eq("none").astype(int) * 2 + (~values["comparable"].astype(bool)).astype(int),
        shown=values["display"].fillna(values["value"]),
    )
    rank.loc[rank["status"] == "none", "group"] = 2
    return rank.sort_values(["group", "shown", "name"], ascending=[True, False, True], na_position="last")


def bar_text(row, lang: str = DEFAULT) -> str:  # noqa: ANN001 - a ranked row
    """The value as the map's hover gives it, with the period when it is not one full year."""
    _ = gettext_for(lang)
    if row.status == "none":
        return _(NO_FIGURE_SHORT)
    if row.display is not None and not pd.isna(row.display) and getattr(row, "population_note", ""):
        text = number(round(row.display, 1), lang, 1)
    else:
        has_value = row.value is not None and not pd.isna(row.value)
        text = format_number(row.value, lang) if has_value else row.value_text
    if not row.comparable or not row.is_full_year:
        text += f"* ({row.period_label})"
    elif not pd.isna(getattr(row, "label_year", None)):
        text += f" ({row.period_label})"  # "latest available": each bar says its own year
    if row.status == "combined":
        text += " " + _("({place}, combined)").format(place=row.combined_name)
    return text


def make_ranked_bars(values: pd.DataFrame, scale_title: str, lang: str = DEFAULT) -> go.Figure:
    """Horizontal bars, one per governorate, top first, in the same colours and patterns as the map.

    Right to left, the bars grow leftwards from the right edge, the names on the right (where a reader starts)."""
    _ = gettext_for(lang)
    rtl = lang in RIGHT_TO_LEFT
    ranked = ranked_rows(values)
    styles = map_styles(values, lang)
    rows = ranked[ranked["status"] != "none"]
    lengths = list(rows["shown"])
    figure = go.Figure(layout={"template": theme.TEMPLATE_NAME})
    figure.add_trace(
        go.Bar(
            y=list(rows["name"]),
            x=lengths,
            orientation="h",
            text=[bar_text(r, lang) for r in rows.itertuples()],
            textposition="outside",
            cliponaxis=False,
            customdata=list(rows["code"]),
            hoverinfo="none",  # the text beside each bar already says what the map's hover says
            marker={
                "color": [styles[c]["colour"] for c in rows["code"]],
                "line": {"color": theme.NO_DATA_LINE, "width": 1},
                "pattern": {"shape": [styles[c]["shape"]["fillpattern"]["shape"] for c in rows["code"]]},
            },
            name="ranked",
            showlegend=False,
        )
    )
    gaps = ranked[ranked["status"] == "none"]
    figure.add_trace(
        go.Scatter(
            y=list(gaps["name"]),
            x=[0] * len(gaps),
            mode="text",
            text=[_(NO_FIGURE_SHORT)] * len(gaps),
            textposition="middle left" if rtl else "middle right",
            textfont={"color": theme.MUTED},
            hoverinfo="skip",
            name="gaps",
            showlegend=False,
        )
    )
    top = max([x for x in lengths if x is not None and not pd.isna(x)], default=1.0)
    figure.update_layout(
        yaxis={
            "autorange": "reversed",
            "automargin": True,
            "gridcolor": "rgba(0,0,0,0)",
            "ticks": "",
            "categoryorder": "array",
            "categoryarray": list(ranked["name"]),
            "side": "right" if rtl else "left",
            "ticklabelstandoff": 8 if rtl else 0,  # room between a name and the 'no published figure' beside it
        },
        xaxis={"visible": False, "range": [top * 1.9, 0] if rtl else [0, top * 1.9]},
        # Right to left the names stand right of the bars; Plotly's automargin does not widen a right-hand
        # category axis in the browser, so the margin is sized for the longest name (about 7 px a character).
        margin={"l": 10, "r": _names_width(ranked["name"]) if rtl else 10, "t": 30, "b": 10},
        title={
            "text": _("Ranked ({unit})").format(unit=scale_title),
            "font": {"size": 13},
            **({"x": 0.99, "xanchor": "right"} if rtl else {}),
        },
        bargap=0.25,
        meta={"names": dict(zip(values["code"], values["name"], strict=True))},
    )
    return figure


def _names_width(names: pd.Series) -> int:
    return min(180, 16 + 7 * max((len(str(n)) for n in names), default=0))


def bar_state(values: pd.DataFrame, lang: str = DEFAULT) -> dict:
    """What a change of year or indicator alters in the bars, aligned with the map state's sorted codes.

    layouts/assets/map.js rebuilds the bars from it and the map state's fills, so an interaction sends a
    few hundred bytes instead of a figure.
    """
    rows = ranked_rows(values)
    codes = sorted(values["code"])
    shown = rows[rows["status"] != "none"]
    top = float(shown["shown"].max()) if len(shown) and shown["shown"].max() > 0 else 1.0
    return {
        "order": [codes.index(c) for c in rows["code"]],
        "x": [None if r.status == "none" else _round(r.shown) for r in rows.itertuples()],
        "text": [bar_text(r, lang) for r in rows.itertuples()],
        "top": _round(top * 1.9),
    }


def _round(value: float) -> float:
    return float(f"{value:.4g}")


def with_ranked_bars(figure: go.Figure, values: pd.DataFrame, scale_title: str, lang: str = DEFAULT) -> go.Figure:
    """A map image with its ranked bars on the right, so every value reads in print without a hover."""
    _ = gettext_for(lang)
    drawn = values[values["status"] != "none"]
    bars = make_ranked_bars(drawn, scale_title, lang)
    bars.data[0].update(xaxis="x2", yaxis="y2", name="ranked")
    figure.add_trace(bars.data[0])
    missing = len(values) - len(drawn)
    if missing:
        figure.add_annotation(
            text=_("No figure: {count} governorates (grey)").format(count=number(missing, lang)),
            xref="x2 domain",
            yref="y2 domain",
            x=0,
            y=0,
            yanchor="top",
            xanchor="left",
            showarrow=False,
            font={"color": theme.MUTED},
            name="gaps",
        )
    # Right to left the halves swap: the bars (names first) on the left, the map on the right, the colour bar
    # starting at the right edge and the keys beside it, so the image reads from its right-hand side.
    rtl = lang in RIGHT_TO_LEFT
    map_domain, bars_domain = ([0.44, 1], [0, 0.4]) if rtl else ([0, 0.56], [0.6, 1])
    figure.update_layout(
        xaxis={"domain": map_domain},
        yaxis={"domain": [0.2, 1]},
        xaxis2={**bars.layout.xaxis.to_plotly_json(), "domain": bars_domain, "anchor": "y2"},
        yaxis2={**bars.layout.yaxis.to_plotly_json(), "domain": [0.3, 1], "anchor": "x2"},
        legend={
            "orientation": "h",
            "x": 0.7 if rtl else 0.3,
            "y": 0,
            "xanchor": "right" if rtl else "left",
            "yanchor": "bottom",
        },
    )
    if missing and rtl:
        figure.layout.annotations[-1].update(x=1, xanchor="right")
    for trace in figure.data:
        if trace.name == "scale":
            trace.marker.colorbar.update(
                orientation="h", x=1 if rtl else 0, xanchor="right" if rtl else "left", y=0, yanchor="bottom", len=0.25
            )
        if trace.name == "labels":
            trace.text = _labels_that_fit(list(trace.x), list(trace.y), list(trace.text))
    return figure


def _labels_that_fit(xs: list[float], ys: list[float], texts: list[str], room: float = 0.28) -> list[str]:
    """In an image the bars name every place: the map keeps the labels with a figure that have room.

    Labels are kept one by one, in order, unless their anchor lies within `room` (a share of the map's width)
    of a label already kept; the others are left to the bars, so no two labels print over each other.
    """
    span = (max(xs) - min(xs)) or 1.0
    kept: list[int] = []
    for i, text in enumerate(texts):
        if "<br>" in text and all(((xs[i] - xs[j]) ** 2 + (ys[i] - ys[j]) ** 2) ** 0.5 >= room * span for j in kept):
            kept.append(i)
    return [text if i in kept else "" for i, text in enumerate(texts)]
