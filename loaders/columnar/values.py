"""Figures as written, parsed once per distinct text: the common shapes ("14,500", "about 1,200", "3 kg") by Arrow
in bulk, every other one by loaders.normalise.values.parse_value, whose results the bulk path must equal (a test
compares the two on every shape)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from loaders.errors import InputError, NeedsRecords
from loaders.normalise.values import NUMBER_PATTERN, QUALIFIER_WORDS, WEIGHT_UNITS, ParsedValue, parse_value

# Only ASCII qualifier words followed by one space; "~5", "500+", ranges, scales and compounds go to parse_value.
_WORDS = sorted((w for w in QUALIFIER_WORDS if w.isascii() and w != "~"), key=len, reverse=True)
_QUALIFIER = "(?:(?P<qualifier>" + "|".join(re.escape(w) for w in _WORDS) + ") )?"
_WEIGHT = "|".join(sorted(WEIGHT_UNITS, key=len, reverse=True))
_SHAPE = "^" + _QUALIFIER + "(?P<number>" + NUMBER_PATTERN + ")(?: ?(?P<weight>" + _WEIGHT + "))?$"


def _part(i: int) -> str:
    return "(?P<n" + str(i) + ">" + NUMBER_PATTERN + ") ?(?P<u" + str(i) + ">" + _WEIGHT + ")"


_JOIN = "(?:,? and |, | )"
# "3 t 24 kg", "2 tons, 156 kilograms and 600 grams": parse_value's compound weights of two or three parts.
_COMPOUND = "^" + _QUALIFIER + _part(1) + _JOIN + _part(2) + "(?:" + _JOIN + _part(3) + ")?$"
_ASCII_ONE_SPACED = r"^[!-~]+(?: [!-~]+)*$"
# parse_value's own hint for a weight word: the ledger records a mass as written in t, kg or g.
_HINT = {w: "t" if f == 1000.0 else ("g" if f < 1 else "kg") for w, f in WEIGHT_UNITS.items()}
_POWERS = {k: 10.0**k for k in range(-30, 31)}  # the exact floats parse_value's 10.0 ** k gives


def parse_distinct(texts: pa.Array) -> dict[str, np.ndarray]:
    """parse_value over distinct texts, as columns: value, qualifier, low, high, precision, unit_hint."""
    lowered = pc.utf8_lower(texts)
    plain = pc.match_substring_regex(texts, _ASCII_ONE_SPACED)
    quick = pc.and_(plain, pc.match_substring_regex(lowered, _SHAPE)).to_numpy(zero_copy_only=False)
    out = {
        "value": np.full(len(texts), np.nan),
        "qualifier": np.empty(len(texts), dtype=object),
        "low": np.full(len(texts), np.nan),
        "high": np.full(len(texts), np.nan),
        "precision": np.full(len(texts), np.nan),
        "unit_hint": np.full(len(texts), None, dtype=object),
    }
    _fill_quick(out, np.flatnonzero(quick), pc.filter(lowered, pa.array(quick)))
    compound = ~quick & pc.and_(plain, pc.match_substring_regex(lowered, _COMPOUND)).to_numpy(zero_copy_only=False)
    _fill_compound(out, np.flatnonzero(compound), pc.filter(lowered, pa.array(compound)))
    rest = np.flatnonzero(~quick & ~compound)
    for index, text in zip(rest, pc.take(texts, pa.array(rest, pa.int64())).to_pylist(), strict=True):
        _fill_one(out, index, _parsed(text))
    return out


def _fill_quick(out: dict[str, np.ndarray], where: np.ndarray, texts: pa.Array) -> None:
    if not len(where):
        return
    parts = pc.extract_regex(texts, _SHAPE)
    qualifier = pc.struct_field(parts, "qualifier").to_numpy(zero_copy_only=False)
    number = pc.struct_field(parts, "number")
    weight = pc.struct_field(parts, "weight").to_numpy(zero_copy_only=False)
    digits = pc.replace_substring(number, ",", "")
    value = pc.cast(digits, pa.float64()).to_numpy()
    kinds = np.array([QUALIFIER_WORDS[q] if q else "exact" for q in qualifier], dtype=object)
    hints = np.array([_HINT[w] if w else None for w in weight], dtype=object)
    _fill_bounded(out, where, value, kinds, _steps(digits), hints)


def _fill_compound(out: dict[str, np.ndarray], where: np.ndarray, texts: pa.Array) -> None:
    """Sum the parts in kilograms; the step is the last part's (see values._parse_compound_weight)."""
    if not len(where):
        return
    parts = pc.extract_regex(texts, _COMPOUND)
    total, step = np.zeros(len(where)), np.zeros(len(where))
    for i in (1, 2, 3):
        digits = pc.replace_substring(pc.struct_field(parts, f"n{i}"), ",", "")
        present = pc.not_equal(pc.utf8_length(digits), 0).to_numpy(zero_copy_only=False)
        units = pc.struct_field(parts, f"u{i}").to_numpy(zero_copy_only=False)
        factor = np.array([WEIGHT_UNITS.get(u, 0.0) for u in units])
        number = pc.cast(pc.if_else(present, digits, "0"), pa.float64()).to_numpy()
        total = np.where(present, total + number * factor, total)
        step = np.where(present, _steps(pc.if_else(present, digits, "1")) * factor, step)
    qualifier = pc.struct_field(parts, "qualifier").to_numpy(zero_copy_only=False)
    kinds = np.array([QUALIFIER_WORDS[q] if q else "exact" for q in qualifier], dtype=object)
    _fill_bounded(out, where, total, kinds, step, "kg")


def _fill_bounded(
    out: dict[str, np.ndarray],
    where: np.ndarray,
    value: np.ndarray,
    kinds: np.ndarray,
    step: np.ndarray,
    hint: str | np.ndarray,  # one hint for all, or one per value
) -> None:
    """values._bounded for many values: a bound keeps its number as low (more than) or high (less than)."""
    out["value"][where] = value
    out["qualifier"][where] = kinds
    out["low"][where] = np.where(np.isin(kinds, ["more_than", "at_least"]), value, np.nan)
    out["high"][where] = np.where(np.isin(kinds, ["less_than", "at_most"]), value, np.nan)
    out["precision"][where] = step
    out["unit_hint"][where] = hint


def _steps(digits: pa.Array) -> np.ndarray:
    """The rounding step of each number as written (see values._step): 14500 -> 100, 2010.9 -> 0.1, 16 -> 1."""
    length = pc.utf8_length(digits).to_numpy()
    dot = pc.find_substring(digits, ".").to_numpy()
    trailing_zeros = length - pc.utf8_length(pc.utf8_rtrim(digits, "0")).to_numpy()
    exponent = np.where(dot >= 0, -(length - dot - 1), np.where(trailing_zeros == length, 0, trailing_zeros))
    return np.array([_POWERS[int(k)] for k in exponent])


def _parsed(text: str) -> ParsedValue:
    try:
        return parse_value(text)
    except InputError as error:
        raise NeedsRecords(f"value {text!r}: {error}") from None


def _fill_one(out: dict[str, np.ndarray], index: int, parsed: ParsedValue) -> None:
    nan = lambda x: np.nan if x is None else x  # noqa: E731
    out["value"][index] = nan(parsed.value)
    out["qualifier"][index] = parsed.qualifier
    out["low"][index] = nan(parsed.low)
    out["high"][index] = nan(parsed.high)
    out["precision"][index] = parsed.precision
    out["unit_hint"][index] = parsed.unit_hint
