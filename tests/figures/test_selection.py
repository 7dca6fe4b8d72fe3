import pytest

from figures.selection import LATEST, MapOptions, available_years, coverage, format_value, map_values


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((14500, "about"), "about 14,500"),
        ((454, "at_least"), "at least 454"),
        ((3024.6, "exact", None, None, "kg"), "3,024.6 kg"),
        ((None, "range", 950000, 1000000, "persons"), "950,000–1,000,000 persons"),
        ((1000, "more_than"), "more than 1,000"),
    ],
)
def test_format_value_keeps_the_qualifier(args, text):
    assert format_value(*args) == text


def test_year_map_never_uses_another_year(tables):
    for year in available_years(tables, "arrests", "all"):
        values = map_values(tables, MapOptions("arrests", year=year))
        assert set(values["ref_year"].dropna()) <= {year}


def test_latest_map_uses_each_places_most_recent_figure(tables):
    values = map_values(tables, MapOptions("arrests", year=LATEST))
    assert values["status"].isin(["figure", "combined", "none"]).all() and len(values) == 19


def test_coverage_separates_full_years_from_partial_periods(tables):
    cells = coverage(tables, "indicator")
    arrests_2023 = cells[(cells["row"] == "People arrested on drug charges") & (cells["year"] == 2023)]
    assert arrests_2023["status"].iloc[0] == 2
    assert set(cells["status"]) <= {1, 2}
