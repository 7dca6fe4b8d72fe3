"""Sources page: every publisher and document, its type, and how many claims it supports."""

from __future__ import annotations

import dash
import pandas as pd
from dash import html

from data.schema import SOURCE_TYPES
from layouts._common import current, data_table

dash.register_page(__name__, path="/sources", name="Sources", order=4, title="Sources · Iraq drug-policy figures")

TABLE = "sources-table"


def sources_rows(sources: pd.DataFrame) -> list[dict]:
    rows = sources.assign(
        document=[f"[{t}]({u})" for t, u in zip(sources["title"], sources["url"], strict=True)],
        claims=[f"[{n}](/claims?source={s})" for n, s in zip(sources["n_claims"], sources["source_id"], strict=True)],
        published=sources["published"].fillna("unknown") + " (" + sources["published_how"] + ")",
        type=sources["source_type"].str.replace("_", " "),
    )
    return (
        rows[["publisher", "document", "type", "published", "authority", "claims", "source_id"]]
        .astype(str)
        .to_dict("records")
    )


def layout(**_query: str) -> html.Div:
    _, tables = current()
    sources = tables.sources
    by_type = sources.groupby("source_type")["n_claims"].agg(["count", "sum"]).reindex(SOURCE_TYPES).dropna()
    summary = [
        html.Li(f"{t.replace('_', ' ')}: {int(r['count'])} documents, {int(r['sum'])} claims")
        for t, r in by_type.iterrows()
    ]
    columns = [
        {"id": "publisher", "name": "Publisher"},
        {"id": "document", "name": "Document", "presentation": "markdown"},
        {"id": "type", "name": "Type"},
        {"id": "published", "name": "Published (how known)"},
        {"id": "authority", "name": "Authority quoted"},
        {"id": "claims", "name": "Claims", "presentation": "markdown"},
        {"id": "source_id", "name": "Id"},
    ]
    return html.Div(
        [
            html.H1("Sources", className="h3"),
            html.P(
                f"{len(sources)} documents from {sources['publisher'].nunique()} publishers. A publisher is the outlet "
                "that published the document; the authority is who it quotes.",
                className="text-muted small",
            ),
            html.Ul(summary, className="small"),
            data_table(TABLE, columns, sources_rows(sources), max_width=380, filter_action="native", page_size=30),
        ]
    )
