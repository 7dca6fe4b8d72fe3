"""Trends page: an indicator over the years for Iraq, the Kurdistan Region and chosen governorates."""

from __future__ import annotations

from functools import lru_cache

import dash
import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html

from data.store import Snapshot
from figures.captions import site_url
from figures.i18n import DEFAULT, N_, gettext_for, known, period_text, year
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
    dropdown_labels,
    drug_options,
    indicator_options,
    labelled_dropdown,
    lang_store,
    link,
    notices,
    page_frame,
    place_names,
    query_string,
    tables_of,
)

dash.register_page(__name__, path="/trends", name=N_("Trends"), order=2, title=N_("Trends · Iraq drug-policy figures"))

INDICATOR, DRUG, PLACES, SCALE = "trends-indicator", "trends-drug", "trends-places", "trends-scale"
YTD_PLACE, YTD_GRAPH, YTD_HEADER, YTD_CAPTION = "ytd-place", "ytd-graph", "ytd-header", "ytd-caption"
SCALE_LABELS = {"auto": N_("Panels when places differ 10x"), "shared": N_("One shared axis"), "log": N_("Log axis")}
GRAPH, HEADER, LEFT_OUT, QUERY, SYNCED, NOTICES = (
    "trends-graph",
    "trends-header",
    "trends-left-out",
    "trends-query",
    "trends-url-synced",
    "trends-notices",
)
LANG = "trends-lang"  # the page's language (layouts/_common.lang_store), read by the callbacks as State
DEFAULT_PLACES = ["IQ", "IQ-KR"]
# The build's consistency flags, by kind, in the reader's words (each flag's own message is English only).
FLAG_KINDS = {
    "part_exceeds_whole": N_("{place}, {year}: a part of the year exceeds the whole year's preferred figure."),
    "members_exceed_composite": N_("{place}, {year}: the figures of its member places exceed its preferred figure."),
}
ENGLISH_NOTES = N_(
    "Notes on which part of a place a figure covers, why one source was preferred, and the consistency flags' "
    "wording are in English, in the English view and in the CSV."
)


def read_options(query: Query, tables: Tables) -> tuple[str, str, list[str]]:
    indicators = [o["value"] for o in indicator_options(tables, lang=query.lang)]
    indicator = query.choice("indicator", indicators, DEFAULT_INDICATOR)
    drug = query.choice("drug", [o["value"] for o in drug_options(tables, indicator, query.lang)], "all")
    places = query.many("places", list(tables.geographies["code"]), DEFAULT_PLACES, limit=MAX_PLACES)
    return indicator, drug, places


def read_scale(query: Query) -> str:
    return query.choice("scale", list(SCALES), "auto")


def ytd_places(tables: Tables, indicator: str, drug: str, places: list[str], lang: str = DEFAULT) -> list[str]:
    """Places with year-to-date figures for this indicator, the chosen places first."""
    names = place_names(tables, lang)
    found = [c for c in names if len(ytd_rows(tables, indicator, drug, c))]
    return sorted(found, key=lambda c: (c not in places, places.index(c) if c in places else 0, names[c]))


def place_options(tables: Tables, indicator: str, drug: str, lang: str = DEFAULT) -> list[dict]:
    """Places with at least one figure for this indicator first; the rest stay selectable but say so."""
    _ = gettext_for(lang)
    names = place_names(tables, lang)
    with_data = set(indicator_rows(tables, indicator, drug)["geo_code"])
    ordered = sorted(names, key=lambda c: (c not in with_data, c not in ("IQ", "IQ-KR"), names[c]))
    return [
        {"label": names[c] if c in with_data else _("{place} (no figure)").format(place=names[c]), "value": c}
        for c in ordered
    ]


def build(
    tables: Tables,
    indicator: str,
    drug: str,
    places: list[str],
    version: str,
    scale: str = "auto",
    lang: str = DEFAULT,
):  # noqa: ANN201
    """The figure, its title block, and its footer with the figures it cannot draw (cumulative or spanning years)."""
    url = _url(indicator, drug, places, lang)
    shown = trend_view(tables, indicator, drug, places, version, url, scale, lang=lang)
    names = {c: place_names(tables, lang)[c] for c in places}
    lists = [_why_list(shown.data, names, lang), _flag_list(shown.flags, tables, names, lang)]
    english = lang != DEFAULT and any(item.children for item in lists)
    return (
        shown.figure,
        caption_header(shown.caption),
        [
            html.Div(caption_block(shown.caption), className="caption-lines"),
            _left_out_list(shown.left_out, names, lang),
            *lists,
            _english_notes(indicator, drug, places, scale, lang) if english else html.Div(),
        ],
    )


def _english_notes(indicator: str, drug: str, places: list[str], scale: str, lang: str) -> html.P:
    """In Arabic and Sorani: the ledger's editorial notes are English only, and where to read them."""
    _ = gettext_for(lang)
    english = f"/trends?{_query(indicator, drug, places, scale, DEFAULT)}"
    return html.P([_(ENGLISH_NOTES) + " ", dcc.Link(_("English view"), href=english)])


