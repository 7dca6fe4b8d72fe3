"""Claims page: every published figure with its source, filterable and sortable, every filter in the URL."""

from __future__ import annotations

import math
from functools import lru_cache

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html
from dash.exceptions import PreventUpdate

from data.schema import PREFERENCE_RULE
from data.store import Snapshot
from figures.i18n import (
    DEFAULT,
    LABEL_COLUMN,
    N_,
    gettext_for,
    number,
    period_text,
    year,
)
from figures.selection import format_value
from layouts._common import (
    Query,
    current,
    href,
    labelled_dropdown,
    lang_store,
    notices,
    page_frame,
    place_names,
    query_string,
    tables_of,
)
from layouts._grid import (
    column,
    grid,
    md_link,
    own_words,
    page_status,
    pager,
    pager_disabled,
    pager_ids,
    sort_of,
    turned_page,
)
from layouts._ledger_text import RULE_STEPS, published_text, reason_text, source_type_text

dash.register_page(__name__, path="/claims", name=N_("Claims"), order=3, title=N_("Claims · Iraq drug-policy figures"))

INDICATOR, PLACE, YEAR, SOURCE, STATUS, SEARCH = (
    "claims-indicator",
    "claims-place",
    "claims-year",
    "claims-source",
    "claims-status",
    "claims-search",
)
TABLE, COUNT, QUERY, SYNCED, NOTICES, GROUP, VIEW, LANG = (
    "claims-table",
    "claims-count",
    "claims-query",
    "claims-url-synced",
    "claims-notices",
    "claims-group",
    "claims-view",
    "claims-lang",
)
PAGER = "claims-pager"
PAGE_STATUS = f"{PAGER}-page-status"
STATUSES = {
    "all": N_("All claims"),
    "preferred": N_("Preferred only"),
    "conflicts": N_("In conflicting groups"),
    "review": N_("Needing review"),
}
PAGE_SIZE = 25
# (field, header, how the cell is shown): "link" cells are markdown links opening in a new tab; "own" cells hold
# the source's words or ids and keep their own direction inside a right-to-left page (layouts._grid.own_words).
COLUMNS = [
    ("indicator", N_("Indicator"), ""),
    ("place", N_("Place"), ""),
    ("period", N_("Period"), ""),
    ("value_as_written", N_("Value as written"), "own"),
    ("normalised", N_("Normalised"), ""),
    ("status", N_("Status"), ""),
    ("scope", N_("Scope"), ""),
    ("reason", N_("Why preferred or not"), ""),
    ("source", N_("Source"), "link"),
    ("source_type", N_("Source type"), ""),
    ("published", N_("Published"), ""),
    ("note", N_("Note"), ""),
    ("claim_id", N_("Claim"), "own"),
    ("group", N_("Group"), "link"),
]
FIELDS = [name for name, _header, _how in COLUMNS]
OWN_WORDS = [name for name, _header, how in COLUMNS if how == "own"]
SORTABLE = set(FIELDS)
ORDERS = ("asc", "desc")
# Written in English by the ledger's editors: the note, and the value as transcribed from the source (its words
# rendered in English: "more than 1,000 persons"). Other languages show the normalised value, translated.
ENGLISH_ONLY = ("note", "value_as_written")
WIDE = {"reason": 360, "source": 200, "indicator": 200, "note": 360}

STATUS_TEXT = {
    "review": N_("needs review"),
    "copy": N_("second copy · not counted"),
    "preferred": N_("preferred"),
    "other": N_("other claim"),
    "preferred_conflict": N_("preferred · conflict"),
    "other_conflict": N_("other claim · conflict"),
}


def _status(row, lang: str = DEFAULT) -> str:  # noqa: ANN001 - a claims row
    if row.review == "needs_review":
        key = "review"
    elif isinstance(row.same_as, str):
        key = "copy"
    else:
        key = ("preferred" if row.is_preferred else "other") + ("_conflict" if row.in_conflict else "")
    return gettext_for(lang)(STATUS_TEXT[key])


def _scope(row, lang: str) -> str:  # noqa: ANN001 - a claims row
    _ = gettext_for(lang)
    if row.scope == "whole":
        return _("whole place")
    # The scope note is English editorial text: the other languages say only that the claim is about a part.
    return _("part: {note}").format(note=row.scope_note) if lang == DEFAULT else _("part of the place")


