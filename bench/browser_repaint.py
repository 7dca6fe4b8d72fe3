"""Browser time from a year change to the map's repaint (median of 20), next to a naive full re-render.

The naive baseline fetches the whole figure for the new year (/download/map.json) and hands it to
Plotly.react, as a callback returning a full figure would; ours sends a small state and patches colours.
"""

from __future__ import annotations

import statistics
import time

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
RUNS = 20
YEARS = [2021, 2022, 2023, 2024, 2025]

_OURS = """async (year) => {
  const gd = document.querySelector('#map-graph .js-plotly-plot');
  const before = JSON.stringify(gd.data.map(t => t.fillcolor || null));
  const start = performance.now();
  window.dash_clientside.set_props('map-year', {value: year});
  while (JSON.stringify(gd.data.map(t => t.fillcolor || null)) === before) { await new Promise(r => setTimeout(r, 2)); }
  await new Promise(r => requestAnimationFrame(() => r()));
  return performance.now() - start;
}"""
_NAIVE = """async (year) => {
  const gd = document.querySelector('#map-graph .js-plotly-plot');
  const start = performance.now();
  const figure = await (await fetch('/download/map.json?indicator=arrests&year=' + year)).json();
  await Plotly.react(gd, figure.data, figure.layout);
  await new Promise(r => requestAnimationFrame(() => r()));
  return performance.now() - start;
}"""


def _wait_for_map(page) -> None:  # noqa: ANN001 - polled from Python: the app's CSP forbids in-page string evaluation
    for _ in range(600):
        if page.evaluate("() => Boolean(document.querySelector('#map-graph .js-plotly-plot')?._fullData)"):
            return
        time.sleep(0.05)
    raise RuntimeError("the map did not draw")


def measure(base_url: str) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        results = {}
        for name, script in (("patched repaint (ours)", _OURS), ("naive full re-render", _NAIVE)):
            page.goto(base_url + "/map?indicator=arrests&year=2020")
            _wait_for_map(page)
            page.wait_for_load_state("networkidle")
            times = [page.evaluate(script, YEARS[i % len(YEARS)]) for i in range(RUNS)]
            results[name] = {"median_ms": statistics.median(times), "max_ms": max(times), "runs": RUNS}
        browser.close()
    ours, naive = results["patched repaint (ours)"], results["naive full re-render"]
    ours["ratio_to_naive"] = ours["median_ms"] / naive["median_ms"]
    return results
