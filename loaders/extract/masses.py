"""The ledger's mass units and the scaling of a figure written in one of them to the indicator's kilograms.

Kept apart from engine.py: the build reads the same units (normalise.values.WEIGHT_UNITS).
"""

from __future__ import annotations

from loaders.normalise.values import WEIGHT_UNITS, ParsedValue

MASS_SYMBOLS = ("t", "kg", "g", "mg")  # the ledger's mass units, which the build converts to kg


def mass_factor(parsed: ParsedValue | None, written: str, canonical: str) -> float:
    """What one written unit is in kilograms, for an indicator measured in kg ("3 tons": 1000); 1 otherwise.

    A compound mass ("2 tons and 156 kg") is already read in kg, which its unit hint says."""
    if canonical != "kg" or parsed is None:
        return 1.0
    return WEIGHT_UNITS.get(parsed.unit_hint or written, 1.0)


def scaled(number: float | None, factor: float) -> float | None:
    return None if number is None else round(number * factor, 6)
