"""Read the reference vocabularies: indicators, drugs, geographies and their aliases."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loaders.csvio import RawFileError, Record, read_records
from loaders.errors import InputError, Problem
from loaders.normalise.places import Gazetteer

INDICATOR_COLUMNS = ("id", "label_en", "label_ar", "label_ckb", "unit", "kind", "summable", "description")
DRUG_COLUMNS = ("id", "label_en", "label_ar", "label_ckb", "note")
GEOGRAPHY_COLUMNS = ("code", "name_en", "name_ar", "name_ku", "level", "parent", "members", "note")
ALIAS_COLUMNS = ("alias", "code", "kind")
KINDS = ("flow", "stock", "event")
LEVELS = ("country", "region", "governorate", "composite")


@dataclass
class Reference:
    indicators: dict[str, Record] = field(default_factory=dict)
    drugs: dict[str, Record] = field(default_factory=dict)
    geographies: dict[str, Record] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    problems: list[Problem] = field(default_factory=list)


def read_reference(raw_dir: Path) -> Reference:
    ref = Reference()
    ref.indicators = _keyed(raw_dir, "indicators.csv", INDICATOR_COLUMNS, "id", ref.problems)
    ref.drugs = _keyed(raw_dir, "drugs.csv", DRUG_COLUMNS, "id", ref.problems)
    ref.geographies = _keyed(raw_dir, "geographies.csv", GEOGRAPHY_COLUMNS, "code", ref.problems)
    for record in ref.indicators.values():
        _check_indicator(record, ref.problems)
    _check_geographies(ref)
    _build_gazetteer(raw_dir, ref)
    return ref


def _keyed(raw_dir: Path, name: str, columns: tuple[str, ...], key: str, problems: list[Problem]) -> dict:
    try:
        records = read_records(raw_dir / name, name, columns)
    except (RawFileError, FileNotFoundError) as error:
        problems.append(getattr(error, "problem", Problem(name, 0, "", "file is missing")))
        return {}
    keyed: dict[str, Record] = {}
    for record in records:
        value = record.fields[key]
        if not value:
            problems.append(Problem(name, record.line, key, "empty id"))
        elif value in keyed:
            problems.append(
                Problem(name, record.line, key, f"duplicate id {value!r} (first on line {keyed[value].line})")
            )
        else:
            keyed[value] = record
    return keyed


def _check_indicator(record: Record, problems: list[Problem]) -> None:
    fields = record.fields
    if fields["kind"] not in KINDS:
        problems.append(Problem(record.file, record.line, "kind", f"{fields['kind']!r} is not one of {KINDS}"))
    if fields["summable"] not in ("true", "false"):
        problems.append(Problem(record.file, record.line, "summable", "must be true or false"))


def _check_geographies(ref: Reference) -> None:
    for code, record in ref.geographies.items():
        fields = record.fields
        if fields["level"] not in LEVELS:
            ref.problems.append(
                Problem(record.file, record.line, "level", f"{fields['level']!r} is not one of {LEVELS}")
            )
        for member in filter(None, fields["members"].split("|")):
            if member not in ref.geographies:
                ref.problems.append(
                    Problem(record.file, record.line, "members", f"unknown member {member!r} of {code}")
                )
        if fields["parent"] and fields["parent"] not in ref.geographies:
            ref.problems.append(Problem(record.file, record.line, "parent", f"unknown parent {fields['parent']!r}"))


def _build_gazetteer(raw_dir: Path, ref: Reference) -> None:
    """Codes and names are aliases of themselves; geography_aliases.csv adds the other spellings."""
    for code, record in ref.geographies.items():
        for spelling in (code, record.fields["name_en"], record.fields["name_ar"], record.fields["name_ku"]):
            _add_alias(ref, spelling, code, record)
    try:
        alias_records = read_records(raw_dir / "geography_aliases.csv", "geography_aliases.csv", ALIAS_COLUMNS)
    except (RawFileError, FileNotFoundError) as error:
        ref.problems.append(getattr(error, "problem", Problem("geography_aliases.csv", 0, "", "file is missing")))
        return
    for record in alias_records:
        code = record.fields["code"]
        if code not in ref.geographies:
            ref.problems.append(Problem(record.file, record.line, "code", f"unknown geography code {code!r}"))
            continue
        _add_alias(ref, record.fields["alias"], code, record)
        ref.aliases.setdefault(code, []).append(record.fields["alias"])


def _add_alias(ref: Reference, spelling: str, code: str, record: Record) -> None:
    if not spelling:
        return
    try:
        ref.gazetteer.add(spelling, code)
    except InputError as error:
        ref.problems.append(Problem(record.file, record.line, "alias", str(error)))
