"""Guess what a figure counts: its unit from the words after it, its indicator from keywords nearby, its drug."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.normalise.units import known_units
from loaders.normalise.values import WEIGHT_UNITS

# Unit words as they appear after a figure -> the class of thing counted.
_UNIT_CLASSES: dict[str, tuple[str, ...]] = {
    "persons": (
        "persons",
        "person",
        "people",
        "suspects",
        "suspect",
        "accused",
        "traffickers",
        "trafficker",
        "dealers",
        "dealer",
        "smugglers",
        "smuggler",
        "promoters",
        "detainees",
        "defendants",
        "defendant",
        "prisoners",
        "inmates",
        "patients",
        "users",
        "addicts",
        "individuals",
        "men",
        "women",
        "man",  # "sentenced one man to life": the one person a ruling counts
        "woman",
        "youths",
        "others",
        "convicts",
        "foreigners",
        "nationals",
        "officers",
        "policemen",
        "personnel",
        "members",
        "soldiers",
        "arrests",
        "arrestees",
        "students",
        "minors",
        "juveniles",
        "offenders",
        "traders",
        "merchants",
        "vendors",
        "criminals",
        "fugitives",
        "couriers",
        "peddlers",
        "pushers",
        "sellers",
        "distributors",
        "abusers",
        "teenagers",
        "adults",
        "citizens",
        "residents",
        "inhabitants",
    ),
    "weight": tuple(WEIGHT_UNITS),
    "pills": ("pills", "pill", "tablets", "tablet", "capsules"),
    "sentences": ("sentences", "sentence", "rulings", "verdicts", "terms"),
    "executions": ("executions", "execution", "hangings"),  # "more than 52 executions"  # "330 life terms"
    "cases": ("cases", "case", "lawsuits"),
    # Offences recorded by the police or a monitoring body, not court cases ("2,500 trafficking crimes").
    "crimes": ("crimes", "crime", "offences", "offence", "offenses", "offense"),
    "centres": ("centres", "centers", "centre", "center", "clinics", "facilities", "hospitals"),
    "beds": ("beds", "bed"),
    "networks": ("networks", "network", "gangs", "gang", "cells", "rings"),
    # Things no indicator counts ("five vehicles", "two pistols", "13 farm buildings"): set aside with the reason.
    "objects": (
        "vehicles",
        "vehicle",
        "cars",
        "trucks",
        "truck",
        "pickups",
        "lorries",
        "motorcycles",
        "boats",
        "weapons",
        "guns",
        "pistols",
        "rifles",
        "firearms",
        "rounds",
        "bullets",
        "phones",
        "checkpoints",
        "buildings",
        "houses",
        "homes",
        "farms",
        "shops",
        "warehouses",
        "villages",
        "warrants",
        "packs",
        "packets",
        "strips",
        "bags",
        "boxes",
        "parcels",
        # Liquids and their containers ("5492 drops", "2390 ml", "31,000 ampoules"): no indicator counts them.
        "drops",
        "ml",
        "millilitres",
        "milliliters",
        "litres",
        "liters",
        "ampoules",
        "ampules",
        "vials",
        "bottles",
        "cc",
    ),
}
# Arabic unit words (as printed after a figure, with or without the article or accusative ending).
_AR_UNIT_CLASSES: dict[str, tuple[str, ...]] = {
    "persons": (
        "شخص",
        "شخصاً",
        "شخصا",
        "أشخاص",
        "اشخاص",
        "متهم",
        "متهماً",
        "متهما",
        "متهمين",
        "مشتبه",
        "تاجر",
        "تاجراً",
        "تجار",
        "مروج",
        "مروجاً",
        "مروجين",
        "متعاط",
        "متعاطياً",
        "متعاطين",
        "مدمن",
        "مدمناً",
        "مدمنين",
        "نزيل",
        "نزيلاً",
        "نزلاء",
        "سجين",
        "سجيناً",
        "سجناء",
        "موقوف",
        "موقوفاً",
        "موقوفين",
        "مريض",
        "مريضاً",
        "مرضى",
        "مواطن",
        "مواطناً",
        "أجنبي",
        "أجنبياً",
        "أجانب",
        "منتسب",
        "منتسباً",
        "منتسبين",
        "عنصر",
        "عنصراً",
        "محكوم",
        "محكوماً",
        "محكومين",
        "مطلوب",
        "مطلوباً",
        "مطلوبين",
        "مدان",
        "مداناً",
        "مدانين",
        "نسمة",  # inhabitants, the word a population count is written in
    ),
    "weight": ("طن", "طناً", "أطنان", "كيلوغرام", "كيلوغراماً", "كيلوغرامات", "كغم", "غرام", "غراماً"),
    "pills": ("حبة", "حبات", "حبوب", "قرص", "أقراص", "اقراص", "كبسولة", "كبسولات"),
    "sentences": ("حكم", "حكماً", "أحكام", "احكام"),
    "cases": ("قضية", "قضايا", "دعوى", "دعاوى", "ملف", "ملفاً", "ملفات"),  # "1,297 ملفاً قضائياً": court files
    "crimes": ("جريمة", "جرائم"),
    "centres": ("مركز", "مركزاً", "مراكز", "مصحة", "مصحات", "مستشفى"),
    "beds": ("سرير", "سريراً", "أسرة", "اسرة"),
    "networks": ("شبكة", "شبكات", "عصابة", "عصابات", "خلية", "خلايا"),
    # Things no indicator counts: a figure of them is set aside, never made into kilograms or persons.
    "objects": (
        "سيارة",
        "سيارات",
        "عجلة",
        "عجلات",
        "مركبة",
        "مركبات",
        "سلاح",
        "أسلحة",
        "اسلحة",
        "مسدس",
        "مسدسات",
        "بندقية",
        "بنادق",
        "هاتف",
        "هواتف",
        "منزل",
        "منازل",
        "مزرعة",
        "مزارع",
        "شريط",
        "أشرطة",
        "اشرطة",
        "علبة",
        "علب",
        "مذكرة",
        "مذكرات",
        "مفرزة",
        "مفارز",
        "سيطرة",
        "سيطرات",
        "دورية",
        "دوريات",
        "قطرة",
        "قطرات",
        "مليلتر",
        "مليلترات",
        "ملليلتر",
        "مل",
        "لتر",
        "لترات",
        "أمبولة",
        "أمبولات",
        "امبولة",
        "امبولات",
        "قنينة",
        "قناني",
        "زجاجة",
        "زجاجات",
        # "١١ عملية إتلاف" (destruction operations), "٨٥٠ سي سي" (cc of a liquid): no indicator counts them.
        "عملية",
        "عمليات",
        "سي",
    ),
}
UNIT_OF = {word: unit_class for unit_class, words in _UNIT_CLASSES.items() for word in words}
UNIT_OF |= {word: unit_class for unit_class, words in _AR_UNIT_CLASSES.items() for word in words}
_AR_STOP = {"في", "من", "على", "إلى", "الى", "خلال", "منذ", "عن", "مع", "بعد", "قبل", "وفق", "حسب"}
# The class each indicator's canonical unit belongs to.
_CANONICAL_CLASS = {
    "persons": "persons",
    "kg": "weight",
    "pills": "pills",
    "sentences": "sentences",
    "cases": "cases",
    "centres": "centres",
    "beds": "beds",
    "networks": "networks",
    "executions": "executions",
}
_STOP = {
    "in",
    "at",
    "on",
    "from",
    "to",
    "for",
    "and",
    "or",
    "with",
    "by",
    "were",
    "was",
    "have",
    "has",
    "had",
    "are",
    "is",
    "who",
    "that",
    "which",
    "since",
    "during",
    "of",
    "over",
    "this",
    "last",
    "the",
}
_LEDGER_UNITS = set(known_units())


@dataclass(frozen=True)
class UnitWord:
    word: str | None  # the unit word as written, lower-cased; None when the figure is bare ("three in Baghdad")
    unit_class: str | None
    end: int  # offset (in the text after the figure) just past the words read


def read_unit(after: str, carries_weight: bool) -> UnitWord:
    """The first unit word among the (at most four) words after a figure, stopping at a preposition or verb."""
    if carries_weight:
        return UnitWord("kg", "weight", 0)
    paired = 0  # "600 local and international drug trafficking networks": two adjectives joined read as one
    for token in re.finditer(r"[A-Za-z%\u0621-\u064a]+(?:[-'][A-Za-z]+)*", after[:70]):
        gap = after[: token.start()]
        if re.search(r"[,;:.()\"“”،؛]", gap):
            break
        word = token.group().lower()
        bare = re.sub(r"^(?:ال|بال|وال|لل)(?=\w{3})", "", word)  # the article: "الحبوب" counts as "حبوب"
        # the accusative ending, once its tanween is set aside: "متهما" is "متهم", "طنا" is "طن"
        forms = [word, bare, bare.removesuffix("ا")]
        unit_word = next((form for form in forms if form in UNIT_OF), None)
        if unit_word:
            member = _MEMBERS.match(after, token.end())  # "36 gang members" counts people, not gangs
            if UNIT_OF[unit_word] == "networks" and member:
                return UnitWord(member[1].lower(), "persons", member.end())
            return UnitWord(unit_word, UNIT_OF[unit_word], token.end())
        words_read = len(re.findall(r"[A-Za-z\u0621-\u064a]+", after[: token.end()]))
        if words_read <= 2 and _other_plural(token.group()):
            return UnitWord(word, "objects", token.end())
        if word in ("and", "or") and words_read == 2 and not paired:
            paired = 2
            continue
        if word in _STOP or word in _AR_STOP or words_read >= 4 + paired:
            break
    return UnitWord(None, None, 0)


def substance_named_before(before: str) -> UnitWord | None:
    """The pills or mass a bare "N of them" counts, named earlier in its sentence ("Pills went the same way:
    190,520 of them"); the last such word before the figure."""
    for token in reversed(list(re.finditer(r"[A-Za-z\u0621-\u064a]+", before))):
        word = token.group().lower()
        bare = re.sub(r"^(?:ال|بال|وال|لل)(?=\w{3})", "", word)
        unit_word = next((form for form in (word, bare) if UNIT_OF.get(form) in ("pills", "weight")), None)
        if unit_word:
            return UnitWord(unit_word, UNIT_OF[unit_word], 0)
    return None


_MEMBERS = re.compile(r"\s+(members|leaders|affiliates)\b", re.IGNORECASE)
# Lower-case English words ending in -s that are no plural noun, or name drugs rather than what is counted.
_NOT_COUNTED_PLURAL = {"was", "has", "is", "this", "its", "his", "thus", "as", "plus", "less", "across"}
_NOT_COUNTED_PLURAL |= {"narcotics", "drugs", "amphetamines", "methamphetamines", "opiates", "psychotropics"}


def _other_plural(token: str) -> bool:
    """'two interceptions', '2 toilets', '274 armed clashes', '9 doctors': a plural noun that is no unit we know,
    so the figure counts something no indicator measures."""
    return (
        re.fullmatch(r"[a-z]{3,}s", token) is not None
        and not token.endswith("ss")
        and token not in UNIT_OF
        and token not in _STOP
        and token not in _NOT_COUNTED_PLURAL
    )


def ledger_unit(unit: UnitWord, canonical: str) -> tuple[str, bool]:
    """The unit to write in the ledger, and whether it had to be taken from the indicator instead of the text.

    A mass is written with the ledger's own symbols (t, kg, g, mg: "tons" and "tonnes" become "t"), which the
    build converts to kilograms, so a candidate's unit never varies with the outlet's spelling."""
    if unit.word and unit.unit_class == _CANONICAL_CLASS.get(canonical):
        if unit.word in WEIGHT_UNITS:
            return _MASS_SYMBOL[WEIGHT_UNITS[unit.word]], False
        if unit.word in _ARABIC_MASS:  # "13 طناً" is 13 t: never 13 kg
            return _ARABIC_MASS[unit.word], False
        if unit.word in _LEDGER_UNITS:
            return unit.word, False
        return canonical, False
    return canonical, unit.word is not None


_MASS_SYMBOL = {1000.0: "t", 1.0: "kg", 0.001: "g", 0.000001: "mg"}
_ARABIC_MASS = {
    **dict.fromkeys(("طن", "طناً", "طنا", "أطنان", "اطنان"), "t"),
    **dict.fromkeys(("كيلوغرام", "كيلوغراماً", "كيلوغراما", "كيلوغرامات", "كغم", "كغ"), "kg"),
    **dict.fromkeys(("غرام", "غراماً", "غراما", "غرامات", "غم"), "g"),
}


def compatible(unit_class: str | None, canonical: str) -> bool:
    """Whether a figure counting `unit_class` can measure an indicator in `canonical` units."""
    wanted = _CANONICAL_CLASS.get(canonical)
    if unit_class is None:
        return wanted in ("persons", "sentences", "executions")
    if unit_class == "persons" and wanted == "executions":  # "17 people were put to death"
        return True
    if unit_class == "crimes":  # recorded offences are counted in the ledger's "cases" unit
        return wanted == "cases"
    return unit_class == wanted or (unit_class == "persons" and wanted == "sentences")


_DRUGS = [
    (r"captagon", "captagon"),
    (r"crystal(?:\s+meth(?:amphetamine)?)?|methamphetamines?|\bmeth\b|shabu", "methamphetamine"),
    (r"hashish|\bhash\b|cannabis\s+resin", "cannabis_resin"),
    (r"marijuana|cannabis\s+herb", "cannabis_herb"),
    (r"cannabis", "cannabis"),
    (r"heroin", "heroin"),
    (r"crack", "crack_cocaine"),
    (r"cocaine", "cocaine"),
    (r"opium", "opium"),
    (r"tramadol", "tramadol"),
    (r"codeine", "codeine"),
    (r"(?<!meth)amphetamines?", "amphetamine"),
    (r"psychotropic|(?:narcotic|prescription)\s+(?:pills|tablets|capsules)", "psychotropic_pills"),
    (r"الكبتاغون|كبتاغون|الكبتاجون|كبتاجون", "captagon"),
    (r"الكريستال|كريستال|الميثامفيتامين|الشبو", "methamphetamine"),
    (r"الحشيشة|حشيشة|الحشيش|حشيش", "cannabis_resin"),
    (r"الماريجوانا|ماريجوانا|القنب", "cannabis_herb"),
    (r"الهيروين|هيروين", "heroin"),
    (r"الكوكايين|كوكايين", "cocaine"),
    (r"الترياق|ترياق|الأفيون|أفيون|الافيون", "opium"),
    (r"الترامادول|ترامادول", "tramadol"),
    (r"المؤثرات\s+العقلية|مؤثرات\s+عقلية|حبوب\s+مخدرة|الحبوب\s+المخدرة", "psychotropic_pills"),
]
_DRUG_PATTERNS = [(re.compile(pattern, re.IGNORECASE), drug) for pattern, drug in _DRUGS]
# Pills named as drugs: by their drug ("captagon pills") or as narcotic ("narcotic pills", "حبة مخدرة").
NAMED_DRUG = "|".join([r"\bnarcotic|\bpsychotropic|مخدر\w*|مؤثر\w*", *(pattern for pattern, _ in _DRUGS)])


# Words after "of" that name no particular drug ("1.8 tons of narcotics", "1.5 tons of seized drugs").
_ANY_DRUG = re.compile(
    r"^(?:(?:the|seized|illegal|illicit|various|different|mixed|assorted)\s+)*"
    r"(?:drugs?|narcotics?|substances?|materials?|contraband)\b"
    r"|^(?:المواد\s+المخدرة|مواد\s+مخدرة|المخدرات|مخدرات)",
    re.IGNORECASE,
)


def nearest_drug(window: str, figure: tuple[int, int], unit_end: int, substance_unit: bool = False) -> str:
    """The drug a figure counts: named between it and its unit ('1.2 million captagon pills') or just after
    ('212 kilograms of crystal meth'), else the nearest one before it, else after it; 'all' when none is named.

    A substance after "of" that is no drug we list ('48,000 capsules of pregabalin') is 'other'.
    """
    # Arabic "من" (of) names the substance only after a mass or pill word ("5 كغم من الحشيشة"), not after people.
    of_word = r"(?:of|من)" if substance_unit else "of"
    of_phrase = re.match(rf"\s+{of_word}\s+((?:\S+\s+){{0,3}}\S+)", window[figure[1] + unit_end :])
    own_end = figure[1] + unit_end + (of_phrase.end() if of_phrase else 0)
    own = _first_drug(window, figure[1], own_end, last=False)
    if own or of_phrase:
        return own or ("all" if _ANY_DRUG.match(of_phrase[1]) else "other")
    return (
        _first_drug(window, 0, figure[0], last=True) or _first_drug(window, own_end, len(window), last=False) or "all"
    )


def _first_drug(window: str, start: int, end: int, last: bool) -> str | None:
    found = sorted((m.start(), drug) for pattern, drug in _DRUG_PATTERNS for m in pattern.finditer(window, start, end))
    return (found[-1][1] if last else found[0][1]) if found else None


def distance(span: tuple[int, int], figure: tuple[int, int]) -> int:
    """Characters between a keyword and a figure; -1 when the keyword phrase wraps the figure itself."""
    if span[0] <= figure[0] and span[1] >= figure[1]:
        return -1
    return max(figure[0] - span[1], span[0] - figure[1], 0)
