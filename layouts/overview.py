"""Overview page: the latest national figure of each key indicator, and where published figures exist."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from figures import theme
from figures.captions import Caption, source_line
from figures.coverage import STATUS_NAMES, make_coverage_figure
from figures.i18n import DEFAULT, LABEL_COLUMN, N_, gettext_for, number, period_text, unit_text, year
from figures.selection import Tables, coverage, format_value, indicator_rows
from layouts._common import (
    DEFAULT_INDICATOR,
    Query,
    caption_block,
    caption_header,
    current,
    indicator_options,
    labelled_dropdown,
    lang_store,
    link,
    notices,
    page_frame,
    query_string,
)

dash.register_page(__name__, path="/", name=N_("Overview"), order=0, title=N_("Iraq drug-policy figures"))

KEY_INDICATORS = ("arrests", "seizures", "death_sentences", "life_sentences", "rehab_centres", "rehab_completed")
COVERAGE_INDICATOR, PLACE_COVERAGE, QUERY, SYNCED, LANG = (
    "overview-indicator",
    "overview-place-coverage",
    "overview-query",
    "overview-url-synced",
    "overview-lang",
)


def headline(tables: Tables, indicator: str) -> dict | None:
    """The latest complete national figure (a full year, or an as-of count), and the latest partial one if newer."""
    rows = indicator_rows(tables, indicator, "all")
    rows = rows[rows["geo_code"] == "IQ"].sort_values("period_end")
    complete = rows[rows["is_full_year"] | (rows["granularity"] == "as_of")]
    if complete.empty:
        complete = rows  # Only partial or cumulative figures exist: show the latest, labelled with its period.
    if complete.empty:
        return None
    best = complete.iloc[-1]
    newer = rows[(rows["period_end"] > best["period_end"]) & ~rows.index.isin(complete.index)]
    return {"best": best, "newer": newer.iloc[-1] if len(newer) else None}


def _card(tables: Tables, indicator: str, lang: str = DEFAULT) -> dbc.Col:
    _ = gettext_for(lang)
    label = tables.indicators.set_index("indicator_id").loc[indicator, LABEL_COLUMN[lang]]
    found = headline(tables, indicator)
    if found is None:
        body = [html.Div(_("no published national figure"), className="text-muted")]
    else:
        best = found["best"]
        source = _("Source: {publisher}").format(publisher=best.publisher)
        body = [
            html.Div(
                format_value(best.value, best.qualifier, best.value_low, best.value_high, lang=lang),
                className="display-value",
            ),
            html.Div(f"{unit_text(best.unit, lang)} · {period_text(best.period_label, lang)}", className="small"),
            html.Div(
                source + (" · " + _("⚠ sources disagree") if best.in_conflict else ""), className="small text-muted"
            ),
        ]
        if found["newer"] is not None:
            newer = found["newer"]
            value = format_value(newer.value, newer.qualifier, newer.value_low, newer.value_high, lang=lang)
            body.append(
                html.Div(
                    _("Latest partial: {value} ({period})").format(
                        value=value, period=period_text(newer.period_label, lang)
                    ),
                    className="small text-muted",
                )
            )
    claims = link(_("claims"), "/claims", lang, "small", indicator=indicator, place="IQ")
    return dbc.Col(
        dbc.Card(dbc.CardBody([html.H2(label, className="h6"), *body, claims]), class_name="headline-card h-100"),
        xs=12,
        sm=6,
        lg=4,
        class_name="mb-3",
    )


def coverage_figure(tables: Tables, by: str, indicator: str | None, version: str, lang: str = DEFAULT):  # noqa: ANN201
    """The coverage figure (for exports) and its caption; the page shows coverage_table() of the same cells."""
    _ = gettext_for(lang)
    cells = coverage(tables, by, indicator, lang)
    obs = (
        tables.observations
        if indicator is None
        else tables.observations[tables.observations["indicator_id"] == indicator]
    )
    if by == "indicator":
        title, subtitle = (
            _("Where published figures exist: indicator by year"),
            _("all places · number of claims in each cell"),
        )
    else:
        label = tables.indicators.set_index("indicator_id").loc[indicator, LABEL_COLUMN[lang]]
        title = _("Where published figures exist: {indicator}, place by year").format(indicator=label)
        subtitle = _("number of claims in each cell")
    publishers = list(obs["source_id"].map(tables.sources.set_index("source_id")["publisher"]))
    notes = (
        _(
            "Teal: a full-year (or dated) figure exists; amber: only part of the year is covered; "
            "grey: nothing published."
        ),
        _("Cumulative and multi-year figures are not placed in a year."),
    )
    caption = Caption(title, subtitle, source_line(publishers, lang=lang), notes, version, lang=lang)
    return make_coverage_figure(cells, caption, lang=lang), caption, cells


COVERAGE_FILLS = {0: theme.NO_DATA_FILL, 1: theme.PARTIAL, 2: theme.SEQUENTIAL[4]}


def coverage_table(cells, lang: str = DEFAULT) -> html.Div:  # noqa: ANN001 - what figures.selection.coverage returns
    """The matrix as a table: it scrolls sideways on a phone while the row names stay pinned at the start."""
    _ = gettext_for(lang)
    years = list(range(int(cells["year"].min()), int(cells["year"].max()) + 1)) if len(cells) else []
    by_cell = {(r.row, int(r.year)): r for r in cells.itertuples()}
    rows = []
    for name in sorted(set(cells["row"])):
        tds = []
        for column in years:
            cell = by_cell.get((name, column))
            status = int(cell.status) if cell is not None else 0
            fill = COVERAGE_FILLS[status]
            tds.append(
                html.Td(
                    number(int(cell.claims), lang) if cell is not None else "",
                    title=f"{name}, {year(column, lang)}: {_(STATUS_NAMES[status])}",
                    style={"backgroundColor": fill, "color": theme.ink_on(fill)},
                )
            )
        rows.append(html.Tr([html.Th(name, scope="row", className="pinned"), *tds]))
    head = html.Thead(
        html.Tr([html.Th("", scope="col", className="pinned"), *[html.Th(year(y, lang), scope="col") for y in years]])
    )
    key = [
        html.Span(
            [html.Span(className="swatch", style={"backgroundColor": COVERAGE_FILLS[k]}), f" {_(v)}"], className="me-3"
        )
        for k, v in STATUS_NAMES.items()
    ]
    return html.Div(
        [
            html.Div(
                html.Table([head, html.Tbody(rows)], className="coverage-table"), className="scroll-x", tabIndex="0"
            ),
            html.Div(key, className="small mt-1"),
        ]
    )


def layout(**query: str) -> html.Div:
    data, tables = current()
    parsed = Query(query)
    lang = parsed.lang
    _ = gettext_for(lang)
    indicators = [o["value"] for o in indicator_options(tables)]
    indicator = parsed.choice("indicator", indicators, DEFAULT_INDICATOR)
    claims, sources = int(tables.observations["n_claims"].sum()), len(tables.sources)
    conflicts = int(tables.observations["in_conflict"].sum())
    summary = _(
        "{claims} published figures from {sources} sources, each traced to its source and period. {conflicts} groups "
        "of figures conflict; every side is kept and one is preferred by a written rule. Partial periods are never "
        "shown as full years, and a missing figure is never drawn as zero."
    ).format(claims=number(claims, lang), sources=number(sources, lang), conflicts=number(conflicts, lang))
    content = [
        html.H1(_("Iraq's published drug-policy figures"), className="h3"),
        html.P(summary, className="text-muted"),
        notices(parsed.notices),
        html.H2(_("Latest national figures"), className="h5 mt-3"),
        dbc.Row([_card(tables, i, lang) for i in KEY_INDICATORS]),
        *_coverage_block(tables, "indicator", None, data.version, None, lang),
        dbc.Row(
            labelled_dropdown(
                _("Indicator for the place-by-year view"),
                COVERAGE_INDICATOR,
                4,
                lang=lang,
                options=indicator_options(tables, lang=lang),
                value=indicator,
                clearable=False,
            ),
            class_name="mt-3",
        ),
        *_coverage_block(tables, "place", indicator, data.version, PLACE_COVERAGE, lang),
        dcc.Store(id=QUERY, data=query_string(indicator=indicator, lang=lang)),
        dcc.Store(id=SYNCED),
        lang_store("overview", lang),
    ]
    return page_frame(lang, "/", parsed.raw, content)


def _coverage_block(
    tables: Tables, by: str, indicator: str | None, version: str, id_: str | None, lang: str = DEFAULT
) -> list:
    caption, cells = coverage_figure(tables, by, indicator, version, lang)[1:]
    table = html.Div(coverage_table(cells, lang), **({"id": id_} if id_ else {}))
    header = html.Div(caption_header(caption), className="mt-3", **({"id": id_ + "-header"} if id_ else {}))
    return [
        header,
        table,
        html.Div(
            caption_block(caption),
            className="small text-muted mb-3 caption-lines",
            **({"id": id_ + "-caption"} if id_ else {}),
        ),
    ]


@callback(
    Output(PLACE_COVERAGE, "children"),
    Output(PLACE_COVERAGE + "-caption", "children"),
    Output(PLACE_COVERAGE + "-header", "children"),
    Output(QUERY, "data"),
    Input(COVERAGE_INDICATOR, "value"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
def update_place_coverage(indicator: str, lang: str):  # noqa: ANN201
    data, tables = current()
    query = Query({"indicator": indicator, "lang": lang})
    indicator = query.choice("indicator", [o["value"] for o in indicator_options(tables)], DEFAULT_INDICATOR)
    caption, cells = coverage_figure(tables, "place", indicator, data.version, query.lang)[1:]
    return (
        coverage_table(cells, query.lang),
        caption_block(caption),
        caption_header(caption),
        query_string(indicator=indicator, lang=query.lang),
    )


clientside_callback(
    "function(query) { return window.dash_clientside.urlState.replace(query); }",
    Output(SYNCED, "data"),
    Input(QUERY, "data"),
)
