"""The ledger's English structured words in the reader's language: the preference rule's steps, the build's
reasons for preferring a claim (loaders/reconcile.py writes them from a fixed set of rules, each one message here),
source types and publication dates. Used by the Claims and Sources pages."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from figures.i18n import DEFAULT, N_, date_text, digits, gettext_for, number
from layouts._grid import own_words

# The preference rule (data.schema.PREFERENCE_RULE, English) as messages, step for step, for the other languages.
RULE_STEPS = (
    N_(
        "A claim about part of a place (one district, court, centre or crossing) is never compared with the whole "
        "place's figure: it forms its own group."
    ),
    N_("A second transcription of a fact already in the ledger (same_as) is kept for the record and never counted."),
    N_("Reviewed claims rank above machine-extracted candidates awaiting review."),
    N_(
        "Source type: a statistical release, then an international dataset, an official statement, media relaying an "
        "official, an NGO compilation, and a media report."
    ),
    N_("Exactness: an exact figure, then an approximate one, then a range, then a bound (more than, at least)."),
    N_("The finer figure: 14,438 ranks above 14,500."),
    N_("The later publication: a later statement may correct an earlier one; unknown dates rank last."),
    N_("The claim id, so the choice never changes between builds."),
)
SOURCE_TYPE_NAMES = {
    "statistical_release": N_("statistical release"),
    "international_dataset": N_("international dataset"),
    "official_statement": N_("official statement"),
    "media_relaying_official": N_("media relaying official"),
    "ngo_compilation": N_("ngo compilation"),
    "media_report": N_("media report"),
}
UNKNOWN_DATE = N_("unknown")


# --- The build's preference reasons (English, loaders/reconcile.py) in the reader's language -------------------

# The criteria's phrases as the build writes them (loaders/reconcile.py _SOURCE_TYPE_WORDS, _QUALIFIER_WORDS).
SOURCE_TYPE_PHRASES = {
    "a statistical release": N_("a statistical release"),
    "an international dataset": N_("an international dataset"),
    "an official statement": N_("an official statement"),
    "media relaying an official": N_("media relaying an official"),
    "an NGO compilation": N_("an NGO compilation"),
    "a media report": N_("a media report"),
}
EXACTNESS_PHRASES = {
    "an exact figure": N_("an exact figure"),
    "an approximate figure": N_("an approximate figure"),
    "a range": N_("a range"),
    "a bound (more than, at least ...)": N_("a bound (more than, at least …)"),
}


def _either(phrases: dict[str, str]) -> str:
    return "(" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


# One message per criterion of the rule; groups are the values put into the message's placeholders.
RULE_SHAPES = (
    (
        re.compile(r"^a reviewed claim ranks above a machine-extracted candidate$"),
        N_("a reviewed claim ranks above a machine-extracted candidate"),
        (),
    ),
    (
        re.compile(f"^{_either(SOURCE_TYPE_PHRASES)} ranks above {_either(SOURCE_TYPE_PHRASES)}$"),
        N_("by source type, {winner} ranks above {loser}"),
        ("winner:type", "loser:type"),
    ),
    (
        re.compile(f"^{_either(EXACTNESS_PHRASES)} ranks above {_either(EXACTNESS_PHRASES)}$"),
        N_("by exactness, {winner} ranks above {loser}"),
        ("winner:exactness", "loser:exactness"),
    ),
    (
        re.compile(r"^the finer figure \((.+)\) ranks above the rounder \((.+)\)$"),
        N_("the finer figure ({finer}) ranks above the rounder ({rounder})"),
        ("finer:own", "rounder:own"),
    ),
    (
        re.compile(r"^same source type and exactness; the later publication wins \(published (.+), later than (.+)\)$"),
        N_("same source type and exactness; the later publication wins (published {later}, later than {earlier})"),
        ("later:date", "earlier:date"),
    ),
    (
        re.compile(
            r"^same source type and exactness; the later publication wins \(dated (.+); the other's date is unknown\)$"
        ),
        N_("same source type and exactness; the later publication wins (dated {date}; the other's date is unknown)"),
        ("date:date",),
    ),
    (
        re.compile(r"^nothing else separates them; the lower claim id is taken so the choice is stable$"),
        N_("nothing else separates them; the lower claim id is taken so the choice is stable"),
        (),
    ),
)
# The reason's own shapes; a "why" group is a rule phrase above.
REASON_SHAPES = (
    (
        re.compile(r"^preferred: the only claim for this place, period and scope$"),
        N_("preferred: the only claim for this place, period and scope"),
        (),
    ),
    (re.compile(r"^lost to (\S+): (.+)$"), N_("lost to {claim}: {why}"), ("claim:own", "why:why")),
    (
        re.compile(
            r"^not counted: the same published fact as (\S+), transcribed a second time \(kept for the record\)$"
        ),
        N_("not counted: the same published fact as {claim}, transcribed a second time (kept for the record)"),
        ("claim:own",),
    ),
    (
        re.compile(r"^preferred over (\d+) other claim\(s\); against the next, (\S+): (.+)$"),
        N_("preferred; other claims in the group: {count}; against the next, {claim}: {why}"),
        ("count:number", "claim:own", "why:why"),
    ),
    (
        re.compile(r"^not preferred: a machine-extracted candidate awaiting review$"),
        N_("not preferred: a machine-extracted candidate awaiting review"),
        (),
    ),
)


def _value(kind: str, text: str, lang: str) -> str | None:
    _ = gettext_for(lang)
    if kind == "type":
        return _(SOURCE_TYPE_PHRASES[text])
    if kind == "exactness":
        return _(EXACTNESS_PHRASES[text])
    if kind == "date":
        return published_text(text, lang)
    if kind == "number":
        return number(int(text), lang)
    if kind == "why":
        return _translated(RULE_SHAPES, text, lang)
    return own_words(text, lang)


def _translated(shapes: tuple, text: str, lang: str) -> str | None:
    """`text` matched against `shapes` and rebuilt from the matching message; None when no shape matches."""
    for pattern, message, slots in shapes:
        found = pattern.match(text)
        if not found:
            continue
        values = {}
        for slot, group in zip(slots, found.groups(), strict=True):
            name, kind = slot.split(":")
            values[name] = _value(kind, group, lang)
            if values[name] is None:
                return None
        return gettext_for(lang)(message).format(**values)
    return None


@lru_cache(maxsize=4096)
def reason_text(reason: str, lang: str) -> str:
    """The build's English preference reason in `lang`; a shape this page does not know is shown in English."""
    if lang == DEFAULT or not isinstance(reason, str) or not reason:
        return reason
    translated = _translated(REASON_SHAPES, reason, lang)
    return reason if translated is None else translated


def reason_is_known(reason: str) -> bool:
    """Whether reason_text translates `reason` (rather than falling back to its English)."""
    return not reason or _translated(REASON_SHAPES, reason, "ar") is not None


# --- Values shown in the table ---------------------------------------------------------------------------------


def published_text(published: object, lang: str) -> str:
    """A publication date as stored (2024-08-28, 2025-11, 2024) in the language; missing dates say so."""
    if not isinstance(published, str) or not published:
        return gettext_for(lang)(UNKNOWN_DATE)
    if lang == DEFAULT:
        return published
    if len(published) == 10:
        try:
            return date_text(datetime.date.fromisoformat(published), lang)
        except ValueError:
            pass
    return digits(published, lang)


def source_type_text(source_type: str, lang: str) -> str:
    message = SOURCE_TYPE_NAMES.get(source_type)
    return gettext_for(lang)(message) if message else source_type.replace("_", " ")
