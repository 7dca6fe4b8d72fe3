"""Cut a plain-text article into paragraphs and sentences (keeping character offsets) and find number mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.errors import InputError
from loaders.extract.mass_compounds import (
    AR_AND_HALF_OF_UNIT,
    AR_EXCEEDED,
    AR_UNIT_HALF_UNIT,
    AR_UNIT_HEAD,
    EN_AND_A_HALF,
    and_a_half,
    compound_in_digits,
)
from loaders.extract.number_words import (
    AR_BARE_MASS,
    AR_CEILING,
    AR_HUNDREDS_AMOUNT,
    AR_THOUSAND_AND_HUNDREDS,
    AR_UNIT_AND_HALF,
    bare_mass_as_one,
    ceiling_as_up_to,
    hundreds_in_digits,
    thousand_and_hundreds_in_digits,
    unit_and_half_in_digits,
)
from loaders.extract.periods import WESTERN_DIGITS
from loaders.normalise.values import ParsedValue, parse_value


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Mention:
    """A number as written in a sentence; offsets are relative to the sentence."""

    start: int  # where the value as written begins (its qualifier included)
    end: int
    text: str
    parsed: ParsedValue | None  # None when parse_value could not read it
    carries_weight: bool  # "3 tons, 24 kilograms and 600 grams": the value holds its own units


# Words before a full stop that do not end a sentence ("Brig. Gen. Ziyad", "Law No. 50").
_ABBREVIATIONS = {
    "brig",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "sgt",
    "cpl",
    "adm",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "no",
    "nos",
    "st",
    "jr",
    "sr",
    "vs",
    "etc",
    "inc",
    "co",
    "corp",
    "art",
    "para",
    "gov",
    "sen",
    "rep",
    "approx",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "a.m",
    "p.m",
}
_BOUNDARY = re.compile(r"[.!?؟]+[\"”’)\]»]*\s+(?=[\"“‘(«]?[A-Z0-9\u0660-\u0669\u0621-\u064a])")
_TERMINAL = re.compile(r"[.!?؟:\"”’)»]\s*$")
# "ERBIL, Kurdistan Region of Iraq - " or "BASRA (Reuters) - ": where the text was written, not what it is about.
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}(?:\s*\([^)\n]{1,40}\))?(?:,[^\n–—-]{1,60}?)?\s+[-–—]+\s+"
)


_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")


def without_diacritics(text: str) -> tuple[str, list[int]]:
    """The text without Arabic short vowels and tatweel, and for each of its offsets (and its end) the offset in
    the text as given."""
    if not _DIACRITICS.search(text):
        return text, list(range(len(text) + 1))
    kept = [i for i, char in enumerate(text) if not _DIACRITICS.match(char)]
    return "".join(text[i] for i in kept), [*kept, len(text)]


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraph_spans(text)):
        cut = p_start
        for boundary in _BOUNDARY.finditer(text, p_start, p_end):
            if not _is_abbreviation(text[cut : boundary.start() + 1]):
                sentences.append(_sentence(text, cut, boundary.end(), number))
                cut = boundary.end()
        sentences.append(_sentence(text, cut, p_end, number))
    return [s for s in sentences if s.text]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Each line is a paragraph, except that a line not ending a sentence runs on into the next (wrapped text)."""
    spans: list[tuple[int, int]] = []
    start = None
    for line in re.finditer(r"[^\n]*\n?", text):
        body = line.group().rstrip("\n")
        if not body.strip():
            if start is not None:
                spans.append((start, line.start()))
            start = None
            continue
        start = line.start() if start is None else start
        if _TERMINAL.search(body):
            spans.append((start, line.start() + len(body)))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _is_abbreviation(chunk: str) -> bool:
    last_word = re.search(r"([\w.]+)\.$", chunk.rstrip())
    if not last_word:
        return False
    word = last_word[1].lower()
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"[a-z]", word))


def _sentence(text: str, start: int, end: int, paragraph: int) -> Sentence:
    body = text[start:end]
    lead = len(body) - len(body.lstrip())
    body = body.strip()
    return Sentence(start + lead, start + lead + len(body), body, paragraph)


