"""Overview page: the latest national figure of each key indicator, and where published figures exist."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, clientside_callback, dcc, html

from figures import theme
from figures.captions import Caption, source_line
from figures.coverage import STATUS_NAMES, make_coverage_figure
from figures.selection import Tables, coverage, format_value, indicator_rows
from layouts._common import (
    DEFAULT_INDICATOR,
    Query,
    caption_block,
    caption_header,
    current,
    indicator_options,
    labelled_dropdown,
    notices,
    query_string,
)

dash.register_page(__name__, path="/", name="Overview", order=0, title="Iraq drug-policy figures")

KEY_INDICATORS = ("arrests", "seizures", "death_sentences", "life_sentences", "rehab_centres", "rehab_completed")
COVERAGE_INDICATOR, PLACE_COVERAGE, QUERY, SYNCED = (
    "overview-indicator",
    "overview-place-coverage",
    "overview-query",
    "overview-url-synced",
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


def _card(tables: Tables, indicator: str) -> dbc.Col:
    label = tables.indicators.set_index("indicator_id").loc[indicator, "label_en"]
    found = headline(tables, indicator)
    if found is None:
        body = [html.Div("no published national figure", className="text-muted")]
    else:
        best = found["best"]
        body = [
            html.Div(
                format_value(best.value, best.qualifier, best.value_low, best.value_high), className="display-value"
            ),
            html.Div(f"{best.unit} · {best.period_label}", className="small"),
            html.Div(
                f"Source: {best.publisher}" + (" · ⚠ sources disagree" if best.in_conflict else ""),
                className="small text-muted",
            ),
        ]
        if found["newer"] is not None:
            newer = found["newer"]
            body.append(
                html.Div(
                    f"Latest partial: {format_value(newer.value, newer.qualifier, newer.value_low, newer.value_high)} "
                    f"({newer.period_label})",
                    className="small text-muted",
                )
            )
    link = dcc.Link("claims", href=f"/claims?{query_string(indicator=indicator, place='IQ')}", className="small")
    return dbc.Col(
        dbc.Card(dbc.CardBody([html.H2(label, className="h6"), *body, link]), class_name="headline-card h-100"),
        xs=12,
        sm=6,
        lg=4,
        class_name="mb-3",
    )


def coverage_figure(tables: Tables, by: str, indicator: str | None, version: str):  # noqa: ANN201
    """The coverage figure (for exports) and its caption; the page shows coverage_table() of the same cells."""
    cells = coverage(tables, by, indicator)
    obs = (
        tables.observations
        if indicator is None
        else tables.observations[tables.observations["indicator_id"] == indicator]
    )
    if by == "indicator":
        title, subtitle = (
            "Where published figures exist: indicator by year",
            "all places · number of claims in each cell",
        )
    else:
        label = tables.indicators.set_index("indicator_id").loc[indicator, "label_en"]
        title, subtitle = f"Where published figures exist: {label}, place by year", "number of claims in each cell"
    publishers = list(obs["source_id"].map(tables.sources.set_index("source_id")["publisher"]))
    notes = (
        "Teal: a full-year (or dated) figure exists; amber: only part of the year is covered; grey: nothing published.",
        "Cumulative and multi-year figures are not placed in a year.",
    )
    caption = Caption(title, subtitle, source_line(publishers), notes, version)
    return make_coverage_figure(cells, caption), caption, cells


COVERAGE_FILLS = {0: theme.NO_DATA_FILL, 1: theme.PARTIAL, 2: theme.SEQUENTIAL[4]}


def coverage_table(cells) -> html.Div:  # noqa: ANN001 - the frame figures.selection.coverage returns
    """The matrix as a table: it scrolls sideways on a phone while the row names stay pinned on the left."""
    years = list(range(int(cells["year"].min()), int(cells["year"].max()) + 1)) if len(cells) else []
    by_cell = {(r.row, int(r.year)): r for r in cells.itertuples()}
    rows = []
    for name in sorted(set(cells["row"])):
        tds = []
        for year in years:
            cell = by_cell.get((name, year))
            status = int(cell.status) if cell is not None else 0
            fill = COVERAGE_FILLS[status]
            tds.append(
                html.Td(
                    str(int(cell.claims)) if cell is not None else "",
                    title=f"{name}, {year}: {STATUS_NAMES[status]}",
                    style={"backgroundColor": fill, "color": theme.ink_on(fill)},
                )
            )
        rows.append(html.Tr([html.Th(name, scope="row", className="pinned"), *tds]))
    head = html.Thead(
        html.Tr([html.Th("", scope="col", className="pinned"), *[html.Th(str(y), scope="col") for y in years]])
    )
    key = [
        html.Span(
            [html.Span(className="swatch", style={"backgroundColor": COVERAGE_FILLS[k]}), f" {v}"], className="me-3"
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
    indicators = [o["value"] for o in indicator_options(tables)]
    indicator = parsed.choice("indicator", indicators, DEFAULT_INDICATOR)
    claims, sources = int(tables.observations["n_claims"].sum()), len(tables.sources)
    conflicts = int(tables.observations["in_conflict"].sum())
    return html.Div(
        [
            html.H1("Iraq's published drug-policy figures", className="h3"),
            html.P(
                f"{claims:,} published figures from {sources} sources, each traced to its source and period. "
                f"{conflicts} groups of figures conflict; every side is kept and one is preferred by a written rule. "
                "Partial periods are never shown as full years, and a missing figure is never drawn as zero.",
                className="text-muted",
            ),
            notices(parsed.notices),
            html.H2("Latest national figures", className="h5 mt-3"),
            dbc.Row([_card(tables, i) for i in KEY_INDICATORS]),
            *_coverage_block(tables, "indicator", None, data.version, id_=None),
            dbc.Row(
                labelled_dropdown(
                    "Indicator for the place-by-year view",
                    COVERAGE_INDICATOR,
                    4,
                    options=indicator_options(tables),
                    value=indicator,
                    clearable=False,
                ),
                class_name="mt-3",
            ),
            *_coverage_block(tables, "place", indicator, data.version, id_=PLACE_COVERAGE),
            dcc.Store(id=QUERY, data=query_string(indicator=indicator)),
            dcc.Store(id=SYNCED),
        ]
    )


def _coverage_block(tables: Tables, by: str, indicator: str | None, version: str, id_: str | None) -> list:
    _, caption, cells = coverage_figure(tables, by, indicator, version)
    table = html.Div(coverage_table(cells), **({"id": id_} if id_ else {}))
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
    prevent_initial_call=True,
)
def update_place_coverage(indicator: str):  # noqa: ANN201
    data, tables = current()
    indicator = Query({"indicator": indicator}).choice(
        "indicator", [o["value"] for o in indicator_options(tables)], DEFAULT_INDICATOR
    )
    _, caption, cells = coverage_figure(tables, "place", indicator, data.version)
    return coverage_table(cells), caption_block(caption), caption_header(caption), query_string(indicator=indicator)


clientside_callback(
    "function(query) { return window.dash_clientside.urlState.replace(query); }",
    Output(SYNCED, "data"),
    Input(QUERY, "data"),
)
