"""Every page renders from its URL query, falls back visibly on bad values, and declares each id once."""

import pytest
from dash.development.base_component import Component

import app as app_module
from data.store import snapshot
from layouts import claims, overview, sources, trends
from layouts import map as map_page

PAGES = {"/": overview, "/map": map_page, "/trends": trends, "/claims": claims, "/sources": sources}


@pytest.fixture(autouse=True)
def use_built_data(built, monkeypatch):
    monkeypatch.setattr("data.store.DATA_DIR", built.path.parent.parent)


def ids(component) -> list[str]:
    found = []
    if isinstance(component, Component):
        if getattr(component, "id", None):
            found.append(component.id)
        children = getattr(component, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            found += ids(child)
    elif isinstance(component, list | tuple):
        for child in component:
            found += ids(child)
    return found


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_with_unique_ids(path):
    found = ids(PAGES[path].layout())
    assert len(found) == len(set(found)), found


def test_every_callback_id_is_declared_on_exactly_one_page():
    page_ids = {path: set(ids(module.layout())) for path, module in PAGES.items()}
    shell = set(ids(app_module.app.layout))
    callbacks = app_module.app._callback_list  # set up at import (app.py), so no first request races it
    assert len(callbacks) >= 8
    for callback in callbacks:
        outputs = callback["output"].strip(".").split("...")
        referenced = {i["id"] for i in callback["inputs"] + callback["state"]} | {o.rsplit(".", 1)[0] for o in outputs}
        if referenced <= shell:
            continue  # An app-level callback (the benchmark floor) lives in the shell.
        homes = [path for path, found in page_ids.items() if referenced <= found | shell]
        assert len(homes) == 1, (referenced, homes)


@pytest.mark.parametrize(
    ("module", "query", "notice"),
    [
        (map_page, {"indicator": "bogus"}, "Unknown indicator 'bogus'"),
        (map_page, {"year": "1900"}, "Unknown year '1900'"),
        (map_page, {"year": "abc"}, "Unknown year 'abc'"),
        (trends, {"places": "IQ,XX"}, "Unknown places XX"),
        (claims, {"status": "weird"}, "Unknown status 'weird'"),
        (overview, {"indicator": "<script>"}, "Unknown indicator"),
    ],
)
def test_invalid_query_falls_back_with_a_notice(module, query, notice):
    assert notice in str(module.layout(**query))


def test_map_state_restores_from_query():
    page = map_page.layout(indicator="seizures", year="2022", per_capita="1")
    text = str(page)
    assert "seizures" in text and "2022" in text and "per 100,000" in text


def test_claims_filter_from_query_shows_the_seed_figures():
    view = claims.claims_view(claims.current()[0])
    rows = claims.filter_claims(view, {"source": "tnr-3925"})
    values = set(rows["value_as_written"])
    assert {
        "16 centres",
        "three centres",
        "6,000 persons",
        "around 14,500 persons",
        "144 sentences",
        "at least 454 sentences",
    } == values
    assert rows["source"].str.contains("The New Region").all()


def test_claims_group_view_lists_each_claim_with_its_reason_and_the_rule(built):
    data = snapshot()
    table = data.table("claims")
    group = table.loc[table["claim_id"] == "nat-c-0102", "group_id"].iloc[0]
    text = str(claims.layout(group=group))
    members = table[table["group_id"] == group]
    assert len(members) > 2
    for claim_id in members["claim_id"]:
        assert claim_id in text
    assert "lost to nat-c-0102" in text and "The preference rule" in text


@pytest.mark.parametrize("site", ["", "https://example.org"])
def test_view_urls_come_from_site_url_never_the_host_header(monkeypatch, site):
    monkeypatch.setenv("SITE_URL", site)
    with app_module.server.test_request_context("/map", headers={"Host": "evil.example"}):
        url = map_page._url(map_page.MapOptions("arrests", year=2024))
        trend = trends._url("arrests", "all", ["IQ"])
    assert "evil.example" not in url + trend
    assert url == (f"{site}/map?indicator=arrests&year=2024" if site else "")
    assert trend.startswith(site) if site else trend == ""


def test_no_page_offers_cloud_share_or_the_plain_camera():
    from layouts._common import CHART_CONFIG

    assert CHART_CONFIG["showSendToCloud"] is False
    assert {"toImage", "sendChartToCloud"} <= set(CHART_CONFIG["modeBarButtonsToRemove"])


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/trends", {"places": ["IQ", "IQ-BA"]}),
        ("/claims", {"q": ["a", "b"]}),
        ("/map", {"year": ["2021", "2024"], "indicator": ["arrests"] * 3}),
        ("/trends", {"places": ["IQ"] * 10_000, "indicator": ["x" * 5000] * 2}),
        ("/", {"indicator": ["arrests", "seizures"]}),
        ("/sources", {"q": ["a", "b"], "x": ["1"] * 100}),
        ("/claims", {"group": ["1", "2"], "status": ["all", "x" * 3000]}),
    ],
)
def test_a_repeated_parameter_renders_the_page_with_a_short_notice(path, query):
    page = PAGES[path].layout(**query)
    text = str(page)
    assert len(text) < 200_000
    assert "x" * 100 not in text, "an echoed value is cut short"


def test_places_are_capped_at_twelve_with_a_notice():
    from layouts._common import MAX_PLACES, Query, current
    from layouts.trends import read_options

    _, tables = current()
    codes = list(tables.geographies["code"])
    query = Query({"places": ",".join(codes)})
    _, _, places = read_options(query, tables)
    assert places == codes[:MAX_PLACES] == codes[:12]
    assert any("At most 12 places" in notice for notice in query.notices)


def test_repeated_places_are_all_read():
    from layouts._common import Query

    parsed = Query({"places": ["IQ", "IQ-BA", "IQ"]})
    assert parsed.many("places", ["IQ", "IQ-BA"], []) == ["IQ", "IQ-BA"] and not parsed.notices


@pytest.mark.parametrize(
    ("path", "status"), [("/", 200), ("/map", 200), ("/claims?q=a&q=b", 200), ("/no-such-page", 404)]
)
def test_pages_answer_200_and_unknown_addresses_404(path, status):
    assert app_module.server.test_client().get(path).status_code == status
