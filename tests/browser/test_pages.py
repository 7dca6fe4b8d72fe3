"""The dashboard in real headless Chromium: pages load cleanly, maps respond, links and URLs keep state."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import SCREENSHOTS, SIZES, Watched, axe_violations, wait_until

PAGES = {"overview": "/", "map": "/map", "trends": "/trends", "claims": "/claims", "sources": "/sources"}


def graph_data(page: Watched, graph_id: str) -> list[dict]:
    return page.page.evaluate(
        f"document.querySelector('#{graph_id} .js-plotly-plot').data.map(t => ({{fill: t.fillcolor || null, text: t.text || null, name: t.name}}))"
    )


def graph_ready(page: Watched, graph_id: str) -> None:
    """Wait until Plotly has drawn the graph and the page's own start-up requests are over."""
    wait_until(
        page.page,
        f"() => {{ const gd = document.querySelector('#{graph_id} .js-plotly-plot'); "
        f"return Boolean(gd && gd._fullData && gd._fullData.length > 0); }}",
    )
    page.page.wait_for_load_state("networkidle")


def wait_for_new_fills(page: Watched, before: list[dict]) -> None:
    """The map repaints in the browser (clientside) once the server's small state arrives."""
    old = json.dumps([t["fill"] for t in before])
    wait_until(
        page.page,
        "old => JSON.stringify(document.querySelector('#map-graph .js-plotly-plot').data.map(t => t.fillcolor || null)) !== old",
        old,
    )
    page.page.wait_for_load_state("networkidle")


def choose(page: Watched, dropdown_id: str, option: str) -> None:
    page.page.click(f"#{dropdown_id}")
    page.page.get_by_role("option", name=option, exact=True).click()


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("size", SIZES)
def test_page_loads_cleanly_and_is_screenshotted(browser, server, name, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = Watched(context.new_page(), server)
    page.open(PAGES[name])
    page.page.wait_for_selector("#_pages_content *")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(SCREENSHOTS / f"{name}_{width}x{height}.png"), full_page=True)
    context.close()
    assert not page.errors, page.errors
    assert not page.foreign_requests(), page.foreign_requests()


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("size", SIZES)
def test_every_page_passes_axe_wcag_21_aa(browser, server, name, size):
    """axe-core's WCAG 2.1 A and AA rules on the rendered page: zero violations."""
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = Watched(context.new_page(), server)
    page.open(PAGES[name])
    page.page.wait_for_selector("#_pages_content *")
    violations = axe_violations(page.page)
    context.close()
    assert violations == [], violations


def test_map_shows_nineteen_governorates_and_credits_geoboundaries(watched):
    watched.open("/map")
    graph_ready(watched, "map-graph")
    meta = watched.page.evaluate("document.querySelector('#map-graph .js-plotly-plot').layout.meta")
    assert len(meta["codes"]) == 19 and len(meta["outline_traces"]) == 18 and meta["halabja_trace"] >= 0
    assert "geoBoundaries" in watched.page.inner_text("#map-panel") and "Halabja" in watched.page.inner_text(
        "#map-panel"
    )


def test_year_change_repaints_with_a_small_transfer(watched):
    watched.open("/map?indicator=arrests&year=2024")
    graph_ready(watched, "map-graph")
    before = graph_data(watched, "map-graph")
    with watched.page.expect_response(lambda r: "_dash-update-component" in r.url) as update:
        choose(watched, "map-year", "2023")
    wait_for_new_fills(watched, before)
    transferred = update.value.request.sizes()["responseBodySize"]
    assert 0 < transferred < 5 * 1024, transferred
    assert len(update.value.body()) < 5 * 1024, "even uncompressed the change is small"
    assert "year=2023" in watched.page.url


def test_indicator_change_updates_the_map(watched):
    watched.open("/map")
    graph_ready(watched, "map-graph")
    before = graph_data(watched, "map-graph")
    choose(watched, "map-indicator", "Drugs seized (weight)")
    wait_until(watched.page, "() => document.querySelector('#map-header').innerText.includes('Drugs seized')")
    wait_for_new_fills(watched, before)
    assert "indicator=seizures" in watched.page.url


