"""Governorate map: filled outlines coloured by value, combined figures hatched, gaps as 'no published figure'."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from figures import theme
from figures.captions import Caption, apply_caption, source_line
from figures.geometry import HALABJA, Geometry
from figures.i18n import DEFAULT, N_, RIGHT_TO_LEFT, gettext_for, number, unit_text, year

NO_FIGURE = N_("No published figure")
NO_FIGURE_SHORT = N_("no published figure")
NOT_COMPARABLE = N_("Not a full year: off the scale")
NO_POPULATION_KEY = N_("No population figure")
COMBINED_KEY = N_("Combined figure")


def make_map_figure(
    values: pd.DataFrame,
    geometry: Geometry,
    caption: Caption,
    scale_title: str,
    footer: bool = False,
    lang: str = DEFAULT,
) -> go.Figure:
    """The full map (outlines travel once); later changes go through map_state, applied in the browser."""
    _ = gettext_for(lang)
    styles = map_styles(values, lang)
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
    figure.add_trace(theme.legend_key(_(NO_FIGURE), theme.NO_DATA_FILL))
    figure.add_trace(theme.legend_key(_(COMBINED_KEY), theme.MUTED, "square-x-open"))
    figure.add_trace(theme.legend_key(_(NOT_COMPARABLE), theme.NOT_COMPARABLE_FILL, "square-dot"))
    if "population_note" in values:
        figure.add_trace(theme.legend_key(_(NO_POPULATION_KEY), theme.NO_POPULATION_FILL, "square-x"))
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
    if lang in RIGHT_TO_LEFT:
        mirror_keys(figure)
    return apply_caption(figure, caption, footer)


def mirror_keys(figure: go.Figure) -> None:
    """Right to left: the colour bar starts on the right and the keys sit on the left of the band under the map,
    where a right-to-left reader ends the line (the map itself is geography: never mirrored)."""
    figure.update_layout(legend={"x": 0.5, "xanchor": "right"})
    for trace in figure.data:
        if trace.name == "scale":
            trace.marker.colorbar.update(x=1, xanchor="right")


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


def map_styles(values: pd.DataFrame, lang: str = DEFAULT) -> dict[str, dict]:
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
            "shape": {"fillcolor": colour, "fillpattern": pattern, "text": hover_text(row, lang)},
            "colour": colour,
            "hover": hover_text(row, lang),
            "ink": theme.ink_on(colour),
            "label": _label(row, lang),
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


def _label(row, lang: str = DEFAULT) -> str:  # noqa: ANN001 - a values row
    """The short name, the value shown (rate or count) and, outside a single year, the figure's year.

    In English the short name is the ISO code's letters; in Arabic and Kurdish the governorate's name
    (a Latin code means nothing there)."""
    short = _short(row.code) if lang == DEFAULT else row.name
    if row.status == "none":
        return short
    value = row.display if row.display is not None and not pd.isna(row.display) else row.value
    text = f"{short}<br>{_compact(value, lang)}" if value is not None and not pd.isna(value) else short
    text = text if row.comparable and row.is_full_year else f"{text}*"
    label_year = getattr(row, "label_year", None)
    return f"{text}<br>{year(label_year, lang)}" if label_year is not None and not pd.isna(label_year) else text


COMPACT = {"million": N_("{value}M"), "thousand": N_("{value}k")}


def _compact(value: float, lang: str = DEFAULT) -> str:
    """1,133 · 14.4k · 2.2M · 3.5: short enough to sit inside a governorate (the suffix is a message)."""
    _ = gettext_for(lang)
    if value >= 1_000_000:
        return _(COMPACT["million"]).format(value=number(round(value / 1_000_000, 1), lang, 1))
    if value >= 10_000:
        return _(COMPACT["thousand"]).format(value=number(round(value / 1000, 1), lang, 1))
    if value >= 100:
        return number(round(value), lang, 0)
    return number(float(f"{value:.3g}"), lang)


def _colour(value: float | None, low: float, high: float) -> str:
    if value is None or pd.isna(value):
        return theme.NO_DATA_FILL
    return theme.colour_for((value - low) / (high - low) if high > low else 1.0)


def hover_text(row, lang: str = DEFAULT) -> str:  # noqa: ANN001 - a values row (namedtuple)
    """Value with qualifier, period, publisher and a conflict marker; never a bare number."""
    _ = gettext_for(lang)
    if row.status == "none":
        return f"<b>{row.name}</b><br>{_(NO_FIGURE)}"
    lines = [f"<b>{row.name}</b>", row.value_text]
    rate_note = getattr(row, "population_note", "")
    if rate_note and row.display is not None and not pd.isna(row.display):
        lines[1] = f"{number(round(row.display, 1), lang, 1)} {rate_note}<br>({row.value_text})"
    elif rate_note:
        lines.append(rate_note)
    period = (
        row.period_label
        if row.is_full_year
        else _("{period}: partial period, not a full year").format(period=row.period_label)
    )
    lines.append(period)
    if row.status == "combined":
        lines.append(_("Combined figure for {place}").format(place=row.combined_name))
    lines.append(_("Source: {publisher}").format(publisher=row.publisher))
    if row.in_conflict:
        lines.append(_("⚠ Sources disagree: see the Claims page"))
    return "<br>".join(lines)


def outline_paths(geometry: Geometry) -> dict[str, list[list]]:
    """Each outline's coordinates as its figure trace draws them ([xs, ys], rings split by None): what the page
    fetches once to complete the map figure it receives without them."""
    return {code: list(_joined_rings(rings)) for code, rings in geometry.outlines.items()}


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


def map_state(values: pd.DataFrame, scale_title: str, lang: str = DEFAULT) -> dict:
    """The few arrays a change of indicator, year or per-capita alters, aligned with meta.codes.

    The browser applies them to the figure it already has (layouts/assets/map.js), so the outlines
    travel once per page load and an interaction moves a couple of kilobytes.
    """
    styles = map_styles(values, lang)
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


def _population_note(values: pd.DataFrame, lang: str = DEFAULT) -> str:
    """Which population years divide the counts, and which places have none (crossed)."""
    _ = gettext_for(lang)
    years = sorted({int(y) for y in values["population_year"].dropna()})
    missing = values.loc[values["population_year"].isna() & values["value"].notna(), "name"]
    text = (
        _(
            "Rates per 100,000 use each place's population of the year nearest the figure's (COSIT projections; "
            "KRG registry for the Kurdistan Region): population years {years}."
        ).format(years=_(", ").join(year(y, lang) for y in years))
        if years
        else _(
            "Rates per 100,000 use each place's population of the year nearest the figure's (COSIT projections; "
            "KRG registry for the Kurdistan Region)."
        )
    )
    if len(missing):
        text += " " + _("No population figure (crossed): {places}.").format(places=_(", ").join(missing))
    return text


def map_caption(
    values: pd.DataFrame,
    label: str,
    unit: str,
    period_text: str,
    per_capita: bool,
    credit: str,
    version: str = "",
    url: str = "",
    lang: str = DEFAULT,
) -> Caption:
    """Title, unit and period, the publishers shown, and what the map does not cover."""
    _ = gettext_for(lang)
    shown = values[values["status"] != "none"]
    notes = [
        _("Published figures cover {shown} of {total} governorates; grey means no published figure, not zero.").format(
            shown=number(len(shown), lang), total=number(len(values), lang)
        )
    ]
    combined = sorted({n for n in shown["combined_name"].dropna()})
    if combined:
        notes.append(
            _("Hatched: one combined figure for {places}, drawn over each member.").format(
                places=_(" and ").join(combined)
            )
        )
    partial = shown[~shown["comparable"].astype(bool)]
    if len(partial):
        listed = _("; ").join(f"{r.name} {r.value_text} ({r.period_label})" for r in partial.head(6).itertuples())
        if len(partial) > 6:
            listed = _("{listed} and {count} more").format(listed=listed, count=number(len(partial) - 6, lang))
        notes.append(
            _("Marked * and dotted, off the colour scale (part of a year or a one-day count): {listed}.").format(
                listed=listed
            )
        )
    if "population_note" in values:
        notes.append(_population_note(values, lang))
    if shown["in_conflict"].any():
        site = url.split("/map")[0]
        notes.append(
            _("Where sources disagree the most official source is shown; all figures and why at {where}.").format(
                where=f"{site}/claims" if site else _("the Claims page")
            )
        )
    if credit:
        notes.append(credit)
    subtitle = _("{unit} · by governorate · {period}").format(
        unit=_("per 100,000 people") if per_capita else unit_text(unit, lang), period=period_text
    )
    title = _("{indicator}, {period}").format(indicator=label, period=period_text)
    sources = source_line(list(shown["publisher"]), lang=lang)
    return Caption(title, subtitle, sources, tuple(notes), version, url, lang=lang)
