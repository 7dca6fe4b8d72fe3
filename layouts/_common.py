"""Helpers shared by the pages: the current tables, URL-state parsing with visible fallbacks, small widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, clientside_callback, dcc, html

from data.store import Snapshot, snapshot
from figures.captions import Caption
from figures.export import available as export_available
from figures.i18n import DEFAULT, LABEL_COLUMN, LANGUAGES, N_, NAME_COLUMN, NATIVE_NAMES, direction, gettext_for, known
from figures.selection import Tables, load_tables

DEFAULT_INDICATOR = "arrests"


def current() -> tuple[Snapshot, Tables]:
    data = snapshot()
    return data, tables_of(data)


@lru_cache(maxsize=4)
def tables_of(data: Snapshot) -> Tables:
    return load_tables(data)


MAX_REPEATS = 50  # values read from one parameter: more is never a real view, only a costly request
MAX_PLACES = 12  # lines on one chart: more are unreadable, and each costs the server work


def distinct_texts(values: object, limit: int = MAX_REPEATS) -> list[str]:
    """Distinct strings from a callback's list input, the first `limit` looked at: a client sending
    40,000 copies of one place costs no more than one sending the place once."""
    if not isinstance(values, list):
        return []
    return list(dict.fromkeys(v for v in values[:limit] if isinstance(v, str)))


@dataclass
class Query:
    """Values read from a URL query; every rejected value leaves a notice for the page to show."""

    raw: dict[str, str]
    notices: list[str] = field(default_factory=list)
    repeated: dict[str, list[str]] = field(default_factory=dict)
    lang: str = DEFAULT

    def __post_init__(self) -> None:
        # A parameter given twice (?places=IQ&places=IQ-BA) arrives as a list: the last one counts for a single
        # choice, all of them (capped) for a list of places; the page renders either way, never a 400.
        self.repeated = {k: [str(x) for x in v[:MAX_REPEATS]] for k, v in self.raw.items() if isinstance(v, list)}
        self.raw = {k: (str(v[-1]) if isinstance(v, list) and v else v) for k, v in self.raw.items()}
        # The page's language: from the address (an unknown value falls back to English, silently: the switch fixes it).
        self.lang = known(self.raw.get("lang"))

    def choice(self, name: str, allowed: list, default, cast=str):  # noqa: ANN001, ANN201
        text = self.raw.get(name)
        if text is None or text == "":
            return default
        try:
            value = cast(text)
        except (TypeError, ValueError):
            value = None
        if value in allowed:
            return value
        _ = gettext_for(self.lang)
        self.notices.append(
            _("Unknown {name} '{value}' in the address; showing {default} instead.").format(
                name=name, value=_shortened(text), default=default
            )
        )
        return default

    def flag(self, name: str) -> bool:
        return self.choice(name, ["1", "0", "true", "false"], "0") in ("1", "true")

    def many(self, name: str, allowed: list[str], default: list[str], limit: int = MAX_REPEATS) -> list[str]:
        """Distinct allowed values in the order given, at most `limit` of them."""
        text = ",".join(self.repeated[name]) if name in self.repeated else self.raw.get(name)
        if not text:
            return default
        wanted = list(dict.fromkeys(part for part in text.split(",")[:MAX_REPEATS] if part))
        unknown = [part for part in wanted if part not in allowed]
        _ = gettext_for(self.lang)
        if unknown:
            self.notices.append(
                _("Unknown {name} {value} in the address; ignored.").format(
                    name=name, value=_shortened(", ".join(unknown))
                )
            )
        chosen = [part for part in wanted if part in allowed]
        if len(chosen) > limit:
            self.notices.append(
                _("At most {limit} {name} at once; showing the first {limit}.").format(limit=limit, name=name)
            )
        return chosen[:limit] or default


def _shortened(text: str, limit: int = 60) -> str:
    """A value echoed in a notice, cut so a hostile address cannot make the page huge."""
    return text if len(text) <= limit else text[:limit] + "…"


def query_string(**values: object) -> str:
    """A stable query string, leaving out empty values and defaults the caller passes as None.

    Pass the page's `lang` to every link: a language, once chosen, is kept by every page, link and download.
    """
    return urlencode({k: v for k, v in values.items() if v not in (None, "", [], False)}, safe=",")


def href(path: str, lang: str, **values: object) -> str:
    """A link within the site that keeps the page's language: href('/claims', 'ar', indicator='arrests')."""
    return f"{path}?{query_string(**values, lang=lang)}"


# Pages with an AG Grid: only they load its 280 KB script (app.py leaves it out of the others), so a link to one
# loads the page afresh rather than rendering it in place on a page that lacks the script.
GRID_PAGES = ("/claims", "/sources")


def link(text: str, path: str, lang: str, class_name: str | None = None, **values: object) -> dcc.Link:
    """A link within the site that keeps the language (and reloads into a grid page, see GRID_PAGES)."""
    options = {"className": class_name} if class_name else {}
    return dcc.Link(text, href=href(path, lang, **values), refresh=path in GRID_PAGES, **options)


