"""The interface's languages: gettext catalogs (figures/locale, managed with Babel) and CLDR number and date formats.

Figures and pages take a language code (`en`, `ar`, `ckb`) and ask here for their words and numbers:

    _ = gettext_for(lang)
    _("No published figure"), number(14438, lang), period_text("Jan–Oct 2024", lang)

Messages written at module level are marked with `N_` (extracted, translated where shown). English is the
source language: its messages are the catalog keys, so English needs no catalog. Values in CSV and Parquet
files are never localised; only what a person reads is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "ar", "ckb")
DEFAULT = "en"
RIGHT_TO_LEFT = frozenset({"ar", "ckb"})
# The language switch names each language in itself.
NATIVE_NAMES = {"en": "English", "ar": "العربية", "ckb": "کوردی"}
# CLDR locales: Iraq's Arabic and Central Kurdish (Sorani) use Arabic-Indic digits and Arabic separators.
LOCALES = {"en": "en_GB", "ar": "ar_IQ", "ckb": "ckb_IQ"}
CATALOGS = Path(__file__).with_name("locale")
DOMAIN = "messages"
# The columns of the reference tables that name things in each language.
NAME_COLUMN = {"en": "name_en", "ar": "name_ar", "ckb": "name_ku"}
LABEL_COLUMN = {"en": "label_en", "ar": "label_ar", "ckb": "label_ckb"}


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name for "mark only"
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


class MissingCatalog(RuntimeError):
    """A language's compiled catalog is absent: `make catalogs` (run by `make run` and `make test`) builds it."""


def known(lang: object) -> str:
    """The language code if it is one of ours, else the default (a hostile or stale address never fails)."""
    return lang if isinstance(lang, str) and lang in LANGUAGES else DEFAULT


def direction(lang: str) -> str:
    return "rtl" if lang in RIGHT_TO_LEFT else "ltr"


def negotiate(accepted: list[tuple[str, float]]) -> str:
    """The first of our languages a browser's Accept-Language asks for (in its order of preference), else English.

    `accepted` is [(tag, quality)], e.g. werkzeug's request.accept_languages; "ar-IQ" counts as "ar", and
    "ku" (Kurdish with no script named) as Sorani, the Kurdish written in the Kurdistan Region.
    """
    for tag, quality in sorted(accepted, key=lambda pair: -pair[1]):
        base = tag.lower().replace("_", "-").split("-")[0]
        base = "ckb" if base == "ku" else base
        if quality > 0 and base in LANGUAGES:
            return base
    return DEFAULT


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> NullTranslations:
    if lang == DEFAULT:
        return NullTranslations()
    compiled = CATALOGS / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not compiled.exists():
        raise MissingCatalog(f"{compiled}: no compiled catalog for {lang!r}; run `make catalogs`")
    return Translations.load(str(CATALOGS), [lang], DOMAIN)


class Gettext:
    """`_ = gettext_for(lang)`: `_("text")` is the text in `lang`, English when a message has no translation."""

    def __init__(self, lang: str) -> None:
        self.lang = known(lang)
        self._translations = translations(self.lang)

    def __call__(self, message: str) -> str:
        return self._translations.gettext(message) if message else message


@lru_cache(maxsize=len(LANGUAGES))
def gettext_for(lang: str) -> Gettext:
    return Gettext(known(lang))


_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def digits(text: str, lang: str) -> str:
    """Western digits as the language writes them (years and days inside labels; numbers use number())."""
    return text.translate(_ARABIC_INDIC) if lang in RIGHT_TO_LEFT else text


def number(value: float | int, lang: str, decimals: int | None = None) -> str:
    """14,438 · ١٤٬٤٣٨ · 14.4: grouped, with at most `decimals` decimals (all significant ones when None)."""
    pattern = None if decimals is None else "#,##0" + ("." + "#" * decimals if decimals else "")
    # Babel gives the locale's separators (٬ ٫) but keeps Western digits; the locale's own digits are put in here.
    text = format_decimal(value, format=pattern, locale=LOCALES[known(lang)], numbering_system="default")
    return digits(text, lang)


