"""UNODC Research Data Portal, drug seizures export -> data/raw/claims/unodc.csv and sources/unodc.csv."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

from loaders.errors import BuildError, InputError, Problem
from loaders.ledger import CLAIM_COLUMNS, SOURCE_COLUMNS

COLUMNS = (
    "Region",
    "SubRegion",
    "Country/Territory",
    "msCode",
    "Drug group",
    "DrugSubGroup",
    "Drug",
    "Year",
    "Kilograms",
)
SOURCE_ID = "unodc-dp-drug-seizures"

# UNODC drug names -> project drug ids (data/raw/drugs.csv).
DRUGS = {
    '"Captagon"': "captagon",
    '"Crack" cocaine': "crack_cocaine",
    "Amphetamine": "amphetamine",
    "Barbiturates": "barbiturates",
    "Benzodiazepines": "benzodiazepines",
    "Buprenorphine": "buprenorphine",
    "Cannabis herb (marijuana)": "cannabis_herb",
    "Cannabis resin (hashish)": "cannabis_resin",
    "Codeine": "codeine",
    "Diazepam": "diazepam",
    "Heroin": "heroin",
    "Methadone": "methadone",
    "Methamphetamine": "methamphetamine",
    "Opium": "opium",
    "Tramadol": "tramadol",
    "Cocaine hydrochloride": "cocaine",
    "Other sedatives and tranquillizers": "sedatives_other",
}
_TOTAL_SEDATIVES = "Total sedatives and tranquillizers"


def read_export(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a JSON, CSV or XLSX export as (line or row number, text fields); numbers keep their written form."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        rows = json.loads(path.read_text(encoding="utf-8"), parse_float=str, parse_int=str)
        return [(i + 1, {k: str(v) for k, v in row.items()}) for i, row in enumerate(rows)]
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
        return [(i + 2, row) for i, row in enumerate(reader)]
    if suffix == ".xlsx":
        import pandas as pd

        frame = pd.read_excel(path, dtype=str)
        return [(i + 2, row) for i, row in enumerate(frame.to_dict("records"))]
    raise InputError(f"{path.name}: unsupported export format {suffix!r} (use .json, .csv or .xlsx)")


def normalise(rows: list[tuple[int, dict[str, str]]], label: str, countries: tuple[str, ...]) -> list[dict[str, str]]:
    """Claims (as raw CSV rows) for the chosen ISO3 countries, one per export row, in a stable order."""
    problems: list[Problem] = []
    kept: list[tuple[dict[str, str], str]] = []
    for number, row in rows:
        missing = [c for c in COLUMNS if c not in row]
        if missing:
            raise BuildError([Problem(label, number, ",".join(missing), "missing column(s) of a UNODC export")])
        if row["msCode"] not in countries:
            continue
        drug = _drug_id(row["Drug"])
        if drug is None:
            problems.append(Problem(label, number, "Drug", f"unknown UNODC drug {row['Drug']!r}; add it to DRUGS"))
            continue
        kept.append((row, drug))
    if problems:
        raise BuildError(problems)
    totals = Counter((row["msCode"], row["Year"], drug) for row, drug in kept)
    seen: Counter = Counter()
    claims = []
    for row, drug in kept:
        key = (row["msCode"], row["Year"], drug)
        seen[key] += 1
        claims.append(_claim(row, drug, seen[key], totals[key]))
    return _mark_equal_values(sorted(claims, key=lambda c: c["claim_id"]))


def _mark_equal_values(claims: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows of one export that repeat a drug's value in another year are separate facts: say so for the build."""
    first: dict[tuple[str, str, str], str] = {}
    for claim in claims:
        key = (claim["place"], claim["drug_id"], claim["value"])
        if key in first:
            claim["distinct_because"] = f"another row of the UNODC export ({first[key]} has the same value)"
        else:
            first[key] = claim["claim_id"]
    return claims


def _drug_id(name: str) -> str | None:
    return "sedatives_total" if name.startswith(_TOTAL_SEDATIVES) else DRUGS.get(name)


def _claim(row: dict[str, str], drug: str, occurrence: int, rows_alike: int) -> dict[str, Any]:
    repeated = (
        f" The export itself has {rows_alike} rows for this drug and year; each is kept." if rows_alike > 1 else ""
    )
    return {
        "claim_id": f"unodc-{row['msCode'].lower()}-{row['Year']}-{drug.replace('_', '')}-{occurrence}",
        "source_id": SOURCE_ID,
        "indicator_id": "seizures",
        "drug_id": drug,
        "place": row["Country/Territory"],
        "value": row["Kilograms"],
        "unit": "kg",
        "period": row["Year"],
        "period_start": "",
        "period_end": "",
        "scope": "whole",
        "scope_note": "",
        "same_as": "",
        "distinct_because": "",
        "note": f"National total reported to UNODC through the Annual Report Questionnaire; UNODC drug "
        f"{row['Drug'][:60]!r} ({row['DrugSubGroup']}).{repeated}",
        "review": "",
    }


def source_row(export_bytes: bytes) -> dict[str, str]:
    digest = hashlib.sha256(export_bytes).hexdigest()
    return {
        "source_id": SOURCE_ID,
        "publisher": "United Nations Office on Drugs and Crime (UNODC), Research Data Portal",
        "title": "Drug seizures (dataset dp-drug-seizures), national totals 2018-2022",
        "url": "https://dataunodc.un.org/dp-drug-seizures",
        "language": "en",
        "published": "",
        "published_how": "unknown",
        "accessed": "",
        "source_type": "international_dataset",
        "authority": "National authorities, through the UNODC Annual Report Questionnaire",
        "relays": "",
        "note": "Values read from a third-party re-publication of the portal export (iujiban/SNU-INFOVIS-PROJECT, "
        "src/data/Drug_seizures_2018_2022.json, commit b06a784340fd5fd4a9589e6e427e0e16371e1b4a), "
        f"not from UNODC's own file; sha256 of the copy read {digest}.",
    }


def run(export: Path, raw_dir: Path, countries: tuple[str, ...] = ("IRQ",)) -> str:
    """Load the export, normalise it and write the two raw files the build reads."""
    claims = normalise(read_export(export), export.name, countries)
    _write_csv(raw_dir / "claims" / "unodc.csv", CLAIM_COLUMNS, claims)
    _write_csv(raw_dir / "sources" / "unodc.csv", SOURCE_COLUMNS, [source_row(export.read_bytes())])
    return f"wrote {len(claims)} UNODC claims for {', '.join(countries)} to {raw_dir / 'claims' / 'unodc.csv'}"


def _write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
