"""Map page: governorates coloured by an indicator and year, gaps shown as 'no published figure'."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html

from data.store import Snapshot, boundaries
from figures.bars import bar_state, make_ranked_bars
from figures.captions import site_url
from figures.geometry import Geometry, from_boundaries, tile_grid
from figures.maps import map_state
from figures.selection import (
    LATEST,
    MapOptions,
    Tables,
    available_years,
    default_map_year,
    format_value,
    indicator_rows,
    map_places,
    map_values,
)
from figures.views import View, map_content, map_view
from layouts._common import (
    DEFAULT_INDICATOR,
    Query,
    caption_block,
    chart,
    current,
    download_bar,
    drug_options,
    indicator_options,
    indicator_row,
    labelled_dropdown,
    notices,
    query_string,
    tables_of,
)

dash.register_page(__name__, path="/map", name="Map", order=1, title="Map · Iraq drug-policy figures")

INDICATOR, DRUG, YEAR, PER_CAPITA = "map-indicator", "map-drug", "map-year", "map-per-capita"
GRAPH, STATE, QUERY, SYNCED, SELECTED = "map-graph", "map-state", "map-query", "map-url-synced", "map-selected"
BARS = "map-bars"
NOTICES, PANEL, LARGER, CAPTION, HEADER = "map-notices", "map-panel", "map-larger", "map-caption", "map-header"
TITLE, SUBTITLE = "map-title", "map-subtitle"
NO_RATE_UNITS = ("percent",)


def geometry() -> Geometry:
    document = boundaries()
    return _geometry(document["sha256"] if document else None)


@lru_cache(maxsize=4)
def _geometry(sha256: str | None) -> Geometry:
    """Projected outlines, computed once per boundary file (or the tile grid when there is none)."""
    document = boundaries()
    return from_boundaries(document) if document and sha256 else tile_grid()


def map_codes(tables: Tables) -> list[str]:
    governorates, composites = map_places(tables.geographies)
    return governorates + list(composites)


def read_options(query: Query, tables: Tables) -> MapOptions:
    codes = map_codes(tables)
    indicators = [o["value"] for o in indicator_options(tables, codes)]
    indicator = query.choice(
        "indicator", indicators, DEFAULT_INDICATOR if DEFAULT_INDICATOR in indicators else indicators[0]
    )
    drug = query.choice("drug", [o["value"] for o in drug_options(tables, indicator)], "all")
    years = [LATEST, *available_years(tables, indicator, drug, codes)]
    # One calendar year by default, so the colours compare like with like; "latest" stays a choice.
    default_year = default_map_year(tables, indicator, drug)
    year = query.choice("year", years, default_year, cast=lambda t: t if t == LATEST else int(t))
    per_capita = query.flag("per_capita") and indicator_row(tables, indicator)["unit"] not in NO_RATE_UNITS
    return MapOptions(indicator, drug, year, per_capita)


def view(tables: Tables, options: MapOptions, version: str, shape: Geometry) -> View:
    return map_view(tables, options, shape, version, _url(options))


def _query(options: MapOptions) -> str:
    year = None if options.year == LATEST else options.year
    drug = None if options.drug == "all" else options.drug
    return query_string(indicator=options.indicator, drug=drug, year=year, per_capita=1 if options.per_capita else None)


def _url(options: MapOptions) -> str:
    """The view's public address for captions and exports: empty unless SITE_URL is set (never the Host header)."""
    site = site_url()
    return f"{site}/map?{_query(options)}" if site else ""


def layout(**query: str) -> html.Div:
    data, tables = current()
    parsed = Query(query)
    options = read_options(parsed, tables)
    shape = geometry()
    shown = view(tables, options, data.version, shape)
    caption, figure = shown.caption, shown.figure
    return html.Div(
        [
            html.H1("Map by governorate", className="h3"),
            html.Div(notices(parsed.notices), id=NOTICES),
            _controls(tables, options),
            html.Div(
                [html.H2(caption.title, id=TITLE, className="h5 mb-0"), html.Div(caption.subtitle, id=SUBTITLE)],
                id=HEADER,
                className="mt-2 small text-muted",
            ),
            dbc.Row(
                [
                    dbc.Col(chart(GRAPH, figure, "map-graph", "70vh", "360px"), lg=8),
                    dbc.Col(chart(BARS, _bars(data, _raw(options)), "bars-graph", "70vh", "520px"), lg=4),
                ],
                class_name="g-1",
            ),
            html.Div(
                "Tap or click a governorate, on the map or in the list, to read its figure.",
                id=SELECTED,
                className="small mb-2",
                **{"aria-live": "polite"},
            ),
            download_bar("map"),
            html.Div(caption_block(caption), id=CAPTION, className="small text-muted mb-2 caption-lines"),
            html.Div(_panel(tables, options, shape), id=PANEL, className="small text-muted"),
            dcc.Store(id=STATE),
            dcc.Store(id=QUERY, data=_query(options)),
            dcc.Store(id=SYNCED),
        ]
    )


