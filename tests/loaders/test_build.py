"""The real ledger builds, is deterministic, and carries the seed article's figures exactly."""

import json
from datetime import date

import pandas as pd
import pytest

from data.store import snapshot
from loaders.build import build
from tests.conftest import RAW

SEED_URL = "https://thenewregion.com/posts/3925"
SEED = [
    # indicator, place, value, qualifier, period start, period end
    # The ministry's centres are filed under federal Iraq: the Kurdistan Region runs its own services.
    ("rehab_centres", "X-IQ-FED", 16, "exact", None, date(2025, 11, 30)),
    ("rehab_centres", "IQ-BG", 3, "exact", None, date(2025, 11, 30)),
    ("rehab_completed", "X-IQ-FED", 6000, "exact", None, date(2025, 11, 30)),
    ("arrests", "IQ", 14500, "about", date(2024, 1, 1), date(2024, 12, 31)),
    ("death_sentences", "IQ", 144, "exact", date(2024, 1, 1), date(2024, 12, 31)),
    ("life_sentences", "IQ", 454, "at_least", date(2024, 1, 1), date(2024, 12, 31)),
]


@pytest.mark.parametrize(("indicator", "place", "value", "qualifier", "start", "end"), SEED)
def test_seed_article_figures(built, indicator, place, value, qualifier, start, end):
    claims, sources = built.tables["claims"], built.tables["sources"]
    seed_sources = sources.loc[sources["url"] == SEED_URL, "source_id"]
    rows = claims[
        claims["source_id"].isin(seed_sources) & (claims["indicator_id"] == indicator) & (claims["geo_code"] == place)
    ]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["value"], row["qualifier"], row["period_end"]) == (value, qualifier, end)
    assert (row["period_start"] if pd.notna(row["period_start"]) else None) == start


def test_ledger_size_and_coverage(built):
    claims, observations = built.tables["claims"], built.tables["observations"]
    assert len(claims) >= 200
    assert len(built.tables["sources"]) >= 40
    assert claims["geo_code"].nunique() >= 19
    assert observations["in_conflict"].sum() > 0


def test_every_claim_has_a_source_url_and_a_period(built):
    claims = built.tables["claims"].merge(built.tables["sources"], on="source_id", how="left")
    assert claims["url"].str.match(r"^https?://").all()
    assert claims["period_as_written"].str.len().gt(0).all() and claims["period_end"].notna().all()


def test_zero_only_where_the_source_wrote_zero(built):
    claims = built.tables["claims"]
    zeros = claims[claims["value"] == 0]
    assert zeros["value_as_written"].str.fullmatch(r"0|zero|no|none").all(), zeros[["claim_id", "value_as_written"]]


def test_partial_periods_are_not_full_years(built):
    claims = built.tables["claims"]
    full = claims[claims["is_full_year"]]
    assert (full["granularity"] == "year").all()
    assert (pd.to_datetime(full["period_start"]).dt.strftime("%m-%d") == "01-01").all()
    assert (pd.to_datetime(full["period_end"]).dt.strftime("%m-%d") == "12-31").all()


def test_one_preferred_claim_per_reviewed_group(built):
    claims = built.tables["claims"]
    preferred = claims[claims["is_preferred"]].groupby("group_id").size()
    assert (preferred == 1).all()
    assert set(built.tables["observations"]["claim_id"]) == set(claims.loc[claims["is_preferred"], "claim_id"])


def test_two_builds_give_identical_tables(built, tmp_path):
    again = build(RAW, tmp_path / "again")
    assert again.version == built.version
    first, second = snapshot(built.path.parent.parent), snapshot(tmp_path / "again")
    for name in built.tables:
        assert first.table(name).equals(second.table(name)), name


def test_manifest_records_inputs_rows_and_version(built):
    manifest = json.loads((built.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["data_version"] == built.version
    assert manifest["tables"]["claims"]["rows"] == len(built.tables["claims"])
    assert "claims/seed.csv" in manifest["inputs"]


def test_population_table_has_one_row_per_place_and_year(built):
    population = built.tables["population"]
    assert not population.duplicated(["geo_code", "year"]).any()
    cosit_2010 = population[population["year"] == 2010]
    assert cosit_2010["geo_code"].str.match(r"IQ-[A-Z]{2}$").sum() >= 18


def test_the_benchmark_ledger_follows_the_raw_format(tmp_path):
    """make bench builds synthetic ledgers: they must stay valid as the raw columns and checks evolve."""
    from bench.synthetic import write_ledger
    from loaders.build import validate

    tables = validate(write_ledger(2_000, tmp_path / "raw"))
    assert len(tables["claims"]) == 2_000
