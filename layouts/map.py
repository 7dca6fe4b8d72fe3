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
from figures.geometry import Geometry, credit_text, from_boundaries, tile_grid
from figures.i18n import N_, NAME_COLUMN, gettext_for, number, period_text, unit_text, year
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
    href,
    indicator_options,
    indicator_row,
    labelled_dropdown,
    lang_store,
    link,
    notices,
    page_frame,
    query_string,
    tables_of,
)

dash.register_page(__name__, path="/map", name=N_("Map"), order=1, title=N_("Map · Iraq drug-policy figures"))

INDICATOR, DRUG, YEAR, PER_CAPITA = "map-indicator", "map-drug", "map-year", "map-per-capita"
GRAPH, STATE, QUERY, SYNCED, SELECTED = "map-graph", "map-state", "map-query", "map-url-synced", "map-selected"
SKELETON, LANG = "map-skeleton", "map-lang"
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
    chosen = query.choice("year", years, default_year, cast=lambda t: t if t == LATEST else int(t))
    per_capita = query.flag("per_capita") and indicator_row(tables, indicator)["unit"] not in NO_RATE_UNITS
    return MapOptions(indicator, drug, chosen, per_capita, query.lang)


def view(tables: Tables, options: MapOptions, version: str, shape: Geometry) -> View:
    return map_view(tables, options, shape, version, _url(options))


def _query(options: MapOptions) -> str:
    chosen = None if options.year == LATEST else options.year
    drug = None if options.drug == "all" else options.drug
    per_capita = 1 if options.per_capita else None
    return query_string(indicator=options.indicator, drug=drug, year=chosen, per_capita=per_capita, lang=options.lang)


def _url(options: MapOptions) -> str:
    """The view's public address for captions and exports: empty unless SITE_URL is set (never the Host header)."""
    site = site_url()
    return f"{site}/map?{_query(options)}" if site else ""


def layout(**query: str) -> html.Div:
    data, tables = current()
    parsed = Query(query)
    options = read_options(parsed, tables)
    _ = gettext_for(options.lang)
    shape = geometry()
    shown = view(tables, options, data.version, shape)
    caption = shown.caption
    content = [
        html.H1(_("Map by governorate"), className="h3"),
        html.Div(notices(parsed.notices), id=NOTICES),
        _controls(tables, options),
        html.Div(
            [html.H2(caption.title, id=TITLE, className="h5 mb-0"), html.Div(caption.subtitle, id=SUBTITLE)],
            id=HEADER,
            className="mt-2 small text-muted",
        ),
        dbc.Row(
            [
                dbc.Col(chart(GRAPH, EMPTY_MAP, "map-graph", "70vh", "360px"), lg=8),
                dbc.Col(chart(BARS, _bars(data, _raw(options)), "bars-graph", "70vh", "520px"), lg=4),
            ],
            class_name="g-1",
        ),
        html.Div(
            _("Tap or click a governorate, on the map or in the list, to read its figure."),
            id=SELECTED,
            className="small mb-2",
            **{"aria-live": "polite"},
        ),
        download_bar("map", options.lang),
        html.Div(caption_block(caption), id=CAPTION, className="small text-muted mb-2 caption-lines"),
        html.Div(_panel(tables, options, shape), id=PANEL, className="small text-muted"),
        # The figure without its outlines; layouts/assets/map.js adds them from /geometry/<id>.json, fetched once
        # per page load (and cached by the browser), so a change of language or year never sends them again.
        dcc.Store(id=SKELETON, data=skeleton(shown.figure, shape)),
        dcc.Store(id=STATE),
        dcc.Store(id=QUERY, data=_query(options)),
        dcc.Store(id=SYNCED),
        lang_store("map", options.lang),
    ]
    return page_frame(options.lang, "/map", parsed.raw, content)


# What the graph shows until the outlines arrive: an empty, axis-less plot (not Plotly's default grid).
EMPTY_MAP = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}}}


def geometry_url(shape: Geometry) -> str:
    return f"/geometry/{shape.fingerprint}.json"


