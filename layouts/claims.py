"""Claims page: every published figure with its source, filterable and sortable, every filter in the URL."""

from __future__ import annotations

import math
from functools import lru_cache

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html

from data.schema import PREFERENCE_RULE
from data.store import Snapshot
from figures.selection import format_value
from layouts._common import Query, current, data_table, notices, place_names, query_string

dash.register_page(__name__, path="/claims", name="Claims", order=3, title="Claims · Iraq drug-policy figures")

INDICATOR, PLACE, YEAR, SOURCE, STATUS, SEARCH = (
    "claims-indicator",
    "claims-place",
    "claims-year",
    "claims-source",
    "claims-status",
    "claims-search",
)
TABLE, COUNT, QUERY, SYNCED, NOTICES, GROUP = (
    "claims-table",
    "claims-count",
    "claims-query",
    "claims-url-synced",
    "claims-notices",
    "claims-group",
)
STATUSES = {
    "all": "All claims",
    "preferred": "Preferred only",
    "conflicts": "In conflicting groups",
    "review": "Needing review",
}
PAGE_SIZE = 25
COLUMNS = [
    ("indicator", "Indicator", "text"),
    ("place", "Place", "text"),
    ("period", "Period", "text"),
    ("value_as_written", "Value as written", "text"),
    ("normalised", "Normalised", "text"),
    ("status", "Status", "text"),
    ("scope", "Scope", "text"),
    ("reason", "Why preferred or not", "text"),
    ("source", "Source", "markdown"),
    ("source_type", "Source type", "text"),
    ("published", "Published", "text"),
    ("note", "Note", "text"),
    ("claim_id", "Claim", "text"),
    ("group", "Group", "markdown"),
]


@lru_cache(maxsize=4)
def claims_view(data: Snapshot) -> pd.DataFrame:
    """Claims joined with names, publishers and links, ready to filter (one copy per data version)."""
    claims = data.table("claims")
    sources = data.table("sources").set_index("source_id")
    labels = data.table("indicators").set_index("indicator_id")["label_en"]
    drugs = data.table("drugs").set_index("drug_id")["label_en"]
    names = dict(zip(data.table("geographies")["code"], data.table("geographies")["name_en"], strict=True))
    view = pd.DataFrame(
        {
            "claim_id": claims["claim_id"],
            "indicator_id": claims["indicator_id"],
            "geo_code": claims["geo_code"],
            "year": claims["year"].fillna(pd.to_datetime(claims["period_end"]).dt.year.astype("Int64")),
            "source_id": claims["source_id"],
            "group_id": claims["group_id"],
            "indicator": claims["indicator_id"].map(labels)
            + claims["drug_id"].map(lambda d: "" if d == "all" else f" — {drugs[d]}"),
            "place": claims["geo_code"].map(names),
            "period": claims["period_label"],
            "value_as_written": claims["value_as_written"] + " " + claims["unit_as_written"],
            "normalised": [
                format_value(r.value, r.qualifier, r.value_low, r.value_high, r.unit) for r in claims.itertuples()
            ],
            "status": [_status(r) for r in claims.itertuples()],
            "scope": ["whole place" if r.scope == "whole" else f"part: {r.scope_note}" for r in claims.itertuples()],
            "reason": claims["preference_reason"],
            "source": [f"[{sources.loc[s, 'publisher']}]({sources.loc[s, 'url']})" for s in claims["source_id"]],
            "source_type": claims["source_id"].map(sources["source_type"]).str.replace("_", " "),
            "published": claims["source_id"].map(sources["published"]).fillna("unknown"),
            "note": claims["note"],
            "is_preferred": claims["is_preferred"],
            "in_conflict": claims["in_conflict"],
            "review": claims["review"],
            "group": [f"[{g[:8]}…](/claims?group={g})" for g in claims["group_id"]],
        }
    )
    return view


def _status(row) -> str:  # noqa: ANN001 - a claims row
    if row.review == "needs_review":
        return "needs review"
    if isinstance(row.same_as, str):
        return "second copy · not counted"
    mark = "preferred" if row.is_preferred else "other claim"
    return f"{mark} · conflict" if row.in_conflict else mark


def filter_claims(view: pd.DataFrame, filters: dict) -> pd.DataFrame:
    rows = view
    for column, key in (
        ("indicator_id", "indicator"),
        ("geo_code", "place"),
        ("source_id", "source"),
        ("group_id", "group"),
    ):
        if filters.get(key):
            rows = rows[rows[column] == filters[key]]
    if filters.get("year"):
        rows = rows[rows["year"] == int(filters["year"])]
    status = filters.get("status", "all")
    if status == "preferred":
        rows = rows[rows["is_preferred"]]
    elif status == "conflicts":
        rows = rows[rows["in_conflict"]]
    elif status == "review":
        rows = rows[rows["review"] == "needs_review"]
    if filters.get("q"):
        text = (
            rows[["indicator", "place", "value_as_written", "note", "source", "claim_id"]]
            .astype(str)
            .agg(" ".join, axis=1)
        )
        rows = rows[text.str.contains(filters["q"], case=False, regex=False)]
    return rows


