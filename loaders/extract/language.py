"""Which language an article is written in: Arabic or English, by the letters it uses.

The rules themselves read both languages in any text (an English article may quote an Arabic place name, an
Arabic one may give "kg"), so the language does not switch rules on or off. It is reported with the candidates,
and checked against the source's recorded language before candidates are appended, where a mismatch usually
means the wrong source id."""

from __future__ import annotations

import re

LANGUAGES = {"en": "English", "ar": "Arabic"}

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en' (also for a text with no letters at all)."""
    return "ar" if len(_ARABIC_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text)) else "en"


def language_line(given: str | None, detected: str) -> str:
    """One line for the report: the language used, and whether the text agrees with a language given."""
    if given is None:
        return f"language: {LANGUAGES[detected]} (detected)"
    if given == detected:
        return f"language: {LANGUAGES[given]} (given; the text agrees)"
    return f"language: {LANGUAGES[given]} (given; the text reads as {LANGUAGES[detected]}: check the file)"
