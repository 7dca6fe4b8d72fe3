"""Number words the mention finder reads beyond digits and small counts.

Arabic writes hundreds as one word ("أربعمئة", "مئتين") that may carry a remainder after "و" ("أربعمئة وخمسين":
450); a mass unit with no number after a qualifier is one unit ("نحو كيلوغرام": about one kilogram); a ceiling
("قد تصل إلى 50 في المئة": may reach 50 percent) is the value reader's "up to".
"""

from __future__ import annotations

import re

_HUNDRED = r"(?:مئة|مائة|مئه|مائه)"
_HUNDRED_PREFIX = {"ثلاث": 3, "أربع": 4, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9}
_TWO_HUNDRED = r"(?:مئتين|مئتان|مائتين|مائتان|مئتي|مائتي)"
_PREFIXES = "|".join(sorted(_HUNDRED_PREFIX, key=len, reverse=True))
# "أربعمئة", "اربع مئة", "مئتين", "مئة" (not "المئة", the percent sign's word: the article is a word letter before it)
AR_HUNDREDS = rf"(?:(?:{_PREFIXES})\s?{_HUNDRED}|{_TWO_HUNDRED}|{_HUNDRED})"
# The remainder after "و": a ten, a unit and ten ("وخمسة وعشرين"), a small unit, or digits.
_TAIL_WORDS = (
    "واحد اثنين اثنان ثلاثة ثلاث أربعة أربع اربعة اربع خمسة خمس ستة ست سبعة سبع ثمانية ثماني تسعة تسع عشرة عشر"
    " عشرين عشرون ثلاثين ثلاثون أربعين أربعون اربعين خمسين خمسون ستين ستون سبعين سبعون ثمانين ثمانون تسعين تسعون"
)
# (longest first, so that "خمسين" is not read as "خمس")
_TAIL_WORD = "(?:" + "|".join(sorted(_TAIL_WORDS.split(), key=len, reverse=True)) + r")(?!\w)"
AR_HUNDREDS_AMOUNT = rf"{AR_HUNDREDS}(?:\s+و\s*{_TAIL_WORD}(?:\s+و\s*{_TAIL_WORD})?)?(?!\w)"

_UNITS = {"واحد": 1, "اثنين": 2, "اثنان": 2, "ثلاث": 3, "أربع": 4, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7}
_UNITS |= {"ثماني": 8, "ثمان": 8, "تسع": 9, "عشر": 10}
_TENS = {"عشر": 20, "ثلاث": 30, "أربع": 40, "اربع": 40, "خمس": 50, "ست": 60, "سبع": 70, "ثمان": 80, "تسع": 90}
_HUNDREDS_FOUND = re.compile(rf"(?<!\w)(?P<hundreds>{AR_HUNDREDS})(?P<tail>(?:\s+و\s*{_TAIL_WORD}){{0,2}})(?!\w)")


def _hundreds_value(word: str) -> int:
    if re.fullmatch(_TWO_HUNDRED, word):
        return 200
    prefix = re.sub(rf"\s?{_HUNDRED}$", "", word)
    return 100 * _HUNDRED_PREFIX.get(prefix, 1)


def _tail_value(word: str) -> int:
    """A ten ("خمسين") by its stem without the case ending, else a unit without its feminine "ة"."""
    if word.endswith(("ين", "ون")) and word[:-2] in _TENS:
        return _TENS[word[:-2]]
    return _UNITS.get(word.removesuffix("ة"), 0)


def hundreds_in_digits(text: str) -> str:
    """'أكثر من مئة' -> 'أكثر من 100', 'أربعمئة وخمسين' -> '450': the value reader knows no Arabic hundreds."""

    def digits(match: re.Match) -> str:
        tail = re.findall(rf"و\s*({_TAIL_WORD})", match["tail"])
        return str(_hundreds_value(match["hundreds"]) + sum(_tail_value(word) for word in tail))

    return _HUNDREDS_FOUND.sub(digits, text)


# "ألف وستمئة" (1,600), "ألفين وخمسمئة" (2,500): one or two thousand going on with its hundreds in words.
_THOUSAND_WORD = r"(?:ألفين|ألفان|ألف|الف)"
AR_THOUSAND_AND_HUNDREDS = rf"{_THOUSAND_WORD}\s+و\s*{AR_HUNDREDS_AMOUNT}"
_THOUSAND_AND_HUNDREDS_FOUND = re.compile(
    rf"(?<!\w)(?P<thousands>{_THOUSAND_WORD})\s+و\s*(?P<hundreds>{AR_HUNDREDS})(?P<tail>(?:\s+و\s*{_TAIL_WORD}){{0,2}})(?!\w)"
)


