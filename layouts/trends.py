"""Trends page: an indicator over the years for Iraq, the Kurdistan Region and chosen governorates."""

from __future__ import annotations

from functools import lru_cache

import dash
import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html

from data.store import Snapshot
from figures.captions import site_url
from figures.selection import Tables, format_value, indicator_rows
from figures.trends import SCALES
from figures.views import trend_view, ytd_view
from figures.ytd import ytd_rows
from layouts._common import (
    DEFAULT_INDICATOR,
    MAX_PLACES,
    Query,
    caption_block,
    caption_header,
    chart,
    current,
    distinct_texts,
    download_bar,
    drug_options,
    indicator_options,
    labelled_dropdown,
    notices,
    place_names,
    query_string,
    tables_of,
)

dash.register_page(__name__, path="/trends", name="Trends", order=2, title="Trends · Iraq drug-policy figures")

INDICATOR, DRUG, PLACES, SCALE = "trends-indicator", "trends-drug", "trends-places", "trends-scale"
YTD_PLACE, YTD_GRAPH, YTD_HEADER, YTD_CAPTION = "ytd-place", "ytd-graph", "ytd-header", "ytd-caption"
SCALE_LABELS = {"auto": "Panels when places differ 10x", "shared": "One shared axis", "log": "Log axis"}
GRAPH, HEADER, LEFT_OUT, QUERY, SYNCED, NOTICES = (
    "trends-graph",
    "trends-header",
    "trends-left-out",
    "trends-query",
    "trends-url-synced",
    "trends-notices",
)
DEFAULT_PLACES = ["IQ", "IQ-KR"]


def read_options(query: Query, tables: Tables) -> tuple[str, str, list[str]]:
    indicators = [o["value"] for o in indicator_options(tables)]
    indicator = query.choice("indicator", indicators, DEFAULT_INDICATOR)
    drug = query.choice("drug", [o["value"] for o in drug_options(tables, indicator)], "all")
    places = query.many("places", list(tables.geographies["code"]), DEFAULT_PLACES, limit=MAX_PLACES)
    return indicator, drug, places


def read_scale(query: Query) -> str:
    return query.choice("scale", list(SCALES), "auto")


def ytd_places(tables: Tables, indicator: str, drug: str, places: list[str]) -> list[str]:
    """Places with year-to-date figures for this indicator, the chosen places first."""
    names = place_names(tables)
    found = [c for c in names if len(ytd_rows(tables, indicator, drug, c))]
    return sorted(found, key=lambda c: (c not in places, places.index(c) if c in places else 0, names[c]))


def place_options(tables: Tables, indicator: str, drug: str) -> list[dict]:
    """Places with at least one figure for this indicator first; the rest stay selectable but say so."""
    names = place_names(tables)
    with_data = set(indicator_rows(tables, indicator, drug)["geo_code"])
    ordered = sorted(names, key=lambda c: (c not in with_data, c not in ("IQ", "IQ-KR"), names[c]))
    return [{"label": names[c] + ("" if c in with_data else " (no figure)"), "value": c} for c in ordered]


def build(tables: Tables, indicator: str, drug: str, places: list[str], version: str, scale: str = "auto"):
    """The figure, its title block, and its footer with the figures it cannot draw (cumulative or spanning years)."""
    shown = trend_view(tables, indicator, drug, places, version, _url(indicator, drug, places), scale)
    names = {c: place_names(tables)[c] for c in places}
    return (
        shown.figure,
        caption_header(shown.caption),
        [
            html.Div(caption_block(shown.caption), className="caption-lines"),
            _left_out_list(shown.left_out, names),
            _why_list(shown.data, names),
            _flag_list(shown.flags, tables),
        ],
    )


def _why_list(rows, names: dict[str, str]) -> html.Div:  # noqa: ANN001
    """Each conflicting group drawn, and each part-of-place figure, with a link to its group view."""
    items = []
    for r in rows[rows["in_conflict"].fillna(False).astype(bool)].itertuples():
        items.append(
            html.Li(
                [
                    f"{names[r.geo_code]}, {r.period_label}: sources disagree; ",
                    dcc.Link("see every claim and why one was preferred", href=f"/claims?group={r.group_id}"),
                ]
            )
        )
    for r in rows[rows["scope"] == "part"].itertuples():
        items.append(
            html.Li(
                [
                    f"{names[r.geo_code]}, {r.period_label}: part of the place only ({r.scope_note}); ",
                    dcc.Link("claims", href=f"/claims?group={r.group_id}"),
                ]
            )
        )
    if not items:
        return html.Div()
    return html.Div([html.Strong("Conflicts and part-of-place figures in this chart: "), html.Ul(items)])


