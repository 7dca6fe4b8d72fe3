"""Map page: governorates coloured by an indicator and year, gaps shown as 'no published figure'."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html

from data.store import Snapshot, boundaries
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
GRAPH, STATE, QUERY, SYNCED, NAVIGATE = "map-graph", "map-state", "map-query", "map-url-synced", "map-navigate"
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
            chart(GRAPH, figure, "map-graph", "78vh", "520px"),
            download_bar("map"),
            html.Div(caption_block(caption), id=CAPTION, className="small text-muted mb-2 caption-lines"),
            html.Div(_panel(tables, options, shape), id=PANEL, className="small text-muted"),
            dcc.Store(id=STATE),
            dcc.Store(id=QUERY, data=_query(options)),
            dcc.Store(id=SYNCED),
            dcc.Location(id=NAVIGATE, refresh="callback-nav"),
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
            labelled_dropdown(
                "Drug", DRUG, 3, options=drugs, value=options.drug, clearable=False, disabled=len(drugs) < 2
            ),
            labelled_dropdown("Year", YEAR, 2, options=years, value=options.year, clearable=False),
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
        html.P(["Click a governorate to open its trend. ", claims_link]),
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


@callback(
    Output(STATE, "data"),
    Input(INDICATOR, "value"),
    Input(DRUG, "value"),
    Input(YEAR, "value"),
    Input(PER_CAPITA, "value"),
    prevent_initial_call=True,
)
def update_map(indicator: str, drug: str, year, per_capita: bool) -> dict:  # noqa: ANN001
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
    "function(query) { return window.dash_clientside.urlState.replace(query); }",
    Output(SYNCED, "data"),
    Input(QUERY, "data"),
)


@callback(
    Output(NAVIGATE, "href"),
    Input(GRAPH, "clickData"),
    State(INDICATOR, "value"),
    State(DRUG, "value"),
    prevent_initial_call=True,
)
def open_trend(click: dict | None, indicator: str, drug: str) -> str:
    code = clicked_code(click, geometry())
    if code is None:
        return dash.no_update
    return "/trends?" + query_string(indicator=indicator, drug=None if drug == "all" else drug, places=f"IQ,{code}")


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