# "بغداد - " or "السليمانية/ " opening an Arabic report.
_DATELINE_AR = re.compile(r"[\u0621-\u064a]+(?: [\u0621-\u064a]+)?\s*(?:[-–—]+\s+|/\s*)")


def dateline_end(sentence: Sentence) -> int:
    """Length of the dateline opening a paragraph's first sentence, 0 if there is none."""
    match = _DATELINE.match(sentence.text) or _DATELINE_AR.match(sentence.text)
    return match.end() if match else 0


_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_DIGITS = rf"{_D}{{1,3}}(?:[,\u066c]{_D}{{3}})+(?:[.\u066b]{_D}+)?|{_D}+(?:[.\u066b]{_D}+)?"
_AR_THOUSAND = r"(?:ألفاً|ألفا|ألف|الف|آلاف|الاف)"
_AR_SCALE = rf"(?:{_AR_THOUSAND}|مليوناً|مليونا|مليون|ملايين|ملياراً|مليار|مليارات)"
# "14 ألفاً و500": a thousands word may carry the remainder after "و" (and).
# "مليونين ونصف المليون": and half a million more.
_AR_HALF = r"(?:\s+ونصف(?:\s+(?:ال)?(?:مليون|ألف|الف|طن))?(?!\w))"  # "طنين ونصف الطن": two and a half tonnes
_AR_AND_DIGITS = rf"\s+و\s*{_D}{{1,3}}(?!{_D})"
# "38 مليوناً و124 ألفاً و182": a count of millions may go on with its thousands and their remainder.
_AR_AND_THOUSANDS = rf"{_AR_AND_DIGITS}(?:\s+{_AR_THOUSAND}(?!\w)(?:{_AR_AND_DIGITS})?)?"
_SCALE = (
    rf"(?:\s+(?:thousand|million|billion)\b|\s*(?:mn|bn)\b|\s+{_AR_SCALE}(?!\w)(?:{_AR_AND_THOUSANDS}|{_AR_HALF})?)"
)
_WORD = "|".join(
    sorted(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ],
        key=len,
        reverse=True,
    )
)
_WORDS = (
    rf"\b(?:{_WORD})(?:[\s-]+(?:{_WORD}|hundred|thousand|million|billion)\b)*"
    rf"(?:(?<=hundred)\s+and\s+(?:{_WORD})(?:-(?:{_WORD}))?)?\b"
)
_DIGIT_AMOUNT = rf"(?:{_DIGITS}){_SCALE}?"
# "half a million pills", "about half a tonne"; and after a qualifier, "a" as one: "over a kilogram", "nearly a ton".
_EN_MASS = r"(?:kilograms?|kilos?|tonnes?|tons?)"
_HALF_A = rf"\bhalf\s+an?\s+(?:million|billion|{_EN_MASS})\b"
_A_ONE = rf"\ba\s+(?:million|billion|{_EN_MASS})\b"
_AR_TENS = (
    r"(?:عشرين|عشرون|ثلاثين|ثلاثون|أربعين|أربعون|اربعين|خمسين|خمسون|ستين|ستون|سبعين|سبعون|ثمانين|ثمانون|تسعين|تسعون)"
)
_AR_SMALL = r"(?:ثلاثة|ثلاث|أربعة|أربع|اربعة|اربع|خمسة|خمس|ستة|ست|سبعة|سبع|ثمانية|ثماني|تسعة|تسع|عشرة|عشر)"
_AR_UNITS = (
    r"(?:واحدة|واحد|اثنان|اثنين|ثلاثة|ثلاث|أربعة|أربع|اربعة|اربع|خمسة|خمس|ستة|ست|سبعة|سبع|ثمانية|ثماني|تسعة|تسع)"
)
# Arabic says 21 to 99 units first, joined by "and" ("أربعة وأربعين": four and forty); read apart, the tens alone
# would stand for the whole number (40 instead of 44).
_AR_UNITS_AND_TENS = rf"{_AR_UNITS}\s+و\s*{_AR_TENS}"
# Eleven to nineteen ("أحد عشر محكوماً", "ثلاثة عشر كيلوغراماً"): two words, the second of which alone would read
# as ten; tried before the small numbers so that a teen before a unit or scale is read whole.
_AR_TEEN = rf"(?:أحد|احد|إحدى|احدى|اثنا|اثني|اثنتا|اثنتي|{_AR_SMALL})\s+(?:عشرة|عشر)"
_AR_COUNTED = rf"(?:{_AR_UNITS_AND_TENS}|{_AR_TEEN}|نصف|واحد|اثنين|{_AR_SMALL}|{_AR_TENS})"
# Nouns a count word stands before ("خمسة متهمين", "ثلاث قضايا") or "واحد" after ("متهم واحد"): people, cases,
# sentences, networks, centres. Alone, "خمسة" may be part of a name or an ordinal; before such a noun it counts.
AR_COUNTED_NOUN = (
    r"(?:(?:ال)?(?:متهم|أشخاص|اشخاص|شخص|تاجر|تجار|متاجر|مروج|متعاط|مدمن|نزلاء|نزيل|سجناء|سجين|موقوف|مرضى|مريض"
    r"|مدان|محكوم|مطلوب|قضايا|قضي|دعاو|دعوى|أحكام|احكام|حكم|شبكات|شبك|عصابات|عصاب|خلايا|مراكز|مركز|مصح"
    r"|أسرة|سرير|حبات|حبة|أقراص|اقراص|منتسب|عنصر|عناصر|ضابط|ضباط|شرطي|شرطة|مدان)\w*"
    # "وإصابة ثلاثة آخرين" (three others) and "ثلاثة منها" (three of them): the count stands for the noun said before.
    r"|آخرين|آخرون|أخريات|(?:منها|منهم|منهن)(?!\w))"
)
# Dual forms (two thousand, two tonnes), small number words before a mass or scale ("ثلاثة أطنان", "نصف طن"),
# and count words before a counted noun ("خمسة متهمين", "ثلاث قضايا").
# A number word may carry "and" or "with" glued to it ("وخمسين حكماً"): that letter is no part of it.
_AR_WORDS = (
    # "مليون و650 ألف" (1,650,000): a bare million (or two) going on with its thousands
    rf"(?:(?<!\w)|(?<=(?<!\w)[وب]))(?:(?:مليونين|مليونان|مليون){_AR_AND_THOUSANDS}"
    rf"|(?:ألفين|ألفان|ألف|الف)(?:\s+و\s*{_D}{{1,3}}(?!{_D}))|(?:ألفين|ألفان|ألفي|مليونين|مليونان|مليوني){_AR_HALF}?|(?:طنان|طنين){_AR_HALF}?"
    # ("سبعة آلاف و500": thousands in words going on with their remainder in digits)
    rf"|{_AR_COUNTED}\s+(?:{_AR_THOUSAND}(?!\w)(?:{_AR_AND_DIGITS})?|ملايين|مليوناً|مليونا|مليون){_AR_HALF}?"
    rf"|{_AR_COUNTED}\s+(?:أطنان|طناً|طنا|طن|كيلوغرامات|كيلوغراماً|كيلوغراما|كيلوغرام)(?:{AR_AND_HALF_OF_UNIT})?"
    rf"|(?:{_AR_UNITS_AND_TENS}|{_AR_TEEN}|{_AR_SMALL}|{_AR_TENS})(?=\s+(?:من\s+)?{AR_COUNTED_NOUN})"
    # a bare thousand or million before what it counts: "تبلغ ألف سرير", "أكثر من ألف شخص", "مليون حبة"
    rf"|(?:ألف|الف|مليون)(?=\s+{AR_COUNTED_NOUN}))(?!\w)"
)
# A mass unit counted as two or as one after it: "كيلوغرامين" (two kilograms), "كيلوغرام واحد" (one kilogram).
_AR_UNIT_DUAL = r"(?:كيلوغرامين|كيلوغرامان|كيلوين)"
_AR_UNIT_ONE = r"(?:كيلوغراماً|كيلوغراما|كيلوغرام|كيلو|طناً|طنا|طن)\s+(?:واحداً|واحدا|واحد)"
_AR_MASS_WORDS = rf"(?<!\w)(?:{_AR_UNIT_DUAL}|{_AR_UNIT_ONE})(?!\w)"
# Arabic hundreds count what they stand before ("أكثر من مئة عنصر", "ثلاثمئة ألف حبة"); alone, "مئة" may be
# part of a percentage or a name. A thousand going on with its hundreds ("ألفين وخمسمئة جريمة") is a number
# whatever it counts.
_AR_HUNDREDS_WORDS = (
    rf"(?<!\w){AR_THOUSAND_AND_HUNDREDS}|"
    rf"(?<!\w)(?:{AR_HUNDREDS_AMOUNT}(?:\s+{_AR_THOUSAND}(?!\w))?)"
    rf"(?=\s+(?:من\s+)?{AR_COUNTED_NOUN}|\s+(?:كيلوغرام|كغم|طن|أطنان|اطنان)|\s+(?:ال)?(?:حبوب|مواد|مادة)(?!\w))"
)
# "7 كيلوغرامات ونصف", "2 and a half tonnes", "one and a half million": a count and half of its unit.
_HALF_MORE = (
    rf"(?:{_DIGITS})\s*(?:أطنان|اطنان|طناً|طنا|طن|كيلوغرامات|كيلوغراماً|كيلوغراما|كيلوغرام|كغم){AR_AND_HALF_OF_UNIT}"
    rf"|(?:{_DIGITS}|{_WORDS}){EN_AND_A_HALF}\s+(?:million|billion|thousand|{_EN_MASS})\b"
)
_AMOUNT = rf"(?:{_HALF_MORE}|{AR_UNIT_HALF_UNIT}|{_DIGIT_AMOUNT}|{_HALF_A}|{_WORDS}|{_AR_MASS_WORDS}|{_AR_HUNDREDS_WORDS}|{_AR_WORDS}|{AR_UNIT_AND_HALF}|{AR_BARE_MASS})"
_WEIGHT = (
    # ("103 kg 936 g 676 mg": a compound mass may run down to milligrams)
    r"(?:tonnes|tonne|tons|ton|kilograms|kilogram|kilos|kilo|kg|grams|gram|g|milligrams|milligram|mg)\b"
    # ("628 كغم و133 غم": the abbreviated gram closes a compound as the word does)
    r"|(?:أطنان|اطنان|طناً|طنا|طن|كيلوغرامات|كيلوغراماً|كيلوغراما|كيلوغرام|كغم|غرامات|غراماً|غراما|غرام|غم)(?!\w)"
)
_QUALIFIER = (
    r"no fewer than|no less than|no more than|at least|at most|up to|more than|greater than|in excess of|"
    r"upwards of|exceeding|over|above|less than|fewer than|under|below|almost|nearly|close to|approximately|"
    r"around|about|roughly|some|an estimated|estimated|"
    rf"{AR_CEILING}|{AR_EXCEEDED}|ما يزيد (?:على|عن)|ما لا يقل عن|أكثر من|اكثر من|أقل من|اقل من|نحو|حوالي|قرابة|زهاء|ما يقارب|ما يناهز"
)
_MENTION = re.compile(
    rf"(?:(?<![\w.,:/\u066b\u066c])|(?<=[\s(][وبل])|(?<=^[وبل]))(?:(?:{_QUALIFIER})\s+)?"
    rf"(?:(?P<compound>(?:(?:{_DIGITS}|{_WORDS})\s*(?:{_WEIGHT})|{AR_UNIT_HEAD}|طنان|طنين|طناً|طنا|طن)(?:\s*,?\s*(?:and\s+|و\s*)?(?:{_DIGITS})\s*(?:{_WEIGHT}))+)"
    rf"|(?P<range>between\s+{_AMOUNT}\s+and\s+{_AMOUNT}|(?:from\s+)?{_AMOUNT}\s+to\s+{_AMOUNT}"
    rf"|{_DIGIT_AMOUNT}\s*[-–—]\s*{_DIGIT_AMOUNT})"
    rf"|(?P<amount>{_AMOUNT})|(?<=\s)(?P<one>{_A_ONE}))",
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"(?:(?:{_QUALIFIER})\s+)?(?:from\s+)?{_AMOUNT}", re.IGNORECASE)
# "rose from 987 to 1,145" gives two figures, not a range.
_CHANGE = re.compile(
    r"\b(?:rose|rising|risen|increased?|increasing|grew|grown|jumped|climbed|fell|fallen|dropped|declined|"
    r"decreased?|went up|went down|up|down|reduced|raised)\s+$",
    re.IGNORECASE,
)