@lru_cache(maxsize=8)
def claims_view(data: Snapshot, lang: str = DEFAULT) -> pd.DataFrame:
    """Claims joined with names, publishers and links in `lang`, ready to filter (one copy per data version)."""
    _ = gettext_for(lang)
    claims = data.table("claims")
    sources = data.table("sources").set_index("source_id")
    labels = data.table("indicators").set_index("indicator_id")[LABEL_COLUMN[lang]]
    drugs = data.table("drugs").set_index("drug_id")[LABEL_COLUMN[lang]]
    names = place_names(tables_of(data), lang)
    with_drug = _("{indicator} — {drug}")
    view = pd.DataFrame(
        {
            "claim_id": claims["claim_id"],
            "indicator_id": claims["indicator_id"],
            "geo_code": claims["geo_code"],
            "year": claims["year"].fillna(pd.to_datetime(claims["period_end"]).dt.year.astype("Int64")),
            "source_id": claims["source_id"],
            "group_id": claims["group_id"],
            "indicator": [
                labels[i] if d == "all" else with_drug.format(indicator=labels[i], drug=drugs[d])
                for i, d in zip(claims["indicator_id"], claims["drug_id"], strict=True)
            ],
            "place": claims["geo_code"].map(names),
            "period": [period_text(p, lang) for p in claims["period_label"]],
            "value_as_written": claims["value_as_written"] + " " + claims["unit_as_written"],
            "normalised": [
                format_value(r.value, r.qualifier, r.value_low, r.value_high, r.unit, lang) for r in claims.itertuples()
            ],
            "status": [_status(r, lang) for r in claims.itertuples()],
            "scope": [_scope(r, lang) for r in claims.itertuples()],
            "reason": [reason_text(r, lang) for r in claims["preference_reason"]],
            "source": [
                md_link(own_words(sources.loc[s, "publisher"], lang), sources.loc[s, "url"])
                for s in claims["source_id"]
            ],
            "source_type": [source_type_text(sources.loc[s, "source_type"], lang) for s in claims["source_id"]],
            "published": [published_text(sources.loc[s, "published"], lang) for s in claims["source_id"]],
            "note": claims["note"],
            "is_preferred": claims["is_preferred"],
            "in_conflict": claims["in_conflict"],
            "review": claims["review"],
            "group": [md_link(f"{g[:8]}…", href("/claims", lang, group=g)) for g in claims["group_id"]],
        }
    )
    return view


def filter_claims(view: pd.DataFrame, filters: dict) -> pd.DataFrame:
    rows = view
    for column_name, key in (
        ("indicator_id", "indicator"),
        ("geo_code", "place"),
        ("source_id", "source"),
        ("group_id", "group"),
    ):
        if filters.get(key):
            rows = rows[rows[column_name] == filters[key]]
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


def read_order(query: Query, rows: pd.DataFrame) -> tuple[str, bool, int]:
    """The sort column, its direction and the 0-based page the address asks for (a shared link's view)."""
    column_name = query.choice("sort", sorted(SORTABLE), "")
    descending = query.choice("order", list(ORDERS), "asc") == "desc" if column_name else False
    page = query.choice("page", list(range(1, _pages(rows) + 1)), 1, cast=int) - 1
    return column_name, descending, page


def _query(filters: dict, column_name: str, descending: bool, page: int, lang: str) -> str:
    """The address's query for this view: filters, sort and page (the first page and no sort are left out)."""
    chosen = {k: v for k, v in filters.items() if v and v != "all"}
    order = "desc" if column_name and descending else None
    return query_string(**chosen, sort=column_name or None, order=order, page=page + 1 if page else None, lang=lang)


