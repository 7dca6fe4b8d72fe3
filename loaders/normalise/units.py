"""Map a unit as written to the indicator's canonical unit, with the conversion factor recorded."""

from __future__ import annotations

from functools import lru_cache

from loaders.errors import InputError
from loaders.normalise.values import WEIGHT_UNITS

# Unit as written -> (canonical unit, factor to the canonical unit).
_UNIT_WORDS: dict[str, tuple[str, float]] = {
    **{
        word: ("persons", 1.0)
        for word in (
            "persons",
            "person",
            "people",
            "suspects",
            "accused",
            "traffickers",
            "dealers",
            "detainees",
            "defendants",
            "prisoners",
            "patients",
            "users",
            "individuals",
            "inpatients",
        )
    },
    **{word: ("kg", factor) for word, factor in WEIGHT_UNITS.items()},
    **{word: ("pills", 1.0) for word in ("pills", "pill", "tablets", "tablet", "capsules")},
    **{word: ("sentences", 1.0) for word in ("sentences", "sentence", "rulings")},
    **{word: ("cases", 1.0) for word in ("cases", "case")},
    **{word: ("centres", 1.0) for word in ("centres", "centers", "centre", "center")},
    **{word: ("beds", 1.0) for word in ("beds", "bed")},
    **{word: ("networks", 1.0) for word in ("networks", "network")},
    **{word: ("executions", 1.0) for word in ("executions", "execution")},
    **{word: ("percent", 1.0) for word in ("percent", "%", "per cent")},
}


def known_units() -> list[str]:
    return sorted(_UNIT_WORDS)


@lru_cache(maxsize=4096)
def resolve_unit(written: str, unit_hint: str | None, canonical: str) -> float:
    """Return the factor from the written unit (or the unit the value carries) to `canonical`."""
    word = (unit_hint or written).strip().lower()
    if word not in _UNIT_WORDS:
        raise InputError(f"unknown unit {written!r}; known units: {', '.join(known_units())}")
    unit, factor = _UNIT_WORDS[word]
    if unit != canonical:
        raise InputError(f"unit {word!r} is {unit}, but the indicator is measured in {canonical}")
    return factor
