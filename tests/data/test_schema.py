"""Each table's schema is enforced when written: missing columns, nulls and repeated keys are refused."""

import pandas as pd
import pytest

from data import schema

DRUG = {"label_en": "x", "label_ar": "x", "label_ckb": "x", "note": ""}


def drugs(*ids: str) -> pd.DataFrame:
    return pd.DataFrame([{"drug_id": drug_id, **DRUG} for drug_id in ids])


def population(*keys: tuple[str, int]) -> pd.DataFrame:
    rows = [
        {
            "geo_code": geo,
            "year": year,
            "population": 1.0,
            "qualifier": "exact",
            "claim_id": f"c-{i}",
            "source_id": "s",
            "in_conflict": False,
        }
        for i, (geo, year) in enumerate(keys)
    ]
    return pd.DataFrame(rows, columns=schema.TABLES["population"].column_names)


@pytest.mark.parametrize(
    ("name", "frame"),
    [("drugs", drugs("all", "hashish")), ("population", population(("IQ-BG", 2023), ("IQ-BG", 2024)))],
)
def test_a_table_with_distinct_keys_is_written(name, frame):
    assert schema.to_arrow(frame, schema.TABLES[name]).num_rows == len(frame)


@pytest.mark.parametrize(
    ("name", "frame", "named"),
    [
        ("drugs", drugs("all", "hashish", "all"), "{'drug_id': 'all'}"),
        (
            "population",
            population(("IQ-BG", 2023), ("IQ-BA", 2023), ("IQ-BG", 2023)),
            "'geo_code': 'IQ-BG', 'year': 2023",
        ),
    ],
)
def test_a_repeated_key_is_refused_and_named(name, frame, named):
    with pytest.raises(schema.SchemaError, match="duplicate primary key") as error:
        schema.to_arrow(frame, schema.TABLES[name])
    assert named in str(error.value)


def test_a_missing_column_is_refused():
    with pytest.raises(schema.SchemaError, match="missing columns"):
        schema.to_arrow(drugs("all").drop(columns="note"), schema.TABLES["drugs"])