def layout(**query: str) -> html.Div:
    data, tables = current()
    parsed = Query(query)
    lang = parsed.lang
    _ = gettext_for(lang)
    view = claims_view(data, lang)
    filters = read_filters(parsed, view)
    rows = filter_claims(view, filters)
    column_name, descending, page = read_order(parsed, rows)
    rows = _sorted(rows, column_name, descending)
    names = place_names(tables, lang)
    indicators = [
        {"label": label, "value": code}
        for code, label, n in zip(
            tables.indicators["indicator_id"],
            tables.indicators[LABEL_COLUMN[lang]],
            tables.indicators["n_claims"],
            strict=True,
        )
        if n
    ]
    years = sorted({int(y) for y in view["year"].dropna()})
    pages = _pages(rows)
    content = [
        html.H1(_("Claims"), className="h3"),
        html.P(
            _(
                "Every published figure as its source wrote it, with the normalised value, the period the source "
                "states and whether it is the preferred figure of its group. Filters, sorting and the page are "
                "kept in the address, so a view can be shared."
            ),
            className="text-muted small",
        ),
        html.Div(notices(parsed.notices), id=NOTICES),
        group_panel(data, filters["group"], lang),
        dbc.Row(
            [
                labelled_dropdown(
                    _("Indicator"),
                    INDICATOR,
                    3,
                    lang=lang,
                    options=indicators,
                    value=filters["indicator"] or None,
                    placeholder=_("All indicators"),
                ),
                labelled_dropdown(
                    _("Place"),
                    PLACE,
                    2,
                    lang=lang,
                    options=[{"label": names[c], "value": c} for c in sorted(set(view["geo_code"]), key=names.get)],
                    value=filters["place"] or None,
                    placeholder=_("All places"),
                ),
                labelled_dropdown(
                    _("Year"),
                    YEAR,
                    1,
                    lang=lang,
                    options=[{"label": year(y, lang), "value": y} for y in years],
                    value=filters["year"] or None,
                    placeholder=_("All years"),
                ),
                labelled_dropdown(
                    _("Status"),
                    STATUS,
                    2,
                    lang=lang,
                    options=[{"label": _(v), "value": k} for k, v in STATUSES.items()],
                    value=filters["status"],
                    clearable=False,
                ),
                dbc.Col(
                    [
                        dbc.Label(_("Search text"), html_for=SEARCH, class_name="mb-0"),
                        dbc.Input(
                            id=SEARCH,
                            value=filters["q"],
                            placeholder=_("Search text"),
                            debounce=True,
                            type="search",
                        ),
                    ],
                    md=2,
                ),
                labelled_dropdown(
                    _("Source id"),
                    SOURCE,
                    2,
                    lang=lang,
                    options=sorted(set(view["source_id"])),
                    value=filters["source"] or None,
                    placeholder=_("All sources"),
                ),
            ],
            class_name="g-2 mb-2",
        ),
        html.Div(_count(rows, view, filters, lang), id=COUNT, className="small mb-1"),
        html.P(_notes_notice(lang), className="small text-muted mb-1") if lang != DEFAULT else None,
        grid(
            TABLE,
            _("Claims, one page"),
            _columns(lang, column_name, descending),
            _records(rows.iloc[page * PAGE_SIZE : (page + 1) * PAGE_SIZE], lang),
            lang,
        ),
        pager(PAGER, lang, page, pages),
        flag_panel(data, lang),
        dcc.Store(id=GROUP, data=filters["group"]),
        dcc.Store(id=VIEW, data={"page": page, "sort": column_name, "descending": descending}),
        dcc.Store(id=QUERY, data=_query(filters, column_name, descending, page, lang)),
        dcc.Store(id=SYNCED),
        lang_store("claims", lang),
    ]
    return page_frame(lang, "/claims", parsed.raw, content)


def _notes_notice(lang: str) -> str:
    return gettext_for(lang)(
        N_(
            "The editors' notes and each value as transcribed from its source are in English: they are shown in the "
            "English view and in the CSV."
        )
    )


def _columns(lang: str, column_name: str = "", descending: bool = False) -> list[dict]:
    """The grid's columns in `lang`, the sorted one marked; the English-only columns are hidden in other languages."""
    _ = gettext_for(lang)
    columns = []
    for name, header, how in COLUMNS:
        options: dict = {"markdown": how == "link"}
        if name == column_name:
            options["sort"] = "desc" if descending else "asc"
        if name in ENGLISH_ONLY and lang != DEFAULT:
            options["hide"] = True
        if name in WIDE:
            options["minWidth"] = WIDE[name]
        columns.append(column(name, _(header), **options))
    return columns


