"""One fact is counted once: find a published figure transcribed twice under two places, periods or scopes.

Two claims from one statement (one source, or sources marked as relaying each other) with the same
indicator, drug and value but a different place, period or scope are almost always one fact entered
twice. The build refuses them unless one says `same_as` the other (a second transcription, kept but
never counted) or `distinct_because` says why they are two facts (e.g. two governorates that happen
to share a figure).
"""

from __future__ import annotations

from typing import Any

from loaders.errors import Problem

FACT = ("indicator_id", "drug_id", "value", "qualifier", "value_low", "value_high")
WHERE_WHEN = ("geo_code", "period_start", "period_end", "scope")


def statement_roots(sources: list[dict[str, Any]]) -> dict[str, str]:
    """Each source's statement: the source it relays (followed to the end), or itself."""
    relays = {s["source_id"]: s["relays"] for s in sources}
    roots: dict[str, str] = {}
    for source_id in relays:
        seen, current = [source_id], source_id
        while relays.get(current) and relays[current] not in seen:
            current = relays[current]
            seen.append(current)
        roots[source_id] = current
    return roots


def unknown_relays(sources: list[dict[str, Any]], lines: dict[str, tuple[str, int]]) -> list[Problem]:
    known = {s["source_id"] for s in sources}
    return [
        Problem(*lines[s["source_id"]], "relays", f"unknown source {s['relays']!r}")
        for s in sources
        if s["relays"] and s["relays"] not in known
    ]


def same_fact_problems(claims: list[dict[str, Any]], roots: dict[str, str]) -> list[Problem]:
    """A problem naming both lines for every claim that repeats an earlier claim's fact elsewhere."""
    by_id = {c["claim_id"]: c for c in claims}
    problems = [
        Problem(c["raw_file"], c["raw_line"], "same_as", f"unknown claim {c['same_as']!r}")
        for c in claims
        if c["same_as"] and c["same_as"] not in by_id
    ]
    problems += [
        Problem(
            c["raw_file"], c["raw_line"], "same_as", f"{c['same_as']} is itself a copy; name the claim that is kept"
        )
        for c in claims
        if c["same_as"] in by_id and by_id[c["same_as"]]["same_as"]
    ]
    problems += _entered_twice(claims)
    first_seen: dict[tuple, dict[str, Any]] = {}
    for claim in claims:
        if claim["same_as"] or claim["distinct_because"] or claim["review"]:
            continue  # Candidates awaiting review are checked once a person has reviewed them.
        fact = (roots[claim["source_id"]], *(claim[k] for k in FACT))
        earlier = first_seen.setdefault(fact, claim)
        if earlier is not claim and _differs(earlier, claim):
            problems.append(_problem(claim, earlier))
    return problems


def _entered_twice(claims: list[dict[str, Any]]) -> list[Problem]:
    """The same source's same figure for the same place and period, on two lines."""
    seen: dict[tuple, dict[str, Any]] = {}
    problems = []
    for claim in claims:
        if claim["same_as"]:
            continue
        key = (claim["source_id"], *(claim[k] for k in FACT), *(claim[k] for k in WHERE_WHEN))
        earlier = seen.setdefault(key, claim)
        if earlier is not claim:
            message = (
                f"entered twice: {earlier['claim_id']} ({earlier['raw_file']}:{earlier['raw_line']}) has the same "
                "source, figure, place and period; delete this line or set same_as"
            )
            problems.append(Problem(claim["raw_file"], claim["raw_line"], "claim_id", message))
    return problems


def _differs(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return any(a[k] != b[k] for k in WHERE_WHEN)


def _problem(claim: dict[str, Any], earlier: dict[str, Any]) -> Problem:
    what = [
        name
        for name, keys in (("place", ("geo_code",)), ("period", ("period_start", "period_end")), ("scope", ("scope",)))
        if any(claim[k] != earlier[k] for k in keys)
    ]
    message = (
        f"same fact as {earlier['claim_id']} ({earlier['raw_file']}:{earlier['raw_line']}): same statement, "
        f"indicator, drug and value {claim['value_as_written']!r} but a different {' and '.join(what)}; "
        f"set same_as on the wrong copy, or distinct_because if they are two facts"
    )
    return Problem(claim["raw_file"], claim["raw_line"], "value", message)