def skeleton(figure, shape: Geometry) -> dict:  # noqa: ANN001 - a Plotly figure
    """The map figure as plain JSON with every outline's coordinates left out (they come from geometry_url)."""
    plain = figure.to_plotly_json()
    outline_traces = set(plain["layout"]["meta"]["outline_traces"].values())
    plain["data"] = [
        {k: v for k, v in trace.items() if k not in ("x", "y")} if i in outline_traces else trace
        for i, trace in enumerate(plain["data"])
    ]
    plain["layout"]["meta"]["geometry_url"] = geometry_url(shape)
    return plain


def _controls(tables: Tables, options: MapOptions) -> dbc.Row:
    _ = gettext_for(options.lang)
    codes = map_codes(tables)
    drugs = drug_options(tables, options.indicator, options.lang)
    return dbc.Row(
        [
            labelled_dropdown(
                _("Indicator"),
                INDICATOR,
                4,
                lang=options.lang,
                options=indicator_options(tables, codes, options.lang),
                value=options.indicator,
                clearable=False,
            ),
            # On a phone the drug and the year share a row, so the map starts higher up the screen.
            labelled_dropdown(
                _("Drug"),
                DRUG,
                3,
                xs=6,
                lang=options.lang,
                options=drugs,
                value=options.drug,
                clearable=False,
                disabled=len(drugs) < 2,
            ),
            labelled_dropdown(
                _("Year"),
                YEAR,
                2,
                xs=6,
                lang=options.lang,
                options=year_options(tables, options),
                value=options.year,
                clearable=False,
            ),
            dbc.Col(
                dbc.Switch(
                    id=PER_CAPITA, label=_("Per 100,000 people"), value=options.per_capita, class_name="mt-md-4"
                ),
                md=3,
            ),
        ],
        class_name="g-2 mb-2",
    )


def year_options(tables: Tables, options: MapOptions) -> list[dict]:
    _ = gettext_for(options.lang)
    years = available_years(tables, options.indicator, options.drug, map_codes(tables))
    return [{"label": _(LATEST_TEXT), "value": LATEST}] + [{"label": year(y, options.lang), "value": y} for y in years]


def _panel(tables: Tables, options: MapOptions, shape: Geometry) -> list:
    """What the map shows, and the national and regional figures for the same selection (which it cannot draw)."""
    _ = gettext_for(options.lang)
    claims_link = link(_("All claims behind this map"), "/claims", options.lang, indicator=options.indicator)
    return [
        html.P([_(shape.note), " ", credit_text(shape, options.lang)]),
        html.Div(
            [html.Strong(_("Figures for larger areas:") + " "), html.Span(_larger_text(tables, options), id=LARGER)]
        ),
        html.P([claims_link]),
    ]


LARGER_AREAS = (
    ("IQ", N_("Iraq")),
    ("IQ-KR", N_("Kurdistan Region")),
    ("X-IQ-FED", N_("Iraq excluding the Kurdistan Region")),
)
LATEST_TEXT = N_("Latest available")


def _larger_text(tables: Tables, options: MapOptions) -> str:
    _ = gettext_for(options.lang)
    larger = []
    for code, name in LARGER_AREAS:
        rows = map_values(replace_places(tables, code), replace(options, per_capita=False))
        if len(rows) and rows.iloc[0]["status"] != "none":
            row = rows.iloc[0]
            larger.append(f"{_(name)}: {row['value_text']} ({row['period_label']}; {row['publisher']})")
    text = _("; ").join(larger) if larger else _("none published for this selection.")
    return text + _parts_text(tables, options)


