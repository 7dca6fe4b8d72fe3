"""Every page renders from its URL query, falls back visibly on bad values, and declares each id once."""

import pytest
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate

import app as app_module
from data.store import snapshot
from layouts import _ledger_text as ledger_text
from layouts import claims, overview, sources, trends
from layouts import map as map_page
from layouts._common import page_frame

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
    # The shell, and the frame every page renders around its content (navigation, language marker).
    shell = set(ids(app_module.app.layout)) | set(ids(page_frame("en", "/", {}, [])))
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
    assert url == (f"{site}/map?indicator=arrests&year=2024&lang=en" if site else "")
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


# Trends in Arabic. The catalogs are filled later, so a stand-in catalog marks every translated message ‹like so›:
# an English interface word left unmarked was never passed through `_()`.
class _Marked:
    def gettext(self, message: str) -> str:
        return f"‹{message}›"


@pytest.fixture
def marked_arabic(monkeypatch):
    from figures import i18n

    real = i18n.translations
    monkeypatch.setattr(i18n, "translations", lambda lang: _Marked() if lang == "ar" else real(lang))
    i18n.gettext_for.cache_clear()
    yield
    i18n.gettext_for.cache_clear()


TRENDS_ENGLISH = [
    "Trends by year",
    "Indicator",
    "Drug",
    "Places",
    "Choose places",
    "Scale:",
    "Panels when places differ 10x",
    "One shared axis",
    "Log axis",
    "Year to date",
    "Statements that count from 1 January",
    "Place",
    "All claims for this indicator",
    "Conflicts and part-of-place figures in this chart:",
    "sources disagree;",
    "see every claim and why one was preferred",
    "Consistency flags (figures that cannot all be true):",
    "Not drawn (cumulative or spanning several years):",
    "Notes on which part of a place",
    "English view",
    "Select all",
    "No options found",
    "Full calendar years with a figure",
    "Source: ",
    "(partial period)",
    "by year",
]


def _unmarked(text: str, english: str) -> list[str]:
    """Where `english` appears in `text` outside every marked (translated) message."""
    import re
    from itertools import accumulate

    depth = list(accumulate((c == "‹") - (c == "›") for c in text))
    return [
        text[max(m.start() - 40, 0) : m.end() + 10]
        for m in re.finditer(re.escape(english), text)
        if depth[m.start()] <= 0
    ]


def test_every_trends_interface_text_is_translated(marked_arabic):
    # Baghdad, Basra and Iraq: conflicts, part-of-place figures, flags and left-out figures all appear.
    page = trends.layout(lang="ar", indicator="arrests", places="IQ,IQ-KR,IQ-BA,IQ-BG")
    text = str(page)
    for english in TRENDS_ENGLISH:
        assert english in text, f"{english!r}: the page no longer shows it (update TRENDS_ENGLISH)"
        assert not _unmarked(text, english), (english, _unmarked(text, english)[:3])


def test_trends_in_arabic_keeps_its_language_in_links_urls_and_callbacks():
    page = trends.layout(lang="ar", indicator="arrests", places="IQ,IQ-BA")
    found = {}

    def walk(component):
        if isinstance(component, Component):
            if getattr(component, "id", None):
                found[component.id] = component
            children = getattr(component, "children", None)
            for child in children if isinstance(children, list | tuple) else [children]:
                walk(child)
        elif isinstance(component, list | tuple):
            for child in component:
                walk(child)

    walk(page)
    assert found[trends.LANG].data == "ar"
    assert "lang=ar" in found[trends.QUERY].data
    assert found[trends.GRAPH].figure.layout.yaxis.side == "right"
    links = [c.href for c in _all(page) if type(c).__name__ == "Link"]
    assert links and all("lang=ar" in link for link in links if link.startswith("/claims"))
    data, _ = trends.current()
    arabic = trends._update_parts(data, "arrests", "all", "IQ", "auto", "ar")
    english = trends._update_parts(data, "arrests", "all", "IQ", "auto", "en")
    assert "lang=ar" in arabic[-1] and "lang=en" in english[-1], "the address written back keeps the language"
    assert arabic[0].layout.yaxis.side == "right" and english[0].layout.yaxis.side is None
    ytd = trends._ytd_parts(data, "arrests", "all", "IQ", ("IQ",), "ar")
    assert ytd[0].layout.xaxis.ticktext and ytd[0].layout.meta["lang"] == "ar"


