"""The Dash app: pages from layouts/, Bootstrap and every other asset served locally (no CDN)."""

from __future__ import annotations

import os
from importlib.resources import files

import dash
import dash_bootstrap_components as dbc
from dash import Dash, html
from flask import send_file
from flask_compress import Compress

BOOTSTRAP_CSS = "/vendor/bootstrap/bootstrap.min.css"


def create_app() -> Dash:
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="layouts",
        assets_folder="layouts/assets",
        external_stylesheets=[BOOTSTRAP_CSS],
        title="Iraq drug-policy figures",
        suppress_callback_exceptions=False,
    )
    app.server.add_url_rule(BOOTSTRAP_CSS, "bootstrap_css", _bootstrap_css)
    from layouts._downloads import downloads  # Imported after the pages are registered: it reuses their parsing.

    app.server.register_blueprint(downloads)
    Compress(app.server)  # Callback responses are JSON text; gzip keeps an interaction to a kilobyte or two.
    app.layout = _shell()
    return app


def _bootstrap_css():
    """Bootstrap 5 CSS from the installed Bootstrap-Flask package, so no request leaves the machine."""
    css = files("flask_bootstrap") / "static" / "bootstrap5" / "css" / "bootstrap.min.css"
    return send_file(str(css), mimetype="text/css", max_age=86400)


def _shell() -> html.Div:
    links = [dbc.NavItem(dbc.NavLink(page["name"], href=page["relative_path"], active="exact"))
             for page in dash.page_registry.values()]  # fmt: skip
    navbar = dbc.NavbarSimple(links, brand="Iraq drug-policy figures", brand_href="/", color="dark", dark=True)
    return html.Div([navbar, dbc.Container(dash.page_container, fluid=True, className="py-3")])


app = create_app()
server = app.server

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8050")), debug=False)
