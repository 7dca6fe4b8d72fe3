"""First page load in headless Chromium, cold (a fresh browser context each time): bytes on the wire, requests
and time to the first chart (or, on pages without one, to the page's content), median of 5 loads, on the local
connection and under Chromium's network emulation at Fast 3G (1.6 Mbit/s down, 150 ms latency), next to the
app serving Dash's full plotly.js as the baseline measured in the same run."""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator

from bench.server import ROOT, _wait, free_port

PAGES = {"overview": "/", "map": "/map", "trends": "/trends", "claims": "/claims", "sources": "/sources"}
LOADS = 5
FAST_3G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8}
READY = """() => {
  const chart = document.querySelector('.js-plotly-plot');
  if (chart) { return Boolean(chart._fullData && chart._fullData.length); }
  return Boolean(document.querySelector('#_pages_content *')) && !document.querySelector('.js-plotly-plot, .dash-graph');
}"""


@contextlib.contextmanager
def app_server(full_plotly: bool) -> Iterator[str]:
    """`python app.py`; with full_plotly the basic bundle is hidden, so Dash serves its full plotly.min.js."""
    port = free_port()
    env = dict(os.environ, PORT=str(port))
    if full_plotly:
        env["PLOTLY_BUNDLE"] = "/nonexistent/plotly-basic.min.js"
    process = subprocess.Popen(
        [sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def one_load(browser, url: str, network: dict | None) -> dict:  # noqa: ANN001 - a Playwright browser
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    if network:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", network)
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    while not page.evaluate(READY):
        if time.perf_counter() - start > 120:
            raise RuntimeError(f"{url} never drew")
        time.sleep(0.02)
    ready = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    wire = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished)
    context.close()
    return {"seconds": ready, "bytes": wire, "requests": len(finished)}


def measure_server(base: str) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        for name, path in PAGES.items():
            for label, network in (("local", None), ("fast 3G", FAST_3G)):
                one_load(browser, base + path, network)  # the server's caches warm; the browser's stay cold
                loads = [one_load(browser, base + path, network) for _ in range(LOADS)]
                results[f"{name}, {label}"] = {
                    "seconds": statistics.median(load["seconds"] for load in loads),
                    "bytes": statistics.median(load["bytes"] for load in loads),
                    "requests": statistics.median(load["requests"] for load in loads),
                }
        browser.close()
    return results


def measure() -> dict[str, dict]:
    with app_server(full_plotly=False) as base:
        light = measure_server(base)
    with app_server(full_plotly=True) as base:
        full = measure_server(base)
    return {
        key: light[key] | {"baseline_seconds": full[key]["seconds"], "baseline_bytes": full[key]["bytes"]}
        for key in light
    }