def _parts_text(tables: Tables, options: MapOptions, limit: int = 8) -> str:
    """Figures for part of a governorate (a district, court, centre, one operation): listed, never coloured.

    The English view names each part (the ledger's scope note, written in English); other languages say
    'part of the governorate' and leave the detail to the Claims page."""
    _ = gettext_for(options.lang)
    rows = indicator_rows(tables, options.indicator, options.drug, scope="part").dropna(subset=["ref_year"])
    rows = rows[rows["geo_code"].isin(map_codes(tables))]
    if options.year != LATEST:
        rows = rows[rows["ref_year"] == options.year]
    if rows.empty:
        return ""
    names = dict(zip(tables.geographies["code"], tables.geographies[NAME_COLUMN[options.lang]], strict=True))
    rows = rows.sort_values("period_end", ascending=False)
    items = [
        _("{place} ({part}): {value}, {period}").format(
            place=names[r.geo_code],
            part=r.scope_note if options.lang == "en" else _("part of the governorate"),
            value=format_value(r.value, r.qualifier, r.value_low, r.value_high, r.unit, options.lang),
            period=period_text(r.period_label, options.lang),
        )
        for r in rows.head(limit).itertuples()
    ]
    listed = _("; ").join(items)
    if len(rows) > limit:
        listed = _("{listed} and {count} more on the Claims page").format(
            listed=listed, count=number(len(rows) - limit, options.lang)
        )
    return " " + _("Part of a governorate only, not coloured: {listed}.").format(listed=listed)


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
        ("lang", options.lang),
    )


@lru_cache(maxsize=1024)
def _bars(data: Snapshot, raw: tuple[tuple[str, str], ...]):  # noqa: ANN202 - a Plotly figure
    """The ranked bars for one data version and selection, computed once."""
    tables = tables_of(data)
    options = read_options(Query(dict(raw)), tables)
    values = map_values(tables, options)
    unit = "per 100,000" if options.per_capita else indicator_row(tables, options.indicator)["unit"]
    return make_ranked_bars(values, unit_text(unit, options.lang), options.lang)


@callback(
    Output(STATE, "data"),
    Input(INDICATOR, "value"),
    Input(DRUG, "value"),
    Input(YEAR, "value"),
    Input(PER_CAPITA, "value"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
def update_map(indicator: str, drug: str, year, per_capita: bool, lang: str):  # noqa: ANN001, ANN201
    """One small plain-JSON state; layouts/assets/map.js spreads it over the figure, captions, URL and controls."""
    data, _ = current()
    new_indicator = ctx.triggered_id == INDICATOR
    raw = (
        ("indicator", str(indicator)),
        ("drug", "all" if new_indicator else str(drug)),
        ("year", str(year)),
        ("per_capita", "1" if per_capita else "0"),
        ("lang", str(lang)),
    )
    parts = _update_parts(data, raw)
    return parts if new_indicator else {k: v for k, v in parts.items() if k not in ("years", "drugs")}


@lru_cache(maxsize=1024)
def _update_parts(data: Snapshot, raw: tuple[tuple[str, str], ...]) -> dict:
    """Everything an interaction may send, computed once per data version and selection (then served from memory)."""
    tables = tables_of(data)
    options = read_options(Query(dict(raw)), tables)
    shape = geometry()
    credit = credit_text(shape, options.lang)
    values, caption, scale_title = map_content(tables, options, credit, data.version, _url(options))
    return {
        "map": map_state(values, scale_title, options.lang),
        "bars": bar_state(values, options.lang),
        "years": year_options(tables, options),
        "year": options.year,
        "drugs": drug_options(tables, options.indicator, options.lang),
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
    "function(skeleton) { return window.dash_clientside.irqMap.draw(skeleton); }",
    Output(GRAPH, "figure", allow_duplicate=True),
    Input(SKELETON, "data"),
    prevent_initial_call="initial_duplicate",
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
    State(LANG, "data"),
    prevent_initial_call=True,
)
def show_selected(map_click, bar_click, indicator, drug, year, per_capita, lang):  # noqa: ANN001, ANN201
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
        ("lang", str(lang)),
    )
    options = read_options(Query(dict(raw)), tables)
    _ = gettext_for(options.lang)
    row = map_values(tables, options).set_index("code").loc[code]
    drug = None if options.drug == "all" else options.drug
    trend = href("/trends", options.lang, indicator=options.indicator, drug=drug, places=f"IQ,{code}")
    detail = "" if row["status"] == "none" else f" ({row['period_label']}; {row['publisher']})"
    return [html.Strong(f"{row['name']}: "), f"{row['value_text']}{detail}. ", dcc.Link(_("Open trend"), href=trend)]


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