def thousand_and_hundreds_in_digits(text: str) -> str:
    """'أكثر من ألف وستمئة' -> 'أكثر من 1600': the hundreds glued to "و" are no word of their own to the reader."""

    def digits(match: re.Match) -> str:
        thousands = 2000 if match["thousands"].startswith("ألفي") or match["thousands"] == "ألفان" else 1000
        tail = re.findall(rf"و\s*({_TAIL_WORD})", match["tail"])
        return str(thousands + _hundreds_value(match["hundreds"]) + sum(_tail_value(word) for word in tail))

    return _THOUSAND_AND_HUNDREDS_FOUND.sub(digits, text)


# A mass unit standing alone after a qualifier: "نحو كيلوغرام", "أكثر من طن" (one unit).
_AR_QUALIFIED_BEFORE = (
    r"(?:(?<=نحو\s)|(?<=حوالي\s)|(?<=قرابة\s)|(?<=زهاء\s)|(?<=أكثر من\s)|(?<=اكثر من\s)|(?<=ما يقارب\s))"
)
AR_BARE_MASS = rf"{_AR_QUALIFIED_BEFORE}(?:كيلوغراماً|كيلوغراما|كيلوغرام|كيلو|طناً|طنا|طن)(?!\w)"
_BARE_MASS_FOUND = re.compile(
    r"^(?P<qualifier>(?:نحو|حوالي|قرابة|زهاء|أكثر من|اكثر من|ما يقارب)\s+)?(?P<unit>كيلوغراماً|كيلوغراما|كيلوغرام|كيلو|طناً|طنا|طن)$"
)


def bare_mass_as_one(text: str) -> str:
    """'نحو كيلوغرام' -> 'نحو 1 كيلوغرام'; a unit that follows a number is left as it is."""
    found = _BARE_MASS_FOUND.match(text.strip())
    return f"{found['qualifier'] or ''}1 {found['unit']}" if found else text


# "قد تصل إلى 50 في المئة", "يصل إلى": a ceiling, which the value reader knows as "up to".
AR_CEILING = r"(?:قد\s+)?(?:تصل|يصل)\s+(?:إلى|الى)"
_CEILING_FOUND = re.compile(rf"^{AR_CEILING}\s+")


def ceiling_as_up_to(text: str) -> str:
    return _CEILING_FOUND.sub("up to ", text)


# One unit and a half, the unit standing for "one" ("كيلوغرام ونصف": 1.5 kg, "طن ونصف", "ألف ونصف حبة": 1,500): a
# digit before the unit counts it instead ("3 كيلوغرامات"), so the unit only stands alone here.
_HALVED_UNITS = {"كيلوغراماً": "كيلوغرام", "كيلوغراما": "كيلوغرام", "كيلوغرام": "كيلوغرام", "كيلو": "كيلوغرام"}
_HALVED_UNITS |= {"طناً": "طن", "طنا": "طن", "طن": "طن", "ألف": "", "الف": "", "مليون": ""}
_HALVED_SCALE = {"ألف": 1500, "الف": 1500, "مليون": 1_500_000}
_HALVED = "|".join(sorted(_HALVED_UNITS, key=len, reverse=True))
AR_UNIT_AND_HALF = rf"(?<![\d\u0660-\u0669])(?<![\d\u0660-\u0669]\s)(?<!\w)(?:{_HALVED})\s+ونصف(?!\w)"
_UNIT_AND_HALF_FOUND = re.compile(rf"(?<!\w)(?P<unit>{_HALVED})\s+ونصف$")


def unit_and_half_in_digits(text: str) -> str:
    """'نحو كيلوغرام ونصف' -> 'نحو 1.5 كيلوغرام', 'ألف ونصف' -> '1500': the value reader knows no lone unit."""
    found = _UNIT_AND_HALF_FOUND.search(text.strip())
    if found is None:
        return text
    unit = found["unit"]
    amount = f"{_HALVED_SCALE[unit]}" if unit in _HALVED_SCALE else f"1.5 {_HALVED_UNITS[unit]}"
    return f"{text.strip()[: found.start()]}{amount}"