def test_a_tap_shows_the_value_and_a_trend_link_without_navigating(watched):
    watched.open("/map?indicator=arrests&year=2021")
    graph_ready(watched, "map-graph")
    before = watched.page.url
    point = watched.page.evaluate("""() => {
        const gd = document.querySelector('#map-graph .js-plotly-plot');
        const meta = gd.layout.meta, trace = gd.data[meta.label_trace];
        const i = trace.customdata.indexOf('IQ-BA'), box = gd.querySelector('.nsewdrag').getBoundingClientRect();
        return {x: box.left + gd._fullLayout.xaxis.d2p(trace.x[i]), y: box.top + gd._fullLayout.yaxis.d2p(trace.y[i])};
    }""")
    watched.page.mouse.click(point["x"], point["y"])
    wait_until(watched.page, "() => document.querySelector('#map-selected').innerText.includes('Basra:')")
    assert "1,871" in watched.page.inner_text("#map-selected") and watched.page.url == before
    watched.page.click("#map-selected a")
    watched.page.wait_for_url("**/trends?**")
    assert "places=IQ%2CIQ-BA" in watched.page.url or "places=IQ,IQ-BA" in watched.page.url
    graph_ready(watched, "trends-graph")
    assert "Basra" in watched.page.inner_text("#trends-header")


def test_ranked_bars_list_the_same_places_and_values_as_the_map(watched):
    watched.open("/map?indicator=arrests&year=2021")
    graph_ready(watched, "map-graph")
    graph_ready(watched, "map-bars")
    bars = watched.page.evaluate("document.querySelector('#map-bars .js-plotly-plot').data[0]")
    gaps = watched.page.evaluate("document.querySelector('#map-bars .js-plotly-plot').data[1]")
    assert len(bars["y"]) + len(gaps["y"]) == 19
    shown = dict(zip(bars["y"], bars["text"], strict=True))
    assert shown["Basra"].startswith("1,871") and shown["Baghdad"].startswith("1,933")
    assert all(t == "no published figure" for t in gaps["text"])
    hover = watched.page.evaluate(
        "document.querySelector('#map-graph .js-plotly-plot').data.find(t => t.name === 'IQ-BA').text"
    )
    assert "1,871" in hover


def test_url_state_restores_the_view_after_reload(watched):
    watched.open("/map?indicator=convictions&year=2021&per_capita=1")
    graph_ready(watched, "map-graph")
    for _ in range(2):
        assert "2021" in watched.page.inner_text("#map-year") and "convicted" in watched.page.inner_text(
            "#map-indicator"
        )
        assert watched.page.is_checked("#map-per-capita") and "per 100,000" in watched.page.inner_text("#map-header")
        watched.page.reload()
        graph_ready(watched, "map-graph")


def test_invalid_query_shows_a_notice_not_an_error(watched):
    watched.open("/map?indicator=bogus&year=99999")
    graph_ready(watched, "map-graph")
    assert "Unknown indicator 'bogus'" in watched.page.inner_text("#map-notices")


def grid_text(page: Watched, grid_id: str) -> str:
    """The grid's cells once AG Grid has drawn them."""
    page.page.wait_for_selector(f"#{grid_id} .ag-cell")
    return page.page.inner_text(f"#{grid_id} .ag-body")


def first_claim(page: Watched) -> str:
    return page.page.inner_text("#claims-table .ag-row[row-index='0'] [col-id='claim_id']").strip()


def test_claims_filters_live_in_the_url(watched):
    watched.open("/claims?source=tnr-3925")
    text = grid_text(watched, "claims-table")
    for figure in (
        "16 centres",
        "three centres",
        "6,000 persons",
        "around 14,500 persons",
        "144 sentences",
        "at least 454 sentences",
    ):
        assert figure in text
    assert "The New Region" in text
    assert watched.page.get_attribute("#claims-table [col-id='source'] a", "target") == "_blank"
    choose(watched, "claims-status", "Preferred only")
    wait_until(watched.page, "() => window.location.search.includes('status=preferred')")


def test_claims_page_and_sort_are_served_one_page_at_a_time_and_kept_in_the_url(watched):
    watched.open("/claims")
    grid_text(watched, "claims-table")
    assert watched.page.locator("#claims-table .ag-row").count() == 25
    first = first_claim(watched)
    with watched.page.expect_response(lambda r: "_dash-update-component" in r.url) as update:
        watched.page.click("#claims-pager-next")
    wait_until(watched.page, "() => window.location.search.includes('page=2')")
    assert len(update.value.body()) < 60 * 1024, "one page of rows, not the ledger"
    wait_until(
        watched.page,
        "old => document.querySelector(\"#claims-table [row-index='0'] [col-id='claim_id']\").innerText.trim() !== old",
        first,
    )
    watched.page.click("#claims-table .ag-header-cell[col-id='claim_id'] .ag-header-cell-label")
    wait_until(watched.page, "() => window.location.search.includes('sort=claim_id')")
    assert "page=" not in watched.page.url, "a new sort starts at its first page"
    watched.page.click("#claims-table .ag-header-cell[col-id='claim_id'] .ag-header-cell-label")
    wait_until(watched.page, "() => window.location.search.includes('order=desc')")
    watched.page.click("#claims-pager-next")
    wait_until(watched.page, "() => window.location.search.includes('page=2')")
    wait_until(
        watched.page,
        "() => document.querySelector('#claims-pager-page-status').innerText.includes('2')",
    )
    shown = first_claim(watched)
    watched.page.reload()
    watched.page.wait_for_load_state("networkidle")
    grid_text(watched, "claims-table")
    assert first_claim(watched) == shown, "a shared link reopens the same page and sort"
    assert "Page 2 of" in watched.page.inner_text("#claims-pager-page-status")