_AR_MASS_INSIDE = re.compile(
    r"(?:طنان|طنين|أطنان|طناً|طنا|طن|كيلوغرام\w*|كيلوين|كيلو|كغم)(?!\w)"
)  # "نصف طن" holds its own unit


# "بحق متهم واحد": Arabic puts "one" after the noun it counts.
# So does the dual's "two" ("بحق مدانين اثنين", "متهمتين اثنتين").
_AR_ONE_AFTER = re.compile(rf"(?<!\w)(?:[وب])?{AR_COUNTED_NOUN}\s+(واحدة|واحد|اثنين|اثنان|اثنتين|اثنتان)(?!\w)")


# A table row of a year and its count ("2020 — 1,850", "2021: 2,351") at the start of a line.
_YEAR_ROW = re.compile(r"(?<![^\n])(?:19|20)\d{2}\s*[—–:-]\s*(?=\d)")


def find_mentions(sentence: str) -> list[Mention]:
    mentions = _find_mentions(sentence)
    for match in _AR_ONE_AFTER.finditer(sentence):
        start, end = match.span(1)
        if not any(m.start < end and start < m.end for m in mentions):
            mentions.append(Mention(start, end, match[1], _parse(match[1]), False))
    return sorted(mentions, key=lambda m: m.start)


