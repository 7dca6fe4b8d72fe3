"""The columnar build makes exactly the tables the record-by-record build made (kept here as rowwise_reconcile)."""

import math
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import loaders.tables
from bench.synthetic import write_ledger
from data import schema
from loaders import csvio
from loaders.build import data_version, validate
from loaders.columnar import read_ledger_columns
from loaders.columnar.values import parse_distinct
from loaders.csvio import read_columns, read_records
from loaders.errors import InputError, NeedsRecords
from loaders.ledger import CLAIM_COLUMNS, read_ledger
from loaders.normalise.values import parse_value
from loaders.reference import read_reference
from tests.loaders import rowwise_reconcile

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
REASONS = (
    "preferred: the only claim",
    "preferred over",
    "a reviewed claim ranks above",
    "ranks above an NGO compilation",
    "an exact figure ranks above",
    "the finer figure",
    "the later publication wins",
    "the other's date is unknown",
    "nothing else separates them",
    "not counted: the same published fact",
    "not preferred: a machine-extracted candidate",
)


def record_reader_tables(raw: Path, monkeypatch) -> dict[str, pa.Table]:
    """The build as it was before the columnar one: rows as dicts, reconciled one claim at a time."""
    ref = read_reference(raw)
    ledger = read_ledger(raw, ref)
    assert not ledger.problems, ledger.problems[:3]

    def reconcile(claims, sources):
        out, observations = rowwise_reconcile.reconcile(ledger.claims, sources)
        return out.sort_values("claim_id", ignore_index=True), observations

    monkeypatch.setattr(loaders.tables, "reconcile", reconcile)
    tables = loaders.tables.make_tables(ref, pd.DataFrame(ledger.sources), pd.DataFrame(ledger.claims))
    monkeypatch.undo()
    return {name: schema.to_arrow(frame, schema.TABLES[name]) for name, frame in tables.items()}


def columnar_tables(raw: Path) -> dict[str, pa.Table]:
    read_ledger_columns(raw, read_reference(raw))  # raises NeedsRecords if the fast path would not be taken
    return {name: schema.to_arrow(frame, schema.TABLES[name]) for name, frame in validate(raw).items()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    return write_ledger(10_000, tmp_path_factory.mktemp("synthetic") / "raw")


def test_synthetic_ledger_has_every_case(synthetic):
    claims = validate(synthetic)["claims"]
    assert set(claims["qualifier"]) == {"exact", "about", "more_than", "at_least", "less_than", "at_most", "range"}
    assert {"year", "half", "quarter", "range", "to_date"} <= set(claims["granularity"])
    assert claims["in_conflict"].any() and (claims["scope"] == "part").any()
    assert claims["same_as"].notna().any() and (claims["distinct_because"] != "").any()
    for reason in REASONS:
        assert claims["preference_reason"].str.contains(reason, regex=False).any(), reason


@pytest.mark.parametrize("ledger", ["real", "synthetic"])
def test_columnar_build_makes_the_record_readers_tables(ledger, synthetic, monkeypatch):
    raw = RAW if ledger == "real" else synthetic
    before, after = record_reader_tables(raw, monkeypatch), columnar_tables(raw)
    for name in schema.TABLES:
        assert after[name].equals(before[name]), name
    assert data_version(after) == data_version(before)


VALUES = [
    "14,500",
    "about 1,200",
    "3 kg",
    "3kg",
    "About 5",
    "no more than 7",
    "2,010.9",
    "1.50",
    "0",
    "000",
    "5 t",
    "7 mg",
    "~5",
    "500+",
    "between 1 and 2",
    "3 t 24 kg 600 g",
    "about 2 tons, 156 kilograms and 600 grams",
    "1,500kg, and 300g",
    "1.2 million",
    "٣٠٠",
    "١٬٥٠٠",
    "~ 70",
    "about 500+",
    "more than 99 million",
    "1.25 thousand",
    "5 m",
    "5 mg",
    "between 1.5 million and 2 million",
    "from 10 to 20 kg",
    "10 to 20",
    "10-20",
    "10 - 20 t",
    "approx. 40",
    "an estimated 9",
    "نحو 5 آلاف",
]


def test_values_parsed_in_bulk_equal_parse_value():
    parsed = parse_distinct(pa.array(VALUES))
    for i, text in enumerate(VALUES):
        one = parse_value(text)
        expected = (one.value, one.qualifier, one.low, one.high, one.precision, one.unit_hint)
        got = tuple(parsed[name][i] for name in ("value", "qualifier", "low", "high", "precision", "unit_hint"))
        nan_is_none = tuple(None if isinstance(x, float) and math.isnan(x) else x for x in got)
        assert nan_is_none == expected, text


def test_a_value_parse_value_refuses_sends_the_build_to_the_record_reader():
    with pytest.raises(InputError):
        parse_value("-5")
    with pytest.raises(NeedsRecords):
        parse_distinct(pa.array(["-5"]))
    with pytest.raises(NeedsRecords):
        parse_distinct(pa.array(["between 20 and 10"]))


HEADER = ",".join(CLAIM_COLUMNS) + "\n"
ROW = "c-1,s-1,arrests,all,Basra,{value},persons,2024,,,whole,,,,,\n"


@pytest.mark.parametrize(
    "body",
    [
        ROW.format(value="5"),
        "\ufeff" + HEADER + ROW.format(value=" 5\u00a0"),  # a byte-order mark, and spaces str.strip() removes
        ROW.format(value='"1,500"') + "\n,,,,,,,,,,,,,,,\n" + ROW.format(value="7").replace("c-1", "c-2"),
        ROW.format(value="5").replace(",,,,,\n", ',,,"a note\nover two lines",,\n') + ROW.format(value="6"),
    ],
)
@pytest.mark.parametrize("walk_apart_from", [csvio._WALK_APART_FROM, 0], ids=["walked here", "walked apart"])
def test_columns_read_as_the_record_reader_reads_them(tmp_path, monkeypatch, body, walk_apart_from):
    monkeypatch.setattr(csvio, "_WALK_APART_FROM", walk_apart_from)
    path = tmp_path / "claims.csv"
    path.write_text(body if body.startswith("\ufeff") else HEADER + body, encoding="utf-8")
    records = read_records(path, "claims.csv", CLAIM_COLUMNS)
    table = read_columns(path, "claims.csv", CLAIM_COLUMNS)
    assert table.column("raw_line").to_pylist() == [r.line for r in records]
    assert table.select(list(CLAIM_COLUMNS)).to_pylist() == [r.fields for r in records]


@pytest.mark.parametrize(
    "row", ['c-1,s-1,arrests,all,Basra,"5"kg,persons,2024,,,whole,,,,,\n', "c-1,s-1,arrests\n", '"c-1,s-1\n']
)
@pytest.mark.parametrize("walk_apart_from", [csvio._WALK_APART_FROM, 0], ids=["walked here", "walked apart"])
def test_rows_the_record_reader_refuses_are_left_to_it(tmp_path, monkeypatch, row, walk_apart_from):
    monkeypatch.setattr(csvio, "_WALK_APART_FROM", walk_apart_from)
    path = tmp_path / "claims.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(NeedsRecords):
        read_columns(path, "claims.csv", CLAIM_COLUMNS)
