"""The evidence pack: CSVs equal their Parquet tables, Arabic survives, datapackage.json validates."""

import io
import json
import zipfile

import pandas as pd
import pytest

from data import schema
from data.package import evidence_pack
from data.store import snapshot

READ_TYPES = {"string": "string", "number": "float64", "integer": "Int64", "boolean": "boolean"}


def canonical(series: pd.Series) -> list[str]:
    """Text of each cell, with every kind of missing value as ''."""
    return [str(v) for v in series.astype(object).where(series.notna(), "")]


@pytest.fixture(scope="module")
def pack(built, tmp_path_factory):
    data = snapshot(built.path.parent.parent)
    folder = tmp_path_factory.mktemp("pack")
    with zipfile.ZipFile(io.BytesIO(evidence_pack(data))) as archive:
        archive.extractall(folder)
    return data, folder


@pytest.mark.parametrize("name", list(schema.TABLES))
def test_each_csv_reads_back_equal_to_its_parquet_table(pack, name):
    data, folder = pack
    raw = (folder / "data" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for Excel"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == name)["schema"]["fields"]
    dtypes = {f["name"]: READ_TYPES[f["type"]] for f in fields if f["type"] in READ_TYPES}
    dates = [f["name"] for f in fields if f["type"] == "date"]
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=dtypes, keep_default_na=False, na_values=[""])
    for column in dates:
        back[column] = pd.to_datetime(back[column]).dt.date.astype(object).where(back[column].notna(), None)
    table = data.table(name)
    for column in table.columns:
        expected, got = canonical(table[column]), canonical(back[column])
        if dtypes.get(column) == "float64":
            pd.testing.assert_series_equal(back[column], table[column].astype("float64"), check_names=False)
        else:
            assert got == expected, (name, column)


def test_arabic_survives_the_round_trip(pack):
    data, folder = pack
    back = pd.read_csv(folder / "data" / "geographies.csv", encoding="utf-8-sig")
    assert list(back["name_ar"]) == list(data.table("geographies")["name_ar"])
    assert "البصرة" in set(back["name_ar"])


def test_datapackage_validates_with_frictionless(pack):
    from frictionless import Package

    _, folder = pack
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_pack_has_citation_dictionary_licence_and_manifest(pack):
    data, folder = pack
    assert f'version: "{data.version}"' in (folder / "CITATION.cff").read_text(encoding="utf-8")
    assert "geoBoundaries" in (folder / "LICENCE-NOTES.md").read_text(encoding="utf-8")
    dictionary = pd.read_csv(folder / "data_dictionary.csv", encoding="utf-8-sig")
    assert len(dictionary) == sum(len(t.columns) for t in schema.TABLES.values())
    assert json.loads((folder / "manifest.json").read_text())["data_version"] == data.version


def test_pack_is_reproducible(built):
    data = snapshot(built.path.parent.parent)
    assert evidence_pack.__wrapped__(data) == evidence_pack.__wrapped__(data)
