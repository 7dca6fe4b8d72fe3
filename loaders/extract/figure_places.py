"""Which places a figure takes beyond the one its words name: places shared across "and", governorates listed as one
area, the national voice a sentence quotes, the facility a count is of.

Kept apart from engine.py, which hands the result to context.choose_place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.extract.context import Context
from loaders.extract.figure_window import Figure
from loaders.extract.places import COUNTRY, PlaceMention
from loaders.reference import Reference

# Only a comma or "and" between two places of one list: "across Nineveh and Kirkuk", "in Erbil, Sulaimani and Duhok".
_LIST_GAP = re.compile(r"^\s*(?:[,،]\s*)?(?:(?:and|or)\s+|و\s*)?$", re.IGNORECASE)


def listed_together(owned: list[PlaceMention], text: str, ref: Reference) -> list[PlaceMention]:
    """Governorates a figure names as one list are one place: the area made of exactly them ("Erbil, Sulaimani and
    Duhok": the Kurdistan Region), else the country (a network "across Nineveh and Kirkuk")."""
    places = sorted(owned, key=lambda p: p.start)
    run = places[:1]
    for place in places[1:]:
        if _LIST_GAP.match(text[run[-1].end : place.start]):
            run.append(place)
            continue
        if len(run) > 1:
            break
        run = [place]
    codes = {p.code for p in run}
    if len(codes) < 2 or any(ref.geographies.get(code) is None for code in codes):
        return owned
    if any(ref.geographies[code].fields["level"] != "governorate" for code in codes):
        return owned
    code = _area_of(codes, ref)
    joint = PlaceMention(
        run[0].start,
        run[-1].end,
        ref.geographies[code].fields["name_en"],
        code,
        f"'{text[run[0].start : run[-1].end]}'",
    )
    return [p for p in owned if p not in run] + [joint]


def _area_of(codes: set[str], ref: Reference) -> str:
    """The area whose members are these governorates (Halabja may go unnamed beside Sulaymaniyah), else the one
    they all lie in (a list may run on from another figure's places: "Of the 3,069 held in Erbil, Sulaimani and
    Duhok, 510 ..."), else Iraq."""
    for code, geography in ref.geographies.items():
        members = set(filter(None, (geography.fields.get("members") or "").split("|")))
        if members and codes in (members, members - {"X-IQ-HAL"}):
            return code
    parents = {ref.geographies[code].fields["parent"] for code in codes}
    parent = parents.pop() if len(parents) == 1 else COUNTRY
    return parent if parent in ref.geographies else COUNTRY


def speaking_voice(voice: PlaceMention | None, places: list[PlaceMention]) -> PlaceMention | None:
    """The national authority a sentence quotes; in a sentence that names the whole country ("16 centres across the
    country"), it speaks for all of Iraq even about the Interior Ministry's treatment centres."""
    if voice and any(p.code == COUNTRY for p in places):
        return replace(voice, role="national")
    return voice


# "arrested 49 people and seized 241 kilograms of drugs in Erbil and Duhok": "and" joins two figures under one place.
_JOINED = re.compile(r"^[^,;،؛()]*?(?:\band\b|(?<!\S)و)[^,;،؛()]*$", re.IGNORECASE)


def owned_places(
    places: list[PlaceMention], owners: dict[int, int | None], figures: list[Figure], text: str
) -> list[list[PlaceMention]]:
    """Each figure's places; a figure joined by "and" to the next one in its clause shares the place linked after
    that one, when it has none after itself."""
    owned = [
        _with_list_run([p for p in places if owners[id(p)] == index], places, owners, text)
        for index in range(len(figures))
    ]
    for index in range(len(figures) - 2, -1, -1):
        figure, following = figures[index], figures[index + 1]
        trailing = [p for p in owned[index + 1] if p.start > following.mention.end]
        own_after = any(p.start > figure.mention.end for p in owned[index])
        between = text[figure.mention.end : following.mention.start]
        if trailing and not own_after and figure.clause == following.clause and _JOINED.match(between):
            owned[index] = owned[index] + trailing
    return owned


def _with_list_run(
    owned: list[PlaceMention], places: list[PlaceMention], owners: dict[int, int | None], text: str
) -> list[PlaceMention]:
    """ "stored in Baghdad, Najaf and Basra": the places listed on after a figure's own place are its too, though only
    the first is linked to it by "in" (listed_together then makes them one area)."""
    run = list(owned)
    for place in sorted(places, key=lambda p: p.start):
        if (
            run
            and owners[id(place)] is None
            and place.start >= run[-1].end
            and _LIST_GAP.match(text[run[-1].end : place.start])
        ):
            run.append(place)
    return run


# One facility's own count ("the hospital currently holds 70 patients", "المستشفى يضم"): the facility is where the
# text is set, not the whole country of the national ministry the text quotes.
_ONE_FACILITY = re.compile(
    r"\bthe\s+(?:hospital|centre|center|clinic|sanatorium|prison|facility)\b|(?<!\w)(?:ال)?(?:مستشفى|مركز|مصحة|سجن)(?!\w)",
    re.IGNORECASE,
)


def facility_place(place: PlaceMention, why: str, before: str, context: Context) -> tuple[PlaceMention, str]:
    national = place in (context.authority_place, context.voice) and place.code == COUNTRY
    if not (national and context.text_place and _ONE_FACILITY.search(before)):
        return place, why
    return context.text_place, f"{context.text_place.why}, the only place the text names: where the facility is"
