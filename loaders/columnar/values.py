"""Figures as written, parsed once per distinct text: the common shapes ("14,500", "about 1,200", "3 kg") by Arrow
in bulk, every other one by loaders.normalise.values.parse_value, whose results the bulk path must equal (a test
compares the two on every shape)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from loaders.errors import InputError, NeedsRecords
from loaders.normalise.values import (
    NUMBER_PATTERN,
    QUALIFIER_WORDS,
    SCALES,
    WEIGHT_SYMBOLS,
    WEIGHT_UNITS,
    ParsedValue,
    parse_value,
)

# Only ASCII qualifier words followed by one space, or "~"; Arabic words, word numbers and odd spacing go to parse_value.
_WORDS = "|".join(re.escape(w) for w in sorted(QUALIFIER_WORDS, key=len, reverse=True) if w.isascii() and w != "~")
_QUALIFIER = "(?:(?P<tilde>~) ?|(?P<qualifier>" + _WORDS + ") )?"
_WEIGHT = "|".join(sorted(WEIGHT_UNITS, key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
# "14,500", "about 1,200", "500+", "more than 99 million", "3 kg": a number with one optional ending.
_SHAPE = (
    "^" + _QUALIFIER + "(?P<number>" + NUMBER_PATTERN + ")"
    "(?:(?P<plus>\\+)| (?P<scale>" + _SCALE + ")| ?(?P<weight>" + _WEIGHT + "))?$"
)


def _amount(name: str) -> str:
    return "(?P<" + name + ">" + NUMBER_PATTERN + ")(?: (?P<" + name + "_scale>" + _SCALE + "))?"


# parse_value's ranges of plain numbers: "between 5 and 10", "from 5 to 10", "5 to 10", "5-10", each with an
# optional mass word after it; each form has its own group names because Arrow's regex names must be unique.
_RANGE = (
    f"^(?:between {_amount('lo1')} and {_amount('hi1')}"
    f"|(?:from )?{_amount('lo2')} to {_amount('hi2')}"
    f"|{_amount('lo3')} ?- ?{_amount('hi3')})"
    f"(?: ?(?P<weight>{_WEIGHT}))?$"
)


def _part(i: int) -> str:
    return "(?P<n" + str(i) + ">" + NUMBER_PATTERN + ") ?(?P<u" + str(i) + ">" + _WEIGHT + ")"


_JOIN = "(?:,? and |, | )"
# "3 t 24 kg", "2 tons, 156 kilograms and 600 grams": parse_value's compound weights of two or three parts.
_COMPOUND = "^(?:(?P<qualifier>" + _WORDS + ") )?" + _part(1) + _JOIN + _part(2)
_COMPOUND += "(?:" + _JOIN + _part(3) + ")?$"
_ASCII_ONE_SPACED = r"^[!-~]+(?: [!-~]+)*$"
# parse_value's own hint for a weight word: the ledger records a mass as written in t, kg, g or mg.
_HINT = {w: WEIGHT_SYMBOLS[f] for w, f in WEIGHT_UNITS.items()}
_LOWEST_POWER = -30
_POWERS = np.array(
    [10.0**k for k in range(_LOWEST_POWER, 1 - _LOWEST_POWER)]
)  # the exact floats parse_value's 10.0 ** k gives
# Arabic-Indic and Persian digits and Arabic separators, folded as parse_value folds them.
_FOLD = list(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٬٫", "01234567890123456789,.", strict=True))


def parse_distinct(texts: pa.Array) -> dict[str, np.ndarray]:
    """parse_value over distinct texts, as columns: value, qualifier, low, high, precision, unit_hint."""
    folded = _folded(texts)
    plain = pc.match_substring_regex(folded, _ASCII_ONE_SPACED)
    lowered = pc.utf8_lower(folded)
    out = {
        "value": np.full(len(texts), np.nan),
        "qualifier": np.empty(len(texts), dtype=object),
        "low": np.full(len(texts), np.nan),
        "high": np.full(len(texts), np.nan),
        "precision": np.full(len(texts), np.nan),
        "unit_hint": np.full(len(texts), None, dtype=object),
    }
    done = np.zeros(len(texts), dtype=bool)
    candidates = plain.to_numpy(zero_copy_only=False)
    for shape, fill in ((_SHAPE, _fill_quick), (_COMPOUND, _fill_compound), (_RANGE, _fill_range)):
        pending = np.flatnonzero(candidates & ~done)  # each shape only tries the texts no earlier one took
        texts_left = pc.take(lowered, pa.array(pending, pa.int64()))
        matched = pc.match_substring_regex(texts_left, shape)
        where = pending[matched.to_numpy(zero_copy_only=False)]
        refused = fill(out, where, pc.filter(texts_left, matched))
        done[where[~refused]] = True  # a refused text goes on to parse_value, which names what is wrong
    rest = np.flatnonzero(~done)
    for index, text in zip(rest, pc.take(texts, pa.array(rest, pa.int64())).to_pylist(), strict=True):
        _fill_one(out, index, _parsed(text))
    return out


def _fill_quick(out: dict[str, np.ndarray], where: np.ndarray, texts: pa.Array) -> np.ndarray:
    parts = pc.extract_regex(texts, _SHAPE)
    field = functools.partial(pc.struct_field, parts)
    value, step = _scaled(field("number"), field("scale"))
    kinds = _kinds(field("qualifier"), field("tilde"))
    kinds[(kinds == "exact") & _each(field("plus"), lambda plus: plus == "+", bool)] = "more_than"  # "500+"
    hints = _each(field("weight"), lambda word: _HINT[word] if word else None, object)
    _fill_bounded(out, where, value, kinds, step, hints)
    return np.zeros(len(where), dtype=bool)


def _fill_compound(out: dict[str, np.ndarray], where: np.ndarray, texts: pa.Array) -> np.ndarray:
    """Sum the parts in kilograms; the step is the last part's (see values._parse_compound_weight)."""
    parts = pc.extract_regex(texts, _COMPOUND)
    total, step = np.zeros(len(where)), np.zeros(len(where))
    for i in (1, 2, 3):
        digits = pc.replace_substring(pc.struct_field(parts, f"n{i}"), ",", "")
        present = pc.not_equal(pc.utf8_length(digits), 0).to_numpy(zero_copy_only=False)
        factor = _each(pc.struct_field(parts, f"u{i}"), lambda unit: WEIGHT_UNITS.get(unit, 0.0), float)
        number = pc.cast(pc.if_else(present, digits, "0"), pa.float64()).to_numpy()
        total = np.where(present, total + number * factor, total)
        step = np.where(present, _steps(pc.if_else(present, digits, "1")) * factor, step)
    kinds = _kinds(pc.struct_field(parts, "qualifier"), None)
    _fill_bounded(out, where, total, kinds, step, "kg")
    return np.zeros(len(where), dtype=bool)