def _all(component) -> list:
    found = [component] if isinstance(component, Component) else []
    children = getattr(component, "children", None) if isinstance(component, Component) else component
    if isinstance(children, list | tuple):
        for child in children:
            found += _all(child)
    elif children is not None and not isinstance(children, str):
        found += _all(children)
    return found


# --- Claims and Sources: the grid, its URL state and the languages ----------------------------------------------


def grid_of(component, grid_id: str):
    """The AG Grid with `grid_id` inside a rendered page."""
    if getattr(component, "id", None) == grid_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str):
            found = grid_of(child, grid_id)
            if found is not None:
                return found
    return None


def run_claims_callback(trigger: str, state: dict, column_state=None, lang: str = "en", **filters):  # noqa: ANN001
    """update_claims as Dash calls it, `trigger` being the input that changed."""
    from contextvars import copy_context

    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    def run():  # noqa: ANN202
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": trigger, "value": 1}]))
        values = [filters.get(k) for k in ("indicator", "place", "year")] + [filters.get("status", "all")]
        values += [filters.get("q", ""), filters.get("source")]
        return claims.update_claims(*values, column_state, 0, 0, 0, 0, state, filters.get("group", ""), lang)

    return copy_context().run(run)


def test_claims_grid_gets_one_page_and_the_address_reopens_its_sort_and_page():
    table = grid_of(claims.layout(sort="claim_id", order="desc", page="2", lang="ar"), claims.TABLE)
    assert len(table.rowData) == claims.PAGE_SIZE
    ids = [row["claim_id"].strip("\u2068\u2069") for row in table.rowData]
    assert ids == sorted(ids, reverse=True)
    assert [c.get("sort") for c in table.columnDefs if c["field"] == "claim_id"] == ["desc"]
    assert table.dashGridOptions["enableRtl"] is True
    assert [c.get("hide") for c in table.columnDefs if c["field"] == "note"] == [True], "notes are English only"
    first_page = grid_of(claims.layout(sort="claim_id", order="desc"), claims.TABLE).rowData
    assert ids[0] < first_page[-1]["claim_id"], "page 2 follows page 1"
    assert grid_of(claims.layout(), claims.TABLE).dashGridOptions["enableRtl"] is False


def test_claims_callback_pages_and_sorts_on_the_server_and_writes_both_to_the_address():
    rows, count, query, view, status, *disabled = run_claims_callback(
        "claims-pager-next.n_clicks", {"page": 0, "sort": "", "descending": False}, lang="ar"
    )
    assert len(rows) == claims.PAGE_SIZE and view["page"] == 1 and disabled == [False, False, False, False]
    assert query == "page=2&lang=ar" and "٢" in status
    rows, _, query, view, _, *disabled = run_claims_callback(
        "claims-table.columnState", view, [{"colId": "claim_id", "sort": "desc"}], source="tnr-3925"
    )
    assert query == "source=tnr-3925&sort=claim_id&order=desc&lang=en" and view["page"] == 0
    assert [r["claim_id"] for r in rows] == sorted((r["claim_id"] for r in rows), reverse=True)
    assert disabled == [True, True, True, True], "one page only"
    with pytest.raises(PreventUpdate):  # the grid reporting its columns without a new sort fetches nothing
        run_claims_callback("claims-table.columnState", view, [{"colId": "claim_id", "sort": "desc"}])


def test_claims_links_keep_the_language_and_open_in_a_new_tab():
    table = grid_of(claims.layout(lang="ckb", source="tnr-3925"), claims.TABLE)
    links = {c["field"]: c.get("linkTarget") for c in table.columnDefs if c.get("cellRenderer") == "markdown"}
    assert links == {"source": "_blank", "group": "_blank"}
    assert all("lang=ckb" in row["group"] for row in table.rowData)
    text = str(claims.layout(lang="ar"))
    assert "/claims?group=" in text and "lang=ar" in text.split("/claims?group=")[1][:60]


def test_sources_grid_links_to_the_claims_of_each_source_in_the_same_language():
    page = sources.layout(lang="ar")
    table = grid_of(page, sources.TABLE)
    assert len(table.rowData) == len(claims.current()[1].sources)
    assert table.dashGridOptions["enableRtl"] is True
    assert all("&lang=ar" in row["claims"] and "/claims?source=" in row["claims"] for row in table.rowData)
    assert {c.get("linkTarget") for c in table.columnDefs if c.get("cellRenderer") == "markdown"} == {"_blank"}


