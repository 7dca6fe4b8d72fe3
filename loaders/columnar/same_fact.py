"""loaders.same_fact's checks in bulk: whether any claim repeats a published fact (see that module for the rule).
Only whether: when one does, the record reader names both lines."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from loaders.columnar.distinct import arrow_texts
from loaders.errors import NeedsRecords
from loaders.same_fact import FACT, WHERE_WHEN, statement_roots


def check_same_fact(claims: pd.DataFrame, sources: pd.DataFrame) -> None:
    copies = claims["same_as"].notna().to_numpy()
    kept = arrow_texts(claims.loc[copies, "same_as"])
    # Each claim id looked up among the few kept ones (not the few among a million): ids are distinct, so every
    # kept id is a claim's when as many claims are found as there are distinct kept ids.
    originals = pc.unique(kept)
    found = pc.sum(pc.is_in(arrow_texts(claims["claim_id"]), value_set=originals)).as_py() or 0
    if found != len(originals):
        raise NeedsRecords("same_as names an unknown claim")
    if pc.any(pc.is_in(kept, value_set=arrow_texts(claims.loc[copies, "claim_id"]))).as_py():
        raise NeedsRecords("same_as names a claim that is itself a copy")
    codes = {name: _codes(claims[name]) for name in (*FACT, *WHERE_WHEN)}
    source, source_ids = pd.factorize(claims["source_id"], use_na_sentinel=False)
    entry = combined([source[~copies], *(codes[name][~copies] for name in (*FACT, *WHERE_WHEN))])
    if _distinct(entry) < len(entry):
        raise NeedsRecords("one source's figure entered twice")
    checked = ~copies & (claims["distinct_because"] == "").to_numpy() & (claims["review"] == "").to_numpy()
    root = _root_codes(source_ids, sources)[source[checked]]
    fact = combined([root, *(codes[name][checked] for name in FACT)])
    where = combined([fact, *(codes[name][checked] for name in WHERE_WHEN)])
    if _distinct(where) != _distinct(fact):  # some statement's figure has two places, periods or scopes
        raise NeedsRecords("one statement's figure under two places, periods or scopes")


def _codes(column: pd.Series) -> np.ndarray:
    """The column as integer codes, a missing value being one code: equal to itself, as None is in the record
    reader's tuples (NaN is not)."""
    return pd.factorize(column, use_na_sentinel=False)[0]


def combined(columns: list[np.ndarray]) -> np.ndarray:
    """One number per distinct combination of the columns' non-negative codes (not consecutive)."""
    key, bound = np.zeros(len(columns[0]) if columns else 0, dtype=np.int64), 1
    for column in columns:
        width = int(column.max(initial=0)) + 1
        if bound * width >= 2**62:  # renumbered only when the next column would overflow int64
            key = _codes(key)
            bound = int(key.max(initial=0)) + 1
        key, bound = key * width + column, bound * width
    return key


def _distinct(key: np.ndarray) -> int:
    return len(pd.unique(key))


def _root_codes(source_ids: pd.Index | pd.Categorical, sources: pd.DataFrame) -> np.ndarray:
    """A code per source for its statement: the source itself, or the source it relays (most relay none)."""
    relaying = sources[sources["relays"].notna()]
    pairs = zip(relaying["source_id"], relaying["relays"], strict=True)
    roots = statement_roots([{"source_id": s, "relays": r} for s, r in pairs])
    return _codes(pd.Series([roots.get(s, s) for s in source_ids.tolist()], dtype=object))
