"""Shape the normalised ledger into the processed tables declared in data/schema.py."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from data import schema
from loaders.consistency import consistency_flags
from loaders.reconcile import reconcile
from loaders.reference import Reference


def make_tables(
    ref: Reference,
    sources: pd.DataFrame,
    claims: pd.DataFrame,
    ready: Callable[[str, pd.DataFrame], None] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every processed table, in its declared columns. The claims table is final first, and is given to `ready`
    then, so that it can be written while the rest are made."""
    claims, observations = reconcile(claims, sources)
    if ready:
        ready("claims", claims[schema.TABLES["claims"].column_names])
    composite_codes = {c for c, r in ref.geographies.items() if r.fields["level"] == "composite"}
    observations["is_composite"] = observations["geo_code"].isin(composite_codes)
    observations = observations.sort_values(
        ["indicator_id", "drug_id", "geo_code", "period_end", "group_id"], ignore_index=True
    )
    tables = {
        "claims": claims,
        "observations": observations,
        "sources": _sources(sources, claims),
        "geographies": _geographies(ref),
        "indicators": _indicators(ref, claims),
        "drugs": pd.DataFrame(
            [
                {"drug_id": k, **_pick(r.fields, "label_en", "label_ar", "label_ckb", "note")}
                for k, r in ref.drugs.items()
            ]
        ),
        "population": _population(observations),
    }
    tables["flags"] = consistency_flags(claims, tables["indicators"], tables["geographies"])
    return {name: frame[schema.TABLES[name].column_names] for name, frame in tables.items()}


def _pick(fields: dict[str, str], *names: str) -> dict[str, str]:
    return {name: fields[name] for name in names}


def _sources(sources: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    counts = claims["source_id"].value_counts()
    out = sources.assign(n_claims=sources["source_id"].map(counts).fillna(0).astype("int64"))
    return out.sort_values("source_id", ignore_index=True)


def _geographies(ref: Reference) -> pd.DataFrame:
    rows = []
    for code, record in sorted(ref.geographies.items()):
        f = record.fields
        rows.append(
            {
                "code": code,
                **_pick(f, "name_en", "name_ar", "name_ku", "level", "note"),
                "parent": f["parent"] or None,
                "members": f["members"] or None,
                "has_iso_code": not code.startswith("X-"),
                "aliases": "|".join(ref.aliases.get(code, [])),
            }
        )
    return pd.DataFrame(rows)


def _indicators(ref: Reference, claims: pd.DataFrame) -> pd.DataFrame:
    counts = claims["indicator_id"].value_counts()
    rows = [
        {
            "indicator_id": k,
            **_pick(r.fields, "label_en", "label_ar", "label_ckb", "unit", "kind", "description"),
            "summable": r.fields["summable"] == "true",
            "n_claims": int(counts.get(k, 0)),
        }
        for k, r in ref.indicators.items()
    ]
    return pd.DataFrame(rows)


def _population(observations: pd.DataFrame) -> pd.DataFrame:
    """The preferred population figure per place and year (the year of its as-of date)."""
    pop = observations[observations["indicator_id"] == "population"].copy()
    pop["year"] = pd.to_datetime(pop["period_end"]).dt.year.astype("int64")
    pop = pop.sort_values(["geo_code", "year", "period_end"]).drop_duplicates(["geo_code", "year"], keep="last")
    pop = pop.rename(columns={"value": "population"})
    return pop[["geo_code", "year", "population", "qualifier", "claim_id", "source_id", "in_conflict"]].reset_index(
        drop=True
    )