def group_panel(data: Snapshot, group: str, lang: str = DEFAULT) -> html.Div:
    """One group: what it is about, the written rule, and each claim with the reason it was or was not preferred."""
    if not group:
        return html.Div()
    _ = gettext_for(lang)
    view = claims_view(data, lang).set_index("claim_id")
    claims = data.table("claims")
    members = claims[claims["group_id"] == group].sort_values(["is_preferred", "claim_id"], ascending=[False, True])
    first = view.loc[members["claim_id"].iloc[0]]
    value_column = "value_as_written" if lang == DEFAULT else "normalised"
    rows = [
        html.Tr(
            [
                html.Td(r.claim_id, dir="auto"),
                html.Td(view.loc[r.claim_id, value_column], dir="auto"),
                html.Td(dcc.Markdown(view.loc[r.claim_id, "source"], link_target="_blank", className="mb-0")),
                html.Td(view.loc[r.claim_id, "source_type"]),
                html.Td(view.loc[r.claim_id, "published"]),
                html.Td(view.loc[r.claim_id, "status"]),
                html.Td(view.loc[r.claim_id, "reason"]),
            ]
        )
        for r in members.itertuples()
    ]
    header = [
        N_("Claim"),
        N_("Value as written") if lang == DEFAULT else N_("Value"),
        N_("Source"),
        N_("Source type"),
        N_("Published"),
        N_("Status"),
        N_("Why"),
    ]
    steps = PREFERENCE_RULE if lang == DEFAULT else [_(step) for step in RULE_STEPS]
    return html.Section(
        [
            html.H2(_("Group {group}").format(group=group), className="h5"),
            html.P(
                _("{indicator} · {place} · {period} · {scope}").format(
                    indicator=first["indicator"], place=first["place"], period=first["period"], scope=first["scope"]
                ),
                className="mb-1",
            ),
            dbc.Table(
                [html.Thead(html.Tr([html.Th(_(h), scope="col") for h in header])), html.Tbody(rows)],
                bordered=True,
                size="sm",
                responsive=True,
                class_name="small",
            ),
            html.Details(
                [
                    html.Summary(_("The preference rule, in the order it is applied")),
                    html.Ol([html.Li(step) for step in steps], className="small"),
                ],
                open=True,
            ),
        ],
        className="group-panel mb-3",
        **{"aria-label": _("Claim group {group}").format(group=group)},
    )


FLAG_TEMPLATES = {
    "part_exceeds_whole": N_(
        "{indicator}, {place}, {year}: {parts}, for part of the year, is larger than the preferred figure for the "
        "whole year, {whole}."
    ),
    "members_exceed_composite": N_(
        "{indicator}, {place}, {year}: the member figures {parts} add up to more than the figure for the whole, "
        "{whole}."
    ),
}
FLAG_FALLBACK = N_("{indicator}, {place}, {year}: claims {parts} and {whole} cannot all be true.")


def flag_text(flag, data: Snapshot, lang: str) -> str:  # noqa: ANN001 - a flags row
    """A flag in `lang`: the build's English message, or in other languages its claims, indicator, place and year."""
    if lang == DEFAULT:
        return flag.message
    _ = gettext_for(lang)
    labels = dict(
        zip(data.table("indicators")["indicator_id"], data.table("indicators")[LABEL_COLUMN[lang]], strict=True)
    )
    names = place_names(tables_of(data), lang)
    parts = "، ".join(own_words(p, lang) for p in str(flag.part_claim_ids).split("|"))
    return _(FLAG_TEMPLATES.get(flag.kind, FLAG_FALLBACK)).format(
        indicator=labels.get(flag.indicator_id, flag.indicator_id),
        place=names.get(flag.geo_code, flag.geo_code),
        year=year(flag.year, lang) if pd.notna(flag.year) else "",
        parts=parts,
        whole=own_words(flag.whole_claim_id, lang),
    )


def flag_panel(data: Snapshot, lang: str = DEFAULT) -> html.Details:
    """Every consistency flag of the build, each with a link to the group of the figure it contradicts."""
    _ = gettext_for(lang)
    flags = data.table("flags")
    group_of = dict(zip(data.table("claims")["claim_id"], data.table("claims")["group_id"], strict=True))
    items = [
        html.Li(
            [
                flag_text(f, data, lang) + " ",
                dcc.Link(_("Open the group"), href=href("/claims", lang, group=group_of[f.whole_claim_id])),
            ]
        )
        for f in flags.itertuples()
    ]
    notice = (
        [html.P(_("The flags' full messages are in English: in the English view and in the CSV."), className="small")]
        if lang != DEFAULT
        else []
    )
    return html.Details(
        [
            html.Summary(
                _("Consistency flags: {count} (figures that cannot all be true; kept, not deleted)").format(
                    count=number(len(flags), lang)
                )
            ),
            *notice,
            html.Ul(items, className="small"),
        ],
        className="mt-3",
    )


def _records(rows: pd.DataFrame, lang: str = DEFAULT) -> list[dict]:
    records = rows[FIELDS].astype(str).to_dict("records")
    for record in records:
        for name in OWN_WORDS:
            record[name] = own_words(record[name], lang)
    return records


