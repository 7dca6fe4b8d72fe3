"""AG Grid tables (dash-ag-grid) for the Claims and Sources pages: one look, one set of translated grid words,
right-to-left in Arabic and Kurdish, links that open in a new tab, and a small pager for grids fed one page at a time.

AG Grid's JavaScript comes from the dash_ag_grid package through Dash (never a CDN) and is styled by its Theming
API default theme (Quartz: no stylesheet to load). No option here is a JavaScript function string: the app's
Content-Security-Policy forbids evaluated code, and none is needed.
"""

from __future__ import annotations

import re

import dash_ag_grid as dag
from dash import html

from figures.i18n import DEFAULT, N_, RIGHT_TO_LEFT, gettext_for, number

# AG Grid's own words a reader can meet on these grids (empty grid, loading, the sort hint read by screen readers).
LOCALE_TEXT = {
    "noRowsToShow": N_("No rows to show"),
    "loadingOoo": N_("Loading…"),
    "ariaSortableColumn": N_("Press Enter to sort"),
    "ariaColumnSelectAll": N_("Toggle all columns"),
}
PAGER_BUTTONS = {
    "first": N_("First page"),
    "previous": N_("Previous page"),
    "next": N_("Next page"),
    "last": N_("Last page"),
}


def column(field: str, header: str, **options: object) -> dict:
    """A column: `header` is already translated; markdown=True renders a link that opens in a new tab."""
    definition: dict = {"field": field, "headerName": header}
    if options.pop("markdown", False):
        definition |= {"cellRenderer": "markdown", "linkTarget": "_blank"}
    return definition | options


def own_words(text: object, lang: str) -> str:
    """The source's words, a name or an id, laid out by its own script inside a right-to-left page.

    A first-strong isolate around the text is `dir="auto"` at the level of the text: CSS `unicode-bidi: plaintext`
    on a grid cell would not reach its text, which AG Grid wraps in a block of its own when rows size to fit.
    """
    return f"\u2068{text}\u2069" if lang in RIGHT_TO_LEFT else str(text)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md_link(text: str, url: str) -> str:
    """A markdown link whose text is shown as written (brackets, stars) and whose address may hold parentheses."""
    shown = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return f"[{shown}](<{url}>)"


def grid(
    grid_id: str, label: str, columns: list[dict], rows: list[dict], lang: str, height: str = "", **options: object
) -> html.Div:
    """An AG Grid named `label` for assistive technology, wrapped so it scrolls sideways on a phone.

    With a `height` the grid scrolls its rows inside it; without one it grows to its rows (domLayout autoHeight).
    `options` go to dashGridOptions (e.g. quickFilterText); column headers wrap instead of being cut.
    """
    _ = gettext_for(lang)
    grid_options = {
        "enableRtl": lang in RIGHT_TO_LEFT,
        "localeText": {key: _(message) for key, message in LOCALE_TEXT.items()},
        # Rows and columns stay in the document in reading order, all of them: screen readers and the
        # browser's find-in-page see every cell of the (small) page, not only those scrolled into view.
        "ensureDomOrder": True,
        "suppressColumnVirtualisation": True,
        "suppressMultiSort": True,
        "animateRows": False,
        "suppressDragLeaveHidesColumns": True,
        "suppressMovableColumns": True,
        **({} if height else {"domLayout": "autoHeight"}),
        **options,
    }
    table = dag.AgGrid(
        id=grid_id,
        columnDefs=columns,
        rowData=rows,
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "wrapText": True,
            "autoHeight": True,
            "wrapHeaderText": True,
            "autoHeaderHeight": True,
            "suppressHeaderMenuButton": True,
            "minWidth": 110,
            # Wrapped text at a reading line height: AG Grid's cells otherwise space every line a row apart.
            "cellStyle": {"lineHeight": "1.45", "paddingTop": "0.45rem", "paddingBottom": "0.45rem"},
        },
        dashGridOptions=grid_options,
        className="data-grid",
        style={"width": "100%", **({"height": height} if height else {})},
    )
    return html.Div(table, role="region", className="claims-table-wrap", **{"aria-label": label})


def pager(prefix: str, lang: str, page: int, pages: int) -> html.Nav:
    """First / previous / next / last buttons and 'Page 2 of 41' for a grid fed one page by the server."""
    _ = gettext_for(lang)
    disabled = pager_disabled(page, pages)
    buttons = [
        html.Button(
            _(message),
            id=f"{prefix}-{name}",
            n_clicks=0,
            disabled=off,
            type="button",
            className="btn btn-outline-secondary btn-sm me-1",
        )
        for (name, message), off in zip(PAGER_BUTTONS.items(), disabled, strict=True)
    ]
    status = html.Span(
        page_status(page, pages, lang), id=f"{prefix}-page-status", className="small ms-2", **{"aria-live": "polite"}
    )
    return html.Nav([*buttons, status], className="my-2", **{"aria-label": _("Pages of the table")})


def pager_ids(prefix: str) -> list[str]:
    return [f"{prefix}-{name}" for name in PAGER_BUTTONS]


def pager_disabled(page: int, pages: int) -> list[bool]:
    """Disabled flags of first, previous, next, last for a 0-based `page` of `pages`."""
    at_start, at_end = page <= 0, page >= pages - 1
    return [at_start, at_start, at_end, at_end]


def page_status(page: int, pages: int, lang: str = DEFAULT) -> str:
    return gettext_for(lang)(N_("Page {page} of {pages}")).format(
        page=number(page + 1, lang), pages=number(pages, lang)
    )


def turned_page(button: str, page: int, pages: int) -> int:
    """The page a pager button leads to from `page` (0-based), within 0..pages-1."""
    target = {"first": 0, "previous": page - 1, "next": page + 1, "last": pages - 1}.get(button, page)
    return min(max(target, 0), pages - 1)


def sort_of(column_state: object, allowed: set[str]) -> tuple[str, bool]:
    """The (column, descending) AG Grid's column state sorts by; ('', False) when unsorted or unknown."""
    if not isinstance(column_state, list):
        return "", False
    for state in column_state:
        if isinstance(state, dict) and state.get("sort") in ("asc", "desc") and state.get("colId") in allowed:
            return state["colId"], state["sort"] == "desc"
    return "", False
