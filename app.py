"""The Dash app: pages from layouts/, every asset served locally, production-safe headers and limits.

`python app.py` serves on http://127.0.0.1:8050 (PORT to change); `make serve` runs the same app under
gunicorn. Start-up refuses to serve unreadable data: it exits with a message naming the broken file.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from html import escape as html_escape
from importlib.metadata import version
from importlib.resources import files

import dash
from dash import Dash, Input, Output, callback, clientside_callback, dcc, html
from dash.exceptions import CallbackException, DependencyException
from flask import Response, jsonify, redirect, request, send_file
from flask_compress import Compress
from werkzeug.exceptions import HTTPException

from data.store import DATA_DIR, DataUnavailable, check_all
from figures.captions import site_url
from figures.i18n import N_, RIGHT_TO_LEFT, direction, gettext_for, known, negotiate
from layouts._common import GRID_PAGES
from layouts._vendor import (
    BOOTSTRAP_RTL,
    PLOTLY_URL,
    REGENERATOR_URL,
    regenerator_runtime,
    serve_light_plotly,
    without_polyfill,
)

BOOTSTRAP_CSS = f"/vendor/bootstrap/{version('bootstrap-flask')}/bootstrap.min.css"  # Versioned URL: cached for a year.
BOOTSTRAP_RTL_CSS = f"/vendor/bootstrap/{version('bootstrap-flask')}/bootstrap.rtl.min.css"
STYLESHEET = {
    "href": BOOTSTRAP_CSS,
    "rel": "stylesheet",
    "data-bootstrap": "",
    "data-ltr": BOOTSTRAP_CSS,
    "data-rtl": BOOTSTRAP_RTL_CSS,
}
MAX_REQUEST_BYTES = 256 * 1024
# Who may embed the dashboard in a frame: only this site by default; set FRAME_ANCESTORS (e.g. "'self' https://news.example")
FRAME_ANCESTORS = os.environ.get("FRAME_ANCESTORS", "'self'")
CHART_PAGES = ("/map", "/trends")
DCC_CHUNKS = ("async-graph.js", "async-dropdown.js")  # the parts of dcc the chart pages draw with
GRID_SCRIPT = re.compile(r'<script src="[^"]*/dash_ag_grid/dash_ag_grid[^"]*\.js"></script>\s*')
# Dash lists its DataTable's loader on every page; the tables here are AG Grids, so no page draws one.
DATA_TABLE_SCRIPT = re.compile(r'<script src="[^"]*/dash/dash_table/[^"]*\.js"></script>\s*')
DESCRIPTION = N_(
    "Iraq's published drug-policy figures (arrests, seizures, sentences, treatment), each traced to its source "
    "and period, with conflicts kept and explained."
)
log = logging.getLogger("iraq_figures")
# What a callback request of the wrong shape raises: in our callbacks (values of the wrong type) or in Dash's
# dispatch (inputs or outputs that do not fit the callback: CallbackException and its kind). Anything else a
# callback raises is the server's fault and answers 5xx.
MALFORMED_INPUT = (TypeError, ValueError, KeyError, AttributeError, IndexError, CallbackException)


class Site(Dash):
    """Dash with share-card meta tags whose address comes from SITE_URL (figures/captions.py), never from
    the request's Host header; without SITE_URL no absolute address is printed."""

    def interpolate_index(self, **kwargs: str) -> str:
        lang = known(request.args.get("lang"))
        _ = gettext_for(lang)
        page = next((p for p in dash.page_registry.values() if p["path"] == request.path), None)
        title = html_escape(_(page["title"] if page else self.title))
        tags = [
            '<meta property="og:type" content="website">',
            '<meta name="twitter:card" content="summary">',
            f'<meta property="og:title" content="{title}">',
            f'<meta name="description" content="{html_escape(_(DESCRIPTION))}">',
        ]
        if site_url() and page:
            address = html_escape(f"{site_url()}{page['path']}?lang={lang}")
            tags += [f'<meta property="og:url" content="{address}">', f'<link rel="canonical" href="{address}">']
        if request.path in CHART_PAGES:  # fetch plotly.js alongside the other scripts, not after the graph mounts
            tags.append(f'<link rel="preload" as="script" href="{PLOTLY_URL}">')
            # and the graph's and dropdowns' own code, which dcc asks for only once the page's layout has arrived
            chunks = f"{self.config.requests_pathname_prefix}_dash-component-suites/dash/dcc/"
            tags += [f'<link rel="preload" as="script" href="{chunks}{chunk}">' for chunk in DCC_CHUNKS]
        if request.path == "/map":  # and the outlines, which the map fetches as soon as its figure arrives
            from layouts.map import geometry, geometry_url

            tags.append(f'<link rel="preload" as="fetch" href="{geometry_url(geometry())}" crossorigin="anonymous">')
        kwargs["metas"] = "\n".join(tags) + kwargs.get("metas", "")
        if request.path not in GRID_PAGES:  # AG Grid's script (280 KB with brotli) only where a grid is drawn
            kwargs["scripts"] = GRID_SCRIPT.sub("", kwargs.get("scripts", ""))
        kwargs["scripts"] = without_polyfill(DATA_TABLE_SCRIPT.sub("", kwargs.get("scripts", "")))
        kwargs["title"] = title
        index = super().interpolate_index(**kwargs)
        if lang in RIGHT_TO_LEFT:  # the first paint already right to left; layouts/assets/lang.js keeps it in step
            index = index.replace(f'href="{BOOTSTRAP_CSS}"', f'href="{BOOTSTRAP_RTL_CSS}"', 1)
        # The page's language and direction, for screen readers, hyphenation and right-to-left scripts.
        return index.replace("<html>", f'<html lang="{lang}" dir="{direction(lang)}">', 1)