# "a trafficker who was carrying a kilogram of crystal": one unit the verb says was held or seized is a count
_CARRIED_ONE = re.compile(r"\b(?:carrying|carried|seized|seizing|confiscated|recovered|holding|possessing)\s+$", re.I)


def _find_mentions(sentence: str) -> list[Mention]:
    mentions: list[Mention] = []
    position = 0
    while match := _MENTION.search(sentence, position):
        start, end = match.start(), match.end()
        # "a kilogram" alone is no count ("per a ..."); "a million pills" is one million of them
        alone = match["one"] and match["one"] == match.group().strip() and re.search(_EN_MASS, match["one"], re.I)
        if alone and not _CARRIED_ONE.search(sentence[:start]):
            position = end
            continue
        weight = bool(match["compound"]) or bool(_AR_MASS_INSIDE.search(match.group()))
        weight = weight or bool(re.search(rf"\b{_EN_MASS}$", match.group(), re.IGNORECASE))
        row = _YEAR_ROW.match(sentence, start) if match["range"] else None
        if row:
            position = row.end()  # the row's year labels the count after the dash; it is no part of a range
            continue
        if match["range"] and _CHANGE.search(sentence[:start]):
            end = _SINGLE.match(sentence, start).end()
        written = sentence[start:end].strip()
        text = re.sub(r"^from\s+", "", written, flags=re.IGNORECASE)
        mentions.append(Mention(end - len(text), end, text, _parse(text), weight))
        position = end
    return mentions


