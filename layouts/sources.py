"""Sources page: every publisher and document, its type, and how many claims it supports."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, clientside_callback, html

from data.schema import SOURCE_TYPES
from figures.i18n import DEFAULT, N_, gettext_for, number
from layouts._common import Query, current, href, lang_store, page_frame
from layouts._grid import column, grid, md_link, own_words
from layouts._ledger_text import published_text, source_type_text

dash.register_page(
    __name__, path="/sources", name=N_("Sources"), order=4, title=N_("Sources · Iraq drug-policy figures")
)

TABLE, FILTER = "sources-table", "sources-filter"
# How the publication date is known (sources.published_how).
HOW_KNOWN = {"stated": N_("stated"), "inferred": N_("inferred"), "unknown": N_("unknown"), "url": N_("url")}
COLUMNS = [
    ("publisher", N_("Publisher"), "own"),
    ("document", N_("Document"), "link"),
    ("type", N_("Type"), ""),
    ("published", N_("Published (how known)"), ""),
    ("authority", N_("Authority quoted"), "own"),
    ("claims", N_("Claims"), "link"),
    ("source_id", N_("Id"), "own"),
]


def sources_rows(sources: pd.DataFrame, lang: str = DEFAULT) -> list[dict]:
    _ = gettext_for(lang)
    how = [_(HOW_KNOWN[h]) if h in HOW_KNOWN else h for h in sources["published_how"]]
    rows = sources.assign(
        document=[md_link(own_words(t, lang), u) for t, u in zip(sources["title"], sources["url"], strict=True)],
        claims=[
            md_link(number(n, lang), href("/claims", lang, source=s))
            for n, s in zip(sources["n_claims"], sources["source_id"], strict=True)
        ],
        published=[
            _("{date} ({how})").format(date=published_text(p, lang), how=h)
            for p, h in zip(sources["published"], how, strict=True)
        ],
        type=[source_type_text(t, lang) for t in sources["source_type"]],
    )
    records = rows[[name for name, _header, _how in COLUMNS]].astype(str).to_dict("records")
    for record in records:
        for name in ("publisher", "authority", "source_id"):
            record[name] = own_words(record[name], lang)
    return records


def layout(**query: str) -> html.Div:
    parsed = Query(query)
    lang = parsed.lang
    _ = gettext_for(lang)
    _data, tables = current()
    sources = tables.sources
    by_type = sources.groupby("source_type")["n_claims"].agg(["count", "sum"]).reindex(SOURCE_TYPES).dropna()
    summary = [
        html.Li(
            _("{type}: {documents} documents, {claims} claims").format(
                type=source_type_text(t, lang),
                documents=number(int(r["count"]), lang),
                claims=number(int(r["sum"]), lang),
            )
        )
        for t, r in by_type.iterrows()
    ]
    columns = [
        column(name, _(header), markdown=how == "link", minWidth=220 if name == "document" else 110)
        for name, header, how in COLUMNS
    ]
    content = [
        html.H1(_("Sources"), className="h3"),
        html.P(
            _(
                "{documents} documents from {publishers} publishers. A publisher is the outlet that published the "
                "document; the authority is who it quotes."
            ).format(documents=number(len(sources), lang), publishers=number(sources["publisher"].nunique(), lang)),
            className="text-muted small",
        ),
        html.Ul(summary, className="small"),
        dbc.Row(
            dbc.Col(
                [
                    dbc.Label(_("Filter the sources"), html_for=FILTER, class_name="mb-0"),
                    dbc.Input(id=FILTER, type="search", placeholder=_("Publisher, title, type, id…")),
                ],
                md=4,
            ),
            class_name="mb-2",
        ),
        # All 409 rows go to the browser once: the filter and the sorting run there, with no round trip.
        grid(
            TABLE,
            _("Sources"),
            columns,
            sources_rows(sources, lang),
            lang,
            height="70vh",
        ),
        lang_store("sources", lang),
    ]
    return page_frame(lang, "/sources", parsed.raw, content)


# The filter box feeds AG Grid's quick filter in the browser (every visible column's text, any word order).
clientside_callback(
    "function(text, options) { return Object.assign({}, options, {quickFilterText: text || ''}); }",
    Output(TABLE, "dashGridOptions"),
    Input(FILTER, "value"),
    State(TABLE, "dashGridOptions"),
    prevent_initial_call=True,
)