def create_app() -> Dash:
    app = Site(
        __name__,
        use_pages=True,
        include_pages_meta=False,  # Dash's page meta tags print request.url, i.e. whatever Host the client sent
        pages_folder="layouts",
        assets_folder="layouts/assets",
        external_stylesheets=[STYLESHEET],
        title=N_("Iraq drug-policy figures"),
        compress=False,  # Flask-Compress below handles every response, not only Dash's.
        # Pages would otherwise ship every page's full layout (maps included) in each index page as a
        # "validation layout"; tests/layouts checks the callback ids instead.
        suppress_callback_exceptions=True,
    )
    server = app.server
    serve_light_plotly(server)  # the basic plotly.js bundle (layouts/_vendor.py), about a quarter of the full one
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    server.add_url_rule(BOOTSTRAP_CSS, "bootstrap_css", _bootstrap_css)
    server.add_url_rule(BOOTSTRAP_RTL_CSS, "bootstrap_rtl_css", _bootstrap_rtl_css)
    server.add_url_rule(REGENERATOR_URL, "regenerator_runtime", regenerator_runtime)
    server.add_url_rule("/healthz", "healthz", _healthz)
    server.before_request(_language_from_browser)
    from layouts._downloads import downloads, geometry_files  # After the pages are registered: reuses their parsing.
    from layouts._responses import ResponseCache

    server.register_blueprint(downloads)
    server.register_blueprint(geometry_files)
    server.register_error_handler(Exception, _error)
    server.after_request(_security_headers(app))
    server.after_request(_unknown_page_is_404)
    ResponseCache().install(server)  # before Compress: it stores the compressed bytes
    # Brotli at its best level: each response is compressed once and then kept (layouts/_responses.py), so the
    # slower compression costs once per worker while readers on slow phones save 15-20% of every script.
    server.config.update(COMPRESS_ALGORITHM=["br", "gzip", "deflate"], COMPRESS_BR_LEVEL=11)
    Compress(server)  # Callback responses are JSON text; compression keeps an interaction to a kilobyte or two.
    app.layout = _shell()
    _set_up_before_serving(app)
    return app


def _set_up_before_serving(app: Dash) -> None:
    """Dash registers the page router and copies the page modules' callbacks on the first request. With
    threaded workers, requests that arrive together would race that set-up (one thread dispatching while another
    fills the callback map, answering 'callback not found'); so run it now, once, before any worker starts."""
    with app.server.test_request_context("/"):
        app.server.preprocess_request()


