"""Download routes: self-citing PNG/SVG images, the displayed data as CSV, full tables and the evidence pack."""

from __future__ import annotations

from flask import Blueprint, Response, request

from data import schema
from data.package import evidence_pack, table_csv
from figures.export import PRESETS, ExportError, render, safe_filename
from figures.views import View
from layouts import map as map_page
from layouts import trends as trends_page
from layouts._common import Query, current

downloads = Blueprint("downloads", __name__, url_prefix="/download")
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


def _send(view: View, fmt: str, name: str) -> Response:
    if fmt == "csv":
        return _attachment(table_csv(view.data), "csv", name + "-data")
    if fmt == "json":  # The Plotly figure itself, for developers (and the benchmark's full re-render baseline).
        return _attachment(view.figure.to_json().encode(), "json", name + "-figure")
    preset = Query(dict(request.args)).choice("preset", list(PRESETS), "web")
    try:
        return _attachment(render(view, fmt, preset), fmt, f"{name}-{preset}")
    except ExportError as error:
        return Response(str(error), status=503, mimetype="text/plain")


@downloads.route("/map.<fmt>")
def map_download(fmt: str) -> Response:
    if fmt not in ("png", "svg", "csv", "json"):
        return Response("unknown format", status=404, mimetype="text/plain")
    data, tables = current()
    options = map_page.read_options(Query(dict(request.args)), tables)
    view = map_page.view(tables, options, data.version, map_page.geometry())
    return _send(
        view, fmt, f"iraq-{options.indicator}-{options.drug}-{options.year}{'-per-100k' if options.per_capita else ''}"
    )


@downloads.route("/trends.<fmt>")
def trends_download(fmt: str) -> Response:
    if fmt not in ("png", "svg", "csv"):
        return Response("unknown format", status=404, mimetype="text/plain")
    data, tables = current()
    query = Query(dict(request.args))
    indicator, drug, places = trends_page.read_options(query, tables)
    scale = trends_page.read_scale(query)
    url = trends_page._url(indicator, drug, places)
    view = trends_page.trend_view(tables, indicator, drug, places, data.version, url, scale)
    return _send(view, fmt, f"iraq-trend-{indicator}-{drug}-{'-'.join(places)}")


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