def _flag_list(flags, tables: Tables) -> html.Div:  # noqa: ANN001
    """Consistency flags for the places shown: figures that cannot all be true together."""
    if flags is None or flags.empty:
        return html.Div()
    group_of = dict(zip(tables.observations["claim_id"], tables.observations["group_id"], strict=True))
    items = [
        html.Li([f.message + " ", dcc.Link("group", href=f"/claims?group={group_of.get(f.whole_claim_id, '')}")])
        for f in flags.itertuples()
    ]
    return html.Div(
        [html.Strong("Consistency flags (figures that cannot all be true): "), html.Ul(items)], className="flags"
    )


def _left_out_list(rows, names: dict[str, str]) -> html.Div:  # noqa: ANN001
    if rows.empty:
        return html.Div()
    items = [
        html.Li(
            f"{names[r.geo_code]}: {format_value(r.value, r.qualifier, r.value_low, r.value_high, r.unit)} "
            f"({r.period_label}; {r.publisher})"
        )
        for r in rows.itertuples()
    ]
    return html.Div(
        [html.Strong("Not drawn (cumulative or spanning several years): "), html.Ul(items)], className="small"
    )


def _query(indicator: str, drug: str, places: list[str], scale: str = "auto") -> str:
    return query_string(
        indicator=indicator,
        drug=None if drug == "all" else drug,
        places=",".join(places),
        scale=None if scale == "auto" else scale,
    )


def ytd_block(tables: Tables, indicator: str, drug: str, code: str | None, version: str):
    """The year-to-date figure, header and caption for one place (or a plain message when there is none)."""
    if code is None:
        empty = go.Figure(layout={"template": "iraq_figures"})
        return empty, html.P("No figures that count from 1 January for this indicator."), ""
    shown = ytd_view(tables, indicator, drug, code, version, "")
    return (
        shown.figure,
        caption_header(shown.caption),
        html.Div(caption_block(shown.caption), className="caption-lines"),
    )


def _url(indicator: str, drug: str, places: list[str]) -> str:
    """The view's public address for captions and exports: empty unless SITE_URL is set (never the Host header)."""
    site = site_url()
    return f"{site}/trends?{_query(indicator, drug, places)}" if site else ""


def layout(**query: str) -> html.Div:
    data, tables = current()
    parsed = Query(query)
    indicator, drug, places = read_options(parsed, tables)
    scale = read_scale(parsed)
    figure, header, left_out = build(tables, indicator, drug, places, data.version, scale)
    drugs = drug_options(tables, indicator)
    ytd_codes = ytd_places(tables, indicator, drug, places)
    ytd_code = ytd_codes[0] if ytd_codes else None
    ytd_figure, ytd_header, ytd_caption = ytd_block(tables, indicator, drug, ytd_code, data.version)
    names = place_names(tables)
    return html.Div(
        [
            html.H1("Trends by year", className="h3"),
            html.Div(notices(parsed.notices), id=NOTICES),
            dbc.Row(
                [
                    labelled_dropdown(
                        "Indicator", INDICATOR, 4, options=indicator_options(tables), value=indicator, clearable=False
                    ),
                    labelled_dropdown(
                        "Drug", DRUG, 2, options=drugs, value=drug, clearable=False, disabled=len(drugs) < 2
                    ),
                    labelled_dropdown(
                        "Places", PLACES, 6, options=place_options(tables, indicator, drug), value=places, multi=True
                    ),
                ],
                class_name="g-2 mb-2",
            ),
            html.Div(
                [
                    html.Span("Scale: ", id=SCALE + "-label", className="small me-2"),
                    dbc.RadioItems(
                        id=SCALE,
                        options=[{"label": v, "value": k} for k, v in SCALE_LABELS.items()],
                        value=scale,
                        inline=True,
                        class_name="small d-inline-block",
                        input_class_name="me-1",
                    ),
                ],
                role="group",
                **{"aria-labelledby": SCALE + "-label"},
            ),
            html.Div(header, id=HEADER, className="mt-2"),
            chart(GRAPH, figure, "trend-graph", "70vh", "480px"),
            download_bar("trends"),
            html.Div(left_out, id=LEFT_OUT, className="small text-muted"),
            html.H2("Year to date", className="h5 mt-4"),
            html.P(
                "Statements that count from 1 January, joined within each year, so the pace of recent years can "
                "be compared.",
                className="small text-muted",
            ),
            dbc.Row(
                labelled_dropdown(
                    "Place",
                    YTD_PLACE,
                    4,
                    options=[{"label": names[c], "value": c} for c in ytd_codes],
                    value=ytd_code,
                    clearable=False,
                ),
                class_name="g-2 mb-2",
            ),
            html.Div(ytd_header, id=YTD_HEADER),
            chart(YTD_GRAPH, ytd_figure, "ytd-graph", "55vh", "380px"),
            html.Div(ytd_caption, id=YTD_CAPTION, className="small text-muted"),
            html.P(
                dcc.Link("All claims for this indicator", href=f"/claims?{query_string(indicator=indicator)}"),
                className="small",
            ),
            dcc.Store(id=QUERY, data=_query(indicator, drug, places, scale)),
            dcc.Store(id=SYNCED),
        ]
    )