def test_claims_in_arabic_lay_the_grid_out_right_to_left(watched):
    watched.open("/claims?lang=ar&source=tnr-3925")
    grid_text(watched, "claims-table")
    assert watched.page.locator("#claims-table .ag-rtl").count() == 1
    assert "lang=ar" in watched.page.get_attribute("#claims-table [col-id='group'] a", "href")


def test_sources_filter_runs_in_the_browser_and_links_open_in_a_new_tab(watched):
    watched.open("/sources")
    grid_text(watched, "sources-table")
    before = watched.requests[:]
    watched.page.fill("#sources-filter", "tnr-3925")
    watched.page.press("#sources-filter", "Enter")
    wait_until(
        watched.page, "() => document.querySelectorAll('#sources-table .ag-center-cols-container .ag-row').length === 1"
    )
    assert not [u for u in watched.requests[len(before) :] if "_dash-update-component" in u], "no round trip"
    link = watched.page.locator("#sources-table [col-id='claims'] a").first
    assert link.get_attribute("target") == "_blank" and "source=tnr-3925" in link.get_attribute("href")


def test_trend_partial_periods_are_drawn_apart(watched):
    watched.open("/trends?indicator=arrests&places=IQ")
    graph_ready(watched, "trends-graph")
    names = [t["name"] for t in graph_data(watched, "trends-graph")]
    assert "Iraq" in names and "Iraq (partial period)" in names


OVERLAPS = """() => {
    const boxes = [...document.querySelectorAll('#trends-graph .annotation-text, #trends-graph .textpoint text')]
        .map(e => e.getBoundingClientRect()).filter(b => b.width > 0);
    const hits = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) hits.push([a.toJSON(), b.toJSON()]);
    }));
    return {count: boxes.length, hits: hits};
}"""


