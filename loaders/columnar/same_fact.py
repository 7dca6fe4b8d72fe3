"""loaders.same_fact's checks in bulk: whether any claim repeats a published fact (see that module for the rule).
Only whether: when one does, the record reader names both lines."""

from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.columnar.distinct import isin, lookup
from loaders.errors import NeedsRecords
from loaders.same_fact import FACT, WHERE_WHEN, statement_roots


def check_same_fact(claims: pd.DataFrame, sources: pd.DataFrame) -> None:
    copies = claims["same_as"].notna()
    kept = claims.loc[copies, "same_as"]
    if not isin(kept, claims["claim_id"]).all():
        raise NeedsRecords("same_as names an unknown claim")
    if isin(kept, claims.loc[copies, "claim_id"]).any():
        raise NeedsRecords("same_as names a claim that is itself a copy")
    originals = claims[~copies]
    codes = _codes(originals, ["source_id", *FACT, *WHERE_WHEN])
    if codes.duplicated().any():
        raise NeedsRecords("one source's figure entered twice")
    checked = (originals["distinct_because"] == "") & (originals["review"] == "")
    facts = codes.loc[checked, [*FACT, *WHERE_WHEN]].assign(root=_roots(originals.loc[checked, "source_id"], sources))
    first = facts.groupby(["root", *FACT], sort=False, dropna=False)[list(WHERE_WHEN)].transform("first")
    if (first != facts[list(WHERE_WHEN)]).any(axis=None):
        raise NeedsRecords("one statement's figure under two places, periods or scopes")


def _codes(claims: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Each column as integer codes, a missing value being one code: equal to itself, as None is in the
    record reader's tuples (NaN is not)."""
    return pd.DataFrame(
        {name: pd.factorize(claims[name], use_na_sentinel=False)[0] for name in columns}, index=claims.index
    )


def _roots(source_ids: pd.Series, sources: pd.DataFrame) -> pd.Series | np.ndarray:
    """Each claim's statement: its source, or the source that source relays (most sources relay none)."""
    relaying = sources[sources["relays"].notna()]
    if relaying.empty:
        return source_ids
    pairs = zip(relaying["source_id"], relaying["relays"], strict=True)
    roots = statement_roots([{"source_id": s, "relays": r} for s, r in pairs])
    return lookup(source_ids, roots | {s: s for s in pd.unique(source_ids) if s not in roots})
