"""Download routes: self-citing PNG/SVG images, the displayed data as CSV, full tables and the evidence pack.

Images are cached per (page, view options, preset, format, data version): the same chart asked for again, by
anyone, costs nothing. A render refused because every renderer is busy answers 503 with Retry-After.
"""

from __future__ import annotations

import json
from functools import lru_cache

from flask import Blueprint, Response, request

from data import schema
from data.package import evidence_pack, table_csv
from figures.export import PRESETS, ExportBusy, ExportError, render, safe_filename
from figures.maps import outline_paths
from figures.views import View
from layouts import map as map_page
from layouts import trends as trends_page
from layouts._common import Query, current

downloads = Blueprint("downloads", __name__, url_prefix="/download")
geometry_files = Blueprint("geometry", __name__, url_prefix="/geometry")
MIMETYPES = {
    "json": "application/json",
    "png": "image/png",
    "svg": "image/svg+xml",
    "csv": "text/csv; charset=utf-8",
    "zip": "application/zip",
}


def _attachment(payload: bytes, fmt: str, name: str) -> Response:
    response = Response(payload, mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{safe_filename(name)}.{fmt}"'
    return response


def _send(page: str, fmt: str) -> Response:
    """The page's view as CSV, JSON or an image; the view options come from the query string."""
    data, _ = current()
    # Data files are never localised (plain values, English names): the language only changes images.
    keys = [key for key in request.args if fmt in ("png", "svg") or key != "lang"]
    args = tuple(sorted((key, tuple(request.args.getlist(key))) for key in keys))
    if fmt in ("csv", "json"):
        view, name = _view(page, args, data.version)
        if fmt == "csv":
            return _attachment(table_csv(view.data), "csv", name + "-data")
        # The Plotly figure itself, for developers (and the benchmark's full re-render baseline).
        return _attachment(view.figure.to_json().encode(), "json", name + "-figure")
    preset = Query(dict(request.args)).choice("preset", list(PRESETS), "web")
    try:
        image, name = _image(page, args, fmt, preset, data.version)
    except ExportBusy as error:
        response = Response(str(error), status=503, mimetype="text/plain")
        response.headers["Retry-After"] = str(error.retry_after)
        return response
    except ExportError as error:
        return Response(str(error), status=503, mimetype="text/plain")
    return _attachment(image, fmt, f"{name}-{preset}")


@lru_cache(maxsize=64)  # about 64 print-size PNGs (under 1 MB each); failures are not cached
def _image(page: str, args: tuple, fmt: str, preset: str, version: str) -> tuple[bytes, str]:
    view, name = _view(page, args, version)
    return render(view, fmt, preset), name


@lru_cache(maxsize=128)
def _view(page: str, args: tuple, version: str) -> tuple[View, str]:
    """The view a download shows, from the page's own option parsing (so a download matches the page)."""
    data, tables = current()
    assert data.version == version, "a download reads the version it was keyed on"
    query = Query({key: list(values) if len(values) > 1 else values[0] for key, values in args})
    if page == "map":
        options = map_page.read_options(query, tables)
        view = map_page.view(tables, options, version, map_page.geometry())
        suffix = ("-per-100k" if options.per_capita else "") + ("" if options.lang == "en" else f"-{options.lang}")
        return view, f"iraq-{options.indicator}-{options.drug}-{options.year}{suffix}"
    indicator, drug, places = trends_page.read_options(query, tables)
    url = trends_page._url(indicator, drug, places)
    view = trends_page.trend_view(tables, indicator, drug, places, version, url, trends_page.read_scale(query))
    return view, f"iraq-trend-{indicator}-{drug}-{'-'.join(places)}"


@downloads.route("/map.<fmt>")
def map_download(fmt: str) -> Response:
    if fmt not in ("png", "svg", "csv", "json"):
        return Response("unknown format", status=404, mimetype="text/plain")
    return _send("map", fmt)


@downloads.route("/trends.<fmt>")
def trends_download(fmt: str) -> Response:
    if fmt not in ("png", "svg", "csv"):
        return Response("unknown format", status=404, mimetype="text/plain")
    return _send("trends", fmt)


@downloads.route("/evidence-pack.zip")
def pack_download() -> Response:
    data, _ = current()
    return _attachment(evidence_pack(data), "zip", f"iraq-drug-figures-evidence-pack-{data.version}")


@downloads.route("/tables/<name>.csv")
def table_download(name: str) -> Response:
    if name not in schema.TABLES:
        return Response("unknown table", status=404, mimetype="text/plain")
    data, _ = current()
    return _attachment(table_csv(data.table(name)), "csv", f"iraq-drug-figures-{name}-{data.version}")


@geometry_files.route("/<fingerprint>.json")
def outlines(fingerprint: str) -> Response:
    """The map's outlines, named by their fingerprint: fetched once, then kept by the browser for a year."""
    shape = map_page.geometry()
    if fingerprint != shape.fingerprint:
        return Response("No such geometry.", status=404, mimetype="text/plain")
    response = Response(_outlines_json(shape.fingerprint), mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@lru_cache(maxsize=2)
def _outlines_json(fingerprint: str) -> bytes:
    shape = map_page.geometry()
    assert shape.fingerprint == fingerprint, "outlines are served for the geometry they are named after"
    return json.dumps(outline_paths(shape), separators=(",", ":")).encode()