def year(value: int, lang: str) -> str:
    """A year, ungrouped: 2024 · ٢٠٢٤."""
    return digits(str(int(value)), lang)


@lru_cache(maxsize=64)
def month_names(lang: str) -> dict[int, str]:
    """Month names as the locale abbreviates them (Iraq's Arabic and Sorani use the Syriac month names)."""
    names = Locale.parse(LOCALES[known(lang)]).months["format"]["abbreviated"]
    return dict(names)


_ENGLISH_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)}
_MONTH = re.compile(r"\b(" + "|".join(_ENGLISH_MONTHS) + r")\b")


def date_text(day, lang: str) -> str:  # noqa: ANN001 - a date or an ISO text
    """5 Oct 2024 · ٥ تشرين الأول ٢٠٢٤."""
    return digits(format_date(day, "d MMM y", locale=LOCALES[known(lang)]), lang)


def dates_in(text: str, lang: str) -> str:
    """A date or span as the build labels it ('1 Jan–22 Jul 2024', 'Oct 2015–Dec 2017') in the language's words."""
    if lang == DEFAULT:
        return text
    months = month_names(lang)
    return digits(_MONTH.sub(lambda m: months[_ENGLISH_MONTHS[m.group(1)]], text), lang)


# The build writes period labels in English (loaders/normalise/periods.py); each shape has one message here.
_PERIOD_SHAPES = (
    (re.compile(r"^as of (.+)$"), N_("as of {date}")),
    (re.compile(r"^reported (.+)$"), N_("reported {date}")),
    (re.compile(r"^to (.+) \(start not stated\)$"), N_("to {date} (start not stated)")),
    (re.compile(r"^(\d{4}) to date \(end not stated\)$"), N_("{date} to date (end not stated)")),
    (re.compile(r"^H1 (\d{4})$"), N_("first half of {date}")),
    (re.compile(r"^H2 (\d{4})$"), N_("second half of {date}")),
    (re.compile(r"^Q1 (\d{4})$"), N_("first quarter of {date}")),
    (re.compile(r"^Q2 (\d{4})$"), N_("second quarter of {date}")),
    (re.compile(r"^Q3 (\d{4})$"), N_("third quarter of {date}")),
    (re.compile(r"^Q4 (\d{4})$"), N_("fourth quarter of {date}")),
)


@lru_cache(maxsize=8192)
def period_text(label: str, lang: str) -> str:
    """A period label in the language: 'first half of 2024' · 'النصف الأول من ٢٠٢٤'; English labels stay as built."""
    if lang == DEFAULT or not isinstance(label, str):
        return label
    _ = gettext_for(lang)
    for pattern, message in _PERIOD_SHAPES:
        found = pattern.match(label)
        if found:
            return _(message).format(date=dates_in(found.group(1), lang))
    return dates_in(label, lang)


# Units as the ledger stores them (data/schema.py); a unit not listed here is shown as stored.
UNITS = {
    "persons": N_("persons"),
    "kg": N_("kg"),
    "pills": N_("pills"),
    "sentences": N_("sentences"),
    "cases": N_("cases"),
    "centres": N_("centres"),
    "networks": N_("networks"),
    "beds": N_("beds"),
    "percent": N_("percent"),
    "executions": N_("executions"),
    "per 100,000": N_("per 100,000"),
}
QUALIFIERS = {
    "about": N_("about {value}"),
    "more_than": N_("more than {value}"),
    "at_least": N_("at least {value}"),
    "less_than": N_("less than {value}"),
    "at_most": N_("up to {value}"),
    "exact": "{value}",
}


def unit_text(unit: str, lang: str) -> str:
    message = UNITS.get(unit)
    return gettext_for(lang)(message) if message else unit
