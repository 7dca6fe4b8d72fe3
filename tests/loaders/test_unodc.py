"""The UNODC loader reads the shared Data Portal export (a third-party re-publication)."""

import csv
import json

import pytest

from loaders.errors import BuildError
from loaders.importers.unodc import SOURCE_ID, normalise, read_export, run
from tests.conftest import RAW, shared_file

EXPORT = ("data", "unodc", "drug_seizures_2018_2022.json")


@pytest.fixture(scope="module")
def iraq_claims():
    path = shared_file(*EXPORT)
    return normalise(read_export(path), path.name, ("IRQ",))


def test_keeps_every_iraq_row(iraq_claims):
    assert len(iraq_claims) == 47
    assert {c["period"] for c in iraq_claims} == {"2018", "2019", "2020", "2021", "2022"}


def test_values_are_carried_as_written(iraq_claims):
    captagon_2020 = sorted(c["value"] for c in iraq_claims if c["drug_id"] == "captagon" and c["period"] == "2020")
    assert captagon_2020 == ["16.246560000000002", "352"]
    assert all("each is kept" in c["note"] for c in iraq_claims if c["drug_id"] == "captagon")


def test_committed_raw_file_matches_the_export(iraq_claims):
    with (RAW / "claims" / "unodc.csv").open(encoding="utf-8") as handle:
        committed = list(csv.DictReader(handle))
    assert committed == iraq_claims


def test_source_says_it_is_a_re_publication(tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "sources").mkdir()
    run(shared_file(*EXPORT), tmp_path, ("IRQ",))
    with (tmp_path / "sources" / "unodc.csv").open(encoding="utf-8") as handle:
        (source,) = list(csv.DictReader(handle))
    assert source["source_id"] == SOURCE_ID and "third-party re-publication" in source["note"]


def test_csv_export_with_the_same_columns(tmp_path):
    rows = json.loads(shared_file(*EXPORT).read_text(encoding="utf-8"))[:3]
    rows.append(dict(rows[0], msCode="IRQ", **{"Country/Territory": "Iraq", "Drug": "Heroin", "Year": 2030}))
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (claim,) = normalise(read_export(path), path.name, ("IRQ",))
    assert (claim["drug_id"], claim["period"]) == ("heroin", "2030")


def test_unknown_drug_is_an_error_with_its_row(tmp_path):
    rows = [
        (
            7,
            {
                "Region": "",
                "SubRegion": "",
                "Country/Territory": "Iraq",
                "msCode": "IRQ",
                "Drug group": "",
                "DrugSubGroup": "",
                "Drug": "Kratom",
                "Year": "2022",
                "Kilograms": "1",
            },
        )
    ]
    with pytest.raises(BuildError, match="export.json:7: Drug: unknown UNODC drug 'Kratom'"):
        normalise(rows, "export.json", ("IRQ",))