def test_the_rule_steps_mirror_the_written_rule():
    from data.schema import PREFERENCE_RULE

    assert len(ledger_text.RULE_STEPS) == len(PREFERENCE_RULE)
    assert ledger_text.RULE_STEPS == PREFERENCE_RULE, "the messages are the rule's English, word for word"


@pytest.mark.parametrize(
    ("reason", "parts"),
    [
        ("preferred: the only claim for this place, period and scope", []),
        ("lost to swb-0011: media relaying an official ranks above an NGO compilation", ["swb-0011"]),
        ("lost to swb-0011: the finer figure (360) ranks above the rounder (4)", ["360", "(\u20684\u2069)"]),
        ("lost to nat-c-0102: an exact figure ranks above an approximate figure", ["nat-c-0102"]),
        ("lost to pop-0027: nothing else separates them; the lower claim id is taken so the choice is stable", []),
        ("lost to nat-a-0057: a reviewed claim ranks above a machine-extracted candidate", ["nat-a-0057"]),
        (
            "lost to swe-0028: same source type and exactness; the later publication wins (published 2019-06-26, "
            "later than 2019-05-23)",
            ["٢٠١٩"],
        ),
        (
            "lost to pop-0045: same source type and exactness; the later publication wins (dated 2024-11-25; the "
            "other's date is unknown)",
            ["٢٠٢٤"],
        ),
        ("not counted: the same published fact as gov-0024, transcribed a second time (kept for the record)", []),
        (
            "preferred over 7 other claim(s); against the next, nat-b-0018: the finer figure (360) ranks above the rounder (4)",
            ["٧"],
        ),
        ("not preferred: a machine-extracted candidate awaiting review", []),
    ],
)
def test_reason_text_knows_each_shape_of_the_builds_reasons(reason, parts):
    assert ledger_text.reason_text(reason, "en") == reason
    assert ledger_text.reason_is_known(reason)
    shown = ledger_text.reason_text(reason, "ar")
    assert all(part in shown for part in parts), shown


def test_reason_text_translates_every_reason_in_the_data_and_falls_back_to_english_otherwise():
    reasons = set(snapshot().table("claims")["preference_reason"].dropna())
    assert [r for r in reasons if not ledger_text.reason_is_known(r)] == []
    assert all(ledger_text.reason_text(r, "ar") for r in reasons if r)
    odd = "preferred because the moon was full"
    assert ledger_text.reason_text(odd, "ar") == odd and not ledger_text.reason_is_known(odd)


def test_claims_in_arabic_name_flags_by_their_claims_and_hide_the_english_notes():
    data = snapshot()
    text = str(claims.layout(lang="ar"))
    flags = data.table("flags")
    for flag in flags.itertuples():
        assert flag.message not in text
        assert flag.whole_claim_id in text
    assert claims._notes_notice("ar") in text


@pytest.mark.parametrize(("path", "loads_grid"), [("/", False), ("/map", False), ("/trends", False), ("/claims", True)])
def test_only_the_grid_pages_load_ag_grids_script(path, loads_grid):
    """AG Grid's script is 280 KB with brotli: pages without a grid leave it out..."""
    body = app_module.server.test_client().get(path).get_data(as_text=True)
    assert ("/dash_ag_grid/dash_ag_grid" in body) is loads_grid


@pytest.mark.parametrize("module", [map_page, overview, trends])
def test_links_into_a_grid_page_load_it_afresh(module):
    """...so a link from them to Claims reloads the page (with the script) instead of rendering it in place."""
    links = claims_links(module.layout())
    assert links and all(link.refresh is True for link in links)


def claims_links(node) -> list:  # noqa: ANN001 - a Dash component tree
    from dash import dcc

    found = [node] if isinstance(node, dcc.Link) and str(node.href).startswith("/claims") else []
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if isinstance(child, Component):
            found += claims_links(child)
    return found


def test_an_unknown_address_is_told_in_the_readers_language():
    from layouts import not_found_404

    page = str(not_found_404.layout(lang="ar"))
    assert "الصفحة غير موجودة" in page and "Page not found" not in page
    assert app_module.server.test_client().get("/no-such-page?lang=ar").status_code == 404
