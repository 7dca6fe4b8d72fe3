"""Governorate map: filled outlines coloured by value, combined figures hatched, gaps as 'no published figure'."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from figures import theme
from figures.captions import Caption, apply_caption, source_line
from figures.geometry import HALABJA, Geometry
from figures.selection import NO_POPULATION

NO_FIGURE = "No published figure"
NOT_COMPARABLE = "Not a full year: off the scale"
NO_POPULATION_KEY = "No population figure"


def make_map_figure(
    values: pd.DataFrame, geometry: Geometry, caption: Caption, scale_title: str, footer: bool = False
) -> go.Figure:
    """The full map (outlines travel once); later changes go through map_updates as a patch."""
    styles = map_styles(values)
    figure = go.Figure(layout={"template": theme.TEMPLATE_NAME})
    for code in sorted(geometry.outlines):
        xs, ys = _joined_rings(geometry.outlines[code])
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                line={"color": theme.BORDER, "width": 1},
                hoveron="fills",
                hoverinfo="text",
                name=code,
                showlegend=False,
                **styles[code]["shape"],
            )
        )
    if geometry.kind == "geoboundaries":
        figure.add_trace(_halabja_marker(geometry, styles[HALABJA]))
    figure.add_trace(_labels(geometry, styles))
    figure.add_trace(_colour_bar(values, scale_title))
    figure.add_trace(theme.legend_key(NO_FIGURE, theme.NO_DATA_FILL))
    figure.add_trace(theme.legend_key("Combined figure", theme.MUTED, "square-x-open"))
    figure.add_trace(theme.legend_key(NOT_COMPARABLE, theme.NOT_COMPARABLE_FILL, "square-dot"))
    if "population_note" in values:
        figure.add_trace(theme.legend_key(NO_POPULATION_KEY, theme.NO_POPULATION_FILL, "square-x"))
    figure.update_layout(
        xaxis={"visible": False, "range": _span(geometry, 0)},
        yaxis={
            "visible": False,
            "range": _span(geometry, 1),
            "scaleanchor": "x",
            "scaleratio": 1,
            "constrain": "domain",
            "domain": [0.17, 1],
        },
        meta=_meta(geometry),
        dragmode="pan",
        margin={"l": 10, "r": 10},
        hovermode="closest",
        # On screen the colour bar and the keys sit in a band under the map, so a phone gives the map its full
        # width; side_keys() moves them beside it for the wide export images.
        legend={"orientation": "v", "y": 0, "x": 0.5, "yanchor": "bottom", "xanchor": "left", "font": {"size": 11}},
    )
    return apply_caption(figure, caption, footer)


def side_keys(figure: go.Figure) -> go.Figure:
    """For a wide image: the map on the left three quarters, colour bar and keys beside it."""
    figure.update_layout(
        xaxis={"domain": [0, 0.74]},
        yaxis={"domain": [0, 1]},
        legend={"x": 0.76, "y": 0, "xanchor": "left", "yanchor": "bottom", "font": {"size": None}},
    )
    for trace in figure.data:
        if trace.name == "scale":
            trace.marker.colorbar.update(
                orientation="v", x=0.76, xanchor="left", y=1, yanchor="top", len=0.5, title={"side": "right"}
            )
    return figure


def _meta(geometry: Geometry) -> dict:
    """Where each governorate lives in the figure, so a click or an update finds its traces."""
    outlines = sorted(geometry.outlines)
    index = len(outlines)
    halabja = index if geometry.kind == "geoboundaries" else -1
    labels = index + (1 if halabja >= 0 else 0)
    return {
        "codes": geometry.codes,
        "outline_traces": {c: i for i, c in enumerate(outlines)},
        "halabja_trace": halabja,
        "label_trace": labels,
        "label_codes": _label_codes(geometry),
        "scale_trace": labels + 1,
        "geometry": geometry.kind,
    }


def _label_codes(geometry: Geometry) -> list[str]:
    return [c for c in sorted(geometry.anchors) if geometry.kind == "tiles" or c != HALABJA]


def _span(geometry: Geometry, axis: int) -> list[float]:
    """Axis range around every outline, with a small margin (autorange would also count the legend stubs)."""
    coords = [c for rings in geometry.outlines.values() for ring in rings for c in ring[axis] if c is not None]
    low, high = min(coords), max(coords)
    pad = (high - low) * 0.03
    return [low - pad, high + pad]


def map_styles(values: pd.DataFrame) -> dict[str, dict]:
    """Per governorate: fill style of its outline and its hover text; the only thing a year change alters."""
    low, high = _range(values)
    styles = {}
    for row in values.itertuples():
        colour, shape = _fill(row, low, high)
        pattern = {
            "shape": shape,
            "bgcolor": colour,
            "fgcolor": theme.BORDER,
            "fgopacity": 0.7,
            "size": 7,
            "solidity": 0.25,
        }
        styles[row.code] = {
            "shape": {"fillcolor": colour, "fillpattern": pattern, "text": hover_text(row)},
            "colour": colour,
            "hover": hover_text(row),
            "ink": theme.ink_on(colour),
            "label": _label(row),
        }
    return styles


def _fill(row, low: float, high: float) -> tuple[str, str]:  # noqa: ANN001 - a values row
    """Fill colour and pattern: on the scale (hatched if combined), dotted if not comparable, crossed if no rate."""
    if row.status == "none":
        return theme.NO_DATA_FILL, ""
    if not row.comparable:
        return theme.NOT_COMPARABLE_FILL, "."
    if row.display is None or pd.isna(row.display):
        return theme.NO_POPULATION_FILL, "x"
    return _colour(row.display, low, high), "/" if row.status == "combined" else ""


def _label(row) -> str:  # noqa: ANN001 - a values row
    """The short name, the value shown (rate or count) and, outside a single year, the figure's year."""
    short = _short(row.code)
    if row.status == "none":
        return short
    value = row.display if row.display is not None and not pd.isna(row.display) else row.value
    text = f"{short}<br>{_compact(value)}" if value is not None and not pd.isna(value) else short
    text = text if row.comparable and row.is_full_year else f"{text}*"
    year = getattr(row, "label_year", None)
    return f"{text}<br>{int(year)}" if year is not None and not pd.isna(year) else text


