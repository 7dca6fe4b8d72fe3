"""Resolve a place as written (English, Arabic, Kurdish, ISO, a city standing for its governorate) to a code."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.errors import InputError

# Words that name the kind of unit rather than the place ("Basra governorate", "محافظة البصرة").
_GENERIC_WORDS = r"^(?:the |محافظه |province of |governorate of )|(?: governorate| province| provinces| governorates)$"
_ARABIC_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": None})


def place_key(text: str) -> str:
    """A spelling-insensitive key: no accents, apostrophes, hyphens, case or Arabic letter variants."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.translate(_ARABIC_FOLDS).casefold()
    plain = re.sub(r"[’'`ʿʾ]", "", plain)
    plain = re.sub(r"[-_.,()]", " ", plain)
    plain = " ".join(plain.split())
    return re.sub(_GENERIC_WORDS, "", plain).strip()


@lru_cache(maxsize=65536)
def _cached_key(text: str) -> str:
    return place_key(text)


@dataclass
class Gazetteer:
    """Every accepted spelling of every place, keyed by place_key."""

    names: dict[str, str] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)

    def add(self, spelling: str, code: str) -> None:
        key = place_key(spelling)
        known = self.names.get(key)
        if known and known != code:
            raise InputError(f"{spelling!r} already names {known}; one spelling cannot name two places")
        self.names[key] = code
        self.spellings.setdefault(key, spelling)

    def resolve(self, written: str) -> str:
        code = self.names.get(_cached_key(written))
        if code:
            return code
        close = difflib.get_close_matches(place_key(written), list(self.names), n=4, cutoff=0.6)
        hint = ", ".join(f"{self.spellings[k]!r} ({self.names[k]})" for k in close) or "none close"
        raise InputError(f"unknown place {written!r}; closest known names: {hint}")