@pytest.mark.parametrize("size", SIZES)
def test_trend_labels_never_overlap(browser, server, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = Watched(context.new_page(), server)
    page.open("/trends?indicator=arrests&places=IQ,IQ-KR,IQ-BA")
    graph_ready(page, "trends-graph")
    found = page.page.evaluate(OVERLAPS)
    context.close()
    assert found["count"] >= 3 and not found["hits"], found


def test_year_to_date_panel_draws_a_line_per_year_for_iraq(watched):
    watched.open("/trends?indicator=arrests&places=IQ")
    graph_ready(watched, "ytd-graph")
    years = [t["name"] for t in graph_data(watched, "ytd-graph")]
    assert "2023" in years and "2024" in years
    assert "Iraq" in watched.page.inner_text("#ytd-header")


@pytest.mark.parametrize("path", ["/map", "/trends"])
def test_chart_pages_run_plotly_once_before_their_charts_need_it(watched, path):
    """layouts/assets/early.js runs the preloaded scripts while the layout is awaited: one plotly.js, never a
    second copy from dcc's own loader, and the charts still draw."""
    watched.open(path)
    watched.page.wait_for_selector(".js-plotly-plot")
    plotly = [u for u in watched.requests if u.endswith("/plotly/package_data/plotly.min.js")]
    scripts = watched.page.evaluate(
        "[...document.scripts].filter(s => s.src.endsWith('/plotly/package_data/plotly.min.js')).length"
    )
    assert (len(plotly), scripts) == (1, 1), (plotly, scripts)


def test_no_chart_offers_cloud_sharing_or_the_plain_camera(watched):
    for path in ("/map", "/trends"):
        watched.open(path)
        watched.page.wait_for_selector(".js-plotly-plot")
        watched.page.hover(".js-plotly-plot")
        titles = watched.page.evaluate(
            "[...document.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title'))"
        )
        assert not [t for t in titles if t and ("Share" in t or "Download plot" in t)], (path, titles)


def test_on_a_phone_the_map_takes_the_screen_width_and_starts_on_the_first_screen(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = Watched(context.new_page(), server)
    page.open("/map")
    graph_ready(page, "map-graph")
    box = page.page.evaluate("document.querySelector('#map-graph .main-svg').getBoundingClientRect().toJSON()")
    context.close()
    assert box["width"] >= 0.9 * 390 and box["top"] < 844 * 0.6, box


def test_on_a_phone_the_coverage_matrix_scrolls_with_its_row_names_in_view(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = Watched(context.new_page(), server)
    page.open("/")
    page.page.wait_for_selector(".coverage-table")
    moved = page.page.evaluate("""() => {
        const box = document.querySelector('.coverage-table').parentElement;
        const name = box.querySelector('tbody th.pinned');
        const before = name.getBoundingClientRect().left;
        box.scrollLeft = box.scrollWidth;
        return {scrolls: box.scrollWidth > box.clientWidth, before: before, after: name.getBoundingClientRect().left,
                box: box.getBoundingClientRect().left};
    }""")
    context.close()
    assert moved["scrolls"] and abs(moved["after"] - moved["box"]) < 2, moved


def test_map_defaults_to_one_calendar_year(watched):
    watched.open("/map")
    graph_ready(watched, "map-graph")
    year = watched.page.inner_text("#map-year")
    assert year.strip().isdigit(), year
    assert f"year={year.strip()}" in watched.page.url or "year" not in watched.page.url


def test_no_request_leaves_the_machine(watched):
    for path in PAGES.values():
        watched.open(path)
    assert watched.requests and not watched.foreign_requests()
    assert json.dumps(watched.requests).count("127.0.0.1") == len(watched.requests)


def test_map_png_and_csv_downloads(watched, tmp_path):
    watched.open("/map?indicator=arrests&year=2024")
    graph_ready(watched, "map-graph")
    with watched.page.expect_download(timeout=60_000) as png:
        watched.page.click("#map-download-png")
    path = tmp_path / png.value.suggested_filename
    png.value.save_as(path)
    payload = path.read_bytes()
    assert path.suffix == ".png" and payload[:8] == b"\x89PNG\r\n\x1a\n"
    assert payload[16:24] == (1200).to_bytes(4, "big") + (675).to_bytes(4, "big")
    with watched.page.expect_download() as csv_file:
        watched.page.click("#map-download-csv")
    text = tmp_path / "map.csv"
    csv_file.value.save_as(text)
    content = text.read_bytes()
    assert content.startswith(b"\xef\xbb\xbfcode,name,status") and b"no published figure" in content
    assert csv_file.value.suggested_filename == "iraq-arrests-all-2024-data.csv"


ARABIC_OVERLAPS = """() => {
    const boxes = [...document.querySelectorAll('#trends-graph .annotation-text, #trends-graph .ytick text')]
        .map(e => ({box: e.getBoundingClientRect(), label: e.closest('.annotation') !== null}))
        .filter(b => b.box.width > 0);
    const hits = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (!a.label && !b.label) return;  // the axis's own numbers are Plotly's business
        if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom)
            hits.push([a.box.toJSON(), b.box.toJSON()]);
    }));
    return {count: boxes.length, hits: hits};
}"""


@pytest.mark.parametrize("size", SIZES)
def test_arabic_trends_put_the_axis_right_and_labels_clear_of_it(browser, server, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = Watched(context.new_page(), server)
    page.open("/trends?lang=ar&indicator=arrests&places=IQ,IQ-KR,IQ-BA&scale=shared")
    graph_ready(page, "trends-graph")
    graph_ready(page, "ytd-graph")
    layout = page.page.evaluate("document.querySelector('#trends-graph .js-plotly-plot')._fullLayout.yaxis.side")
    found = page.page.evaluate(ARABIC_OVERLAPS)
    months = page.page.evaluate("[...document.querySelectorAll('#ytd-graph .xtick text')].map(e => e.textContent)")
    context.close()
    assert layout == "right"
    assert found["count"] >= 3 and not found["hits"], found
    assert months and not any(m in ("Jan", "Apr", "Jul", "Oct") for m in months), months
    assert not page.errors, page.errors


def test_arabic_trends_keep_the_language_in_the_address(watched):
    watched.open("/trends?lang=ar&indicator=arrests&places=IQ")
    graph_ready(watched, "trends-graph")
    watched.page.click("label[for='_dbcprivate_radioitems_trends-scale_input_log']")
    wait_until(watched.page, "() => window.location.search.includes('scale=log')")
    assert "lang=ar" in watched.page.url
    side = watched.page.evaluate("document.querySelector('#trends-graph .js-plotly-plot')._fullLayout.yaxis.side")
    assert side == "right", "the redrawn chart is still right to left"