# The genitive dual ("ما يزيد على مليوني متعاطٍ": more than two million) reads as the nominative one.
_GENITIVE_DUAL = re.compile(r"(?<!\w)(مليون|ألف)ي(?!\w)")


def _parse(text: str) -> ParsedValue | None:
    text = compound_in_digits(text)
    text = thousand_and_hundreds_in_digits(ceiling_as_up_to(text))
    text = bare_mass_as_one(unit_and_half_in_digits(hundreds_in_digits(text)))
    half_more = and_a_half(text, parse_value)
    if half_more:
        return half_more
    text = _GENITIVE_DUAL.sub(r"\1ين", text)
    text = _COMPOUND.sub(_compound_in_digits, text)
    text = _BARE_MILLIONS.sub(lambda m: f"{2 if m[1] != 'مليون' else 1} مليون", text)
    chained = _chained_scales(text)
    if chained:
        return chained
    # a bare thousand is one thousand ("أكثر من ألف"), not when a number word counts it ("ستين ألف": sixty thousand)
    if not _COUNTED_SCALE.search(text):
        text = re.sub(r"(?<![\w\d])(?<!\d\s)(ألف|الف|مليون)$", r"1 \1", text)
    text = re.sub(rf"{_AR_UNIT_DUAL}", "2 كيلوغرام", text)
    text = re.sub(r"(?<!\w)(كيلوغرام\w*|كيلو|طن\w*)\s+واحد\w*", r"1 \1", text)
    try:
        return parse_value(text)
    except InputError:
        pass
    half = _and_a_half(text)
    if half:
        return half
    # "six tonnes and 183 kilograms": the value reader takes a compound mass only in digits.
    digits = _MASS_IN_WORDS.sub(lambda m: f"{parse_value(m[1]).value:g}", text, count=1)
    try:
        return parse_value(digits) if digits != text else None
    except InputError:
        return None


