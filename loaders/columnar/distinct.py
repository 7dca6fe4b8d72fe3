"""Work once per distinct value: most written values, units, periods and places repeat across a ledger."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa


def codes_of(frame: pd.DataFrame, columns: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Each row's number among the distinct combinations of `columns` (missing values included), numbered in the
    order they first appear, and those combinations in that order."""
    key = combined([pd.factorize(frame[name], use_na_sentinel=False)[0] for name in columns], len(frame))
    codes, _ = pd.factorize(key)
    first = np.full(int(codes.max(initial=-1)) + 1, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    return codes, frame[columns].iloc[first].reset_index(drop=True)


def combined(columns: list[np.ndarray], length: int = 0) -> np.ndarray:
    """One number per distinct combination of the columns' non-negative codes (not consecutive): the codes
    packed into one integer, renumbered only when the next column would overflow int64."""
    key, bound = np.zeros(len(columns[0]) if columns else length, dtype=np.int64), 1
    for column in columns:
        width = int(column.max(initial=0)) + 1
        if bound * width >= 2**62:
            key = pd.factorize(key)[0]
            bound = int(key.max(initial=0)) + 1
        key, bound = key * width + column, bound * width
    return key


def map_distinct(frame: pd.DataFrame, columns: list[str], compute: Callable[..., tuple]) -> list[np.ndarray]:
    """compute(*combination) for every distinct combination, spread back to every row as object arrays
    (one per element of the tuple compute returns)."""
    codes, combinations = codes_of(frame, columns)
    results = [compute(*row) for row in combinations.itertuples(index=False, name=None)]
    return [spread([result[i] for result in results], codes) for i in range(len(results[0]))] if results else []


def spread(values: list[Any], codes: np.ndarray) -> np.ndarray | pd.Series:
    """values[codes]: texts as a categorical (a million rows hold a few distinct qualifiers, places or period
    labels: each is stored once, and no Python string is made per row), anything else as an object array."""
    if any(isinstance(v, str) for v in values) and all(v is None or isinstance(v, str) for v in values):
        texts, distinct = pd.factorize(_objects(values), use_na_sentinel=True)  # a str Series of them costs more
        categories = pd.Index(distinct, dtype=_STR)
        return pd.Series(pd.Categorical.from_codes(texts[codes], categories=categories, validate=False))
    if any(isinstance(v, date) for v in values) and all(v is None or isinstance(v, date) for v in values):
        days, distinct = pd.factorize(_objects(values), use_na_sentinel=True)  # dates too: a few dozen periods
        return pd.Series(
            pd.Categorical.from_codes(days[codes], categories=pd.Index(distinct, dtype=object), validate=False)
        )
    if values and all(type(v) is int for v in values):  # ranks: numbers, not a million Python objects
        return np.array(values, dtype=np.int64)[codes]
    return _objects(values)[codes]


def arrow_texts(strings: pd.Series) -> pa.Array:
    """A column's texts as one Arrow array; a categorical is decoded by Arrow from its codes (pandas would build a
    Python string per row)."""
    if isinstance(strings.dtype, pd.CategoricalDtype):
        codes = strings.cat.codes.to_numpy()
        categories = pa.array(strings.cat.categories.astype(str).tolist(), pa.string())
        return categories.take(pa.array(codes, mask=codes < 0))
    return pa.array(strings.astype("str"), pa.large_string()).cast(pa.string())


def str_series(strings: pa.Array) -> pd.Series:
    """An Arrow array as a pandas str column, without copying the texts."""
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([strings.cast(pa.large_string())]), dtype=_STR))


_STR = pd.StringDtype("pyarrow", na_value=np.nan)


def _objects(values: list[Any]) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def lookup(column: pd.Series, mapping: dict[Any, Any]) -> np.ndarray | pd.Series:
    """column.map(mapping) through the distinct values (Series.map walks Arrow strings one Python object at a
    time); a value missing from mapping gives None."""
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    return spread([mapping.get(value) for value in distinct], codes)


def isin(column: pd.Series, values: Any) -> np.ndarray:  # noqa: ANN401 - any collection of values
    """column.isin(values) through the distinct values, for the same reason."""
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    wanted = set(values.tolist() if isinstance(values, pd.Series) else values)
    return np.array([value in wanted for value in distinct], dtype=bool)[codes]
