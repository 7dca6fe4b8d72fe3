"""The Dash app: pages from layouts/, every asset served locally, production-safe headers and limits.

`python app.py` serves on http://127.0.0.1:8050 (PORT to change); `make serve` runs the same app under
gunicorn. Start-up refuses to serve unreadable data: it exits with a message naming the broken file.
"""

from __future__ import annotations

import logging
import os
import sys
from importlib.metadata import version
from importlib.resources import files

import dash
import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, callback, dcc, html
from flask import Response, jsonify, request, send_file
from flask_compress import Compress
from werkzeug.exceptions import HTTPException

from data.store import DataUnavailable, check_all

BOOTSTRAP_CSS = f"/vendor/bootstrap/{version('bootstrap-flask')}/bootstrap.min.css"  # Versioned URL: cached for a year.
MAX_REQUEST_BYTES = 256 * 1024
# Who may embed the dashboard in a frame: only this site by default; set FRAME_ANCESTORS (e.g. "'self' https://news.example")
FRAME_ANCESTORS = os.environ.get("FRAME_ANCESTORS", "'self'")
log = logging.getLogger("iraq_figures")


def create_app() -> Dash:
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="layouts",
        assets_folder="layouts/assets",
        external_stylesheets=[BOOTSTRAP_CSS],
        title="Iraq drug-policy figures",
        compress=False,  # Flask-Compress below handles every response, not only Dash's.
        # Pages would otherwise ship every page's full layout (maps included) in each index page as a
        # "validation layout"; tests/layouts checks the callback ids instead.
        suppress_callback_exceptions=True,
    )
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    server.add_url_rule(BOOTSTRAP_CSS, "bootstrap_css", _bootstrap_css)
    server.add_url_rule("/healthz", "healthz", _healthz)
    from layouts._downloads import downloads  # Imported after the pages are registered: it reuses their parsing.

    server.register_blueprint(downloads)
    server.register_error_handler(Exception, _error)
    server.after_request(_security_headers(app))
    server.after_request(_unknown_page_is_404)
    Compress(server)  # Callback responses are JSON text; compression keeps an interaction to a kilobyte or two.
    app.layout = _shell()
    return app


def _bootstrap_css():
    """Bootstrap 5 CSS from the installed Bootstrap-Flask package, so no request leaves the machine."""
    css = files("flask_bootstrap") / "static" / "bootstrap5" / "css" / "bootstrap.min.css"
    return send_file(str(css), mimetype="text/css", max_age=31_536_000)


def _healthz():
    """ok only when every table of the served version reads and matches its schema (reads are cached per
    version, so this is cheap); the details of a failure go to the log, not to the client."""
    try:
        data = check_all()
    except DataUnavailable as error:
        log.error("health check failed: %s", error)
        return jsonify(status="error", error="the data tables cannot be read; see the server log"), 503
    return jsonify(status="ok", data_version=data.version)


def _error(error: Exception):
    """A malformed request is the client's fault (400); anything else is logged and answered without details."""
    if isinstance(error, HTTPException):
        return error
    log.exception("request failed: %s %s", request.method, request.path)
    if request.path == "/_dash-update-component" or isinstance(
        error, TypeError | ValueError | KeyError | AttributeError
    ):
        return Response("This request could not be processed.", status=400, mimetype="text/plain")
    return Response("Internal error; it has been logged.", status=500, mimetype="text/plain")


def _unknown_page_is_404(response: Response) -> Response:
    """Dash answers every path with its page shell; an address that is no page gets the shell's
    'not found' content with status 404, so links checkers and crawlers see the truth."""
    known = {page["path"] for page in dash.page_registry.values()}
    if response.status_code == 200 and response.mimetype == "text/html" and request.path not in known:
        response.status_code = 404
    return response


def _security_headers(app: Dash):
    hashes: list[str] = []  # Inline script hashes, computed once every callback is registered.

    def add(response: Response) -> Response:
        if not hashes:
            hashes.extend(sorted(set(app.csp_hashes())))
        scripts = " ".join(hashes)
        response.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src 'self' {scripts}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            f"base-uri 'self'; form-action 'self'; frame-ancestors {FRAME_ANCESTORS}"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if request.path.startswith("/_dash-component-suites/") and "v" in request.args or "/vendor/" in request.path:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    return add


def _shell() -> html.Div:
    links = [
        dbc.NavItem(dbc.NavLink(page["name"], href=page["relative_path"], active="exact"))
        for page in dash.page_registry.values()
    ]
    navbar = dbc.NavbarSimple(links, brand="Iraq drug-policy figures", brand_href="/", color="dark", dark=True)
    # The no-op pair is the floor the benchmarks compare real interactions against (bench/).
    floor = [dcc.Store(id="noop-in"), dcc.Store(id="noop-out")]
    return html.Div([navbar, dbc.Container(dash.page_container, fluid=True, className="py-3"), *floor])


@callback(Output("noop-out", "data"), Input("noop-in", "data"), prevent_initial_call=True)
def noop(value):  # noqa: ANN001, ANN201 - returns its input unchanged
    return value


def check_data_or_exit() -> None:
    """Refuse to start on missing or corrupt tables, naming the file, rather than fail on a user's first click."""
    try:
        check_all()
    except DataUnavailable as error:
        print(f"cannot serve: {error}", file=sys.stderr)
        sys.exit(2)


check_data_or_exit()
app = create_app()
server = app.server

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8050")), debug=False, dev_tools_ui=False)
