import json

import pytest

from figures import theme
from figures.captions import Caption
from figures.geometry import HALABJA, from_boundaries, tile_grid
from figures.maps import NO_FIGURE, NOT_COMPARABLE, make_map_figure, map_caption, map_state
from figures.selection import LATEST, NO_POPULATION, MapOptions, available_years, default_map_year, map_values

CAPTION = Caption("Title", "unit", "Source: test.", ("a note",), "v1", "http://127.0.0.1:8050/map")


@pytest.fixture(params=["geoboundaries", "tiles"])
def geometry(request, boundary_document):
    return from_boundaries(boundary_document) if request.param == "geoboundaries" else tile_grid()


def test_nineteen_governorates_halabja_handled(geometry):
    assert len(geometry.codes) == 19 and HALABJA in geometry.codes
    if geometry.kind == "geoboundaries":
        assert len(geometry.outlines) == 18 and HALABJA not in geometry.outlines and "Halabja" in geometry.note
    else:
        assert len(geometry.outlines) == 19


def test_gaps_are_no_published_figure_never_zero(tables, geometry):
    values = map_values(tables, MapOptions("arrests", year=2024))
    figure = make_map_figure(values, geometry, CAPTION, "persons")
    empty = values[values["status"] == "none"]
    assert len(empty) > 0 and empty["value"].isna().all()
    codes = figure.layout.meta["outline_traces"]
    for code in set(empty["code"]) & set(codes):
        trace = figure.data[codes[code]]
        assert trace.fillcolor == theme.NO_DATA_FILL and NO_FIGURE in trace.text


def test_composite_figure_is_drawn_over_members_and_labelled(tables):
    values = map_values(tables, MapOptions("arrests", year=2025))
    combined = values[values["status"] == "combined"].set_index("code")
    assert {"IQ-AR", "IQ-DA"} <= set(combined.index)
    assert (combined.loc[["IQ-AR", "IQ-DA"], "combined_name"] == "Erbil and Duhok").all()
    state = map_state(values, "persons")
    codes = sorted(values["code"])
    assert state["pattern"][codes.index("IQ-AR")] == "/"
    assert "Combined figure for Erbil and Duhok" in state["hover"][codes.index("IQ-AR")]


def test_partial_periods_are_labelled_in_hover(tables):
    values = map_values(tables, MapOptions("arrests", year=LATEST))
    partial = values[(values["status"] != "none") & ~values["is_full_year"].astype(bool)]
    hover = map_state(values, "persons")["hover"]
    codes = sorted(values["code"])
    assert all("partial period" in hover[codes.index(c)] for c in partial["code"])


def test_per_capita_states_its_population_year(tables):
    values = map_values(tables, MapOptions("arrests", year=2024, per_capita=True))
    rated = values.dropna(subset=["display"])
    assert len(rated) and rated["population_note"].str.contains(r"per 100,000 people \(population \d{4}").all()


def test_state_is_small(tables):
    values = map_values(tables, MapOptions("arrests", year=2024))
    assert len(json.dumps(map_state(values, "persons"))) < 3000


def test_caption_names_sources_and_coverage(tables, geometry):
    values = map_values(tables, MapOptions("arrests", year=2024))
    caption = map_caption(values, "Arrests", "persons", "2024", False, geometry.credit, "v1", "http://x/map")
    assert caption.source_line.startswith("Source: ")
    assert any("of 19 governorates" in note for note in caption.notes)
    assert caption.footer_lines()[-1] == "Data version v1 · http://x/map"


def test_export_footer_is_inside_the_image_only_when_asked(tables, geometry):
    values = map_values(tables, MapOptions("arrests", year=2024))
    screen = make_map_figure(values, geometry, CAPTION, "persons")
    export = make_map_figure(values, geometry, CAPTION, "persons", footer=True)
    assert not screen.layout.annotations
    assert "Source: test." in export.layout.annotations[0].text and "Title" in export.layout.title.text


def test_default_year_is_one_calendar_year_with_the_most_comparable_governorates(tables):
    year = default_map_year(tables, "arrests", "all")
    assert isinstance(year, int)
    comparable = map_values(tables, MapOptions("arrests", year=year))["comparable"].sum()
    for other in available_years(tables, "arrests", "all"):
        assert (
            map_values(tables, MapOptions("arrests", year=other))["comparable"].sum() <= max(comparable, 0)
            or other < year
        )


def test_partial_periods_are_dotted_and_off_the_colour_scale(tables, geometry):
    values = map_values(tables, MapOptions("arrests", year=LATEST))
    partial = values[(values["status"] != "none") & ~values["comparable"]]
    assert len(partial), "the ledger has partial-year governorate figures"
    assert partial["display"].isna().all()
    state = map_state(values, "persons")
    codes = sorted(values["code"])
    for code in partial["code"]:
        assert (
            state["pattern"][codes.index(code)] == "." and state["fill"][codes.index(code)] == theme.NOT_COMPARABLE_FILL
        )
        assert "*" in state["label"][codes.index(code)]
    figure = make_map_figure(values, geometry, CAPTION, "persons")
    assert any(trace.name == NOT_COMPARABLE for trace in figure.data)


def test_values_are_printed_on_the_map(tables):
    values = map_values(tables, MapOptions("arrests", year=2024))
    state = map_state(values, "persons")
    shown = values[values["status"] != "none"]
    codes = sorted(values["code"])
    assert all("<br>" in state["label"][codes.index(c)] for c in shown["code"])


def test_a_place_without_population_is_crossed_not_grey(tables):
    values = map_values(tables, MapOptions("arrests", year=LATEST, per_capita=True))
    missing = values[values["population_note"] == NO_POPULATION]
    state = map_state(values, "persons")
    codes = sorted(values["code"])
    for code in missing[missing["comparable"]]["code"]:
        assert state["fill"][codes.index(code)] == theme.NO_POPULATION_FILL