def _why_list(rows, names: dict[str, str], lang: str = DEFAULT) -> html.Div:  # noqa: ANN001
    """Each conflicting group drawn, and each part-of-place figure, with a link to its group view."""
    _ = gettext_for(lang)
    items = []
    for r in rows[rows["in_conflict"].fillna(False).astype(bool)].itertuples():
        where = {"place": names[r.geo_code], "period": period_text(r.period_label, lang)}
        items.append(
            html.Li(
                [
                    _("{place}, {period}: sources disagree;").format(**where) + " ",
                    link(_("see every claim and why one was preferred"), "/claims", lang, group=r.group_id),
                ]
            )
        )
    for r in rows[rows["scope"] == "part"].itertuples():
        where = {"place": names[r.geo_code], "period": period_text(r.period_label, lang)}
        # The scope note is the ledger's English: shown in English only.
        text = (
            f"{where['place']}, {where['period']}: part of the place only ({r.scope_note});"
            if lang == DEFAULT
            else _("{place}, {period}: part of the place only;").format(**where)
        )
        items.append(html.Li([text + " ", link(_("claims"), "/claims", lang, group=r.group_id)]))
    if not items:
        return html.Div()
    return html.Div([html.Strong(_("Conflicts and part-of-place figures in this chart:") + " "), html.Ul(items)])


def _flag_list(flags, tables: Tables, names: dict[str, str], lang: str = DEFAULT) -> html.Div:  # noqa: ANN001
    """Consistency flags for the places shown: figures that cannot all be true together."""
    if flags is None or flags.empty:
        return html.Div()
    _ = gettext_for(lang)
    group_of = dict(zip(tables.observations["claim_id"], tables.observations["group_id"], strict=True))
    items = [
        html.Li(
            [
                _flag_text(f, names, lang) + " ",
                link(_("group"), "/claims", lang, group=group_of.get(f.whole_claim_id, "")),
            ]
        )
        for f in flags.itertuples()
    ]
    return html.Div(
        [html.Strong(_("Consistency flags (figures that cannot all be true):") + " "), html.Ul(items)],
        className="flags",
    )


def _flag_text(flag, names: dict[str, str], lang: str) -> str:  # noqa: ANN001 - an itertuples row
    """The flag's own (English) message in English; elsewhere its kind, place and year in the reader's words."""
    message = FLAG_KINDS.get(flag.kind)
    if lang == DEFAULT or message is None:
        return flag.message
    when = year(flag.year, lang) if pd.notna(flag.year) else "—"
    return gettext_for(lang)(message).format(place=names.get(flag.geo_code, flag.geo_code), year=when)


def _left_out_list(rows, names: dict[str, str], lang: str = DEFAULT) -> html.Div:  # noqa: ANN001
    if rows.empty:
        return html.Div()
    _ = gettext_for(lang)
    items = [
        html.Li(
            _("{place}: {value} ({period}; {publisher})").format(
                place=names[r.geo_code],
                value=format_value(r.value, r.qualifier, r.value_low, r.value_high, r.unit, lang),
                period=period_text(r.period_label, lang),
                publisher=r.publisher,
            )
        )
        for r in rows.itertuples()
    ]
    return html.Div(
        [html.Strong(_("Not drawn (cumulative or spanning several years):") + " "), html.Ul(items)], className="small"
    )


def _query(indicator: str, drug: str, places: list[str], scale: str = "auto", lang: str = DEFAULT) -> str:
    return query_string(
        indicator=indicator,
        drug=None if drug == "all" else drug,
        places=",".join(places),
        scale=None if scale == "auto" else scale,
        lang=lang,
    )


def ytd_block(tables: Tables, indicator: str, drug: str, code: str | None, version: str, lang: str = DEFAULT):  # noqa: ANN201
    """The year-to-date figure, header and caption for one place (or a plain message when there is none)."""
    if code is None:
        empty = go.Figure(layout={"template": "iraq_figures"})
        return empty, html.P(gettext_for(lang)(N_("No figures that count from 1 January for this indicator."))), ""
    shown = ytd_view(tables, indicator, drug, code, version, "", lang=lang)
    return (
        shown.figure,
        caption_header(shown.caption),
        html.Div(caption_block(shown.caption), className="caption-lines"),
    )


def _url(indicator: str, drug: str, places: list[str], lang: str = DEFAULT) -> str:
    """The view's public address for captions and exports: empty unless SITE_URL is set (never the Host header)."""
    site = site_url()
    return f"{site}/trends?{_query(indicator, drug, places, lang=lang)}" if site else ""


