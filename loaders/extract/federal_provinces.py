"""A text that says its provinces are those outside the Kurdistan Region ("statistics of the courts in the Iraqi
provinces, except the Kurdistan Region") means those when it later says only "in the provinces" ("آلاف قضايا
المخدرات أمام المحاكم في المحافظات"): the bare word takes the scope the text gave it, not the whole country.
"""

from __future__ import annotations

import re

from loaders.extract.places import _AUTHORITY_PATTERNS, FEDERAL

# (the Interior Ministry's treatment centres are federal too, but they say nothing of which provinces the text means)
_EXCEPTS = re.compile(
    r"عدا|خارج|باستثناء|اتحادي|\boutside\b|\bexclud|\bexcept|\bfederal\b|\bnot\b|\bapart\b|\bother\b", re.I
)


def excepts_the_region(text: str) -> bool:
    """The text names the provinces outside the Kurdistan Region."""
    return any(
        _EXCEPTS.search(match.group())
        for pattern, code, _ in _AUTHORITY_PATTERNS
        if code == FEDERAL
        for match in pattern.finditer(text)
    )
