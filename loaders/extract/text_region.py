"""The one place that takes in every other place a text names.

"... arrests in the Kurdistan Region are growing ... most of the centres are in Erbil and Sulaimani": the text names
three places, but two lie inside the third, so the figures that name no place are the Region's, not the country's.
"""

from __future__ import annotations

from loaders.extract.places import PlaceMention
from loaders.reference import Reference


def enclosing_place(places: list[PlaceMention], ref: Reference) -> PlaceMention | None:
    """The mention of the place every other named place lies within; None when there is no such place."""
    codes = {p.code for p in places if p.role != "partner"}
    for place in places:
        if place.role != "partner" and all(_within(code, place.code, ref) for code in codes):
            return place
    return None


def _within(code: str, outer: str, ref: Reference) -> bool:
    seen: set[str] = set()
    while code and code not in seen:
        if code == outer:
            return True
        seen.add(code)
        geography = ref.geographies.get(code)
        code = geography.fields["parent"] if geography else ""
    return False