def _count(rows: pd.DataFrame, view: pd.DataFrame, filters: dict, lang: str = DEFAULT) -> str:
    _ = gettext_for(lang)
    values = {"count": number(len(rows), lang), "total": number(len(view), lang)}
    if filters.get("group"):
        return _("{count} of {total} claims in group {group}.").format(**values, group=filters["group"])
    return _("{count} of {total} claims.").format(**values)


def _sorted(rows: pd.DataFrame, column_name: str, descending: bool) -> pd.DataFrame:
    # By the text shown, as AG Grid's own comparator orders it: the grid re-sorts the page it is given by the same
    # column, so the server's order and the grid's agree and the page never reshuffles on arrival.
    if not column_name:
        return rows
    return rows.sort_values(column_name, ascending=not descending, kind="stable", key=lambda c: c.astype(str))


# Server-side paging and sorting with a client-side grid fed one page (not AG Grid's infinite row model): the
# filters, sort and page all live in the address and on the server, so one callback answers every change in one
# round trip, a shared link reopens the same page at once (the infinite model would have to load, then jump), and
# an outside filter needs no JavaScript to purge the infinite model's block cache.
@callback(
    Output(TABLE, "rowData"),
    Output(COUNT, "children"),
    Output(QUERY, "data"),
    Output(VIEW, "data"),
    Output(PAGE_STATUS, "children"),
    *[Output(button, "disabled") for button in pager_ids(PAGER)],
    Input(INDICATOR, "value"),
    Input(PLACE, "value"),
    Input(YEAR, "value"),
    Input(STATUS, "value"),
    Input(SEARCH, "value"),
    Input(SOURCE, "value"),
    Input(TABLE, "columnState"),
    *[Input(button, "n_clicks") for button in pager_ids(PAGER)],
    State(VIEW, "data"),
    State(GROUP, "data"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
def update_claims(indicator, place, year_, status, search, source, column_state, *rest):  # noqa: ANN001, ANN201
    """Filter, sort and page on the server: the browser receives one page of rows, not the whole ledger."""
    *_clicks, state, group, lang = rest
    lang = lang if isinstance(lang, str) else DEFAULT
    state = state if isinstance(state, dict) else {}
    data, _tables = current()
    raw = {"indicator": indicator, "place": place, "year": year_, "status": status, "q": search, "source": source}
    raw["group"] = group
    filters = tuple((k, str(v)) for k, v in raw.items() if v not in (None, ""))
    column_name, descending = sort_of(column_state, SORTABLE)
    trigger = ctx.triggered_id
    sort_changed = (column_name, descending) != (state.get("sort", ""), bool(state.get("descending")))
    if trigger == TABLE and not sort_changed:
        raise PreventUpdate  # The grid reports its columns (sized, shown) without a new sort: nothing to fetch.
    rows, count, query = _filtered(data, filters, column_name, descending, lang)
    pages = _pages(rows)
    page = state.get("page", 0) if isinstance(state.get("page"), int) else 0
    page = turned_page(trigger.rsplit("-", 1)[-1], page, pages) if trigger in pager_ids(PAGER) else 0
    query = _query(dict(query), column_name, descending, page, lang)
    view = {"page": page, "sort": column_name, "descending": descending}
    status_text = page_status(page, pages, lang)
    records = _page(data, filters, column_name, descending, page, lang)
    return records, count, query, view, status_text, *pager_disabled(page, pages)


@lru_cache(maxsize=2048)
def _page(data: Snapshot, filters: tuple, column_name: str, descending: bool, page: int, lang: str) -> list[dict]:
    rows = _filtered(data, filters, column_name, descending, lang)[0]
    return _records(rows.iloc[page * PAGE_SIZE : (page + 1) * PAGE_SIZE], lang)


def _pages(rows: pd.DataFrame) -> int:
    return max(math.ceil(len(rows) / PAGE_SIZE), 1)


@lru_cache(maxsize=512)
def _filtered(data: Snapshot, raw: tuple[tuple[str, str], ...], column_name: str, descending: bool, lang: str) -> tuple:
    """Filtered and sorted rows, count text and chosen filters for one data version, language and set of filters."""
    view = claims_view(data, lang)
    filters = read_filters(Query(dict(raw)), view)
    rows = _sorted(filter_claims(view, filters), column_name, descending)
    return rows, _count(rows, view, filters, lang), tuple(filters.items())


clientside_callback(
    "function(query) { return window.dash_clientside.urlState.replace(query); }",
    Output(SYNCED, "data"),
    Input(QUERY, "data"),
)
