"""`make serve` (nginx in front of gunicorn page and export pools, deploy/serve.py): security headers, no dev
tools, compressed responses, cached assets, a health check with the data version, and hostile clients:
idle half-open connections, an export storm, a callback with 40,000 repeated places, odd asset paths."""

import concurrent.futures
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port, install_boundaries, start_server

SERVE = [sys.executable, "deploy/serve.py"]


@pytest.fixture(scope="module")
def gunicorn(built):
    """The whole `make serve` stack (the fixture keeps its old name: the app still runs under gunicorn)."""
    data_dir = built.path.parent.parent
    install_boundaries(data_dir)
    port = free_port()
    process = start_server(SERVE, data_dir, port, "serve.log")
    yield f"http://127.0.0.1:{port}"
    log = (data_dir / "serve.log").read_text()
    run_folder = log.split("run folder ", 1)[1].split(")", 1)[0]
    process.terminate()
    process.wait(timeout=60)
    leftovers = subprocess.run(["pgrep", "-f", run_folder], capture_output=True)  # nginx names its folder
    assert leftovers.stdout == b"", "make serve left nginx behind"
    assert not list(Path(run_folder).parent.glob(Path(run_folder).name)), "make serve left its run folder"


def get(url: str, **headers: str):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30)


def test_security_headers_on_the_home_page(gunicorn):
    headers = get(gunicorn + "/").headers
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-eval" not in policy and "script-src 'self' 'sha256-" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_health_reports_the_data_version(gunicorn, built):
    assert json.loads(get(gunicorn + "/healthz").read()) == {"status": "ok", "data_version": built.version}


def test_responses_are_compressed_and_assets_cached(gunicorn):
    page = get(gunicorn + "/", **{"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip"
    html = get(gunicorn + "/").read().decode()
    asset = next(part.split('"')[0] for part in html.split('src="')[1:] if "_dash-component-suites" in part)
    assert "max-age=31536000" in get(gunicorn + asset).headers["Cache-Control"]


def test_no_debug_tools(gunicorn):
    html = get(gunicorn + "/").read().decode()
    assert '"ui":false' in html and '"props_check":false' in html and "hot_reload" not in html


def timed_health(base: str) -> float:
    start = time.perf_counter()
    assert get(base + "/healthz").status == 200
    return time.perf_counter() - start


def test_clients_that_never_finish_their_headers_do_not_block_anyone(gunicorn):
    port = int(gunicorn.rsplit(":", 1)[1])
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(2)]
    try:
        for sock in idle:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
        times = sorted(timed_health(gunicorn) for _ in range(20))
    finally:
        for sock in idle:
            sock.close()
    assert times[18] < 0.1, f"p95 {times[18]:.3f} s with two idle clients open"


def test_an_export_storm_is_queued_or_turned_away_with_retry_after(gunicorn):
    def export(n: int) -> tuple[int, str | None]:
        url = f"{gunicorn}/download/map.png?indicator=arrests&preset=print&year={2015 + n % 10}&n={n}"
        try:
            answer = get(url)
            return answer.status, None
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Retry-After")

    with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
        storm = [pool.submit(export, n) for n in range(12)]
        time.sleep(0.5)
        health = [timed_health(gunicorn) for _ in range(10)]
        results = [f.result() for f in storm]
    assert {status for status, _ in results} <= {200, 503}
    assert any(status == 503 and retry for status, retry in results), results
    assert statistics.median(health) < 0.25


def test_forty_thousand_repeated_places_cost_little(gunicorn):
    from tests.serving.test_fuzz import _outputs

    dependencies = json.loads(get(gunicorn + "/_dash-dependencies").read())
    trend = next(d for d in dependencies if any(i["id"] == "trends-places" for i in d["inputs"]))
    values = {"trends-indicator": "arrests", "trends-drug": "all", "trends-places": ["IQ"] * 40_000}
    body = {
        "output": trend["output"],
        "outputs": _outputs(trend["output"]),
        "inputs": [{**i, "value": values.get(i["id"], "auto")} for i in trend["inputs"]],
        "state": [{**x, "value": None} for x in trend.get("state", [])],
        "changedPropIds": ["trends-places.value"],
    }
    request = urllib.request.Request(
        gunicorn + "/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    start = time.perf_counter()
    answer = urllib.request.urlopen(request, timeout=30)
    payload = answer.read()
    assert answer.status == 200 and time.perf_counter() - start < 1.0
    assert len(payload) < 200_000, "the answer does not grow with the repeats"


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/dash/nonexistent.js?v=1",
        "/_dash-component-suites/nope/x.js",
        "/_dash-component-suites/dash/../../etc/passwd",
        "/assets/vendor/x.js",
        "/vendor/bootstrap/0/bootstrap.min.css",
        "/no-such-page",
    ],
)
def test_invalid_paths_are_404_and_never_cached_for_a_year(gunicorn, path):
    with pytest.raises(urllib.error.HTTPError) as answer:
        get(gunicorn + path)
    assert answer.value.code == 404
    assert "immutable" not in (answer.value.headers.get("Cache-Control") or "")


def test_pages_load_the_light_plotly_bundle_and_only_chart_pages_preload_it(built):
    import app as app_module
    from layouts import _vendor

    if not _vendor.installed():
        pytest.fail(f"{_vendor.BUNDLE} is missing: `make npm` installs it")
    client = app_module.server.test_client()
    script = client.get(_vendor.PLOTLY_URL, headers={"Accept-Encoding": "br"})
    assert script.status_code == 200 and script.headers["Content-Encoding"] == "br"
    assert len(script.data) < 400_000, "the basic bundle, not the full 1.4 MB one"
    preload = f'rel="preload" as="script" href="{_vendor.PLOTLY_URL}"'
    assert preload in client.get("/map").get_data(as_text=True)
    assert preload not in client.get("/claims").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/map", "/trends", "/claims", "/sources"])
def test_pages_load_the_regenerator_runtime_instead_of_dashs_old_browser_polyfill(built, path):
    """Dash's polyfill (core-js 2 for old browsers) costs script time on every phone; its lazy loaders need
    only the global regeneratorRuntime, served locally from the npm package."""
    import app as app_module
    from layouts import _vendor

    if not _vendor.REGENERATOR.exists():
        pytest.fail(f"{_vendor.REGENERATOR} is missing: `make npm` installs it")
    client = app_module.server.test_client()
    body = client.get(path).get_data(as_text=True)
    assert "/deps/polyfill@" not in body
    assert body.index(_vendor.REGENERATOR_URL) < body.index("react@"), "defined before any script can call it"
    script = client.get(_vendor.REGENERATOR_URL)
    assert script.status_code == 200 and b"regeneratorRuntime" in script.data


@pytest.mark.parametrize("path", ["/", "/map", "/trends", "/claims", "/sources"])
def test_pages_do_not_load_the_data_table_no_page_draws(built, path):
    """The tables are AG Grids; Dash's DataTable loader would be a request and script time on every page."""
    import app as app_module

    body = app_module.server.test_client().get(path).get_data(as_text=True)
    assert "/dash_table/" not in body
    assert "dash_renderer" in body, "the page still loads Dash itself"


def test_no_layout_uses_the_data_table():
    from pathlib import Path

    layouts = Path(__file__).resolve().parents[2] / "layouts"
    users = [p.name for p in layouts.glob("*.py") if "dash_table" in p.read_text(encoding="utf-8")]
    assert users == [], f"{users} draw a DataTable, whose script app.py leaves out of every page"