def _controls(tables: Tables, options: MapOptions) -> dbc.Row:
    codes = map_codes(tables)
    years = [{"label": "Latest available", "value": LATEST}] + [
        {"label": str(y), "value": y} for y in available_years(tables, options.indicator, options.drug, codes)
    ]
    drugs = drug_options(tables, options.indicator)
    return dbc.Row(
        [
            labelled_dropdown(
                "Indicator",
                INDICATOR,
                4,
                options=indicator_options(tables, codes),
                value=options.indicator,
                clearable=False,
            ),
            # On a phone the drug and the year share a row, so the map starts higher up the screen.
            labelled_dropdown(
                "Drug", DRUG, 3, xs=6, options=drugs, value=options.drug, clearable=False, disabled=len(drugs) < 2
            ),
            labelled_dropdown("Year", YEAR, 2, xs=6, options=years, value=options.year, clearable=False),
            dbc.Col(
                dbc.Switch(id=PER_CAPITA, label="Per 100,000 people", value=options.per_capita, class_name="mt-md-4"),
                md=3,
            ),
        ],
        class_name="g-2 mb-2",
    )


def _panel(tables: Tables, options: MapOptions, shape: Geometry) -> list:
    """What the map shows, and the national and regional figures for the same selection (which it cannot draw)."""
    claims_link = dcc.Link("All claims behind this map", href=f"/claims?{query_string(indicator=options.indicator)}")
    return [
        html.P([shape.note, " ", shape.credit]),
        html.Div([html.Strong("Figures for larger areas: "), html.Span(_larger_text(tables, options), id=LARGER)]),
        html.P([claims_link]),
    ]


def _larger_text(tables: Tables, options: MapOptions) -> str:
    larger = []
    for code, name in (
        ("IQ", "Iraq"),
        ("IQ-KR", "Kurdistan Region"),
        ("X-IQ-FED", "Iraq excluding the Kurdistan Region"),
    ):
        rows = map_values(replace_places(tables, code), replace(options, per_capita=False))
        if len(rows) and rows.iloc[0]["status"] != "none":
            row = rows.iloc[0]
            larger.append(f"{name}: {row['value_text']} ({row['period_label']}; {row['publisher']})")
    text = "; ".join(larger) if larger else "none published for this selection."
    return text + _parts_text(tables, options)


def _parts_text(tables: Tables, options: MapOptions, limit: int = 8) -> str:
    """Figures for part of a governorate (a district, court, centre, one operation): listed, never coloured."""
    rows = indicator_rows(tables, options.indicator, options.drug, scope="part").dropna(subset=["ref_year"])
    rows = rows[rows["geo_code"].isin(map_codes(tables))]
    if options.year != LATEST:
        rows = rows[rows["ref_year"] == options.year]
    if rows.empty:
        return ""
    names = dict(zip(tables.geographies["code"], tables.geographies["name_en"], strict=True))
    rows = rows.sort_values("period_end", ascending=False)
    items = [
        f"{names[r.geo_code]} ({r.scope_note}): "
        f"{format_value(r.value, r.qualifier, r.value_low, r.value_high, r.unit)}, {r.period_label}"
        for r in rows.head(limit).itertuples()
    ]
    more = f" and {len(rows) - limit} more on the Claims page" if len(rows) > limit else ""
    return f". Part of a governorate only, not coloured: {'; '.join(items)}{more}."


def replace_places(tables: Tables, code: str) -> Tables:
    """A view of the tables in which one non-governorate place is the only 'governorate' (to reuse map_values)."""
    geographies = tables.geographies[tables.geographies["code"] == code].assign(level="governorate")
    return replace(tables, geographies=geographies)


def _raw(options: MapOptions) -> tuple[tuple[str, str], ...]:
    """The map's options as the hashable key its cached parts are stored under."""
    return (
        ("indicator", options.indicator),
        ("drug", options.drug),
        ("year", str(options.year)),
        ("per_capita", "1" if options.per_capita else "0"),
    )


@lru_cache(maxsize=1024)
def _bars(data: Snapshot, raw: tuple[tuple[str, str], ...]):  # noqa: ANN202 - a Plotly figure
    """The ranked bars for one data version and selection, computed once."""
    tables = tables_of(data)
    options = read_options(Query(dict(raw)), tables)
    values = map_values(tables, options)
    return make_ranked_bars(
        values, "per 100,000" if options.per_capita else indicator_row(tables, options.indicator)["unit"]
    )


@callback(
    Output(STATE, "data"),
    Input(INDICATOR, "value"),
    Input(DRUG, "value"),
    Input(YEAR, "value"),
    Input(PER_CAPITA, "value"),
    prevent_initial_call=True,
)
def update_map(indicator: str, drug: str, year, per_capita: bool):  # noqa: ANN001, ANN201
    """One small plain-JSON state; layouts/assets/map.js spreads it over the figure, captions, URL and controls."""
    data, _ = current()
    new_indicator = ctx.triggered_id == INDICATOR
    raw = (
        ("indicator", str(indicator)),
        ("drug", "all" if new_indicator else str(drug)),
        ("year", str(year)),
        ("per_capita", "1" if per_capita else "0"),
    )
    parts = _update_parts(data, raw)
    return parts if new_indicator else {k: v for k, v in parts.items() if k not in ("years", "drugs")}