_COMPOUND = re.compile(rf"(?<!\w)(?P<units>{_AR_UNITS})\s+و\s*(?P<tens>{_AR_TENS})(?!\w)")
# By the word's stem: the feminine "ة" of a unit and the case ending ("ون", "ين") of a ten dropped.
_UNIT_STEMS = {"واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاث": 3, "أربع": 4, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7}
_UNIT_STEMS |= {"ثماني": 8, "تسع": 9}
_TEN_STEMS = {"عشر": 20, "ثلاث": 30, "أربع": 40, "اربع": 40, "خمس": 50, "ست": 60, "سبع": 70, "ثمان": 80, "تسع": 90}


def _compound_in_digits(match: re.Match) -> str:
    """'أربعة وأربعين' -> '44': the value reader knows each word alone, not the sum the "and" makes of them."""
    units = _UNIT_STEMS[match["units"].removesuffix("ة")]
    tens = _TEN_STEMS[match["tens"][:-2]]
    return str(tens + units)


# "مليون و650 ألف", "مليونين و300 ألف": the count of millions is the word itself (one, two).
_BARE_MILLIONS = re.compile(rf"(?<![\w\d])(?<!\d\s)(مليونين|مليونان|مليون)(?=\s+و\s*{_D})")
_COUNTED_SCALE = re.compile(rf"(?<!\w){_AR_COUNTED}\s+(?:ألف|الف|مليون)$")
_CHAINED = re.compile(
    rf"^(?P<head>.*?)(?P<millions>{_D}{{1,3}})\s+(?:مليوناً|مليونا|مليون|ملايين)\s+و\s*(?P<thousands>{_D}{{1,3}})"
    rf"\s+{_AR_THOUSAND}(?:\s+و\s*(?P<rest>{_D}{{1,3}}))?$"
)


def _chained_scales(text: str) -> ParsedValue | None:
    """'38 مليوناً و124 ألفاً و182' (38,124,182): the value reader takes one scale word, so the parts are summed
    here and the sum read with the qualifier written before it."""
    chained = _CHAINED.match(text.strip())
    if chained is None:
        return None
    digits = [int(str(chained[group] or 0).translate(WESTERN_DIGITS)) for group in ("millions", "thousands", "rest")]
    total = digits[0] * 1_000_000 + digits[1] * 1000 + digits[2]
    try:
        return parse_value(f"{chained['head']}{total}")
    except InputError:
        return None


# "مليونين ونصف المليون", "ثلاثة ملايين ونصف": a count of millions (or thousands) and half of one more.
_HALF = re.compile(rf"^(?P<head>.+?)\s+ونصف(?:\s+(?:ال)?(?P<scale>{_AR_SCALE}|طن))?$")
# By the first letter of the scale word; a tonne is the unit the head is already read in ("طنين": 2 t).
_SCALE_OF = {"م": 1_000_000.0, "ا": 1000.0, "آ": 1000.0, "أ": 1000.0, "ط": 1.0}


def _and_a_half(text: str) -> ParsedValue | None:
    half = _HALF.match(text.strip())
    scale_word = (half["scale"] or re.search(rf"{_AR_SCALE}(?!\w)", half["head"]) or [""])[0] if half else ""
    if not scale_word or scale_word[0] not in _SCALE_OF:
        return None
    try:
        head = parse_value(half["head"])
    except InputError:
        return None
    if head.value is None:
        return None
    extra = _SCALE_OF[scale_word[0]] / 2
    return replace(head, value=head.value + extra, precision=min(head.precision or extra, extra))


_MASS_IN_WORDS = re.compile(rf"({_WORDS})(?=\s*(?:{_WEIGHT}))", re.IGNORECASE)