def layout(**query: str) -> html.Div:
    data, tables = current()
    parsed = Query(query)
    lang = parsed.lang
    _ = gettext_for(lang)
    indicator, drug, places = read_options(parsed, tables)
    scale = read_scale(parsed)
    figure, header, left_out = build(tables, indicator, drug, places, data.version, scale, lang)
    drugs = drug_options(tables, indicator, lang)
    ytd_codes = ytd_places(tables, indicator, drug, places, lang)
    ytd_code = ytd_codes[0] if ytd_codes else None
    ytd_figure, ytd_header, ytd_caption = ytd_block(tables, indicator, drug, ytd_code, data.version, lang)
    names = place_names(tables, lang)
    labels = dropdown_labels(lang)
    content = [
        html.H1(_("Trends by year"), className="h3"),
        html.Div(notices(parsed.notices), id=NOTICES),
        dbc.Row(
            [
                labelled_dropdown(
                    _("Indicator"),
                    INDICATOR,
                    4,
                    options=indicator_options(tables, lang=lang),
                    value=indicator,
                    clearable=False,
                    labels=labels,
                ),
                labelled_dropdown(
                    _("Drug"),
                    DRUG,
                    2,
                    options=drugs,
                    value=drug,
                    clearable=False,
                    disabled=len(drugs) < 2,
                    labels=labels,
                ),
                labelled_dropdown(
                    _("Places"),
                    PLACES,
                    6,
                    options=place_options(tables, indicator, drug, lang),
                    value=places,
                    multi=True,
                    placeholder=_("Choose places"),
                    labels=labels,
                ),
            ],
            class_name="g-2 mb-2",
        ),
        html.Div(
            [
                html.Span(_("Scale:") + " ", id=SCALE + "-label", className="small me-2"),
                dbc.RadioItems(
                    id=SCALE,
                    options=[{"label": _(v), "value": k} for k, v in SCALE_LABELS.items()],
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
        download_bar("trends", lang),
        html.Div(left_out, id=LEFT_OUT, className="small text-muted"),
        html.H2(_("Year to date"), className="h5 mt-4"),
        html.P(
            _(
                "Statements that count from 1 January, joined within each year, so the pace of recent years can "
                "be compared."
            ),
            className="small text-muted",
        ),
        dbc.Row(
            labelled_dropdown(
                _("Place"),
                YTD_PLACE,
                4,
                options=[{"label": names[c], "value": c} for c in ytd_codes],
                value=ytd_code,
                clearable=False,
                labels=labels,
            ),
            class_name="g-2 mb-2",
        ),
        html.Div(ytd_header, id=YTD_HEADER),
        chart(YTD_GRAPH, ytd_figure, "ytd-graph", "55vh", "380px"),
        html.Div(ytd_caption, id=YTD_CAPTION, className="small text-muted"),
        html.P(
            link(_("All claims for this indicator"), "/claims", lang, indicator=indicator),
            className="small",
        ),
        dcc.Store(id=QUERY, data=_query(indicator, drug, places, scale, lang)),
        dcc.Store(id=SYNCED),
        lang_store("trends", lang),
    ]
    return page_frame(lang, "/trends", parsed.raw, content)


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
    State(LANG, "data"),
    prevent_initial_call=True,
)
def update_trend(indicator: str, drug: str, places: list[str], scale: str, lang: str = DEFAULT):  # noqa: ANN201
    data, _ = current()
    new_indicator = ctx.triggered_id == INDICATOR
    places_text = ",".join(distinct_texts(places))
    parts = _update_parts(
        data, str(indicator), "all" if new_indicator else str(drug), places_text, str(scale), known(lang)
    )
    return (*parts[:3], parts[3] if new_indicator else dash.no_update, *parts[4:])


@lru_cache(maxsize=512)
def _update_parts(
    data: Snapshot, indicator: str, drug: str, places: str, scale: str = "auto", lang: str = DEFAULT
) -> tuple:
    """The trend outputs for one data version, selection and language, computed once and then served from memory."""
    tables = tables_of(data)
    query = Query({"indicator": indicator, "drug": drug, "places": places, "scale": scale, "lang": lang})
    indicator, drug, chosen = read_options(query, tables)
    scale = read_scale(query)
    figure, header, left_out = build(tables, indicator, drug, chosen, data.version, scale, lang)
    return (
        figure,
        header,
        left_out,
        drug_options(tables, indicator, lang),
        drug,
        place_options(tables, indicator, drug, lang),
        _query(indicator, drug, chosen, scale, lang),
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
    State(LANG, "data"),
    prevent_initial_call=True,
)
def update_ytd(indicator: str, drug: str, code: str, places: list[str], lang: str = DEFAULT):  # noqa: ANN201
    data, _ = current()
    chosen = tuple(distinct_texts(places))
    return _ytd_parts(data, str(indicator), str(drug), str(code), chosen, known(lang))


@lru_cache(maxsize=512)
def _ytd_parts(
    data: Snapshot, indicator: str, drug: str, code: str, places: tuple[str, ...], lang: str = DEFAULT
) -> tuple:
    tables = tables_of(data)
    query = Query({"indicator": indicator, "drug": drug, "places": ",".join(places), "lang": lang})
    indicator, drug, chosen = read_options(query, tables)
    codes = ytd_places(tables, indicator, drug, chosen, lang)
    code = code if code in codes else (codes[0] if codes else None)
    names = place_names(tables, lang)
    figure, header, caption = ytd_block(tables, indicator, drug, code, data.version, lang)
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