def _bootstrap_css():
    """Bootstrap 5 CSS from the installed Bootstrap-Flask package, so no request leaves the machine."""
    css = files("flask_bootstrap") / "static" / "bootstrap5" / "css" / "bootstrap.min.css"
    return send_file(str(css), mimetype="text/css", max_age=31_536_000)


def _bootstrap_rtl_css():
    """Bootstrap's right-to-left CSS, installed at set-up from npm (`make npm`); 404 with a reason if it is not."""
    if not BOOTSTRAP_RTL.exists():
        log.error("%s is missing: run `make npm`", BOOTSTRAP_RTL.name)
        return Response("Right-to-left stylesheet not installed (make npm).", status=404, mimetype="text/plain")
    return send_file(str(BOOTSTRAP_RTL), mimetype="text/css", max_age=31_536_000)


def _language_from_browser():
    """A first visit without `lang` follows the browser's Accept-Language among our languages: Arabic and Kurdish
    readers are sent to the same page with `lang` in the address (so links, caches and shared addresses all carry
    it); English, the default, needs no redirect. Only page addresses are redirected, never data or assets."""
    if request.method != "GET" or "lang" in request.args or request.path not in _page_paths():
        return None
    lang = negotiate(list(request.accept_languages))
    if lang == "en":
        return None
    query = request.query_string.decode("latin-1")
    response = redirect(f"{request.path}?{query + '&' if query else ''}lang={lang}", code=302)
    response.headers["Vary"] = "Accept-Language"
    return response


def _page_paths() -> set[str]:
    return {page["path"] for page in dash.page_registry.values()}


def _healthz():
    """ok only when every table file of the served version matches its manifest hash and reads, and the map
    outlines (if present) read. Cheap: files are hashed again only when they change, tables read once per
    version. The reason for a 503 names the file but never an absolute path."""
    try:
        data = check_all()
    except DataUnavailable as error:
        log.error("health check failed: %s", error)
        return jsonify(status="error", error=_without_paths(str(error))), 503
    return jsonify(status="ok", data_version=data.version)


def _without_paths(text: str) -> str:
    for folder in sorted({str(DATA_DIR.resolve()), str(DATA_DIR)}, key=len, reverse=True):
        text = text.replace(folder + "/", "").replace(folder, "data")
    return re.sub(r"(?<![\w.])/[^\s:]*/", "", text)  # any other absolute folder: keep only the file name


def _error(error: Exception):
    """Told truthfully: a malformed request is the client's fault (400, one log line, no traceback); a
    server-side failure is 503 when the data cannot be read and 500 otherwise, logged with its traceback.
    The page shows a message for either (layouts/assets/faults.js)."""
    if isinstance(error, HTTPException):
        return error
    if isinstance(error, DependencyException):  # an asset path Dash does not serve: not found, no traceback
        log.warning("no such asset: %s", request.path[:200])
        return Response("No such file.", status=404, mimetype="text/plain")
    if isinstance(error, DataUnavailable):
        log.error("data unavailable: %s %s: %s", request.method, request.path, error)
        return Response(
            "The data tables cannot be read just now; try again shortly.", status=503, mimetype="text/plain"
        )
    if isinstance(error, MALFORMED_INPUT) and request.path == "/_dash-update-component":
        # Callbacks read their inputs as the browser sends them; a value of the wrong shape is a bad request.
        log.warning("rejected callback: %s: %s", type(error).__name__, str(error)[:200])
        return Response("This request could not be processed.", status=400, mimetype="text/plain")
    log.exception("request failed: %s %s", request.method, request.path)
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
        fingerprinted = request.path == BOOTSTRAP_CSS or (
            request.path.startswith("/_dash-component-suites/") and "v" in request.args
        )
        if fingerprinted and response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    return add


def _shell() -> html.Div:
    """Each page renders its own navigation bar in its language (layouts/_common.py: page_frame)."""
    # The no-op pair is the floor the benchmarks compare real interactions against (bench/).
    floor = [dcc.Store(id="noop-in"), dcc.Store(id="noop-out")]
    return html.Div([dash.page_container, dcc.Store(id="lang-applied"), *floor])


clientside_callback(
    "function(marker) { return window.dash_clientside.page.apply(marker); }",
    Output("lang-applied", "data"),
    Input("page-lang", "data"),
)


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