def _fill_range(out: dict[str, np.ndarray], where: np.ndarray, texts: pa.Array) -> np.ndarray:
    """values._RANGE of plain numbers: no value, both ends, the coarser step; a high end below the low one is
    refused (parse_value names it)."""
    parts = pc.extract_regex(texts, _RANGE)
    ends = {}
    for end in ("lo", "hi"):
        digits = pc.coalesce(*(_non_empty(pc.struct_field(parts, f"{end}{i}")) for i in (1, 2, 3)))
        scale_words = pc.coalesce(*(_non_empty(pc.struct_field(parts, f"{end}{i}_scale")) for i in (1, 2, 3)))
        ends[end] = _scaled(digits, scale_words)
    (low, low_step), (high, high_step) = ends["lo"], ends["hi"]
    weight = _each(pc.struct_field(parts, "weight"), lambda word: _HINT[word] if word else None, object)
    refused = high < low
    keep = where[~refused]
    out["qualifier"][keep] = "range"
    out["low"][keep], out["high"][keep] = low[~refused], high[~refused]
    out["precision"][keep] = np.maximum(low_step, high_step)[~refused]
    out["unit_hint"][keep] = weight[~refused]
    return refused


def _scaled(numbers: pa.Array, scale_words: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Numbers as written ("1,500", "2.5") times their scale word, with their rounding steps (values._amount)."""
    digits = pc.replace_substring(numbers, ",", "")
    scale = _each(scale_words, lambda word: SCALES.get(word, 1.0), float)
    return pc.cast(digits, pa.float64()).to_numpy() * scale, _steps(digits) * scale


def _non_empty(strings: pa.Array) -> pa.Array:
    """An unmatched group as null, so coalesce picks the form that matched."""
    return pc.if_else(pc.equal(pc.utf8_length(strings), 0), pa.scalar(None, pa.string()), strings)


def _kinds(qualifiers: pa.Array, tildes: pa.Array | None) -> np.ndarray:
    kinds = _each(qualifiers, lambda word: QUALIFIER_WORDS[word] if word else "exact", object)
    if tildes is not None:
        kinds[_each(tildes, lambda tilde: tilde == "~", bool)] = "about"
    return kinds


def _each(words: pa.Array, meaning: Callable[[str], Any], dtype: type) -> np.ndarray:
    """meaning(word) for every text, worked out once per distinct word (the few qualifier, scale and mass words)."""
    encoded = pc.dictionary_encode(pc.fill_null(words, ""))  # an unmatched group is empty, or null after coalesce
    each = np.array([meaning(word) for word in encoded.dictionary.to_pylist()], dtype=dtype)
    return each[encoded.indices.to_numpy()] if len(encoded) else np.empty(0, dtype=dtype)


def _folded(texts: pa.Array) -> pa.Array:
    written_in_arabic = pc.match_substring_regex(texts, "[٠-٩۰-۹٬٫]")
    arabic = pc.filter(texts, written_in_arabic)
    if not len(arabic):
        return texts
    for digit, ascii_digit in _FOLD:
        arabic = pc.replace_substring(arabic, digit, ascii_digit)
    return pc.replace_with_mask(texts, written_in_arabic, arabic)


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
    if len(exponent) and (exponent.min() < _LOWEST_POWER or exponent.max() > -_LOWEST_POWER):
        raise NeedsRecords("a number with more than thirty digits")  # parse_value takes it, or names it
    return _POWERS[exponent - _LOWEST_POWER]


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
