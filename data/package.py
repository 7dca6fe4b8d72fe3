"""The evidence pack: every processed table as Excel-friendly CSV, a Frictionless data package, a data
dictionary, a citation file and the licence notes, in one zip built from one data version."""

from __future__ import annotations

import io
import json
import zipfile
from functools import lru_cache

import pandas as pd
import pyarrow as pa

from data import schema
from data.store import Snapshot

CSV_ENCODING = "utf-8-sig"  # A byte-order mark, so Excel opens Arabic text correctly.
FRICTIONLESS_TYPES = {
    pa.string(): "string",
    pa.float64(): "number",
    pa.int64(): "integer",
    pa.bool_(): "boolean",
    pa.date32(): "date",
}
FOREIGN_KEYS = {
    "claims": [
        ("source_id", "sources", "source_id"),
        ("indicator_id", "indicators", "indicator_id"),
        ("drug_id", "drugs", "drug_id"),
        ("geo_code", "geographies", "code"),
    ],
    "observations": [("claim_id", "claims", "claim_id"), ("source_id", "sources", "source_id")],
    "population": [("claim_id", "claims", "claim_id"), ("geo_code", "geographies", "code")],
    "flags": [("whole_claim_id", "claims", "claim_id"), ("geo_code", "geographies", "code")],
}
LICENCE_NOTES = """# Licence and attribution

- The compilation (claims, observations and the other tables) is released by the project under CC BY 4.0:
  cite the project and its data version.
- Every figure is a fact published by the source named in its claim; each claim gives the source's URL.
  Media articles remain their publishers' works: we carry only the figures and our own notes.
- UNODC figures (claims with source `unodc-dp-drug-seizures`) come from the UNODC Research Data Portal, drug
  seizures dataset, read from a third-party re-publication; UNODC's terms of use apply to its data.
- Map boundaries, when shown: geoBoundaries (www.geoboundaries.org), gbOpen IRQ ADM1, CC0 1.0. Runfola D. et al.
  (2020), geoBoundaries: A global database of political administrative boundaries, PLoS ONE 15(4): e0231866.
- Population figures: COSIT (Central Statistical Organization, Iraq), the KRG civil registry and census
  statements, as each population claim cites.
"""


def table_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, ISO dates, true/false, empty for missing."""
    return frame.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\r\n").encode(CSV_ENCODING)


def datapackage(data: Snapshot) -> dict:
    resources = []
    for name, table in schema.TABLES.items():
        fields = [
            {
                "name": c.name,
                "type": FRICTIONLESS_TYPES[c.type],
                "description": c.description,
                **({"constraints": {"required": True}} if _required(c, table) else {}),
            }
            for c in table.columns
        ]
        keys = [
            {"fields": [field], "reference": {"resource": other, "fields": [target]}}
            for field, other, target in FOREIGN_KEYS.get(name, [])
        ]
        resources.append(
            {
                "name": name,
                "path": f"data/{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "description": table.description,
                "schema": {
                    "fields": fields,
                    "primaryKey": list(table.primary_key),
                    **({"foreignKeys": keys} if keys else {}),
                },
            }
        )
    return {
        "name": "iraq-drug-policy-figures",
        "title": "Iraq's published drug-policy figures, with provenance",
        "version": data.version,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "description": "Every published figure (claim) with its source, the period it states, its normalised value, "
        "the conflict group it belongs to and the preferred figure of each group (observations).",
        "resources": resources,
    }


def _required(column: schema.Column, table: schema.Table) -> bool:
    """In CSV an empty text and a missing one look alike, so free-text columns (notes) cannot be 'required'."""
    if column.nullable:
        return False
    return (
        column.type != pa.string() or column.name in table.primary_key or column.name.endswith(("_id", "code", "url"))
    )


def dictionary(data: Snapshot) -> bytes:
    rows = [
        {
            "table": t.name,
            "column": c.name,
            "type": FRICTIONLESS_TYPES[c.type],
            "required": not c.nullable,
            "description": c.description,
        }
        for t in schema.TABLES.values()
        for c in t.columns
    ]
    return table_csv(pd.DataFrame(rows))


def citation(data: Snapshot) -> str:
    return (
        "cff-version: 1.2.0\n"
        'message: "If you use these figures, cite the dataset and its data version, and the original sources."\n'
        "type: dataset\n"
        'title: "Iraq\'s published drug-policy figures, with provenance"\n'
        'authors:\n  - name: "Iraq drug-policy figures project"\n'
        f'version: "{data.version}"\n'
        "license: CC-BY-4.0\n"
    )


def readme(data: Snapshot) -> str:
    counts = ", ".join(f"{name} ({info['rows']} rows)" for name, info in data.manifest["tables"].items())
    return (
        f"# Evidence pack, data version {data.version}\n\n"
        f"Tables in data/: {counts}.\n\n"
        "- claims.csv: every published figure as written (value_as_written, period_as_written) and normalised,\n"
        "  with its source, conflict group and whether it is the preferred claim of its group.\n"
        "- observations.csv: one row per group, the preferred claim, with the spread of the others.\n"
        "- datapackage.json describes every column (Frictionless Table Schema); data_dictionary.csv lists them.\n"
        "- A missing value is empty, never zero. A period that is not a whole calendar year has is_full_year false.\n"
        "- manifest.json gives the hashes of the raw inputs this version was built from.\n"
    )


@lru_cache(maxsize=2)
def evidence_pack(data: Snapshot) -> bytes:
    """The zip for one data version (cached: the same version always gives the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        for name in schema.TABLES:
            _add(pack, f"data/{name}.csv", table_csv(data.table(name)))
        _add(pack, "datapackage.json", json.dumps(datapackage(data), indent=2, ensure_ascii=False).encode())
        _add(pack, "data_dictionary.csv", dictionary(data))
        _add(pack, "CITATION.cff", citation(data).encode())
        _add(pack, "LICENCE-NOTES.md", LICENCE_NOTES.encode())
        _add(pack, "README.md", readme(data).encode())
        _add(pack, "manifest.json", json.dumps(data.manifest, indent=2, ensure_ascii=False).encode())
    return buffer.getvalue()


def _add(pack: zipfile.ZipFile, name: str, payload: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # A fixed time keeps the zip reproducible.
    info.compress_type = zipfile.ZIP_DEFLATED
    pack.writestr(info, payload)