def read_filters(query: Query, view: pd.DataFrame) -> dict:
    return {
        "indicator": query.choice("indicator", sorted(set(view["indicator_id"])), ""),
        "place": query.choice("place", sorted(set(view["geo_code"])), ""),
        "year": query.choice("year", sorted({int(y) for y in view["year"].dropna()}), "", cast=int),
        "source": query.choice("source", sorted(set(view["source_id"])), ""),
        "group": query.choice("group", sorted(set(view["group_id"])), ""),
        "status": query.choice("status", list(STATUSES), "all"),
        "q": query.raw.get("q", "")[:100],
    }


def layout(**query: str) -> html.Div:
    data, tables = current()
    view = claims_view(data)
    parsed = Query(query)
    filters = read_filters(parsed, view)
    rows = filter_claims(view, filters)
    names = place_names(tables)
    indicators = [{"label": r.label_en, "value": r.indicator_id} for r in tables.indicators.itertuples() if r.n_claims]
    return html.Div(
        [
            html.H1("Claims", className="h3"),
            html.P(
                "Every published figure as its source wrote it, with the normalised value, the period the source states "
                "and whether it is the preferred figure of its group. Filters are kept in the address, so a filtered "
                "view can be shared.",
                className="text-muted small",
            ),
            html.Div(notices(parsed.notices), id=NOTICES),
            group_panel(data, filters["group"]),
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Dropdown(
                            id=INDICATOR,
                            options=indicators,
                            value=filters["indicator"] or None,
                            placeholder="Indicator",
                        ),
                        md=3,
                    ),
                    dbc.Col(
                        dcc.Dropdown(
                            id=PLACE,
                            options=[
                                {"label": names[c], "value": c} for c in sorted(set(view["geo_code"]), key=names.get)
                            ],
                            value=filters["place"] or None,
                            placeholder="Place",
                        ),
                        md=2,
                    ),
                    dbc.Col(
                        dcc.Dropdown(
                            id=YEAR,
                            options=sorted({int(y) for y in view["year"].dropna()}),
                            value=filters["year"] or None,
                            placeholder="Year",
                        ),
                        md=1,
                    ),
                    dbc.Col(
                        dcc.Dropdown(
                            id=STATUS,
                            options=[{"label": v, "value": k} for k, v in STATUSES.items()],
                            value=filters["status"],
                            clearable=False,
                        ),
                        md=2,
                    ),
                    dbc.Col(
                        dbc.Input(
                            id=SEARCH, value=filters["q"], placeholder="Search text", debounce=True, type="search"
                        ),
                        md=2,
                    ),
                    dbc.Col(
                        dcc.Dropdown(
                            id=SOURCE,
                            options=sorted(set(view["source_id"])),
                            value=filters["source"] or None,
                            placeholder="Source id",
                        ),
                        md=2,
                    ),
                ],
                class_name="g-2 mb-2",
            ),
            html.Div(_count(rows, view, filters), id=COUNT, className="small mb-1"),
            data_table(
                TABLE,
                [{"id": c, "name": n, "presentation": p} for c, n, p in COLUMNS],
                _records(rows.iloc[:PAGE_SIZE]),
                max_width=320,
                page_action="custom",
                page_current=0,
                page_size=PAGE_SIZE,
                page_count=_pages(rows),
                sort_action="custom",
                sort_mode="single",
                sort_by=[],
            ),
            flag_panel(data),
            dcc.Store(id=GROUP, data=filters["group"]),
            dcc.Store(id=QUERY, data=query_string(**{k: v for k, v in filters.items() if v and v != "all"})),
            dcc.Store(id=SYNCED),
        ]
    )


