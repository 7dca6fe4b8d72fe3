"""`make serve` (gunicorn): security headers, no dev tools, compressed responses, a health check with the data version."""

import sys
import urllib.request

import pytest

from tests.conftest import free_port, install_boundaries, start_server

SERVE = [sys.executable, "-m", "gunicorn", "app:server", "--workers", "2", "--preload", "--timeout", "60"]


@pytest.fixture(scope="module")
def gunicorn(built):
    data_dir = built.path.parent.parent
    install_boundaries(data_dir)
    port = free_port()
    process = start_server([*SERVE, "--bind", f"127.0.0.1:{port}"], data_dir, port, "gunicorn.log")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=30)


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
    import json

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
