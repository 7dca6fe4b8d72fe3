"""Turn a figure as written ("around 14,500", "3 t 24 kg 600 g", "٣٠٠٦") into a number and a qualifier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.errors import InputError

QUALIFIERS = ("exact", "about", "more_than", "at_least", "less_than", "at_most", "range")

# Longest phrases first, so "no more than" wins over "more than".
QUALIFIER_WORDS = {
    "no fewer than": "at_least",
    "no less than": "at_least",
    "no more than": "at_most",
    "at least": "at_least",
    "at most": "at_most",
    "up to": "at_most",
    "more than": "more_than",
    "greater than": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "exceeding": "more_than",
    "over": "more_than",
    "above": "more_than",
    "أكثر من": "more_than",
    "اكثر من": "more_than",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "almost": "about",
    "nearly": "about",
    "close to": "about",
    "approximately": "about",
    "approx.": "about",
    "around": "about",
    "about": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "~": "about",
    "نحو": "about",
    "حوالي": "about",
    "قرابة": "about",
}

SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}

# Weight units a value may carry itself, with their factor to kilograms.
WEIGHT_UNITS = {
    "t": 1000.0,
    "ton": 1000.0,
    "tons": 1000.0,
    "tonne": 1000.0,
    "tonnes": 1000.0,
    "kg": 1.0,
    "kilo": 1.0,
    "kilos": 1.0,
    "kilogram": 1.0,
    "kilograms": 1.0,
    "g": 0.001,
    "gram": 0.001,
    "grams": 0.001,
    "mg": 0.000001,
    "milligram": 0.000001,
    "milligrams": 0.000001,
}

# The ledger's mass units by their factor to kilograms: the unit a value carries is recorded as one of these
# ("500 milligrams" keeps "mg", and the build converts it to 0.0005 kg).
WEIGHT_SYMBOLS = {1000.0: "t", 1.0: "kg", 0.001: "g", 0.000001: "mg"}

WORD_NUMBERS = _UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "half": 0.5,
}

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٬٫", "01234567890123456789,.")
NUMBER_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUMBER = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|hundred|and|[\s-])+"
_SCALE = r"(?:\s*(?:thousand|million|billion|mn|bn|m)\b)?"
_AMOUNT = rf"(?:(?:{NUMBER_PATTERN})|(?:{_WORD_NUMBER})){_SCALE}"
_WEIGHT = r"(?:tonnes|tonne|tons|ton|t|kilograms|kilogram|kilos|kilo|kg|milligrams|milligram|mg|grams|gram|g)\b"
_RANGE = re.compile(
    rf"^between\s+({_AMOUNT})\s+and\s+({_AMOUNT})$"
    rf"|^(?:from\s+)?({_AMOUNT})\s+to\s+({_AMOUNT})$"
    rf"|^((?:{NUMBER_PATTERN}){_SCALE})\s*[-–—]\s*((?:{NUMBER_PATTERN}){_SCALE})$"
)
_COMPOUND_PART = re.compile(rf"({NUMBER_PATTERN})\s*({_WEIGHT})")


@dataclass(frozen=True)
class ParsedValue:
    value: float | None
    qualifier: str
    low: float | None
    high: float | None
    precision: float
    unit_hint: str | None = None


def normalise_text(text: str) -> str:
    """Fold Arabic-Indic digits and separators to ASCII, Arabic number, scale, mass and qualifier words to their
    English equivalents ("نحو 5 آلاف" -> "about 5 thousand", "طنان و156 كيلوغراماً" -> "2 t and 156 kg"),
    lower-case and collapse spaces."""
    body = " ".join(text.translate(_DIGITS).lower().replace("\u00a0", " ").split())
    if not _ARABIC_LETTER.search(body):
        return body
    for pattern, english in _ARABIC_WORDS:
        body = pattern.sub(english, body)
    body = _LONE_SCALE.sub("1 ", body)
    body = _THOUSANDS_AND.sub(lambda m: _join_scaled(m), body)
    return " ".join(body.split())


_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
# Eleven to nineteen are two words ("أحد عشر", "ثلاث عشرة"); read before the units so "عشر" is not taken for 10.
_ARABIC_TEENS = [
    (rf"(?:{first}) (?:عشر|عشرة)", str(10 + n))
    for n, first in enumerate(
        [
            "أحد|احد|إحدى|احدى",
            "اثنا|اثني|اثنتا|اثنتي",
            "ثلاثة|ثلاث",
            "أربعة|أربع|اربعة|اربع",
            "خمسة|خمس",
            "ستة|ست",
            "سبعة|سبع",
            "ثمانية|ثماني|ثمان",
            "تسعة|تسع",
        ],
        1,
    )
]
# Longest first within each group; each is a whole word (Arabic letters count as word characters).
_ARABIC_WORD_LIST = [
    (r"ما يزيد (?:على|عن)|ما يربو على|أزيد من|ازيد من|يزيد (?:على|عن)", "more than"),
    (r"ما لا يقل عن|لا يقل عن", "at least"),
    (r"أقل من|اقل من", "less than"),
    (r"زهاء|ما يقارب|ما يناهز|يقارب|يناهز|تقريباً|تقريبا", "about"),
    (r"ألفين|ألفان|الفين|الفان", "2 thousand"),
    (r"مليونين|مليونان", "2 million"),
    (r"ألفاً|ألفا|ألف|الف|آلاف|الاف|ألوف", "thousand"),
    (r"مليوناً|مليونا|مليون|ملايين", "million"),
    (r"ملياراً|مليارا|مليار|مليارات", "billion"),
    (r"طنان|طنين", "2 t"),
    (r"نصف", "0.5"),
    *_ARABIC_TEENS,
    # Tens before units: "ثلاثين" must not be read as "ثلاث" (each pattern is a whole word, so order is safe).
    (r"عشرون|عشرين", "20"),
    (r"ثلاثون|ثلاثين", "30"),
    (r"أربعون|أربعين|اربعون|اربعين", "40"),
    (r"خمسون|خمسين", "50"),
    (r"ستون|ستين", "60"),
    (r"سبعون|سبعين", "70"),
    (r"ثمانون|ثمانين", "80"),
    (r"تسعون|تسعين", "90"),
    (r"مئة|مائة", "100"),
    (r"واحد|واحدة", "1"),
    (r"اثنان|اثنين|اثنتان|اثنتين", "2"),
    (r"ثلاثة|ثلاث", "3"),
    (r"أربعة|أربع|اربعة|اربع", "4"),
    (r"خمسة|خمس", "5"),
    (r"ستة|ست", "6"),
    (r"سبعة|سبع", "7"),
    (r"ثمانية|ثماني|ثمان", "8"),
    (r"تسعة|تسع", "9"),
    (r"عشرة|عشر", "10"),
    (r"أطنان|اطنان|طناً|طنا|طن", "t"),
    (r"كيلوغرامات|كيلوغراماً|كيلوغراما|كيلوغرام|كيلو غرام|كيلوجرام|كغم|كغ|كيلو", "kg"),
    (r"غرامات|غراماً|غراما|غرام|غم", "g"),
]
_ARABIC_WORDS = [(re.compile(rf"(?<!\w)(?:{words})(?!\w)"), english) for words, english in _ARABIC_WORD_LIST]
_ARABIC_WORDS.append((re.compile(r"(?<!\w)و\s*(?=\d)"), "and "))  # "و156" -> "and 156"
# A scale or mass word with no number before it is one of them: "ألف و459" is 1,459, "طناً و538 كيلوغراماً" 1,538 kg.
_LONE_SCALE = re.compile(r"(?:^|(?<=\s))(?<![\d.]\s)(?=(?:thousand|million|billion|t) and \d)")
# "14 ألفاً و500" -> 14 thousand and 500 -> 14500
_THOUSANDS_AND = re.compile(r"(\d+(?:\.\d+)?)\s+(thousand|million)\s+and\s+(\d{1,3}(?:,\d{3})*)(?!\s*(?:t|kg|g)\b)")


def _join_scaled(match: re.Match) -> str:
    scale = 1e3 if match[2] == "thousand" else 1e6
    total = float(match[1]) * scale + float(match[3].replace(",", ""))
    return f"{total:,.0f}"


@lru_cache(maxsize=65536)
def parse_value(text: str) -> ParsedValue:
    """Parse one figure as written. Raise InputError for anything that is not one non-negative figure."""
    folded = text.translate(_DIGITS)  # "٣٠٠" is written to the hundred, as "300" is
    if _PLAIN_NUMBER.fullmatch(folded):  # Most figures are plain numbers: skip the phrase machinery.
        return ParsedValue(_plain_number(folded), "exact", None, None, _step(folded), None)
    body = normalise_text(text)
    if not body:
        raise InputError("empty value")
    if re.match(r"^-\s*\d", body):
        raise InputError(f"negative value {text!r}: counts and weights cannot be negative")
    qualifier, body = _split_qualifier(body)
    body = body.rstrip("+").strip() if body.endswith("+") else body
    if text.strip().endswith("+") and qualifier == "exact":
        qualifier = "more_than"
    compound = _parse_compound_weight(body)
    if compound:
        return _bounded(qualifier, *compound, unit_hint="kg")
    body, unit_hint = _split_weight_unit(body)
    ranged = _RANGE.match(body)
    if ranged and qualifier == "exact":
        low_text, high_text = [part for part in ranged.groups() if part]
        (low, low_step), (high, high_step) = _amount(low_text), _amount(high_text)
        if high < low:
            raise InputError(f"range {text!r} has its high end below its low end")
        return ParsedValue(None, "range", low, high, max(low_step, high_step), unit_hint)
    number, step = _amount(body)
    return _bounded(qualifier, number, step, unit_hint=unit_hint)


def _bounded(qualifier: str, number: float, step: float, unit_hint: str | None) -> ParsedValue:
    low = number if qualifier in ("more_than", "at_least") else None
    high = number if qualifier in ("less_than", "at_most") else None
    return ParsedValue(number, qualifier, low, high, step, unit_hint)


_QUALIFIER = re.compile(
    r"^(~|(?:"
    + "|".join(re.escape(w) for w in sorted(QUALIFIER_WORDS, key=len, reverse=True) if w != "~")
    + r")(?=\s|$))"
)
_WEIGHT_SUFFIX = re.compile(rf"^(.*?\S)\s*({_WEIGHT})$")
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_UNITS) + r")\b")
_SCALED = re.compile(r"(.+?)\s*(thousand|million|billion|mn|bn|m)?")
_PLAIN_NUMBER = re.compile(NUMBER_PATTERN)


def _split_qualifier(body: str) -> tuple[str, str]:
    match = _QUALIFIER.match(body)
    if match:
        return QUALIFIER_WORDS[match[1]], body[match.end() :].strip()
    return "exact", body


def _parse_compound_weight(body: str) -> tuple[float, float] | None:
    """'3 t 24 kg 600 g' or '3 tons, 24 kilograms and 600 grams' -> (kilograms, rounding step in kg)."""
    parts = _COMPOUND_PART.findall(body)
    leftover = _COMPOUND_PART.sub("", body).replace(",", " ").replace("and", " ").strip()
    if len(parts) < 2 or leftover:
        return None
    total = sum(_plain_number(n) * WEIGHT_UNITS[u] for n, u in parts)
    last_number, last_unit = parts[-1]
    return total, _step(last_number) * WEIGHT_UNITS[last_unit]


def _split_weight_unit(body: str) -> tuple[str, str | None]:
    match = _WEIGHT_SUFFIX.match(body)
    if match and _HAS_NUMBER.search(match[1]):
        unit = match[2]
        return match[1], WEIGHT_SYMBOLS[WEIGHT_UNITS[unit]]
    return body, None


def _amount(text: str) -> tuple[float, float]:
    """A number with an optional scale word ('1.2 million', 'two million', '14,500') and its rounding step."""
    match = _SCALED.fullmatch(text.strip())
    if not match:
        raise InputError(f"no number in {text!r}")
    core, scale_word = match[1].strip(), match[2]
    scale = SCALES[scale_word] if scale_word else 1.0
    if _PLAIN_NUMBER.fullmatch(core):
        number, step = _plain_number(core), _step(core)
    else:
        number, step = _words_to_number(core, text), 1.0
    if scale_word:
        step = step * scale if "." in core or not _PLAIN_NUMBER.fullmatch(core) else max(step, 1) * scale
    return number * scale, step


def _plain_number(text: str) -> float:
    return float(text.replace(",", ""))


def _step(text: str) -> float:
    """Rounding step implied by how a number is written: 14,500 -> 100, 2,010.9 -> 0.1, 16 -> 1."""
    digits = text.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


def _words_to_number(words: str, original: str) -> float:
    """English number words up to the hundreds: 'three', 'twenty-five', 'one hundred and forty-four'."""
    tokens = [t for t in re.split(r"[\s-]+", words) if t and t != "and"]
    if not tokens:
        raise InputError(f"no number in {original!r}")
    if tokens[:2] in (["half", "a"], ["half", "an"]):
        tokens = ["half", *tokens[2:]]
    # "two and a half": the article belongs to "half" (0.5), it is no "a" (1) of its own
    tokens = [t for n, t in enumerate(tokens) if not (t in ("a", "an") and tokens[n + 1 : n + 2] == ["half"])]
    total = 0.0
    for token in tokens:
        if token == "hundred":
            total = (total or 1) * 100
        elif token in _UNITS:
            total += _UNITS[token]
        else:
            raise InputError(f"cannot read {original!r} as a number (unexpected {token!r})")
    return total