def group_panel(data: Snapshot, group: str) -> html.Div:
    """One group: what it is about, the written rule, and each claim with the reason it was or was not preferred."""
    if not group:
        return html.Div()
    view = claims_view(data).set_index("claim_id")
    claims = data.table("claims")
    members = claims[claims["group_id"] == group].sort_values(["is_preferred", "claim_id"], ascending=[False, True])
    first = view.loc[members["claim_id"].iloc[0]]
    rows = [
        html.Tr(
            [
                html.Td(r.claim_id),
                html.Td(view.loc[r.claim_id, "value_as_written"], dir="auto"),
                html.Td(dcc.Markdown(view.loc[r.claim_id, "source"], link_target="_blank", className="mb-0")),
                html.Td(view.loc[r.claim_id, "source_type"]),
                html.Td(view.loc[r.claim_id, "published"]),
                html.Td(view.loc[r.claim_id, "status"]),
                html.Td(r.preference_reason),
            ]
        )
        for r in members.itertuples()
    ]
    header = ["Claim", "Value as written", "Source", "Source type", "Published", "Status", "Why"]
    return html.Section(
        [
            html.H2(f"Group {group}", className="h5"),
            html.P(f"{first['indicator']} · {first['place']} · {first['period']} · {first['scope']}", className="mb-1"),
            dbc.Table(
                [html.Thead(html.Tr([html.Th(h, scope="col") for h in header])), html.Tbody(rows)],
                bordered=True,
                size="sm",
                responsive=True,
                class_name="small",
            ),
            html.Details(
                [
                    html.Summary("The preference rule, in the order it is applied"),
                    html.Ol([html.Li(step) for step in PREFERENCE_RULE], className="small"),
                ],
                open=True,
            ),
        ],
        className="group-panel mb-3",
        **{"aria-label": f"Claim group {group}"},
    )


def flag_panel(data: Snapshot) -> html.Details:
    """Every consistency flag of the build, each with a link to the group of the figure it contradicts."""
    flags = data.table("flags")
    group_of = dict(zip(data.table("claims")["claim_id"], data.table("claims")["group_id"], strict=True))
    items = [
        html.Li([f.message + " ", dcc.Link("Open the group", href=f"/claims?group={group_of[f.whole_claim_id]}")])
        for f in flags.itertuples()
    ]
    return html.Details(
        [
            html.Summary(f"Consistency flags: {len(flags)} (figures that cannot all be true; kept, not deleted)"),
            html.Ul(items, className="small"),
        ],
        className="mt-3",
    )


def _records(rows: pd.DataFrame) -> list[dict]:
    return rows[[c for c, _, _ in COLUMNS]].astype(str).to_dict("records")


def _count(rows: pd.DataFrame, view: pd.DataFrame, filters: dict) -> str:
    group = f" in group {filters['group']}" if filters.get("group") else ""
    return f"{len(rows):,} of {len(view):,} claims{group}."


@callback(
    Output(TABLE, "data"),
    Output(TABLE, "page_count"),
    Output(TABLE, "page_current"),
    Output(COUNT, "children"),
    Output(QUERY, "data"),
    Input(INDICATOR, "value"),
    Input(PLACE, "value"),
    Input(YEAR, "value"),
    Input(STATUS, "value"),
    Input(SEARCH, "value"),
    Input(SOURCE, "value"),
    Input(TABLE, "page_current"),
    Input(TABLE, "sort_by"),
    State(GROUP, "data"),
    prevent_initial_call=True,
)
def update_claims(indicator, place, year, status, search, source, page, sort_by, group):  # noqa: ANN001, ANN201
    """Filter, sort and page on the server: the browser receives one page of rows, not the whole ledger."""
    data, _ = current()
    raw = {"indicator": indicator, "place": place, "year": year, "status": status, "q": search, "source": source}
    raw["group"] = group
    filters = tuple((k, str(v)) for k, v in raw.items() if v not in (None, ""))
    column, descending = _sort_key(sort_by)
    rows, count, query = _filtered(data, filters, column, descending)
    page = page if isinstance(page, int) and ctx.triggered_id == TABLE else 0
    page = min(max(page, 0), _pages(rows) - 1)
    return _page(data, filters, column, descending, page), _pages(rows), page, count, query


@lru_cache(maxsize=2048)
def _page(data: Snapshot, filters: tuple, column: str, descending: bool, page: int) -> list[dict]:
    rows = _filtered(data, filters, column, descending)[0]
    return _records(rows.iloc[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])


def _sort_key(sort_by: object) -> tuple[str, bool]:
    known = {c for c, _, _ in COLUMNS}
    if isinstance(sort_by, list) and sort_by and isinstance(sort_by[0], dict) and sort_by[0].get("column_id") in known:
        return sort_by[0]["column_id"], sort_by[0].get("direction") == "desc"
    return "", False


def _pages(rows: pd.DataFrame) -> int:
    return max(math.ceil(len(rows) / PAGE_SIZE), 1)


@lru_cache(maxsize=512)
def _filtered(data: Snapshot, raw: tuple[tuple[str, str], ...], column: str, descending: bool) -> tuple:
    """Filtered and sorted rows, count text and query for one data version and set of filters, computed once."""
    view = claims_view(data)
    filters = read_filters(Query(dict(raw)), view)
    rows = filter_claims(view, filters)
    if column:
        rows = rows.sort_values(column, ascending=not descending, kind="stable", key=lambda c: c.astype(str))
    return rows, _count(rows, view, filters), query_string(**{k: v for k, v in filters.items() if v and v != "all"})


clientside_callback(
    "function(query) { return window.dash_clientside.urlState.replace(query); }",
    Output(SYNCED, "data"),
    Input(QUERY, "data"),
)