def lang_store(prefix: str, lang: str) -> dcc.Store:
    """The page's language, for its callbacks to read as State (id `<prefix>-lang`)."""
    return dcc.Store(id=f"{prefix}-lang", data=lang)


def caption_header(caption: Caption) -> list:
    """The chart's title and subtitle (unit, period) above it."""
    return [html.H2(caption.title, className="h5 mb-0"), html.Div(caption.subtitle, className="small text-muted")]


def caption_block(caption: Caption) -> str:
    """The chart's source line, notes, data version and link: one line each (shown in a .caption-lines block)."""
    return "\n".join(caption.footer_lines(width=10_000))


IMAGE_FORMATS = {"png": N_("PNG"), "svg": N_("SVG")}  # named for what they are where the acronyms mean nothing
PRESETS = {"web": N_("Web 1200×675"), "square": N_("Square 1080×1080"), "print": N_("Print 2400×1350")}


def download_bar(prefix: str, lang: str = DEFAULT) -> html.Div:
    """Image presets, PNG/SVG/CSV links for the current view, and the evidence pack; images need Chromium."""
    _ = gettext_for(lang)
    ok, why = export_available()
    why = _(N_("Image export needs Chromium, which is not installed on this server.")) if not ok else why
    presets = [{"label": _(label), "value": value} for value, label in PRESETS.items()]
    link = "btn btn-outline-secondary btn-sm me-1"
    images = [
        html.A(
            _(IMAGE_FORMATS[fmt]),
            id=f"{prefix}-download-{fmt}",
            href="#",
            download="",
            className=link + ("" if ok else " disabled"),
            **({} if ok else {"title": why}),
        )
        for fmt in ("png", "svg")
    ]
    return html.Div(
        [
            html.Span(_("Download:") + " ", className="small me-1"),
            html.Div(
                dcc.Dropdown(id=f"{prefix}-preset", options=presets, value="web", clearable=False),
                style={"width": "190px"},
                className="d-inline-block align-middle me-2",
            ),
            *images,
            html.A(_("CSV (displayed data)"), id=f"{prefix}-download-csv", href="#", download="", className=link),
            html.A(_("Evidence pack (zip)"), href="/download/evidence-pack.zip", download="", className=link),
            html.Div(why, className="small text-warning") if not ok else None,
        ],
        className="my-2",
    )


# Dash's dropdown writes these in English unless told (its `labels`); "{num_selected}" is filled in by Dash.
DROPDOWN_LABELS = {
    "select_all": N_("Select all"),
    "deselect_all": N_("Deselect all"),
    "selected_count": N_("{num_selected} selected"),
    "search": N_("Search"),
    "clear_search": N_("Clear search"),
    "clear_selection": N_("Clear selection"),
    "no_options_found": N_("No options found"),
}


def dropdown_labels(lang: str) -> dict[str, str]:
    _ = gettext_for(lang)
    return {key: _(text) for key, text in DROPDOWN_LABELS.items()}


def labelled_dropdown(
    label: str, component_id: str, width: int, xs: int = 12, lang: str = DEFAULT, **dropdown
) -> dbc.Col:
    """A control column: a label tied to its dropdown, `width` twelfths wide on medium screens and up, `xs` on phones."""
    dropdown.setdefault("labels", dropdown_labels(lang))
    return dbc.Col(
        [dbc.Label(label, html_for=component_id, class_name="mb-0"), dcc.Dropdown(id=component_id, **dropdown)],
        md=width,
        xs=xs,
    )


# No cloud sharing (nothing leaves this host) and no plain camera (an image without title, source and notes):
# the page's own PNG/SVG buttons give the sourced export.
CHART_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "modeBarButtonsToRemove": ["toImage", "sendChartToCloud", "editInChartStudio"],
}


def chart(component_id: str, figure, class_name: str, height: str, min_height: str) -> dcc.Graph:  # noqa: ANN001
    """A responsive chart without the Plotly logo, sized by the viewport so phones get a usable height."""
    return dcc.Graph(
        id=component_id,
        figure=figure,
        config=CHART_CONFIG,
        className=class_name,
        style={"height": height, "minHeight": min_height},
    )


def notices(messages: list[str]) -> html.Div:
    return html.Div([dbc.Alert(m, color="warning", dismissable=True, class_name="py-2 mb-2") for m in messages])


def indicator_options(tables: Tables, codes: list[str] | None = None, lang: str = DEFAULT) -> list[dict]:
    obs = tables.observations
    if codes is not None:
        obs = obs[obs["geo_code"].isin(codes)]
    present = set(obs["indicator_id"])
    rows = tables.indicators[tables.indicators["indicator_id"].isin(present)]
    labels = rows[LABEL_COLUMN[lang]]
    return [{"label": label, "value": code} for code, label in zip(rows["indicator_id"], labels, strict=True)]


