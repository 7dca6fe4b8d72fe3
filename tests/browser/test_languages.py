"""Arabic and Kurdish pages in real Chromium: right to left, in their language, accessible, self-contained."""

from __future__ import annotations

import re

import pytest

from data.store import boundaries, snapshot
from tests.browser.conftest import SCREENSHOTS, SIZES, Watched, axe_violations, wait_until
from tests.browser.test_pages import PAGES, graph_ready

RIGHT_TO_LEFT = ("ar", "ckb")
LATIN_WORD = re.compile(r"[A-Za-z]+")
URL = re.compile(r"(https?://|www\.)\S+")


def exempt_texts() -> list[str]:
    """What may stay in another script on an Arabic or Kurdish page: the sources' own names (publishers, titles,
    authorities quoted, the map outlines' dataset) and identifiers (claim, source and group ids, the data version).
    Longest first, so parts go with the whole."""
    data = snapshot()
    sources, claims = data.table("sources"), data.table("claims")
    texts = {*sources["publisher"], *sources["title"], *sources["source_id"], *sources["authority"].dropna()}
    texts.add(data.version)
    texts |= {*claims["claim_id"], *claims["group_id"], *(g[:8] + "…" for g in claims["group_id"])}
    outlines = boundaries()  # the map's outlines: their publisher, dataset and licence as published
    texts |= {outlines["credit"].removeprefix("Boundaries: ")} if outlines else set()
    return sorted((t for t in texts if isinstance(t, str) and t.strip()), key=len, reverse=True)


def visible_text(page: Watched) -> str:
    """The page's rendered text and every chart's SVG text, without the language switch's own 'English'."""
    return page.page.evaluate(
        "() => { const english = Array.from(document.querySelectorAll('a.lang-link[lang=en]'));"
        " english.forEach(e => { e.style.display = 'none'; });"
        " const text = document.body.innerText;"
        " english.forEach(e => { e.style.display = ''; });"
        " const svg = Array.from(document.querySelectorAll('.js-plotly-plot svg text')).map(t => t.textContent);"
        " return text + '\\n' + svg.join('\\n'); }"
    )


def latin_words(text: str, exempt: list[str]) -> list[str]:
    for item in exempt:
        text = text.replace(item, " ")
    text = URL.sub(" ", text)
    return sorted(set(LATIN_WORD.findall(text)))


def open_page(browser, server, path: str, size: str, **context) -> tuple[Watched, object]:  # noqa: ANN001
    width, height = SIZES[size]
    browser_context = browser.new_context(viewport={"width": width, "height": height}, **context)
    page = Watched(browser_context.new_page(), server)
    page.open(path)
    page.page.wait_for_selector("#_pages_content *")
    if "/map" in path or "/trends" in path:
        graph_ready(page, "map-graph" if "/map" in path else "trends-graph")
    return page, browser_context


@pytest.fixture(scope="module")
def exempt(built, server) -> list[str]:  # noqa: ANN001 - the built data, boundaries installed by the server
    return exempt_texts()


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("size", SIZES)
def test_page_reads_right_to_left_in_its_language(browser, server, exempt, lang, name, size):
    page, context = open_page(browser, server, f"{PAGES[name]}?lang={lang}", size)
    attributes = page.page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")
    stylesheet = page.page.evaluate("() => document.querySelector('link[data-bootstrap]').getAttribute('href')")
    words = latin_words(visible_text(page), exempt)
    width, height = SIZES[size]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(SCREENSHOTS / f"{name}_{lang}_{width}x{height}.png"), full_page=True)
    context.close()
    assert attributes == [lang, "rtl"]
    assert stylesheet.endswith("bootstrap.rtl.min.css")
    assert not page.errors, page.errors
    assert not page.foreign_requests(), page.foreign_requests()
    assert words == [], f"Latin-script words on the {lang} {name} page: {words[:20]}"


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("size", SIZES)
def test_every_language_passes_axe_wcag_21_aa(browser, server, lang, name, size):
    page, context = open_page(browser, server, f"{PAGES[name]}?lang={lang}", size)
    violations = axe_violations(page.page)
    context.close()
    assert violations == [], violations


def test_switching_language_keeps_the_view_and_sends_no_outlines_again(browser, server):
    page, context = open_page(browser, server, "/map?indicator=arrests&year=2024&per_capita=1", "desktop")
    outlines = [u for u in page.requests if "/geometry/" in u]
    coordinate = page.page.evaluate(
        "() => { const gd = document.querySelector('#map-graph .js-plotly-plot');"
        " const i = Object.values(gd.layout.meta.outline_traces)[0]; return JSON.stringify(gd.data[i].x[3]); }"
    )
    bodies: list[str] = []
    page.page.on("response", lambda r: bodies.append(r.text()) if "_dash-update-component" in r.url else None)
    page.page.click("a.lang-link[data-lang=ar]")
    wait_until(page.page, "() => document.documentElement.dir === 'rtl'")
    graph_ready(page, "map-graph")
    wait_until(page.page, "() => document.querySelector('#map-graph .js-plotly-plot').data.length > 19")
    url = page.page.url
    redrawn = page.page.evaluate(
        "() => { const gd = document.querySelector('#map-graph .js-plotly-plot');"
        " const i = Object.values(gd.layout.meta.outline_traces)[0]; return gd.data[i].x.length; }"
    )
    title = page.page.inner_text("#map-title")
    context.close()
    assert len(outlines) == 1, outlines
    assert [u for u in page.requests if "/geometry/" in u] == outlines, "the outlines were fetched again"
    assert bodies and not any(coordinate in body for body in bodies), "a callback sent outline coordinates"
    assert redrawn > 10, "the map lost its outlines"
    for part in ("indicator=arrests", "year=2024", "per_capita=1", "lang=ar"):
        assert part in url, url
    assert re.search("[\u0600-\u06ff]", title), title
    assert not page.errors, page.errors


def test_a_first_visit_follows_the_browsers_language(browser, server):
    page, context = open_page(browser, server, "/trends?indicator=arrests", "desktop", locale="ar-IQ")
    url, direction = page.page.url, page.page.evaluate("() => document.documentElement.dir")
    context.close()
    assert "lang=ar" in url and "indicator=arrests" in url
    assert direction == "rtl"


def test_links_keep_the_language(browser, server):
    page, context = open_page(browser, server, "/?lang=ckb", "desktop")
    hrefs = page.page.evaluate(
        "() => Array.from(document.querySelectorAll('#_pages_content a[href^=\"/\"]:not(.lang-link)'))"
        ".map(a => a.getAttribute('href'))"
    )
    context.close()
    internal = [h for h in hrefs if not h.startswith("/download/")]
    assert internal and all("lang=ckb" in h for h in internal), [h for h in internal if "lang=ckb" not in h]