def _compact(value: float) -> str:
    """1,133 · 14.4k · 2.2M · 3.5: short enough to sit inside a governorate."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if value >= 10_000:
        return f"{value / 1000:.1f}k"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _colour(value: float | None, low: float, high: float) -> str:
    if value is None or pd.isna(value):
        return theme.NO_DATA_FILL
    return theme.colour_for((value - low) / (high - low) if high > low else 1.0)


def hover_text(row) -> str:  # noqa: ANN001 - a values row (namedtuple)
    """Value with qualifier, period, publisher and a conflict marker; never a bare number."""
    if row.status == "none":
        return f"<b>{row.name}</b><br>{NO_FIGURE}"
    lines = [f"<b>{row.name}</b>", row.value_text]
    rate_note = getattr(row, "population_note", "")
    if rate_note and row.display is not None and not pd.isna(row.display):
        lines[1] = f"{row.display:,.1f} {rate_note}<br>({row.value_text})"
    elif rate_note:
        lines.append(rate_note)
    period = row.period_label + ("" if row.is_full_year else " — partial period, not a full year")
    lines.append(period)
    if row.status == "combined":
        lines.append(f"Combined figure for {row.combined_name}")
    lines.append(f"Source: {row.publisher}")
    if row.in_conflict:
        lines.append("⚠ Sources disagree: see the Claims page")
    return "<br>".join(lines)


def _joined_rings(rings: list[tuple[list[float], list[float]]]) -> tuple[list, list]:
    xs, ys = [], []
    for ring_x, ring_y in rings:
        xs += [*ring_x, None]
        ys += [*ring_y, None]
    return xs[:-1], ys[:-1]


def _halabja_marker(geometry: Geometry, style: dict) -> go.Scatter:
    x, y = geometry.anchors[HALABJA]
    return go.Scatter(
        x=[x],
        y=[y],
        mode="markers",
        name=HALABJA,
        showlegend=False,
        hoverinfo="text",
        text=[style["hover"]],
        customdata=[HALABJA],
        marker={"size": 16, "color": style["colour"], "line": {"color": theme.INK, "width": 1.5}},
    )


def _labels(geometry: Geometry, styles: dict[str, dict]) -> go.Scatter:
    """Short names at each anchor; also the click target that opens a governorate's trend."""
    codes = _label_codes(geometry)
    return go.Scatter(
        x=[geometry.anchors[c][0] for c in codes],
        y=[geometry.anchors[c][1] for c in codes],
        mode="markers+text",
        text=[styles[c]["label"] for c in codes],
        customdata=codes,
        hovertext=[styles[c]["hover"] for c in codes],
        hoverinfo="text",
        textfont={"size": 10, "color": [styles[c]["ink"] for c in codes]},
        name="labels",
        showlegend=False,
        marker={"size": 22, "opacity": 0.0},
    )


