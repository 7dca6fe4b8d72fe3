"""A national body that announces one seizure ("the Defence Ministry's military intelligence intercepted a balloon
carrying 22,000 pills", datelined and headlined in Anbar) tells who made the find, not where it was: the country its
voice speaks for is the place of a period's totals, while one haul is where the text's headline or opening puts it.
With no such place, the authority still speaks for the figure (choose_place falls back to it).
"""

from __future__ import annotations

from loaders.extract.places import PlaceMention

_ONE_EVENT = {"seizure_event", "seizure_event_pills"}


def event_voice(indicator: str, voice: PlaceMention | None) -> PlaceMention | None:
    """The voice that speaks for the figure: none for a single seizure."""
    return None if indicator in _ONE_EVENT else voice