def drug_options(tables: Tables, indicator: str, lang: str = DEFAULT) -> list[dict]:
    drugs = sorted(set(tables.observations.loc[tables.observations["indicator_id"] == indicator, "drug_id"]))
    labels = dict(zip(tables.drugs["drug_id"], tables.drugs[LABEL_COLUMN[lang]], strict=True))
    return [
        {"label": labels[d], "value": d} for d in (["all"] if "all" in drugs else []) + [d for d in drugs if d != "all"]
    ]


def indicator_row(tables: Tables, indicator: str) -> pd.Series:
    return tables.indicators.set_index("indicator_id").loc[indicator]


def place_names(tables: Tables, lang: str = DEFAULT) -> dict[str, str]:
    return dict(zip(tables.geographies["code"], tables.geographies[NAME_COLUMN[lang]], strict=True))


# The site's pages in navigation order, and each page's browser title (registered in its module; translated here).
NAVIGATION = (
    ("/", N_("Overview")),
    ("/map", N_("Map")),
    ("/trends", N_("Trends")),
    ("/claims", N_("Claims")),
    ("/sources", N_("Sources")),
)
SITE_NAME = N_("Iraq drug-policy figures")
MENU, MENU_BUTTON = "site-menu", "site-menu-button"
MAX_ECHOED = 300  # longer than any real parameter (12 places, a search text): the language links drop it
FAULT_TEXT = N_(
    "The server could not compute this view (error {status}). The fault has been logged; please try again in a moment."
)


def page_frame(lang: str, path: str, raw: dict, content: list) -> html.Div:
    """A page in its language: the navigation bar with the language switch, the content, and what the browser
    needs to follow the language (html lang and dir, the right-to-left stylesheet, the fault message), read by
    the clientside callback in app.py."""
    _ = gettext_for(lang)
    marker = {
        "lang": lang,
        "dir": direction(lang),
        "title": page_title(path, lang),
        "fault": _(FAULT_TEXT),
        "close": _("Close"),
    }
    return html.Div(
        [
            navbar(lang, path, raw),
            dbc.Container(content, fluid=True, className="py-3", id="page-content"),
            dcc.Store(id="page-lang", data=marker),
        ]
    )


def page_title(path: str, lang: str) -> str:
    """The browser tab's title: the page's name and the site's ('Map · Iraq drug-policy figures'), in `lang`."""
    _ = gettext_for(lang)
    name = dict(NAVIGATION).get(path)
    return _(SITE_NAME) if path == "/" or name is None else _("{page} · {site}").format(page=_(name), site=_(SITE_NAME))


def navbar(lang: str, path: str, raw: dict) -> dbc.Navbar:
    """Pages in the reader's language, and the languages each named in itself. Switching language keeps every
    other parameter of the address; layouts/assets/lang.js switches in place (no page reload)."""
    _ = gettext_for(lang)
    pages = [
        dbc.NavItem(
            dbc.NavLink(
                _(name),
                href=href(page, lang),
                active=page == path,
                class_name="px-2",
                external_link=page in GRID_PAGES and path not in GRID_PAGES,
            )
        )
        for page, name in NAVIGATION
    ]
    # Every other parameter is kept, except values no page accepts (a hostile address is not echoed in the links).
    kept = {k: v for k, v in raw.items() if k != "lang" and isinstance(v, str) and len(k) + len(v) <= MAX_ECHOED}
    languages = [
        html.A(
            NATIVE_NAMES[code],
            href=f"{path}?{urlencode({**kept, 'lang': code}, safe=',')}",
            lang=code,
            hrefLang=code,
            dir=direction(code),
            className="lang-link nav-link px-2" + (" active" if code == lang else ""),
            **{"data-lang": code, "aria-current": "true" if code == lang else "false"},
        )
        for code in LANGUAGES
    ]
    # On a phone the pages and languages fold behind a menu button, so the page starts at the top of the screen;
    # the button is ours (not NavbarSimple's) so that its name is in the page's language.
    toggle = html.Button(
        html.Span(className="navbar-toggler-icon"),
        id=MENU_BUTTON,
        type="button",
        className="navbar-toggler",
        **{"aria-label": _("Menu"), "aria-controls": MENU, "aria-expanded": "false"},
    )
    menu = dbc.Collapse(
        [
            dbc.Nav(pages, navbar=True, class_name="me-auto"),
            html.Nav(languages, className="navbar-nav flex-row lang-switch", **{"aria-label": _("Language")}),
        ],
        id=MENU,
        is_open=False,
        navbar=True,
    )
    brand = dcc.Link(_(SITE_NAME), href=href("/", lang), className="navbar-brand")
    return dbc.Navbar(dbc.Container([brand, toggle, menu], fluid=True), color="dark", dark=True, expand="lg")


clientside_callback(
    "function(clicks, open) { return [!open, String(!open)]; }",
    Output(MENU, "is_open"),
    Output(MENU_BUTTON, "aria-expanded"),
    Input(MENU_BUTTON, "n_clicks"),
    State(MENU, "is_open"),
    prevent_initial_call=True,
)