def _short(code: str) -> str:
    return "HAL" if code == HALABJA else code.removeprefix("IQ-")


def _colour_bar(values: pd.DataFrame, scale_title: str) -> go.Scatter:
    low, high = _range(values)
    steps = len(theme.SEQUENTIAL)
    scale = [[i / steps + edge / steps, c] for i, c in enumerate(theme.SEQUENTIAL) for edge in (0, 1)]
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name="scale",
        showlegend=False,
        hoverinfo="skip",
        marker={
            "colorscale": scale,
            "cmin": low,
            "cmax": high,
            "color": [low],
            "colorbar": {
                "orientation": "h",
                "thickness": 10,
                "len": 0.45,
                "lenmode": "fraction",
                "x": 0,
                "xanchor": "left",
                "y": 0.02,
                "yanchor": "bottom",
                "tickformat": ",~r",
                "title": {"text": scale_title, "side": "top"},
            },
        },
    )


def map_state(values: pd.DataFrame, scale_title: str) -> dict:
    """The few arrays a change of indicator, year or per-capita alters, aligned with meta.codes.

    The browser applies them to the figure it already has (layouts/assets/map.js), so the outlines
    travel once per page load and an interaction moves a couple of kilobytes.
    """
    styles = map_styles(values)
    codes = sorted(styles)
    low, high = _range(values)
    return {
        "fill": [styles[c]["colour"] for c in codes],
        "pattern": [styles[c]["shape"]["fillpattern"]["shape"] for c in codes],
        "label": [styles[c]["label"] for c in codes],
        "hover": [styles[c]["hover"] for c in codes],
        "ink": [styles[c]["ink"] for c in codes],
        "cmin": low,
        "cmax": high,
        "scale_title": scale_title,
    }


def _range(values: pd.DataFrame) -> tuple[float, float]:
    """The colour scale runs from zero (counts and rates are never negative) to the largest comparable value."""
    shown = values["display"].dropna()
    return (0.0, float(shown.max())) if len(shown) and shown.max() > 0 else (0.0, 1.0)


def _population_note(values: pd.DataFrame) -> str:
    """Which population years divide the counts, and which places have none (crossed)."""
    years = sorted({m for note in values["population_note"] for m in re.findall(r"population (\d{4})", str(note))})
    missing = values.loc[values["population_note"] == NO_POPULATION, "name"]
    text = "Rates per 100,000 use each place's population of the year nearest the figure's (COSIT projections; KRG registry for the Kurdistan Region)"
    text += f": population year(s) {', '.join(years)}." if years else "."
    return text + (f" No population figure (crossed): {', '.join(missing)}." if len(missing) else "")


def map_caption(
    values: pd.DataFrame,
    label: str,
    unit: str,
    period_text: str,
    per_capita: bool,
    credit: str,
    version: str = "",
    url: str = "",
) -> Caption:
    """Title, unit and period, the publishers shown, and what the map does not cover."""
    shown = values[values["status"] != "none"]
    notes = [
        f"Published figures cover {len(shown)} of {len(values)} governorates; grey means no published figure, not zero."
    ]
    combined = sorted({n for n in shown["combined_name"].dropna()})
    if combined:
        notes.append(f"Hatched: one combined figure for {' and '.join(combined)}, drawn over each member.")
    partial = shown[~shown["comparable"].astype(bool)]
    if len(partial):
        listed = [f"{r.name} {r.value_text} ({r.period_label})" for r in partial.head(6).itertuples()]
        more = f" and {len(partial) - 6} more" if len(partial) > 6 else ""
        notes.append(
            "Marked * and dotted, off the colour scale (part of a year or a one-day count): "
            + "; ".join(listed)
            + more
            + "."
        )
    if "population_note" in values:
        notes.append(_population_note(values))
    if shown["in_conflict"].any():
        site = url.split("/map")[0]
        where = f"{site}/claims" if site else "the Claims page"
        notes.append(f"Where sources disagree the most official source is shown; all figures and why at {where}.")
    if credit:
        notes.append(credit)
    subtitle = f"{'per 100,000 people' if per_capita else unit} · by governorate · {period_text}"
    return Caption(
        f"{label}, {period_text}", subtitle, source_line(list(shown["publisher"])), tuple(notes), version, url
    )