@callback(
    Output(GRAPH, "figure"),
    Output(HEADER, "children"),
    Output(LEFT_OUT, "children"),
    Output(DRUG, "options"),
    Output(DRUG, "value"),
    Output(PLACES, "options"),
    Output(QUERY, "data"),
    Input(INDICATOR, "value"),
    Input(DRUG, "value"),
    Input(PLACES, "value"),
    Input(SCALE, "value"),
    prevent_initial_call=True,
)
def update_trend(indicator: str, drug: str, places: list[str], scale: str):  # noqa: ANN201
    data, _ = current()
    new_indicator = ctx.triggered_id == INDICATOR
    places_text = ",".join(distinct_texts(places))
    parts = _update_parts(data, str(indicator), "all" if new_indicator else str(drug), places_text, str(scale))
    return (*parts[:3], parts[3] if new_indicator else dash.no_update, *parts[4:])


@lru_cache(maxsize=512)
def _update_parts(data: Snapshot, indicator: str, drug: str, places: str, scale: str = "auto") -> tuple:
    """The trend outputs for one data version and selection, computed once and then served from memory."""
    tables = tables_of(data)
    query = Query({"indicator": indicator, "drug": drug, "places": places, "scale": scale})
    indicator, drug, chosen = read_options(query, tables)
    scale = read_scale(query)
    figure, header, left_out = build(tables, indicator, drug, chosen, data.version, scale)
    return (
        figure,
        header,
        left_out,
        drug_options(tables, indicator),
        drug,
        place_options(tables, indicator, drug),
        _query(indicator, drug, chosen, scale),
    )


@callback(
    Output(YTD_GRAPH, "figure"),
    Output(YTD_HEADER, "children"),
    Output(YTD_CAPTION, "children"),
    Output(YTD_PLACE, "options"),
    Output(YTD_PLACE, "value"),
    Input(INDICATOR, "value"),
    Input(DRUG, "value"),
    Input(YTD_PLACE, "value"),
    State(PLACES, "value"),
    prevent_initial_call=True,
)
def update_ytd(indicator: str, drug: str, code: str, places: list[str]):  # noqa: ANN201
    data, _ = current()
    chosen = tuple(distinct_texts(places))
    return _ytd_parts(data, str(indicator), str(drug), str(code), chosen)


@lru_cache(maxsize=512)
def _ytd_parts(data: Snapshot, indicator: str, drug: str, code: str, places: tuple[str, ...]) -> tuple:
    tables = tables_of(data)
    indicator, drug, chosen = read_options(
        Query({"indicator": indicator, "drug": drug, "places": ",".join(places)}), tables
    )
    codes = ytd_places(tables, indicator, drug, chosen)
    code = code if code in codes else (codes[0] if codes else None)
    names = place_names(tables)
    figure, header, caption = ytd_block(tables, indicator, drug, code, data.version)
    return figure, header, caption, [{"label": names[c], "value": c} for c in codes], code


clientside_callback(
    "function(query) { return window.dash_clientside.urlState.replace(query); }",
    Output(SYNCED, "data"),
    Input(QUERY, "data"),
)


clientside_callback(
    "function(query, preset) { return window.dash_clientside.downloads.hrefs(query, preset, 'trends'); }",
    Output("trends-download-png", "href"),
    Output("trends-download-svg", "href"),
    Output("trends-download-csv", "href"),
    Input(QUERY, "data"),
    Input("trends-preset", "value"),
)
