"""A list of masses that runs on past the sentence naming their kind.

"Crystal made up the bulk of the destroyed material, at more than 410 kilograms. The remainder of the list was far
smaller: 35 kilograms of opium, 29 kg of hashish ...": the later masses, whose own sentence names no kind, are of the
kind of the mass the paragraph counted just before them.
"""

from __future__ import annotations

from loaders.extract.candidate import Candidate
from loaders.extract.rules import Guess


def listed_mass(unit_class: str | None, earlier: Candidate | None) -> Guess | None:
    """The kind of the paragraph's last figure, when both it and this figure are masses; None otherwise."""
    if unit_class != "weight" or earlier is None or earlier.unit != "kg":
        return None
    return Guess(
        earlier.indicator, f"a mass in the list the paragraph began with {earlier.value} ({earlier.indicator})"
    )
