"""Trend chart: full calendar years joined by lines, partial periods as hollow labelled markers, conflicts as ranges.

Right-to-left languages (Arabic, Sorani): time still runs left to right, as on the Arabic-language statistical
charts of Iraq's and the Gulf's statistics offices (and as Plotly's date axis draws it), but the chart is
otherwise mirrored: the value axis stands on the right with its unit level above it (Arabic script is not read
turned on its side), each line is named at its left end (in the left margin, which the axis has freed, so a
name never meets the axis's numbers), panels are named at their top right, the legend is anchored right and
hover boxes are right-aligned. Plotly prints the years on a date axis in Western digits, so the years are
given as tick text written by `year()`. The value axis keeps Plotly's Western digits, as the charts of Iraq's
statistics office do.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from figures import theme
from figures.captions import Caption, apply_caption, source_line
from figures.i18n import DEFAULT, N_, RIGHT_TO_LEFT, gettext_for, number, period_text, unit_text, year
from figures.selection import format_value

SCALES = ("auto", "shared", "log")
PANEL_RATIO = 10  # places whose largest figures differ more than this get a panel each (scale "auto")
# A line of label text in pixels: Arabic script's bold line box (Noto Naskh Arabic) is half again as tall.
LABEL_LINE, LABEL_LINE_RTL = 18, 30
LEGEND_KEYS = (
    (N_("Part of a year (hollow)"), "circle-open"),
    (N_("More than, at least (caret)"), "triangle-up-open"),
)


def make_trend_figure(
    rows: pd.DataFrame,
    names: dict[str, str],
    unit: str,
    caption: Caption,
    footer: bool = False,
    parts: pd.DataFrame | None = None,
    scale: str = "auto",
    lang: str = DEFAULT,
) -> go.Figure:
    """One colour per place; a line only ever joins consecutive full years (or successive as-of counts).

    Each line is named at its end (no legend to hunt). Partial periods are hollow markers without text (the
    year-to-date panel shows them as a series); bounds ("more than") are carets; figures for part of a place
    are diamonds, never joined to the place's series. When the places' largest figures differ more than
    tenfold, each gets its own panel and y axis, unless `scale` asks for one shared (or log) axis. In Arabic
    and Sorani the chart is mirrored except for time (see the module's docstring).
    """
    _ = gettext_for(lang)
    right = lang in RIGHT_TO_LEFT
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
        figure.add_trace(_line(full, names[code], colour, lang), **where)
        if len(partial):
            figure.add_trace(_partial(partial, names[code], colour, lang), **where)
        own_parts = parts[parts["geo_code"] == code] if parts is not None else ()
        if len(own_parts):
            figure.add_trace(_parts(own_parts, names[code], colour, lang), **where)
        if panels:
            _label_panel(figure, names[code], colour, where["row"], right)
        else:
            ends.append(_line_end(full, names[code], colour, first=right))
    _label_line_ends(figure, [e for e in ends if e is not None], right)
    for key, symbol in LEGEND_KEYS:
        figure.add_trace(theme.legend_key(_(key), theme.MUTED, symbol))
    figure.update_yaxes(
        tickformat=",~r",
        type="log" if scale == "log" else "linear",
        rangemode="tozero",
        **({"side": "right", "automargin": True} if right else {}),
    )
    figure.update_xaxes(type="date", title=None, **(_year_ticks(rows, parts, lang) if right else {}))
    figure.update_layout(
        yaxis={"title": {"text": None if right else unit_text(unit, lang)}},
        hovermode="closest",
        meta={"codes": list(names), "panels": bool(panels), "scale": scale, "lang": lang},
        margin={"l": 110, "r": 90} if right else {"r": 110},
        legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 1 if right else 0}
        | ({"xanchor": "right"} if right else {}),
        **({"hoverlabel": {"align": "right"}} if right else {}),
    )
    if right:
        unit_above_axis(figure, unit_text(unit, lang))
    return apply_caption(figure, caption, footer)


def unit_above_axis(figure: go.Figure, unit: str) -> None:
    """Right to left, the unit stands level above the value axis (on the right) rather than turned on its side
    along it: Arabic script is not read rotated."""
    figure.add_annotation(
        text=unit,
        x=1,
        y=1,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="bottom",
        yshift=10,
        showarrow=False,
        font={"color": theme.MUTED, "size": 12},
        name="unit",
    )


def _year_ticks(rows: pd.DataFrame, parts: pd.DataFrame | None, lang: str) -> dict:
    """Years written in the language, one tick per year (every 2nd or 5th year over a long span)."""
    dates = pd.to_datetime(pd.concat([rows["x"], parts["x"] if parts is not None else pd.Series(dtype=object)]))
    dates = dates.dropna()
    if dates.empty:
        return {}
    first, last = int(dates.min().year), int(dates.max().year) + 1
    step = 1 if last - first <= 8 else 2 if last - first <= 16 else 5
    years = range(first - first % step, last + 1, step)
    return {
        "tickmode": "array",
        "tickvals": [pd.Timestamp(y, 1, 1) for y in years],
        "ticktext": [year(y, lang) for y in years],
    }


def _spread(rows: pd.DataFrame, names: dict[str, str]) -> float:
    """How many times larger the biggest place's figures are than the smallest place's."""
    tops = [rows.loc[rows["geo_code"] == c, "value"].max() for c in names]
    tops = [t for t in tops if pd.notna(t) and t > 0]
    return max(tops) / min(tops) if len(tops) > 1 else 1.0


def _line_end(full: pd.DataFrame, name: str, colour: str, first: bool = False) -> tuple | None:
    """The point a line is named at: its last full-year point, or its first one in a right-to-left chart."""
    drawn = full.dropna(subset=["x"])
    if drawn.empty:
        return None
    end = drawn.iloc[0 if first else -1]
    return end["x"], float(_plotted(end)), name, colour


def _label_line_ends(figure: go.Figure, ends: list[tuple], right_to_left: bool = False) -> None:
    """Each place's name right of its last full-year point (left of its first one, right to left), a direct
    label instead of a legend entry.

    Labels whose points are close in height are pushed apart (by a line of text each), so none overlap.
    """
    top = max((y for _, y, _, _ in ends), default=1.0) or 1.0
    line = LABEL_LINE_RTL if right_to_left else LABEL_LINE
    shift, previous = 0, None
    for x, y, name, colour in sorted(ends, key=lambda e: e[1]):
        shift = shift + line if previous is not None and (y - previous) / top < 0.12 else 0
        previous = y
        figure.add_annotation(
            x=x,
            y=y,
            text=f"<b>{name}</b>",
            showarrow=False,
            xanchor="right" if right_to_left else "left",
            xshift=-8 if right_to_left else 8,
            yshift=shift,
            font={"color": colour},
            name="line-label",
        )


def _label_panel(figure: go.Figure, name: str, colour: str, row: int, right_to_left: bool = False) -> None:
    """In small multiples each panel is named above its top-left corner (top-right, right to left)."""
    axis = "" if row == 1 else str(row)
    figure.add_annotation(
        x=1 if right_to_left else 0,
        y=1,
        xref=f"x{axis} domain",
        yref=f"y{axis} domain",
        text=f"<b>{name}</b>",
        showarrow=False,
        xanchor="right" if right_to_left else "left",
        yanchor="bottom",
        font={"color": colour},
        name="line-label",
    )


def _line(rows: pd.DataFrame, name: str, colour: str, lang: str = DEFAULT) -> go.Scatter:
    xs, ys, texts, lows, highs = [], [], [], [], []
    previous = None
    for row in rows.itertuples():
        if previous is not None and not _consecutive(previous, row):
            xs.append(None), ys.append(None), texts.append(""), lows.append(0), highs.append(0)
        xs.append(row.x), ys.append(_plotted(row)), texts.append(_hover(row, name, lang))
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


def _partial(rows: pd.DataFrame, name: str, colour: str, lang: str = DEFAULT) -> go.Scatter:
    """Hollow markers, no text: labels would pile up; the hover and the year-to-date panel give the periods."""
    trace = gettext_for(lang)(N_("{place} (partial period)")).format(place=name)
    return _markers(rows, trace, name, colour, "circle-open", size=10, width=2, lang=lang)


def _parts(rows: pd.DataFrame, name: str, colour: str, lang: str = DEFAULT) -> go.Scatter:
    """Diamonds for a district's, court's or centre's figure: listed with the place, never its value."""
    trace = gettext_for(lang)(N_("{place}: part of the place only")).format(place=name)
    return _markers(rows, trace, name, colour, "diamond-open", size=9, width=1.5, lang=lang)


def _markers(  # noqa: ANN202
    rows: pd.DataFrame, trace: str, name: str, colour: str, symbol: str, size: int, width: float, lang: str = DEFAULT
):
    return go.Scatter(
        x=list(rows["x"]),
        y=[_plotted(r) for r in rows.itertuples()],
        mode="markers",
        name=trace,
        showlegend=False,
        hovertext=[_hover(r, name, lang) for r in rows.itertuples()],
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


def _hover(row, name: str, lang: str = DEFAULT) -> str:  # noqa: ANN001
    """Place, value, period, source; the range where sources disagree. The ledger's editorial notes (what part of
    the place, why one source was preferred) are English only, so other languages leave them out."""
    _ = gettext_for(lang)
    period = period_text(row.period_label, lang)
    text = [
        f"<b>{name}</b>",
        format_value(row.value, row.qualifier, row.value_low, row.value_high, row.unit, lang),
        period
        if row.is_full_year or row.granularity == "as_of"
        else _("{period} — partial period").format(period=period),
        _("Source: {publisher}").format(publisher=row.publisher),
    ]
    if row.scope == "part":
        english = lang == DEFAULT
        text.insert(1, f"Part of the place only: {row.scope_note}" if english else _("Part of the place only"))
    if row.in_conflict:
        text.append(
            _("⚠ Sources disagree: {low}–{high}; this is the preferred figure").format(
                low=number(round(row.group_min), lang), high=number(round(row.group_max), lang)
            )
        )
    if row.n_claims > 1 and lang == DEFAULT:
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
    lang: str = DEFAULT,
) -> Caption:
    _ = gettext_for(lang)
    years = sorted({int(y) for y in rows.loc[rows["is_full_year"], "ref_year"]})
    partial = int((~rows["is_full_year"] & (rows["granularity"] != "as_of")).sum())
    notes = [
        _years_text(years, lang)
        + " "
        + _("Partial periods ({count}) are hollow markers and never joined to full years.").format(
            count=number(partial, lang)
        )
    ]
    if parts:
        notes.append(
            _(
                "{count} figure(s) for part of a place (a district, court or centre) are open diamonds, not the place's value."
            ).format(count=number(parts, lang))
        )
    conflicts = rows[rows["in_conflict"]]
    if len(conflicts):
        notes.append(_conflict_note(list(conflicts["group_id"]), url, lang))
    if flags:
        notes.append(
            _("{count} consistency flag(s): a part of a year exceeds the whole year's preferred figure.").format(
                count=number(flags, lang)
            )
        )
    if left_out:
        notes.append(
            _("{count} cumulative or multi-year figure(s) are not drawn; see the Claims page.").format(
                count=number(left_out, lang)
            )
        )
    title = _("{indicator}: {places}").format(indicator=label, places=_(", ").join(names.values()))
    subtitle = _("{unit} · by year").format(unit=unit_text(unit, lang))
    return Caption(
        title, subtitle, source_line(list(rows["publisher"]), lang=lang), tuple(notes), version, url, lang=lang
    )


def _conflict_note(groups: list[str], url: str, lang: str) -> str:
    """Where the conflicting groups are explained: the Claims page's address (in the page's language) and ids."""
    _ = gettext_for(lang)
    listed = _(", ").join(groups[:3])
    if len(groups) > 3:
        listed = _("{groups} and {count} more").format(groups=listed, count=number(len(groups) - 3, lang))
    site = url.split("/trends")[0]
    if not site:
        return _(
            "Where sources disagree (vertical bars) the most official source is shown; every figure and why one "
            "was preferred: the Claims page, group {groups}."
        ).format(groups=listed)
    address = f"{site}/claims?group=ID" if lang == DEFAULT else f"{site}/claims?lang={lang}&group=ID"
    return _(
        "Where sources disagree (vertical bars) the most official source is shown; every figure and why one "
        "was preferred: {address} {groups}."
    ).format(address=address, groups=listed)


def _years_text(years: list[int], lang: str = DEFAULT) -> str:
    _ = gettext_for(lang)
    if not years:
        return _("Full calendar years with a figure: none.")
    return _("Full calendar years with a figure: {years}.").format(years=_(", ").join(year(y, lang) for y in years))
