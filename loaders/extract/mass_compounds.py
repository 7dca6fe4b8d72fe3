"""Masses written in two parts that read as one figure.

A whole unit named by its word alone ("كيلوغرامين و827 غراماً": two kilograms and 827 grams; "كيلوغرام واحد و5
غرامات") heads a compound mass as a number would; a unit and a half after a count ("سبعة كيلوغرامات ونصف": 7.5 kg,
"طناً ونصف الطن": 1.5 t, "two and a half tonnes") is one figure, not a count and a stray unit. The value reader
sums the parts once they are in digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from loaders.errors import InputError
from loaders.normalise.values import ParsedValue

_AR_KG = r"(?:كيلوغرامات|كيلوغراماً|كيلوغراما|كيلوغرام|كيلو|كغم)"
_AR_T = r"(?:أطنان|اطنان|طناً|طنا|طن)"
# A compound mass may open with a unit word that is its own count: dual ("كيلوغرامين") or followed by "one".
AR_UNIT_HEAD = (
    r"(?:كيلوغرامين|كيلوغرامان|كيلوين|طنين|طنان|(?:كيلوغراماً|كيلوغراما|كيلوغرام|كيلو|طناً|طنا|طن)"
    r"\s+(?:واحداً|واحدا|واحد))"
)
# "ونصف" after a mass unit, with the unit said again or not ("ونصف الطن", "ونصف كيلوغرام").
AR_AND_HALF_OF_UNIT = rf"\s+ونصف(?:\s+(?:ال)?(?:{_AR_KG}|{_AR_T}))?(?!\w)"
# A lone unit and a half with the unit repeated ("طناً ونصف الطن"); "طن ونصف" alone is read elsewhere.
AR_UNIT_HALF_UNIT = rf"(?<!\w)(?:{_AR_KG}|{_AR_T})\s+ونصف\s+(?:ال)?(?:{_AR_KG}|{_AR_T})(?!\w)"
EN_AND_A_HALF = r"\s+and\s+a\s+half"

_HEAD = re.compile(rf"(?<!\w)(?P<head>{AR_UNIT_HEAD})(?=\s*,?\s*و)")
_AR_HALF = re.compile(rf"^(?P<head>.*?(?:{_AR_KG}|{_AR_T}))\s+ونصف(?:\s+(?:ال)?(?:{_AR_KG}|{_AR_T}))?$")
_LONE_UNIT = re.compile(rf"(?<![\w.])(?P<unit>{_AR_KG}|{_AR_T})$")
_EN_HALF = re.compile(r"^(?P<count>.+?)\s+and\s+a\s+half\b(?P<after>.*)$", re.IGNORECASE)
# "تجاوزت طناً ونصف الطن": a figure said to have been exceeded is more than it.
AR_EXCEEDED = r"(?:تجاوزت|تجاوز|تخطت|تخطى)"
_EXCEEDED = re.compile(rf"^{AR_EXCEEDED}\s+")


def _head_in_digits(match: re.Match) -> str:
    head = match["head"]
    count = 2 if head.startswith(("كيلوغرامين", "كيلوغرامان", "كيلوين", "طنين", "طنان")) else 1
    unit = "طن" if head.startswith("طن") else "كيلوغرام"
    return f"{count} {unit}"


def compound_in_digits(text: str) -> str:
    """'كيلوغرامين و827 غراماً' -> '2 كيلوغرام و827 غراماً', 'تجاوزت 3 أطنان' -> 'أكثر من 3 أطنان'."""
    return _HEAD.sub(_head_in_digits, _EXCEEDED.sub("أكثر من ", text.strip()))


def and_a_half(text: str, read: Callable[[str], ParsedValue]) -> ParsedValue | None:
    """'سبعة كيلوغرامات ونصف' (7.5 kg), 'طناً ونصف الطن' (1.5 t), 'two and a half tonnes' (2.5 t): the count
    before the half read by `read`, half of its unit added; None when the text is no such figure."""
    found = _AR_HALF.match(text.strip())
    if found:
        heads = [found["head"], _LONE_UNIT.sub(r"1 \g<unit>", found["head"])]  # "طناً": one tonne
        parsed = _first_read(heads, read)
    elif found := _EN_HALF.match(text.strip()):
        count = _first_read([found["count"]], read)
        parsed = _first_read([f"{count.value + 0.5:g}{found['after']}"], read) if count and count.value else None
        if parsed is None or parsed.value is None:
            return None
        low = parsed.value if count.low is not None else None  # "more than 3 and a half tons" keeps its qualifier
        high = parsed.value if count.high is not None else None
        return replace(parsed, qualifier=count.qualifier, low=low, high=high)
    else:
        return None
    if parsed is None or parsed.value is None or parsed.qualifier == "range":
        return None
    low = parsed.low + 0.5 if parsed.low is not None else None
    return replace(parsed, value=parsed.value + 0.5, low=low, precision=min(parsed.precision or 0.5, 0.5))


def _first_read(texts: list[str], read: Callable[[str], ParsedValue]) -> ParsedValue | None:
    for text in texts:
        try:
            return read(text)
        except InputError:
            continue
    return None
