"""The page for an address that is no page (Dash shows it for any unknown path; app.py answers it with 404)."""

from __future__ import annotations

import dash
from dash import html

from figures.i18n import N_, gettext_for
from layouts._common import NAVIGATION, Query, link, page_frame

dash.register_page(__name__, path="/404", title=N_("Page not found · Iraq drug-policy figures"))


def layout(**query: str) -> html.Div:
    parsed = Query(query)
    _ = gettext_for(parsed.lang)
    pages = [html.Li(link(_(name), path, parsed.lang)) for path, name in NAVIGATION]
    content = [
        html.H1(_("Page not found"), className="h3"),
        html.P(_("There is no page at this address. The dashboard's pages are:")),
        html.Ul(pages),
    ]
    return page_frame(parsed.lang, "/404", parsed.raw, content)