@lru_cache(maxsize=1024)
def _update_parts(data: Snapshot, raw: tuple[tuple[str, str], ...]) -> dict:
    """Everything an interaction may send, computed once per data version and selection (then served from memory)."""
    tables = tables_of(data)
    options = read_options(Query(dict(raw)), tables)
    shape = geometry()
    values, caption, scale_title = map_content(tables, options, shape.credit, data.version, _url(options))
    drugs = drug_options(tables, options.indicator)
    years = [{"label": "Latest available", "value": LATEST}] + [
        {"label": str(y), "value": y}
        for y in available_years(tables, options.indicator, options.drug, map_codes(tables))
    ]
    return {
        "map": map_state(values, scale_title),
        "bars": bar_state(values),
        "years": years,
        "year": options.year,
        "drugs": drugs,
        "drug": options.drug,
        "query": _query(options),
        "larger": _larger_text(tables, options),
        "caption": caption_block(caption),
        "title": caption.title,
        "subtitle": caption.subtitle,
    }


clientside_callback(
    "function(state, figure, year, drug) { return window.dash_clientside.irqMap.distribute(state, figure, year, drug); }",
    Output(GRAPH, "figure"),
    Output(TITLE, "children"),
    Output(SUBTITLE, "children"),
    Output(CAPTION, "children"),
    Output(LARGER, "children"),
    Output(QUERY, "data"),
    Output(YEAR, "options"),
    Output(YEAR, "value"),
    Output(DRUG, "options"),
    Output(DRUG, "value"),
    Output(DRUG, "disabled"),
    Input(STATE, "data"),
    State(GRAPH, "figure"),
    State(YEAR, "value"),
    State(DRUG, "value"),
    prevent_initial_call=True,
)
clientside_callback(
    "function(state, figure) { return window.dash_clientside.irqMap.bars(state, figure); }",
    Output(BARS, "figure"),
    Input(STATE, "data"),
    State(BARS, "figure"),
    prevent_initial_call=True,
)
clientside_callback(
    "function(query) { return window.dash_clientside.urlState.replace(query); }",
    Output(SYNCED, "data"),
    Input(QUERY, "data"),
)


@callback(
    Output(SELECTED, "children"),
    Input(GRAPH, "clickData"),
    Input(BARS, "clickData"),
    State(INDICATOR, "value"),
    State(DRUG, "value"),
    State(YEAR, "value"),
    State(PER_CAPITA, "value"),
    prevent_initial_call=True,
)
def show_selected(map_click, bar_click, indicator, drug, year, per_capita):  # noqa: ANN001, ANN201
    """A tap shows the governorate's figure and period with a link to its trend; it never navigates by itself."""
    if ctx.triggered_id == BARS:
        points = bar_click.get("points") if isinstance(bar_click, dict) else None
        code = (
            points[0].get("customdata") if isinstance(points, list) and points and isinstance(points[0], dict) else None
        )
    else:
        code = clicked_code(map_click, geometry())
    data, tables = current()
    if code not in geometry().codes:
        return dash.no_update
    raw = (
        ("indicator", str(indicator)),
        ("drug", str(drug)),
        ("year", str(year)),
        ("per_capita", "1" if per_capita else "0"),
    )
    options = read_options(Query(dict(raw)), tables)
    row = map_values(tables, options).set_index("code").loc[code]
    trend = "/trends?" + query_string(
        indicator=options.indicator, drug=None if options.drug == "all" else options.drug, places=f"IQ,{code}"
    )
    detail = "" if row["status"] == "none" else f" ({row['period_label']}; {row['publisher']})"
    return [html.Strong(f"{row['name']}: "), f"{row['value_text']}{detail}. ", dcc.Link("Open trend", href=trend)]


def clicked_code(click: dict | None, shape: Geometry) -> str | None:
    """The governorate a click landed on: a label or Halabja's marker carries it, an outline by its trace."""
    points = click.get("points") if isinstance(click, dict) else None
    if not isinstance(points, list) or not points or not isinstance(points[0], dict):
        return None
    point = points[0]
    if point.get("customdata") in shape.codes:
        return point["customdata"]
    outlines = sorted(shape.outlines)
    number = point.get("curveNumber", -1)
    number = number if isinstance(number, int) else -1
    return outlines[number] if 0 <= number < len(outlines) else None


clientside_callback(
    "function(query, preset) { return window.dash_clientside.downloads.hrefs(query, preset, 'map'); }",
    Output("map-download-png", "href"),
    Output("map-download-svg", "href"),
    Output("map-download-csv", "href"),
    Input(QUERY, "data"),
    Input("map-preset", "value"),
)
